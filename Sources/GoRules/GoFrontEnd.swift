import GoAnalysis
import GoSyntax
import LintCore

/// The Go language front end: parses a file, builds the shared facts lazily, runs every enabled rule.
public struct GoFrontEnd: LanguageFrontEnd {
    private let registry: [GoRule]
    private let moduleVersions: ModuleVersions
    private let siblingIndex: PackageSiblingIndex

    /// `moduleVersions` finds each file's go.mod, `siblingIndex` the words of the other files of
    /// its package; one cache of each serves the whole run.
    public init(rules: [GoRule] = GoRuleRegistry.all, moduleVersions: ModuleVersions = ModuleVersions(),
                siblingIndex: PackageSiblingIndex = PackageSiblingIndex()) {
        self.registry = rules
        self.moduleVersions = moduleVersions
        self.siblingIndex = siblingIndex
    }

    public var language: String { "go" }
    public var fileExtensions: [String] { ["go"] }
    public var rules: [RuleDescriptor] { [SyntaxErrorRule.descriptor] + registry.map(\.descriptor) }

    /// Types (as written, e.g. `echo.Context`, `*gin.Context`) that carry a request's context,
    /// set in the configuration's `go:` section; each may say how to get its `context.Context`
    /// (`context: .Request().Context()`, or `""` for a type that is one), which fixes then pass.
    public static let extraContextTypes = OptionDeclaration(
        name: "extra-context-types", type: .namesWithAccessors(nameKey: "type", accessorKey: "context"),
        defaultValue: .accessors([]),
        summary: "types, as written in the code, that hold a context like context.Context, and how to get it")

    public var languageOptions: [OptionDeclaration] { [Self.extraContextTypes] }

    public var testFilePatterns: [String] { ["*_test.go"] }

    public func isGenerated(_ file: SourceFile) -> Bool {
        GeneratedFileMarker.isGenerated(file.bytes)
    }

    public func lint(_ source: SourceFile, settings: LintSettings) -> [Diagnostic] {
        lint(GoParser.parse(source), settings: settings)
    }

    public func lintFile(_ source: SourceFile, settings: LintSettings) -> FileLintOutput {
        let tree = GoParser.parse(source)
        return FileLintOutput(diagnostics: lint(tree, settings: settings), comments: tree.comments.map(\.range),
                              nodeEnd: { offset in StatementExtent.end(ofNodeStartingAt: offset, in: tree) })
    }

    /// Go does not build a file with an unused import, or one that names a package it does not
    /// import: `ImportEdits.verdict` repairs the one and rejects the other.
    public func judgeFixedText(_ fixed: SourceFile, original: SourceFile, settings: LintSettings) -> FixedTextVerdict {
        ImportEdits.verdict(on: fixed, original: original)
    }

    private func lint(_ tree: SyntaxTree, settings: LintSettings) -> [Diagnostic] {
        let source = tree.source
        var diagnostics: [Diagnostic] = []
        if let syntaxError = SyntaxErrorRule.diagnostic(firstAt: tree.errors.first?.offset, message: tree.errors.first?.message ?? "",
                                                        errorCount: tree.errors.count, file: source, settings: settings) {
            diagnostics.append(syntaxError)
        }
        let languageVersion = moduleVersions.version(forFile: source.path) ?? settings.defaultLanguageVersion
        let extraContextTypes = settings.value(of: Self.extraContextTypes)
        let file = GoFile(tree: tree, languageVersion: languageVersion, extraContextTypes: extraContextTypes.strings,
                          contextAccessors: extraContextTypes.accessorsByName, siblingIndex: siblingIndex)
        let enabledRules = registry.filter { settings.isEnabled($0.descriptor) }
        let enabledRuleIDs = Set(enabledRules.map(\.id))
        for rule in enabledRules {
            var context = GoRuleContext(file: file, descriptor: rule.descriptor,
                                        settings: settings.settings(for: rule.id).fillingDefaults(rule.descriptor.options),
                                        enabledRuleIDs: enabledRuleIDs, lintSettings: settings)
            rule.check(&context)
            diagnostics += context.diagnostics
        }
        return diagnostics
    }
}

/// Where a declaration or statement starting at an offset ends, for `//nolint` placed above it.
enum StatementExtent {
    static func end(ofNodeStartingAt offset: Int32, in tree: SyntaxTree) -> Int32? {
        var end: Int32?
        tree.walk(tree.root) { node in
            let range = tree.range(node)
            // Only subtrees that contain the offset can hold a node starting there.
            guard range.start <= offset, range.end > offset else { return false }
            if range.start == offset, isDeclarationOrStatement(tree.kind(node)) {
                end = max(end ?? range.end, range.end)
            }
            return true
        }
        return end
    }

    static func isDeclarationOrStatement(_ kind: NodeKind) -> Bool {
        switch kind {
        case .genDecl, .funcDecl, .declStmt, .labeledStmt, .exprStmt, .sendStmt, .incDecStmt, .assignStmt,
             .goStmt, .deferStmt, .returnStmt, .branchStmt, .blockStmt, .ifStmt, .caseClause, .switchStmt,
             .typeSwitchStmt, .commClause, .selectStmt, .forStmt, .rangeStmt, .valueSpec, .typeSpec:
            return true
        default:
            return false
        }
    }
}

/// Go's convention for generated files: a line `// Code generated ... DO NOT EDIT.` before the
/// package clause.
enum GeneratedFileMarker {
    static func isGenerated(_ bytes: [UInt8]) -> Bool {
        let prefix = Array("// Code generated ".utf8)
        let suffix = Array(" DO NOT EDIT.".utf8)
        let packageKeyword = Array("package".utf8)
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let line = bytes[lineStart..<contentEnd]
            if line.starts(with: packageKeyword) { return false }
            if line.count >= prefix.count + suffix.count, line.starts(with: prefix), line.reversed().starts(with: suffix.reversed()) {
                return true
            }
            lineStart = lineEnd + 1
        }
        return false
    }
}
