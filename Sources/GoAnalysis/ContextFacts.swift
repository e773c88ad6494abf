import GoSyntax

/// A context available at some point of a function: a context variable, or an
/// `*http.Request` parameter whose `Context()` carries the request's cancellation.
public struct ContextInScope: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case variable, request }
    public var symbol: SymbolID
    public var kind: Kind
    /// How to write it in a message or fix: `ctx`, `r.Context()`, `c.Request().Context()` (a
    /// configured extra context type with its accessor), `c` (one without).
    public var expression: String
    /// Whether `expression` is a `context.Context`, so that a fix may pass it where one is needed:
    /// false for a value of an extra context type whose accessor is not configured.
    public var isStandardContext: Bool = true
}

/// Which local variables hold contexts, requests and cancel functions: the "context in scope"
/// resolver shared by every rule.
public struct ContextFacts {
    /// Local symbols holding a context, in declaration order.
    public private(set) var contextSymbols: [SymbolID] = []
    /// Local `*http.Request` parameters and variables.
    public private(set) var requestSymbols: [SymbolID] = []
    /// Local symbols declared from a cancel-returning constructor, with the constructor's name
    /// (`context.WithTimeout`, `signal.NotifyContext`).
    public private(set) var cancelSymbols: [(symbol: SymbolID, constructor: String)] = []
    private var cancelSymbolsByDeclaration: [NodeID: [SymbolID]] = [:]
    private var isContextSymbol: Set<SymbolID> = []
    private var isRequestSymbol: Set<SymbolID> = []
    /// Context and request symbols by the node bounding their scope, and every local symbol
    /// sharing a name with one of them by that node too (for shadowing). A lookup at a node walks
    /// only the scopes around it, so its cost is the nesting depth, not the size of the file.
    private var candidatesByScope: [NodeID: [SymbolID]] = [:]
    private var namedLikeByScope: [NodeID: [SymbolID]] = [:]
    /// How many names the context and request symbols have: once inner scopes hide them all,
    /// nothing further out can be visible.
    private var candidateNameCount = 0
    private unowned let file: GoFile

    /// Constructors whose second result is a cancel function.
    public static let cancelConstructors: Set<String> = [
        "WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause",
    ]
    /// Constructors whose first result is a derived context.
    public static let derivingConstructors: Set<String> = cancelConstructors.union(["WithValue", "WithoutCancel"])

    init(file: GoFile) {
        self.file = file
        let bindings = file.bindings
        for index in bindings.symbols.indices {
            let id = SymbolID(Int32(index))
            let symbol = bindings.symbols[index]
            guard !symbol.isPackageLevel,
                  symbol.kind == .variable || symbol.kind == .parameter || symbol.kind == .result else { continue }
            if symbol.type.exists {
                if file.isContextType(symbol.type) {
                    contextSymbols.append(id)
                    isContextSymbol.insert(id)
                } else if file.isPointerType(symbol.type, in: ["net/http"], name: "Request") {
                    requestSymbols.append(id)
                    isRequestSymbol.insert(id)
                }
                continue
            }
            guard symbol.value.exists else { continue }
            if let constructor = cancelConstructor(of: symbol.value), symbol.valueIndex == 1 {
                cancelSymbols.append((id, constructor))
                cancelSymbolsByDeclaration[symbol.declaration, default: []].append(id)
                continue
            }
            if holdsContext(value: symbol.value, index: symbol.valueIndex) {
                contextSymbols.append(id)
                isContextSymbol.insert(id)
            }
        }
        let interesting = Set((contextSymbols + requestSymbols).map { bindings[$0].nameKey })
        candidateNameCount = interesting.count
        if !interesting.isEmpty {
            for symbol in contextSymbols + requestSymbols {
                candidatesByScope[bindings[symbol].scope, default: []].append(symbol)
            }
            // Latest visible first in each scope (ties: variables before requests, then in
            // declaration order), so a lookup skips what is declared after the node in one search.
            let isContext = isContextSymbol
            for scope in candidatesByScope.keys {
                candidatesByScope[scope]?.sort { a, b in
                    let (left, right) = (bindings[a].visibleFrom, bindings[b].visibleFrom)
                    if left != right { return left > right }
                    let (leftIsRequest, rightIsRequest) = (!isContext.contains(a), !isContext.contains(b))
                    if leftIsRequest != rightIsRequest { return rightIsRequest }
                    return a < b
                }
            }
            for (index, symbol) in bindings.symbols.enumerated()
            where !symbol.isPackageLevel && interesting.contains(symbol.nameKey) {
                namedLikeByScope[symbol.scope, default: []].append(SymbolID(Int32(index)))
            }
        }
    }

    /// The cancel symbols declared by `declaration` (`ctx, cancel := context.WithCancel(p)`).
    public func cancelSymbols(declaredBy declaration: NodeID) -> [SymbolID] {
        cancelSymbolsByDeclaration[declaration] ?? []
    }

    public func isContext(_ symbol: SymbolID) -> Bool { isContextSymbol.contains(symbol) }
    public func isRequest(_ symbol: SymbolID) -> Bool { isRequestSymbol.contains(symbol) }

    /// `context.WithTimeout` etc. when `call` creates a context with a cancel function, else nil.
    public func cancelConstructor(of call: NodeID) -> String? {
        let tree = file.tree
        guard tree.kind(call) == .callExpr else { return nil }
        if let member = file.calledMember(call, in: ImportTable.contextPaths),
           ContextFacts.cancelConstructors.contains(member) {
            return "context.\(member)"
        }
        if file.calledMember(call, in: ["os/signal"]) == "NotifyContext" { return "signal.NotifyContext" }
        return nil
    }

    /// Whether result `index` (-1 for a single value) of `value` is a context.
    func holdsContext(value: NodeID, index: Int32) -> Bool {
        let tree = file.tree
        let expression = tree.unparen(value)
        switch tree.kind(expression) {
        case .callExpr:
            if let member = file.calledMember(expression, in: ImportTable.contextPaths) {
                return ContextFacts.derivingConstructors.contains(member) && index <= 0
            }
            if file.calledMember(expression, in: ["os/signal"]) == "NotifyContext" { return index <= 0 }
            if file.calledMember(expression, in: ["golang.org/x/sync/errgroup"]) == "WithContext" { return index == 1 }
            return index < 0 && isRequestContextCall(expression)
        case .identifier:
            return index < 0 && isContextExpression(expression)
        default:
            return false
        }
    }

    /// `r.Context()` on a request variable.
    public func isRequestContextCall(_ call: NodeID) -> Bool {
        let tree = file.tree
        guard tree.kind(call) == .callExpr, tree.childCount(call) == 1 else { return false }
        let function = tree.child(call, 0)
        guard tree.kind(function) == .selectorExpr, tree.hasText(tree.child(function, 1), "Context") else { return false }
        let receiver = tree.child(function, 0)
        guard tree.kind(receiver) == .identifier, let symbol = file.bindings.symbol(of: receiver) else { return false }
        return isRequestSymbol.contains(symbol)
    }

    /// Whether the expression evaluates to a context known here: a context variable, `r.Context()`,
    /// or a call deriving one (`context.WithValue(ctx, ...)`).
    public func isContextExpression(_ expression: NodeID) -> Bool {
        let tree = file.tree
        let inner = tree.unparen(expression)
        switch tree.kind(inner) {
        case .identifier:
            guard let symbol = file.bindings.symbol(of: inner) else { return false }
            return isContextSymbol.contains(symbol)
        case .callExpr:
            if isRequestContextCall(inner) { return true }
            if let member = file.calledMember(inner, in: ImportTable.contextPaths) {
                return member == "WithValue" || member == "WithoutCancel"
            }
            return false
        default:
            return false
        }
    }

    /// The contexts visible at `node`: local context variables and request parameters of the
    /// enclosing functions (captured ones included), declared before `node` and not shadowed.
    /// Context variables first, then requests, each in declaration order.
    public func contextsInScope(at node: NodeID) -> [ContextInScope] {
        var variables: [SymbolID] = []
        var requests: [SymbolID] = []
        visibleCandidates(at: node) { symbol in
            if isContextSymbol.contains(symbol) { variables.append(symbol) } else { requests.append(symbol) }
            return true
        }
        return variables.sorted().map(variableContext) + requests.sorted().map(requestContext)
    }

    /// A context variable as a context in scope: its accessor (`.Request().Context()`) appended
    /// for a configured extra context type, and not a `context.Context` for one without.
    private func variableContext(_ symbol: SymbolID) -> ContextInScope {
        let accessor = contextAccessor(of: symbol)
        return ContextInScope(symbol: symbol, kind: .variable, expression: name(of: symbol) + (accessor ?? ""),
                              isStandardContext: accessor != nil)
    }

    private func requestContext(_ symbol: SymbolID) -> ContextInScope {
        ContextInScope(symbol: symbol, kind: .request, expression: "\(name(of: symbol)).Context()")
    }

    /// The latest declared context in scope at `node` that `accept` takes (ties: variables
    /// before requests, then declaration order), looking no further than needed.
    public func latestContext(at node: NodeID, where accept: (ContextInScope) -> Bool) -> ContextInScope? {
        var found: ContextInScope?
        visibleCandidates(at: node) { symbol in
            let context = isContextSymbol.contains(symbol) ? variableContext(symbol) : requestContext(symbol)
            guard accept(context) else { return true }
            found = context
            return false
        }
        return found
    }

    public func hasContextInScope(at node: NodeID) -> Bool {
        var found = false
        visibleCandidates(at: node) { _ in
            found = true
            return false
        }
        return found
    }

    /// What turns the context symbol's value into a `context.Context` (see
    /// `GoFile.contextAccessor(ofType:)`), following `c2 := c` to the declared type.
    public func contextAccessor(of symbol: SymbolID) -> String? {
        let bindings = file.bindings
        let tree = file.tree
        var current = symbol
        // Copies of copies are rare; the bound keeps a cycle in broken code from looping.
        for _ in 0..<8 {
            let declared = bindings[current]
            if declared.type.exists { return file.contextAccessor(ofType: declared.type) }
            let value = tree.unparen(declared.value)
            guard declared.valueIndex < 0, tree.kind(value) == .identifier, let next = bindings.symbol(of: value),
                  next != current, isContextSymbol.contains(next) else { return "" }
            current = next
        }
        return ""
    }

    public func name(of symbol: SymbolID) -> String {
        file.tree.text(file.bindings[symbol].name)
    }

    /// Calls `visit` with each context or request symbol visible at `node`, innermost scope first
    /// and latest declared first within a scope (so in decreasing `visibleFrom`: a symbol visible
    /// in an outer scope was declared before the inner one began), until it returns false. The
    /// scopes holding a visible symbol are the node and its ancestors (a scope starting at the
    /// node itself declares nothing visible at its first byte); a name declared in an inner one
    /// hides the same name in the outer ones.
    private func visibleCandidates(at node: NodeID, _ visit: (SymbolID) -> Bool) {
        guard !candidatesByScope.isEmpty else { return }
        let bindings = file.bindings
        let offset = file.tree[node].start
        var hiddenNames: Set<Int32> = []
        var scope = node
        while true {
            let candidates = candidatesByScope[scope] ?? []
            var low = 0, high = candidates.count
            while low < high {
                let middle = (low + high) / 2
                if bindings[candidates[middle]].visibleFrom > offset { low = middle + 1 } else { high = middle }
            }
            for symbol in candidates[low...] {
                let declared = bindings[symbol]
                guard contains(scope, offset), !hiddenNames.contains(declared.nameKey) else { continue }
                if !visit(symbol) { return }
            }
            for symbol in namedLikeByScope[scope] ?? [] {
                let declared = bindings[symbol]
                if offset >= declared.visibleFrom && contains(scope, offset) { hiddenNames.insert(declared.nameKey) }
            }
            guard scope.exists, hiddenNames.count < candidateNameCount else { return }
            scope = file.tree.parent(scope)
        }
    }

    private func contains(_ scope: NodeID, _ offset: Int32) -> Bool {
        guard scope.exists else { return true }
        let range = file.tree.range(scope)
        return offset >= range.start && offset < range.end
    }
}
