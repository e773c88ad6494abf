import LintCore
import SwiftLangSyntax

/// Per-file facts shared by the Swift rules, each computed once, on first use.
public final class SwiftFile {
    public let tree: SwiftSyntaxTree

    public init(tree: SwiftSyntaxTree) {
        self.tree = tree
    }

    public var source: SourceFile { tree.source }
}
