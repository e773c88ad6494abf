import GoSyntax

/// Where a context value comes from, following its derivation chain inside the file:
/// `ctx, cancel := context.WithCancel(parent)` comes from `parent`; `parent` may be a parameter
/// (the caller's context) or `context.Background()` made right here.
public struct ContextOrigin: Hashable, Sendable {
    public enum Root: Hashable, Sendable {
        /// A parameter, a request's `Context()`, or a value of unknown origin: assumed to carry
        /// the caller's cancellation.
        case caller
        /// `context.Background()` or `context.TODO()` made in this file: no caller behind it.
        case detached
        /// Never assigned a context (a named result before its first assignment).
        case unassigned
    }

    /// The parameters (and receivers) the chain starts from.
    public var parameters: Set<SymbolID> = []
    /// Whether a value of unknown origin (a call, a field, a package variable) takes part.
    public var hasUnknownSource = false
    /// Whether `context.Background()` or `context.TODO()` made in this file takes part.
    public var hasFreshRoot = false
    /// Whether a timeout or deadline is set along the chain: true for `WithTimeout`/`WithDeadline`,
    /// false when none can be (a `Background()` root, or `WithoutCancel`), nil when unknown.
    public var hasDeadline: Bool? = false
    /// The context symbols the chain passes through (the value's own symbol included).
    public var symbols: Set<SymbolID> = []

    public var root: Root {
        if hasUnknownSource || !parameters.isEmpty { return .caller }
        return hasFreshRoot ? .detached : .unassigned
    }

    static let unknown = ContextOrigin(hasUnknownSource: true, hasDeadline: nil)
    static let fresh = ContextOrigin(hasFreshRoot: true, hasDeadline: false)
    static let nothing = ContextOrigin()

    /// The origin of a value assigned from any of `origins` on different paths.
    static func merging(_ origins: [ContextOrigin]) -> ContextOrigin {
        guard var merged = origins.first else { return ContextOrigin.nothing }
        for origin in origins.dropFirst() {
            merged.parameters.formUnion(origin.parameters)
            merged.hasUnknownSource = merged.hasUnknownSource || origin.hasUnknownSource
            merged.hasFreshRoot = merged.hasFreshRoot || origin.hasFreshRoot
            if origin.hasDeadline != merged.hasDeadline { merged.hasDeadline = nil }
            merged.symbols.formUnion(origin.symbols)
        }
        return merged
    }
}

extension GoFile {
    /// Constructors that set a deadline on the context they derive.
    static let deadlineConstructors: Set<String> = ["WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"]

    /// Where the context `expression` evaluates to comes from; nil when it is not recognisably a
    /// context (an unknown call, a field).
    public func contextOrigin(of expression: NodeID) -> ContextOrigin? {
        var visiting: Set<SymbolID> = []
        return contextOrigin(of: expression, resultIndex: -1, visiting: &visiting)
    }

    /// Where the context held by `symbol` comes from, over its initializer and every assignment.
    public func contextOrigin(of symbol: SymbolID) -> ContextOrigin {
        if let known = contextOriginsBySymbol[symbol] { return known }
        var visiting: Set<SymbolID> = []
        let origin = contextOrigin(ofSymbol: symbol, visiting: &visiting)
        contextOriginsBySymbol[symbol] = origin
        return origin
    }

    private func contextOrigin(ofSymbol id: SymbolID, visiting: inout Set<SymbolID>) -> ContextOrigin {
        let symbol = bindings[id]
        switch symbol.kind {
        case .parameter, .receiver:
            return ContextOrigin(parameters: [id], hasDeadline: nil, symbols: [id])
        case .variable, .result:
            guard !symbol.isPackageLevel else { return ContextOrigin(hasUnknownSource: true, hasDeadline: nil, symbols: [id]) }
        default:
            return ContextOrigin.unknown
        }
        // A cycle (`ctx = wrap(ctx)`) adds nothing new.
        guard visiting.insert(id).inserted else { return ContextOrigin.nothing }
        var origins: [ContextOrigin] = []
        if symbol.value.exists {
            guard tree.kind(symbol.declaration) != .rangeStmt else { return ContextOrigin.unknown }
            origins.append(contextOrigin(of: symbol.value, resultIndex: symbol.valueIndex, visiting: &visiting)
                           ?? ContextOrigin.unknown)
        }
        for (value, index) in assignedValues(of: id) {
            origins.append(contextOrigin(of: value, resultIndex: index, visiting: &visiting) ?? ContextOrigin.unknown)
        }
        var merged = ContextOrigin.merging(origins)
        merged.symbols.insert(id)
        return merged
    }

    /// The values later assigned to a symbol with `=`, each with the result index it receives
    /// (-1 for a one-to-one assignment).
    public func assignedValues(of symbol: SymbolID) -> [(value: NodeID, index: Int32)] {
        var values: [(NodeID, Int32)] = []
        for use in bindings.uses(of: symbol) {
            let list = tree.parent(use)
            let statement = tree.parent(list)
            guard tree.kind(list) == .list, tree.kind(statement) == .assignStmt,
                  tree.child(statement, 0) == list,
                  tree.op(statement) == .assign || tree.op(statement) == .define,
                  let position = tree.children(list).firstIndex(of: use) else { continue }
            let left = tree.children(list)
            let right = tree.children(tree.child(statement, 1))
            if right.count == left.count {
                values.append((right[right.startIndex + (position - left.startIndex)], -1))
            } else if right.count == 1, let only = right.first {
                values.append((only, Int32(position - left.startIndex)))
            }
        }
        return values
    }

    private func contextOrigin(of expression: NodeID, resultIndex: Int32,
                               visiting: inout Set<SymbolID>) -> ContextOrigin? {
        let node = tree.unparen(expression)
        switch tree.kind(node) {
        case .identifier:
            guard resultIndex < 0, let symbol = bindings.symbol(of: node) else { return nil }
            return contextOrigin(ofSymbol: symbol, visiting: &visiting)
        case .callExpr:
            break
        default:
            return nil
        }
        let parent = tree.child(node, 1)
        if let member = calledMember(node, in: ImportTable.contextPaths) {
            switch member {
            case "Background", "TODO":
                return resultIndex <= 0 ? ContextOrigin.fresh : nil
            case "WithoutCancel":
                guard resultIndex <= 0 else { return nil }
                var origin = contextOrigin(of: parent, resultIndex: -1, visiting: &visiting) ?? ContextOrigin.unknown
                origin.hasDeadline = false
                return origin
            case _ where ContextFacts.derivingConstructors.contains(member):
                guard resultIndex <= 0 else { return nil }
                var origin = contextOrigin(of: parent, resultIndex: -1, visiting: &visiting) ?? ContextOrigin.unknown
                if GoFile.deadlineConstructors.contains(member) { origin.hasDeadline = true }
                return origin
            default:
                return nil
            }
        }
        if calledMember(node, in: ["os/signal"]) == "NotifyContext" {
            guard resultIndex <= 0 else { return nil }
            return contextOrigin(of: parent, resultIndex: -1, visiting: &visiting) ?? ContextOrigin.unknown
        }
        if calledMember(node, in: ["golang.org/x/sync/errgroup"]) == "WithContext" {
            guard resultIndex == 1 else { return nil }
            return contextOrigin(of: parent, resultIndex: -1, visiting: &visiting) ?? ContextOrigin.unknown
        }
        if resultIndex < 0, contexts.isRequestContextCall(node) {
            let receiver = tree.child(tree.child(node, 0), 0)
            guard let request = bindings.symbol(of: receiver) else { return ContextOrigin.unknown }
            var origin = ContextOrigin(hasDeadline: nil, symbols: [request])
            if bindings[request].kind == .parameter { origin.parameters = [request] } else { origin.hasUnknownSource = true }
            return origin
        }
        return nil
    }
}

extension GoFile {
    /// Of the contexts in scope, the ones no other of them is derived from: `ctx` rather than
    /// `r.Context()` after `ctx := r.Context()`, the `WithTimeout` child rather than its parent.
    /// These are the contexts new work should use.
    public func innermostContexts(_ candidates: [ContextInScope]) -> [ContextInScope] {
        guard candidates.count > 1 else { return candidates }
        let ancestors = candidates.map { context -> Set<SymbolID> in
            var symbols = contextOrigin(of: context.symbol).symbols
            symbols.remove(context.symbol)
            return symbols
        }
        return candidates.filter { context in
            !ancestors.contains { $0.contains(context.symbol) }
        }
    }

    /// The contexts new work at `node` can use, innermost first choice: context variables that
    /// hold one (not a named result before its first assignment), and requests received as
    /// parameters — a request variable or result is one being built, not one being served.
    public func usableContexts(at node: NodeID) -> [ContextInScope] {
        innermostContexts(contexts.contextsInScope(at: node).filter { context in
            switch context.kind {
            case .request: return bindings[context.symbol].kind == .parameter
            case .variable: return contextOrigin(of: context.symbol).root != .unassigned
            }
        })
    }

    /// The innermost contexts in scope at `node` that carry the cancellation of a caller of the
    /// function around `node` (or of a function enclosing it): its context and request
    /// parameters, captured ones, and contexts derived from them. A context made from
    /// `context.Background()` here, or received as a parameter of a nested function literal, is not one.
    public func callerContexts(at node: NodeID) -> [ContextInScope] {
        let candidates = contexts.contextsInScope(at: node).filter { context in
            guard context.kind == .variable else { return bindings[context.symbol].kind == .parameter }
            let origin = contextOrigin(of: context.symbol)
            return origin.hasUnknownSource
                || origin.parameters.contains { tree.isAncestor(bindings[$0].function, of: node) }
        }
        return innermostContexts(candidates)
    }
}
