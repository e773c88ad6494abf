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
    private var isContextSymbol: Set<SymbolID> = []
    private var isRequestSymbol: Set<SymbolID> = []
    /// Local symbols sharing a name with a context or request symbol, for shadowing checks.
    private var symbolsNamedLike: [Int32: [SymbolID]] = [:]
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
                continue
            }
            if holdsContext(value: symbol.value, index: symbol.valueIndex) {
                contextSymbols.append(id)
                isContextSymbol.insert(id)
            }
        }
        let interesting = Set((contextSymbols + requestSymbols).map { bindings[$0].nameKey })
        if !interesting.isEmpty {
            for (index, symbol) in bindings.symbols.enumerated()
            where !symbol.isPackageLevel && interesting.contains(symbol.nameKey) {
                symbolsNamedLike[symbol.nameKey, default: []].append(SymbolID(Int32(index)))
            }
        }
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
    public func contextsInScope(at node: NodeID) -> [ContextInScope] {
        var found: [ContextInScope] = []
        for symbol in contextSymbols where isVisible(symbol, at: node) {
            let accessor = contextAccessor(of: symbol)
            found.append(ContextInScope(symbol: symbol, kind: .variable, expression: name(of: symbol) + (accessor ?? ""),
                                        isStandardContext: accessor != nil))
        }
        for symbol in requestSymbols where isVisible(symbol, at: node) {
            found.append(ContextInScope(symbol: symbol, kind: .request, expression: "\(name(of: symbol)).Context()"))
        }
        return found
    }

    public func hasContextInScope(at node: NodeID) -> Bool {
        contextSymbols.contains { isVisible($0, at: node) } || requestSymbols.contains { isVisible($0, at: node) }
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

    /// Whether `symbol` is visible at `node`: inside its scope, after its declaration, and not
    /// hidden by an inner declaration of the same name.
    public func isVisible(_ symbol: SymbolID, at node: NodeID) -> Bool {
        let bindings = file.bindings
        let tree = file.tree
        let declared = bindings[symbol]
        let offset = tree[node].start
        guard offset >= declared.visibleFrom, contains(declared.scope, offset) else { return false }
        for otherID in symbolsNamedLike[declared.nameKey] ?? [] where otherID != symbol {
            let other = bindings[otherID]
            if offset >= other.visibleFrom, contains(other.scope, offset), other.scope != declared.scope,
               tree.isAncestor(declared.scope, of: other.scope) {
                return false
            }
        }
        return true
    }

    private func contains(_ scope: NodeID, _ offset: Int32) -> Bool {
        guard scope.exists else { return true }
        let range = file.tree.range(scope)
        return offset >= range.start && offset < range.end
    }
}
