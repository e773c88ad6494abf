import GoSyntax

/// Scope resolution for one file: which declaration every identifier refers to.
/// Identifiers that are not resolved (universe names, other files' package-level names,
/// selectors, field names, labels) map to nothing.
public struct Bindings: Sendable {
    public private(set) var symbols: [Symbol] = []
    /// For each node index: symbol ID + 1 for declaring and using identifiers, 0 otherwise.
    private var symbolOfNode: [Int32]
    /// (symbol, use) pairs in source order; `uses(of:)` reads them.
    private var useStarts: [Int32] = []
    private var useNodes: [NodeID] = []
    /// Function (funcDecl/funcLit) → its parameter and result symbols, in order.
    public private(set) var functions: [NodeID: FunctionSignature] = [:]

    public init(tree: SyntaxTree) {
        symbolOfNode = [Int32](repeating: 0, count: tree.nodes.count)
        var resolver = Resolver(tree: tree)
        resolver.resolveFile()
        symbols = resolver.symbols
        for (node, symbol) in resolver.bindings { symbolOfNode[Int(node.raw)] = symbol + 1 }
        functions = resolver.functions
        // Group uses by symbol (counting sort keeps source order within a symbol).
        var counts = [Int32](repeating: 0, count: symbols.count + 1)
        for use in resolver.uses { counts[Int(use.symbol) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        useStarts = counts
        var cursor = counts
        useNodes = [NodeID](repeating: .none, count: resolver.uses.count)
        for use in resolver.uses {
            useNodes[Int(cursor[Int(use.symbol)])] = use.node
            cursor[Int(use.symbol)] += 1
        }
    }

    /// The symbol an identifier declares or refers to.
    @inline(__always) public func symbol(of identifier: NodeID) -> SymbolID? {
        let raw = symbolOfNode[Int(identifier.raw)]
        return raw == 0 ? nil : SymbolID(raw - 1)
    }

    @inline(__always) public subscript(id: SymbolID) -> Symbol { symbols[Int(id.raw)] }

    /// Every identifier that refers to the symbol (its declaration excluded), in source order.
    public func uses(of id: SymbolID) -> ArraySlice<NodeID> {
        useNodes[Int(useStarts[Int(id.raw)])..<Int(useStarts[Int(id.raw) + 1])]
    }

    /// Whether the identifier refers to a local (function-level) declaration.
    public func isLocal(_ identifier: NodeID) -> Bool {
        guard let id = symbol(of: identifier) else { return false }
        return !self[id].isPackageLevel
    }

    /// The package-level symbol declared in this file with the given name key, if any.
    public func packageSymbol(named nameKey: Int32) -> SymbolID? {
        symbols.indices.first { symbols[$0].isPackageLevel && symbols[$0].nameKey == nameKey }.map { SymbolID(Int32($0)) }
    }
}

/// A function's declared parameters and results.
public struct FunctionSignature: Sendable {
    public var receiver: [SymbolID] = []
    public var parameters: [SymbolID] = []
    public var results: [SymbolID] = []
    /// Per parameter position (flattened, unnamed ones included): its type expression.
    public var parameterTypes: [NodeID] = []
    public var hasNamedResults: Bool { !results.isEmpty }
}

private struct Use {
    var symbol: Int32
    var node: NodeID
}

/// Walks the tree once, keeping a scope chain as a map from name to the innermost symbol,
/// each symbol remembering the one it shadows.
private struct Resolver {
    let tree: SyntaxTree
    var names: NameTable
    var symbols: [Symbol] = []
    var bindings: [(NodeID, Int32)] = []
    var uses: [Use] = []
    var functions: [NodeID: FunctionSignature] = [:]
    /// name key → innermost visible symbol, -1 when none (name keys are dense).
    var visible: [Int32] = []
    /// For each symbol, the symbol it shadows (-1 for none).
    var shadowed: [Int32] = []
    /// Symbols declared in each open scope, innermost last.
    var scopes: [[Int32]] = []
    var scopeNodes: [NodeID] = []
    var currentFunction: NodeID = .none

    init(tree: SyntaxTree) {
        self.tree = tree
        names = NameTable(bytes: tree.source.bytes, expectedCount: 256)
    }

    // MARK: Scopes

    mutating func openScope(_ node: NodeID) {
        scopes.append([])
        scopeNodes.append(node)
    }

    mutating func closeScope() {
        guard let declared = scopes.popLast() else { return }
        scopeNodes.removeLast()
        for symbol in declared.reversed() {
            let key = symbols[Int(symbol)].nameKey
            let previous = shadowed[Int(symbol)]
            visible[Int(key)] = previous
        }
    }

    @discardableResult
    mutating func declare(_ identifier: NodeID, kind: SymbolKind, declaration: NodeID, type: NodeID = .none,
                          value: NodeID = .none, valueIndex: Int32 = -1, visibleFrom: Int32? = nil) -> Int32? {
        guard tree.kind(identifier) == .identifier, !tree.hasText(identifier, "_") else { return nil }
        let node = tree[identifier]
        let key = names.intern(start: node.start, end: node.end)
        while visible.count <= Int(key) { visible.append(-1) }
        let id = Int32(symbols.count)
        symbols.append(Symbol(kind: kind, name: identifier, declaration: declaration, type: type, value: value,
                              valueIndex: valueIndex, function: currentFunction, scope: scopeNodes.last ?? .none,
                              visibleFrom: visibleFrom ?? node.end, nameKey: key))
        shadowed.append(visible[Int(key)])
        visible[Int(key)] = id
        if !scopes.isEmpty { scopes[scopes.count - 1].append(id) }
        bindings.append((identifier, id))
        return id
    }

    /// Whether the name is already declared in the innermost scope (for `:=` redeclaration).
    func declaredInCurrentScope(_ identifier: NodeID) -> Int32? {
        let node = tree[identifier]
        guard let key = names.lookup(start: node.start, end: node.end), Int(key) < visible.count else { return nil }
        let id = visible[Int(key)]
        guard id >= 0, let current = scopes.last, current.contains(id) else { return nil }
        return id
    }

    mutating func use(_ identifier: NodeID) {
        let node = tree[identifier]
        guard let key = names.lookup(start: node.start, end: node.end), Int(key) < visible.count else { return }
        let id = visible[Int(key)]
        guard id >= 0 else { return }
        bindings.append((identifier, id))
        uses.append(Use(symbol: id, node: identifier))
    }

    // MARK: File

    mutating func resolveFile() {
        openScope(tree.root)
        let declarations = tree.children(tree.root).dropFirst()
        // Package-level names are visible everywhere in the file, whatever their order.
        for declaration in declarations {
            switch tree.kind(declaration) {
            case .funcDecl:
                if tree.child(declaration, 0).isNone {
                    declare(tree.child(declaration, 1), kind: .function, declaration: declaration, visibleFrom: 0)
                }
            case .genDecl:
                declarePackageLevel(declaration)
            default:
                break
            }
        }
        for declaration in declarations {
            switch tree.kind(declaration) {
            case .funcDecl:
                resolveFunction(declaration, type: tree.child(declaration, 2), body: tree.child(declaration, 3),
                                receiver: tree.child(declaration, 0))
            case .genDecl:
                for spec in tree.children(declaration) { resolveSpecContents(spec) }
            default:
                break
            }
        }
        closeScope()
    }

    mutating func declarePackageLevel(_ declaration: NodeID) {
        let keyword = tree.op(declaration)
        for spec in tree.children(declaration) {
            switch tree.kind(spec) {
            case .importSpec:
                let name = tree.child(spec, 0)
                if name.exists { declare(name, kind: .importName, declaration: spec, visibleFrom: 0) }
            case .typeSpec:
                declare(tree.child(spec, 0), kind: .typeName, declaration: spec, type: tree.child(spec, 2), visibleFrom: 0)
            case .valueSpec:
                declareValueSpec(spec, keyword: keyword, visibleFrom: 0)
            default:
                break
            }
        }
    }

    mutating func declareValueSpec(_ spec: NodeID, keyword: TokenKind, visibleFrom: Int32?) {
        let namesList = tree.children(tree.child(spec, 0))
        let type = tree.child(spec, 1)
        let valuesNode = tree.child(spec, 2)
        let values = valuesNode.exists ? Array(tree.children(valuesNode)) : []
        for (index, name) in namesList.enumerated() {
            var value = NodeID.none
            var valueIndex: Int32 = -1
            if values.count == namesList.count {
                value = values[index]
            } else if values.count == 1 {
                value = values[0]
                valueIndex = Int32(index)
            }
            declare(name, kind: keyword == .kwConst ? .constant : .variable, declaration: spec, type: type,
                    value: value, valueIndex: valueIndex, visibleFrom: visibleFrom)
        }
    }

    /// Resolves what a package-level spec refers to (types and initializers), names already declared.
    mutating func resolveSpecContents(_ spec: NodeID) {
        switch tree.kind(spec) {
        case .typeSpec:
            openScope(spec)
            declareTypeParameters(tree.child(spec, 1))
            resolveExpression(tree.child(spec, 2))
            closeScope()
        case .valueSpec:
            resolveExpression(tree.child(spec, 1))
            resolveExpressionList(tree.child(spec, 2))
        default:
            break
        }
    }

    // MARK: Functions

    mutating func declareTypeParameters(_ list: NodeID) {
        guard list.exists else { return }
        for field in tree.children(list) {
            resolveExpression(tree.child(field, 1))
            for name in tree.children(tree.child(field, 0)) {
                declare(name, kind: .typeName, declaration: field)
            }
        }
    }

    /// Declares parameters/results of `type` (a funcType) in the current scope, then walks the body.
    mutating func resolveFunction(_ function: NodeID, type: NodeID, body: NodeID, receiver: NodeID) {
        let savedFunction = currentFunction
        currentFunction = function
        openScope(function)
        var signature = FunctionSignature()
        if receiver.exists {
            for field in tree.children(receiver) {
                declareReceiverTypeParameters(tree.child(field, 1))
                resolveExpression(tree.child(field, 1))
                for name in tree.children(tree.child(field, 0)) {
                    if let id = declare(name, kind: .receiver, declaration: field, type: tree.child(field, 1)) {
                        signature.receiver.append(SymbolID(id))
                    }
                }
            }
        }
        declareTypeParameters(tree.child(type, 0))
        let parameters = tree.child(type, 1)
        let results = tree.child(type, 2)
        // Types first: a parameter's type cannot refer to a parameter name.
        for list in [parameters, results] where list.exists {
            for field in tree.children(list) { resolveExpression(tree.child(field, 1)) }
        }
        if parameters.exists {
            for field in tree.children(parameters) {
                let fieldType = tree.child(field, 1)
                let fieldNames = tree.children(tree.child(field, 0))
                if fieldNames.isEmpty { signature.parameterTypes.append(fieldType) }
                for name in fieldNames {
                    signature.parameterTypes.append(fieldType)
                    if let id = declare(name, kind: .parameter, declaration: field, type: fieldType) {
                        signature.parameters.append(SymbolID(id))
                    }
                }
            }
        }
        if results.exists {
            for field in tree.children(results) {
                for name in tree.children(tree.child(field, 0)) {
                    if let id = declare(name, kind: .result, declaration: field, type: tree.child(field, 1)) {
                        signature.results.append(SymbolID(id))
                    }
                }
            }
        }
        functions[function] = signature
        if body.exists {
            for statement in tree.children(body) { resolveStatement(statement) }
        }
        closeScope()
        currentFunction = savedFunction
    }

    /// `func (l *List[T]) ...` declares T.
    mutating func declareReceiverTypeParameters(_ type: NodeID) {
        var base = type
        if tree.kind(base) == .starExpr { base = tree.child(base, 0) }
        guard tree.kind(base) == .indexExpr else { return }
        for argument in tree.children(base).dropFirst() where tree.kind(argument) == .identifier {
            declare(argument, kind: .typeName, declaration: type)
        }
    }

    // MARK: Statements

    mutating func resolveBlock(_ block: NodeID) {
        guard block.exists else { return }
        openScope(block)
        for statement in tree.children(block) { resolveStatement(statement) }
        closeScope()
    }

    mutating func resolveStatement(_ statement: NodeID) {
        guard statement.exists else { return }
        switch tree.kind(statement) {
        case .declStmt:
            let declaration = tree.child(statement, 0)
            let keyword = tree.op(declaration)
            for spec in tree.children(declaration) {
                switch tree.kind(spec) {
                case .typeSpec:
                    declare(tree.child(spec, 0), kind: .typeName, declaration: spec, type: tree.child(spec, 2))
                    resolveSpecContents(spec)
                case .valueSpec:
                    resolveExpression(tree.child(spec, 1))
                    resolveExpressionList(tree.child(spec, 2))
                    declareValueSpec(spec, keyword: keyword, visibleFrom: tree[spec].end)
                default:
                    break
                }
            }
        case .assignStmt:
            resolveExpressionList(tree.child(statement, 1))
            if tree.op(statement) == .define {
                declareShortVariables(statement)
            } else {
                resolveExpressionList(tree.child(statement, 0))
            }
        case .labeledStmt:
            resolveStatement(tree.child(statement, 1))
        case .blockStmt:
            resolveBlock(statement)
        case .ifStmt:
            openScope(statement)
            resolveStatement(tree.child(statement, 0))
            resolveExpression(tree.child(statement, 1))
            resolveBlock(tree.child(statement, 2))
            resolveStatement(tree.child(statement, 3))
            closeScope()
        case .forStmt:
            openScope(statement)
            resolveStatement(tree.child(statement, 0))
            resolveExpression(tree.child(statement, 1))
            resolveStatement(tree.child(statement, 2))
            resolveBlock(tree.child(statement, 3))
            closeScope()
        case .rangeStmt:
            resolveExpression(tree.child(statement, 2))
            openScope(statement)
            let key = tree.child(statement, 0), value = tree.child(statement, 1)
            if tree.op(statement) == .define {
                let bodyStart = tree[tree.child(statement, 3)].start
                declare(key, kind: .variable, declaration: statement, value: tree.child(statement, 2),
                        valueIndex: 0, visibleFrom: bodyStart)
                declare(value, kind: .variable, declaration: statement, value: tree.child(statement, 2),
                        valueIndex: 1, visibleFrom: bodyStart)
            } else {
                resolveExpression(key)
                resolveExpression(value)
            }
            resolveBlock(tree.child(statement, 3))
            closeScope()
        case .switchStmt:
            openScope(statement)
            resolveStatement(tree.child(statement, 0))
            resolveExpression(tree.child(statement, 1))
            resolveCaseClauses(tree.child(statement, 2))
            closeScope()
        case .typeSwitchStmt:
            openScope(statement)
            resolveStatement(tree.child(statement, 0))
            let guardStatement = tree.child(statement, 1)
            var boundName = NodeID.none
            if tree.kind(guardStatement) == .assignStmt {
                resolveExpressionList(tree.child(guardStatement, 1))
                boundName = tree.child(tree.child(guardStatement, 0), 0)
            } else {
                resolveStatement(guardStatement)
            }
            if boundName.exists {
                declare(boundName, kind: .variable, declaration: guardStatement,
                        value: tree.child(tree.child(guardStatement, 1), 0))
            }
            resolveCaseClauses(tree.child(statement, 2))
            closeScope()
        case .selectStmt:
            for clause in tree.children(tree.child(statement, 0)) {
                openScope(clause)
                let children = tree.children(clause)
                if let communication = children.first { resolveStatement(communication) }
                for inner in children.dropFirst() { resolveStatement(inner) }
                closeScope()
            }
        case .caseClause, .commClause:
            for inner in tree.children(statement) { resolveStatement(inner) }
        case .exprStmt, .goStmt, .deferStmt:
            resolveExpression(tree.child(statement, 0))
        case .sendStmt:
            resolveExpression(tree.child(statement, 0))
            resolveExpression(tree.child(statement, 1))
        case .incDecStmt:
            resolveExpression(tree.child(statement, 0))
        case .returnStmt:
            for result in tree.children(statement) { resolveExpression(result) }
        case .list:
            resolveExpressionList(statement)
        case .branchStmt, .emptyStmt, .badStmt:
            break
        default:
            resolveExpression(statement)
        }
    }

    /// Each case clause of a switch body is a scope of its own.
    mutating func resolveCaseClauses(_ body: NodeID) {
        for clause in tree.children(body) {
            openScope(clause)
            let children = tree.children(clause)
            if let list = children.first { resolveExpressionList(list) }
            for inner in children.dropFirst() { resolveStatement(inner) }
            closeScope()
        }
    }

    /// `a, b := f()`: new names are declared, already-declared ones in this scope are assigned.
    mutating func declareShortVariables(_ statement: NodeID) {
        let left = tree.children(tree.child(statement, 0))
        let right = Array(tree.children(tree.child(statement, 1)))
        let visibleFrom = tree[statement].end
        for (index, name) in left.enumerated() {
            guard tree.kind(name) == .identifier else {
                resolveExpression(name)
                continue
            }
            if let existing = declaredInCurrentScope(name) {
                bindings.append((name, existing))
                uses.append(Use(symbol: existing, node: name))
                continue
            }
            var value = NodeID.none
            var valueIndex: Int32 = -1
            if right.count == left.count {
                value = right[index]
            } else if right.count == 1 {
                value = right[0]
                valueIndex = Int32(index)
            }
            declare(name, kind: .variable, declaration: statement, value: value, valueIndex: valueIndex,
                    visibleFrom: visibleFrom)
        }
    }

    // MARK: Expressions

    mutating func resolveExpressionList(_ list: NodeID) {
        guard list.exists else { return }
        if tree.kind(list) != .list {
            resolveExpression(list)
            return
        }
        for item in tree.children(list) { resolveExpression(item) }
    }

    mutating func resolveExpression(_ expression: NodeID) {
        guard expression.exists else { return }
        switch tree.kind(expression) {
        case .identifier:
            use(expression)
        case .basicLit, .badExpr, .none:
            break
        case .selectorExpr:
            resolveExpression(tree.child(expression, 0))
        case .funcLit:
            let type = tree.child(expression, 0)
            resolveFunction(expression, type: type, body: tree.child(expression, 1), receiver: .none)
        case .compositeLit:
            let children = tree.children(expression)
            resolveExpression(children.first ?? .none)
            for element in children.dropFirst() {
                if tree.kind(element) == .keyValueExpr {
                    let key = tree.child(element, 0)
                    // A bare identifier key is most often a struct field name.
                    if tree.kind(key) != .identifier { resolveExpression(key) }
                    resolveExpression(tree.child(element, 1))
                } else {
                    resolveExpression(element)
                }
            }
        case .structType:
            for field in tree.children(tree.child(expression, 0)) { resolveExpression(tree.child(field, 1)) }
        case .interfaceType:
            for element in tree.children(expression) {
                if tree.kind(element) == .field {
                    resolveSignatureTypes(tree.child(element, 1))
                } else {
                    resolveExpression(element)
                }
            }
        case .funcType:
            resolveSignatureTypes(expression)
        case .field:
            resolveExpression(tree.child(expression, 1))
        default:
            for child in tree.children(expression) { resolveExpression(child) }
        }
    }

    mutating func resolveSignatureTypes(_ type: NodeID) {
        guard type.exists else { return }
        for list in [tree.child(type, 1), tree.child(type, 2)] where list.exists {
            for field in tree.children(list) { resolveExpression(tree.child(field, 1)) }
        }
    }
}
