import GoSyntax

/// Where an assignment puts the cancel function of a context constructor.
public enum CancelTarget: Hashable, Sendable {
    /// A variable declared in the function making the call.
    case local(SymbolID)
    /// A variable of an enclosing function, captured by a literal.
    case enclosing(SymbolID)
    /// A package-level variable: declared in this file, or an unresolved name declared elsewhere.
    case packageLevel
    /// A field: `s.cancel`.
    case field
    /// A map or slice element: `m[key]`.
    case element
    /// The blank identifier.
    case blank
    case other
}

/// One assignment of a cancel-returning constructor's results:
/// `ctx, cancel := context.WithTimeout(...)`, `ctx, s.cancel = ...`, `var ctx, stop = signal.NotifyContext(...)`.
public struct CancelDefinition: Sendable {
    /// The constructor call.
    public var call: NodeID
    /// `context.WithTimeout`, `signal.NotifyContext`.
    public var constructor: String
    /// The assignStmt or valueSpec.
    public var statement: NodeID
    /// The expression receiving the cancel function, and the one receiving the context.
    public var target: NodeID
    public var contextTarget: NodeID
    public var targetKind: CancelTarget
    /// The innermost function containing the assignment (none at package level).
    public var function: NodeID
    /// Whether the statement declares the target (`:=` introducing it, or `var`).
    public var declares: Bool

    /// What the function is called in messages: `stop` for signal.NotifyContext, else `cancel`.
    public var role: String { constructor == "signal.NotifyContext" ? "stop" : "cancel" }
    /// Whether the derived context owns a timer until it is cancelled.
    public var hasTimer: Bool { constructor.contains("Timeout") || constructor.contains("Deadline") }

    public var symbol: SymbolID? {
        if case .local(let symbol) = targetKind { return symbol }
        return nil
    }
}

/// What one reference to a cancel function does with it, as seen from a given function.
public struct CancelUse: Sendable {
    public enum Kind: Sendable {
        /// Called: `cancel()`, `defer cancel()`, `go cancel()`, or inside a literal called here.
        case call
        /// Assigned a new value.
        case assignment
        /// Read without effect on its ownership: `_ = cancel`, `cancel != nil`.
        case neutral
        case returned
        /// Stored: assigned to another variable, a field, an element, put in a composite literal
        /// or appended to a slice. `destination` is the target expression, literal or append call.
        case stored
        /// Sent on a channel: `destination` is the channel expression.
        case sent
        /// Passed as argument `argumentIndex` of the call `destination`.
        case passed
        /// Captured by a function literal that is not called here (or runs as a goroutine).
        case captured
        /// Any other use; treated as a hand-off.
        case unknown
    }

    public var kind: Kind
    /// The identifier referring to the cancel function.
    public var node: NodeID
    public var destination: NodeID = .none
    public var argumentIndex: Int = -1
    /// For a call: whether it is deferred (directly or through a deferred literal).
    public var isDeferred = false
    /// The outermost function literal the use is inside of, as seen from the function asked about.
    public var literal: NodeID = .none
    /// The go statement that hands the function to a new goroutine (passed to it, or captured by
    /// its literal), or that calls it on a new goroutine.
    public var goStatement: NodeID = .none

    /// Whether this use hands the function to someone else, ending the creator's responsibility.
    public var handsOff: Bool {
        switch kind {
        case .returned, .stored, .sent, .passed, .captured, .unknown: return true
        case .call, .assignment, .neutral: return false
        }
    }
}

/// The file's cancel-returning constructor calls and how cancel functions are used: the facts
/// shared by the lifecycle rules (lost-cancel, cancel-escapes, defer-cancel-in-loop).
public struct CancelFacts {
    public private(set) var definitions: [CancelDefinition] = []
    private var definitionsBySymbol: [SymbolID: [Int]] = [:]
    unowned let file: GoFile
    /// Answers computed on first request and kept (the facts are shared by several rules, each
    /// asking per definition what is the same for every definition of a variable).
    final class Memo {
        var pathFacts: [CancelPathFacts.Key: CancelPathFacts] = [:]
        var usesWithin: [UsesKey: [CancelUse]] = [:]
    }

    struct UsesKey: Hashable {
        var symbol: SymbolID
        var function: NodeID
    }

    let memo = Memo()

    init(file: GoFile) {
        self.file = file
        guard file.imports.importsContext || file.imports.imports("os/signal") else { return }
        let tree = file.tree
        tree.walk(tree.root) { node in
            switch tree.kind(node) {
            case .assignStmt where tree.op(node) == .define || tree.op(node) == .assign:
                self.record(statement: node, targets: tree.child(node, 0), values: tree.child(node, 1))
            case .valueSpec:
                self.record(statement: node, targets: tree.child(node, 0), values: tree.child(node, 2))
            default:
                break
            }
            return true
        }
        for (index, definition) in definitions.enumerated() {
            if let symbol = definition.symbol { definitionsBySymbol[symbol, default: []].append(index) }
        }
    }

    private mutating func record(statement: NodeID, targets: NodeID, values: NodeID) {
        let tree = file.tree
        guard targets.exists, values.exists, tree.childCount(targets) == 2, tree.childCount(values) == 1 else { return }
        let call = tree.unparen(tree.child(values, 0))
        guard let constructor = file.contexts.cancelConstructor(of: call) else { return }
        let target = tree.child(targets, 1)
        let function = file.enclosingFunction(of: statement)
        var declares = tree.kind(statement) == .valueSpec
        let kind = targetKind(target, function: function)
        if case .local(let symbol) = kind, file.bindings[symbol].name == target { declares = true }
        definitions.append(CancelDefinition(call: call, constructor: constructor, statement: statement, target: target,
                                            contextTarget: tree.child(targets, 0), targetKind: kind,
                                            function: function, declares: declares))
    }

    private func targetKind(_ target: NodeID, function: NodeID) -> CancelTarget {
        let tree = file.tree
        let inner = tree.unparen(target)
        switch tree.kind(inner) {
        case .identifier:
            if tree.hasText(inner, "_") { return .blank }
            guard let symbol = file.bindings.symbol(of: inner) else { return .packageLevel }
            let declared = file.bindings[symbol]
            if declared.isPackageLevel { return .packageLevel }
            return declared.function == function ? .local(symbol) : .enclosing(symbol)
        case .selectorExpr:
            return .field
        case .indexExpr:
            return .element
        default:
            return .other
        }
    }

    /// The definitions assigning the local variable `symbol`, in source order.
    public func definitions(of symbol: SymbolID) -> [CancelDefinition] {
        (definitionsBySymbol[symbol] ?? []).map { definitions[$0] }
    }

    // MARK: Uses

    /// What every reference to `symbol` does with it, seen from `function`, in source order;
    /// computed once per symbol and function.
    public func uses(of symbol: SymbolID, within function: NodeID) -> [CancelUse] {
        let key = UsesKey(symbol: symbol, function: function)
        if let known = memo.usesWithin[key] { return known }
        let found = file.bindings.uses(of: symbol).map { use($0, within: function) }
        memo.usesWithin[key] = found
        return found
    }

    /// What the reference `identifier` does with the cancel function, seen from `function` (which
    /// contains it): a use inside a literal that `function` calls or defers counts as that
    /// literal's use; inside any other literal it is a capture.
    public func use(_ identifier: NodeID, within function: NodeID) -> CancelUse {
        let tree = file.tree
        var literal = NodeID.none
        var current = tree.parent(identifier)
        while current.exists && current != function {
            if tree.kind(current) == .funcLit { literal = current }
            current = tree.parent(current)
        }
        guard literal.exists else { return directUse(identifier) }
        let invocation = statementInvoking(literal)
        switch invocation.map({ tree.kind($0) }) {
        case .deferStmt?:
            var inner = use(identifier, within: literal)
            inner.literal = literal
            if inner.kind == .call { inner.isDeferred = true }
            return inner
        case .goStmt?:
            return CancelUse(kind: .captured, node: identifier, literal: literal, goStatement: invocation ?? .none)
        case .some:
            var inner = use(identifier, within: literal)
            inner.literal = literal
            return inner
        case nil:
            return CancelUse(kind: .captured, node: identifier, literal: literal)
        }
    }

    /// For a literal called where it stands (`func() {...}()`), the call's parent: a defer or go
    /// statement, or whatever else holds the call. Nil when the literal is not called there.
    private func statementInvoking(_ literal: NodeID) -> NodeID? {
        file.tree.callCalling(literal).map { file.tree.parent($0) }
    }

    private func directUse(_ identifier: NodeID) -> CancelUse {
        let tree = file.tree
        let (node, parent) = tree.parentOutsideParens(identifier)
        var use = CancelUse(kind: .unknown, node: identifier)
        switch tree.kind(parent) {
        case .callExpr:
            let statement = tree.parent(parent)
            if tree.kind(statement) == .goStmt { use.goStatement = statement }
            if tree.child(parent, 0) == node {
                use.kind = .call
                use.isDeferred = tree.kind(statement) == .deferStmt
                return use
            }
            let callee = tree.unparen(tree.child(parent, 0))
            use.destination = parent
            if tree.isIdentifier(callee, "append") && file.bindings.symbol(of: callee) == nil {
                use.kind = .stored
                return use
            }
            use.kind = .passed
            let arguments = tree.children(parent)
            use.argumentIndex = arguments.firstIndex(of: node).map { $0 - arguments.startIndex - 1 } ?? -1
        case .list:
            let owner = tree.parent(parent)
            let position = tree.children(parent).firstIndex(of: node).map { $0 - tree.children(parent).startIndex } ?? -1
            switch tree.kind(owner) {
            case .assignStmt where tree.child(owner, 0) == parent:
                use.kind = .assignment
            case .assignStmt:
                storedInto(tree.child(tree.child(owner, 0), position), sameCount: tree.childCount(tree.child(owner, 0))
                           == tree.childCount(parent), use: &use)
            case .valueSpec where tree.child(owner, 2) == parent:
                storedInto(tree.child(tree.child(owner, 0), position), sameCount: tree.childCount(tree.child(owner, 0))
                           == tree.childCount(parent), use: &use)
            default:
                break
            }
        case .returnStmt:
            use.kind = .returned
        case .sendStmt where tree.child(parent, 1) == node:
            use.kind = .sent
            use.destination = tree.child(parent, 0)
        case .keyValueExpr where tree.child(parent, 1) == node:
            use.kind = .stored
            use.destination = parent
        case .compositeLit:
            use.kind = .stored
            use.destination = parent
        case .binaryExpr, .exprStmt:
            use.kind = .neutral
        case .unaryExpr where tree.op(parent) == .and:
            use.kind = .stored
            use.destination = parent
        default:
            break
        }
        return use
    }

    private func storedInto(_ target: NodeID, sameCount: Bool, use: inout CancelUse) {
        guard sameCount, target.exists else { return }
        if file.tree.isIdentifier(target, "_") {
            use.kind = .neutral
        } else {
            use.kind = .stored
            use.destination = target
        }
    }

    // MARK: Functions of this file receiving a cancel function

    /// Whether passing a function as argument `index` of `call` provably drops it: the callee is a
    /// function declared in this file whose parameter is never called, stored, returned or passed
    /// on (unnamed, `_`, or only read without effect).
    public func calleeDropsArgument(of call: NodeID, at index: Int, depth: Int = 0) -> Bool {
        let tree = file.tree
        guard depth < 4, index >= 0 else { return false }
        let callee = tree.unparen(tree.child(call, 0))
        guard tree.kind(callee) == .identifier, let symbol = file.bindings.symbol(of: callee) else { return false }
        let declaration = file.bindings[symbol]
        guard declaration.kind == .function, tree.kind(declaration.declaration) == .funcDecl,
              file.functionBody(declaration.declaration).exists else { return false }
        let function = declaration.declaration
        guard let parameter = parameterName(of: function, at: index) else { return false }
        guard tree.kind(parameter) == .identifier, !tree.hasText(parameter, "_"),
              let parameterSymbol = file.bindings.symbol(of: parameter) else { return true }
        for reference in file.bindings.uses(of: parameterSymbol) {
            let use = use(reference, within: function)
            switch use.kind {
            case .neutral:
                continue
            case .passed where use.destination.exists:
                if calleeDropsArgument(of: use.destination, at: use.argumentIndex, depth: depth + 1) { continue }
                return false
            default:
                return false
            }
        }
        return true
    }

    /// The declaring identifier of parameter `index` (flattened), `.none` for an unnamed one, nil when
    /// there is no such parameter or it is variadic.
    private func parameterName(of function: NodeID, at index: Int) -> NodeID? {
        let tree = file.tree
        let parameters = tree.child(file.functionType(function), 1)
        guard parameters.exists else { return nil }
        var position = 0
        for field in tree.children(parameters) {
            let names = tree.children(tree.child(field, 0))
            let isVariadic = tree.kind(tree.child(field, 1)) == .ellipsis
            if names.isEmpty {
                if position == index { return isVariadic ? nil : NodeID.none }
                position += 1
                continue
            }
            for name in names {
                if position == index { return isVariadic ? nil : name }
                position += 1
            }
        }
        return nil
    }
}
