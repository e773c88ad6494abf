import GoRules
import LintCore
import SwiftLangRules

/// The languages the command lints: `.go` and `.swift` files in one run.
public let defaultFrontEnds: [any LanguageFrontEnd] = [GoFrontEnd(), SwiftFrontEnd()]
