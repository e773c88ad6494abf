import GoSyntax

extension GoFile {
    /// When `call` calls `pkg.Member` of an import of one of `paths` and the member is one of
    /// `members`, the member. The selector's spelling is checked before any binding is looked up.
    public func calledMember(_ call: NodeID, in paths: Set<String>, among members: NameSet) -> String? {
        guard tree.kind(call) == .callExpr else { return nil }
        let function = tree.unparen(tree.child(call, 0))
        guard tree.kind(function) == .selectorExpr, members.contains(tree.child(function, 1), in: tree) else { return nil }
        return referencedMember(function, in: paths)
    }

    /// `context.Background()` or `context.TODO()` (through the file's import of either context package).
    public func isFreshContextCall(_ call: NodeID) -> Bool {
        guard tree.kind(call) == .callExpr, tree.childCount(call) == 1 else { return false }
        let function = tree.unparen(tree.child(call, 0))
        guard tree.kind(function) == .selectorExpr else { return false }
        let member = tree.child(function, 1)
        guard tree.hasText(member, "Background") || tree.hasText(member, "TODO") else { return false }
        return referencedMember(function, in: ImportTable.contextPaths) != nil
    }

    /// Whether `expression` is the predeclared `nil` (not a local of that name).
    public func isNil(_ expression: NodeID) -> Bool {
        let inner = tree.unparen(expression)
        return tree.isIdentifier(inner, "nil") && bindings.symbol(of: inner) == nil
    }

    /// The local name the standard `context` package is imported under, if it is.
    public var contextPackageName: String? {
        imports.localNames(of: "context").first
    }
}

/// A call `x.name(...)`: of a method, or of a package's function.
public struct SelectorCall: Sendable {
    public var call: NodeID
    /// `x`: the receiver value, or the package name.
    public var receiver: NodeID
    public var member: NodeID
}

extension GoFile {
    /// Every call `x.name(...)` with `name` one of `names`, in source order. The names are
    /// compared before anything else is looked at.
    public func selectorCalls(named names: NameSet) -> [SelectorCall] {
        var calls: [SelectorCall] = []
        for node in index.nodes(.callExpr) {
            let function = tree.unparen(tree.child(node, 0))
            guard tree.kind(function) == .selectorExpr else { continue }
            let member = tree.child(function, 1)
            if names.contains(member, in: tree) {
                calls.append(SelectorCall(call: node, receiver: tree.child(function, 0), member: member))
            }
        }
        return calls.sorted { tree[$0.call].start < tree[$1.call].start }
    }
}
