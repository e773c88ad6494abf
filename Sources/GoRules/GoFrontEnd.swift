import LintCore

/// The Go language front end: parses a file, computes the shared facts once, runs every enabled rule.
public struct GoFrontEnd: LanguageFrontEnd {
    public init() {}

    public var language: String { "go" }
    public var fileExtensions: [String] { ["go"] }
    public var rules: [RuleDescriptor] { [] }

    public func isGenerated(_ file: SourceFile) -> Bool { false }

    public func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] { [] }
}
