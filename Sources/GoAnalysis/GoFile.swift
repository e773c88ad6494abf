import GoSyntax
import LintCore

/// One parsed Go file and the facts every rule shares, each computed at most once, on first use.
/// Rules check their cheap preconditions (imports) before touching the lazy facts, so files that
/// cannot contain a finding cost only the parse.
public final class GoFile {
    public let tree: SyntaxTree
    public let imports: ImportTable
    /// `_test.go` files get test-specific treatment (e.g. `Test*` functions have no caller context).
    public let isTestFile: Bool
    /// The module's `go` directive (from the nearest go.mod) or the configured default, e.g. "1.22".
    public let languageVersion: String?
    /// Extra type names (as written, e.g. `echo.Context`, `*gin.Context`) that hold a request context.
    public let extraContextTypes: [String]
    /// For extra context types whose `context.Context` is known: the member calls that get it
    /// (`.Request().Context()`), empty for a type that is one itself.
    public let contextAccessors: [String: String]
    /// The other files of the package, read (once per run and directory) only when a rule asks.
    public let siblings: PackageSiblings

    public init(tree: SyntaxTree, languageVersion: String? = nil, extraContextTypes: [String] = [],
                contextAccessors: [String: String] = [:], siblingIndex: PackageSiblingIndex = PackageSiblingIndex()) {
        self.tree = tree
        self.siblings = PackageSiblings(path: tree.source.path, index: siblingIndex)
        self.imports = ImportTable(tree: tree)
        self.isTestFile = tree.source.path.hasSuffix("_test.go")
        self.languageVersion = languageVersion
        self.extraContextTypes = extraContextTypes
        self.contextAccessors = contextAccessors
    }

    public var source: SourceFile { tree.source }

    public private(set) lazy var bindings = Bindings(tree: tree)
    public private(set) lazy var contexts = ContextFacts(file: self)
    public private(set) lazy var controlFlow = ControlFlowGraphs(file: self)
    public private(set) lazy var cancels = CancelFacts(file: self)
    public private(set) lazy var index = NodeIndex(tree: tree)
    public private(set) lazy var importUses = ImportUses(file: self)

    private var cachedWaitFacts: WaitFacts?
    /// `contextOrigin(of: symbol)` by symbol: rules ask it for every context in scope at every
    /// call they inspect, and each answer follows all the symbol's assignments.
    var contextOriginsBySymbol: [SymbolID: ContextOrigin] = [:]

    /// Where the file waits and whether it can see cancellation there. Every lifecycle rule asks
    /// with the same options, so the facts are computed once per file.
    public func waitFacts(_ options: WaitOptions) -> WaitFacts {
        if let cached = cachedWaitFacts, cached.options == options { return cached }
        let facts = WaitFacts(file: self, options: options)
        cachedWaitFacts = facts
        return facts
    }

    // MARK: Package references

    /// For `pkg.Member` where `pkg` names an import (not shadowed by a local), the import path.
    public func importPath(ofQualifier expression: NodeID) -> String? {
        guard tree.kind(expression) == .selectorExpr else { return nil }
        let qualifier = tree.child(expression, 0)
        guard tree.kind(qualifier) == .identifier else { return nil }
        if bindings.symbol(of: qualifier).map({ bindings[$0].kind != .importName }) == true { return nil }
        let name = tree.text(qualifier)
        return imports.path(ofLocalName: name)
    }

    /// Whether `expression` is `pkg.member` with `pkg` an import of one of `paths`.
    public func isReference(_ expression: NodeID, to paths: Set<String>, member: StaticString) -> Bool {
        guard tree.kind(expression) == .selectorExpr, tree.hasText(tree.child(expression, 1), member),
              let path = importPath(ofQualifier: expression) else { return false }
        return paths.contains(path)
    }

    /// The member name when `expression` is `pkg.Member` with `pkg` an import of one of `paths`.
    public func referencedMember(_ expression: NodeID, in paths: Set<String>) -> String? {
        guard tree.kind(expression) == .selectorExpr, let path = importPath(ofQualifier: expression),
              paths.contains(path) else { return nil }
        return tree.text(tree.child(expression, 1))
    }

    /// When `call` is a call of `pkg.Member(...)` with `pkg` an import of one of `paths`, the member.
    public func calledMember(_ call: NodeID, in paths: Set<String>) -> String? {
        guard tree.kind(call) == .callExpr else { return nil }
        return referencedMember(tree.unparen(tree.child(call, 0)), in: paths)
    }

    /// Whether `type` is `pkg.Name` (for an import of one of `paths`).
    public func isNamedType(_ type: NodeID, in paths: Set<String>, name: StaticString) -> Bool {
        isReference(tree.unparen(type), to: paths, member: name)
    }

    /// Whether `type` is `*pkg.Name`.
    public func isPointerType(_ type: NodeID, in paths: Set<String>, name: StaticString) -> Bool {
        let inner = tree.unparen(type)
        return tree.kind(inner) == .starExpr && isNamedType(tree.child(inner, 0), in: paths, name: name)
    }

    /// Whether `type` is `context.Context` (through the file's alias) or a configured context-like type.
    public func isContextType(_ type: NodeID) -> Bool {
        guard type.exists else { return false }
        if isNamedType(type, in: ImportTable.contextPaths, name: "Context") { return true }
        guard !extraContextTypes.isEmpty else { return false }
        let written = tree.text(type).filter { !$0.isWhitespace }
        return extraContextTypes.contains(written)
    }

    /// What turns a value of the context type `type` into a `context.Context`: "" for
    /// `context.Context` itself, the configured accessor for an extra context type, nil when the
    /// configuration does not say (such a value cannot be passed where a `context.Context` is needed).
    public func contextAccessor(ofType type: NodeID) -> String? {
        if isNamedType(type, in: ImportTable.contextPaths, name: "Context") { return "" }
        return contextAccessors[tree.text(type).filter { !$0.isWhitespace }]
    }

    // MARK: Structure

    /// The innermost funcDecl or funcLit containing `node` (the node itself excluded).
    public func enclosingFunction(of node: NodeID) -> NodeID {
        var current = tree.parent(node)
        while current.exists {
            switch tree.kind(current) {
            case .funcDecl, .funcLit: return current
            default: current = tree.parent(current)
            }
        }
        return .none
    }

    /// The funcType of a funcDecl or funcLit.
    public func functionType(_ function: NodeID) -> NodeID {
        tree.kind(function) == .funcDecl ? tree.child(function, 2) : tree.child(function, 0)
    }

    /// The body block of a funcDecl or funcLit (none for a declaration without body).
    public func functionBody(_ function: NodeID) -> NodeID {
        tree.kind(function) == .funcDecl ? tree.child(function, 3) : tree.child(function, 1)
    }

    /// The name of a funcDecl (`main`, `ServeHTTP`), nil for literals.
    public func functionName(_ function: NodeID) -> String? {
        tree.kind(function) == .funcDecl ? tree.text(tree.child(function, 1)) : nil
    }

    /// The package name from the package clause.
    public var packageName: String {
        let name = tree.child(tree.root, 0)
        return name.exists ? tree.text(name) : ""
    }

    /// Whether the call's function is the identifier or selector `name` (e.g. `panic`, `t.Fatal`).
    public func calleeName(_ call: NodeID) -> String? {
        guard tree.kind(call) == .callExpr else { return nil }
        let function = tree.unparen(tree.child(call, 0))
        switch tree.kind(function) {
        case .identifier: return tree.text(function)
        case .selectorExpr: return tree.text(tree.child(function, 1))
        default: return nil
        }
    }
}
