import GoSyntax

/// A named type as a declaration in the file shows it: `*sql.DB`, `http.Client`, or a type
/// declared in this file. Without type-checking this is what the code states, not what the
/// compiler infers: a value of unknown origin has no declared type.
public struct DeclaredType: Hashable, Sendable {
    /// Import path of the declaring package; empty for a type of this package (or a built-in one).
    public var path: String
    public var name: String
    public var isPointer: Bool
    /// For a type declared in this file, its typeSpec; none otherwise.
    public var declaration: NodeID

    public init(path: String, name: String, isPointer: Bool = false, declaration: NodeID = .none) {
        self.path = path
        self.name = name
        self.isPointer = isPointer
        self.declaration = declaration
    }

    static func pointer(_ path: String, _ name: String) -> DeclaredType {
        DeclaredType(path: path, name: name, isPointer: true)
    }

    /// Whether this is `path.name` or a pointer to it.
    public func isNamed(_ paths: Set<String>, _ names: Set<String>) -> Bool {
        paths.contains(path) && names.contains(name)
    }

    /// `*sql.DB`, `http.Client`, `Server`: how the type is written with the package's usual name.
    public var spelling: String {
        let package = path.isEmpty ? "" : (path.split(separator: "/").last.map(String.init) ?? path) + "."
        return (isPointer ? "*" : "") + package + name
    }
}

/// Results of package functions, methods and package variables whose types are known without
/// reading their packages: the constructors of the values the rules care about.
enum KnownTypes {
    static let sqlPaths = ["database/sql", "github.com/jmoiron/sqlx"]

    /// Import path → function → its results' types (nil for results of no interest).
    static let functionResults: [String: [String: [DeclaredType?]]] = {
        let sqlDB = DeclaredType.pointer("database/sql", "DB")
        let sqlxDB = DeclaredType.pointer("github.com/jmoiron/sqlx", "DB")
        let request = DeclaredType.pointer("net/http", "Request")
        return [
            "database/sql": ["Open": [sqlDB, nil], "OpenDB": [sqlDB]],
            "github.com/jmoiron/sqlx": [
                "Open": [sqlxDB, nil], "Connect": [sqlxDB, nil], "ConnectContext": [sqlxDB, nil],
                "MustOpen": [sqlxDB], "MustConnect": [sqlxDB], "NewDb": [sqlxDB],
            ],
            "net/http": ["NewRequest": [request, nil], "NewRequestWithContext": [request, nil]],
            "net/http/httptest": ["NewRequest": [request]],
        ]
    }()

    /// "path.Type" → method → its results' types.
    static let methodResults: [String: [String: [DeclaredType?]]] = {
        var table: [String: [String: [DeclaredType?]]] = [:]
        for path in ["database/sql"] {
            let tx = DeclaredType.pointer(path, "Tx"), stmt = DeclaredType.pointer(path, "Stmt")
            let conn = DeclaredType.pointer(path, "Conn")
            table["\(path).DB"] = ["Begin": [tx, nil], "BeginTx": [tx, nil], "Prepare": [stmt, nil],
                                   "PrepareContext": [stmt, nil], "Conn": [conn, nil]]
            table["\(path).Tx"] = ["Prepare": [stmt, nil], "PrepareContext": [stmt, nil], "Stmt": [stmt],
                                   "StmtContext": [stmt]]
            table["\(path).Conn"] = ["BeginTx": [tx, nil], "PrepareContext": [stmt, nil]]
        }
        let sqlx = "github.com/jmoiron/sqlx"
        let tx = DeclaredType.pointer(sqlx, "Tx"), stmt = DeclaredType.pointer(sqlx, "Stmt")
        let sqlTx = DeclaredType.pointer("database/sql", "Tx"), sqlStmt = DeclaredType.pointer("database/sql", "Stmt")
        table["\(sqlx).DB"] = ["Beginx": [tx, nil], "MustBegin": [tx], "BeginTxx": [tx, nil], "MustBeginTx": [tx],
                               "Preparex": [stmt, nil], "PreparexContext": [stmt, nil],
                               "Begin": [sqlTx, nil], "BeginTx": [sqlTx, nil], "Prepare": [sqlStmt, nil],
                               "PrepareContext": [sqlStmt, nil]]
        table["\(sqlx).Tx"] = ["Preparex": [stmt, nil], "PreparexContext": [stmt, nil],
                               "Prepare": [sqlStmt, nil], "PrepareContext": [sqlStmt, nil]]
        table["net/http.Request"] = ["WithContext": [.pointer("net/http", "Request")],
                                     "Clone": [.pointer("net/http", "Request")]]
        return table
    }()

    /// Import path → package variable → its type.
    static let variables: [String: [String: DeclaredType]] = [
        "net/http": ["DefaultClient": .pointer("net/http", "Client")],
    ]
}

extension GoFile {
    /// The named type a type expression denotes: `*sql.DB`, `http.Client`, `Server`, `List[T]`.
    /// Aliases declared in this file are followed; other composite types have none.
    public func namedType(ofTypeExpression type: NodeID) -> DeclaredType? {
        namedType(ofTypeExpression: type, depth: 0)
    }

    private func namedType(ofTypeExpression type: NodeID, depth: Int) -> DeclaredType? {
        guard depth < DeclaredTypeLimits.depth else { return nil }
        let node = tree.unparen(type)
        switch tree.kind(node) {
        case .starExpr:
            guard var inner = namedType(ofTypeExpression: tree.child(node, 0), depth: depth + 1),
                  !inner.isPointer else { return nil }
            inner.isPointer = true
            return inner
        case .selectorExpr:
            guard let path = importPath(ofQualifier: node) else { return nil }
            return DeclaredType(path: path, name: tree.text(tree.child(node, 1)))
        case .indexExpr:
            return namedType(ofTypeExpression: tree.child(node, 0), depth: depth + 1)
        case .identifier:
            guard let symbol = bindings.symbol(of: node) else {
                return DeclaredType(path: "", name: tree.text(node))
            }
            let declared = bindings[symbol]
            guard declared.kind == .typeName, tree.kind(declared.declaration) == .typeSpec else { return nil }
            let spec = declared.declaration
            if tree[spec].flags & NodeFlags.alias != 0 {
                return namedType(ofTypeExpression: tree.child(spec, 2), depth: depth + 1)
            }
            return DeclaredType(path: "", name: tree.text(node), declaration: spec)
        default:
            return nil
        }
    }

    /// The type of the value `expression` evaluates to, when declarations in this file show it:
    /// a variable's or parameter's declared type, the type of its initializer (`&http.Client{}`,
    /// `new(sync.WaitGroup)`, `sql.Open(...)`, `db.Begin()`, a call of a function declared here),
    /// `http.DefaultClient`, or a field (`s.db`) of a struct type declared in this file.
    public func declaredType(of expression: NodeID) -> DeclaredType? {
        declaredType(of: expression, resultIndex: 0, depth: 0)
    }

    /// The type of a symbol, from its declaration.
    public func declaredType(of symbol: SymbolID) -> DeclaredType? {
        declaredType(ofSymbol: symbol, depth: 0)
    }

    private func declaredType(ofSymbol id: SymbolID, depth: Int) -> DeclaredType? {
        guard depth < DeclaredTypeLimits.depth else { return nil }
        let symbol = bindings[id]
        switch symbol.kind {
        case .variable, .parameter, .result, .receiver, .constant: break
        default: return nil
        }
        if symbol.type.exists {
            return namedType(ofTypeExpression: symbol.type, depth: depth + 1)
        }
        // A range variable's value is the ranged-over expression, not its own.
        guard symbol.value.exists, tree.kind(symbol.declaration) != .rangeStmt else { return nil }
        return declaredType(of: symbol.value, resultIndex: Int(max(symbol.valueIndex, 0)), depth: depth + 1)
    }

    private func declaredType(of expression: NodeID, resultIndex: Int, depth: Int) -> DeclaredType? {
        guard depth < DeclaredTypeLimits.depth, expression.exists else { return nil }
        let node = tree.unparen(expression)
        switch tree.kind(node) {
        case .identifier:
            guard resultIndex == 0, let symbol = bindings.symbol(of: node) else { return nil }
            return declaredType(ofSymbol: symbol, depth: depth + 1)
        case .selectorExpr:
            guard resultIndex == 0 else { return nil }
            if let path = importPath(ofQualifier: node) {
                return KnownTypes.variables[path]?[tree.text(tree.child(node, 1))]
            }
            guard let base = declaredType(of: tree.child(node, 0), resultIndex: 0, depth: depth + 1) else { return nil }
            return fieldType(of: base, named: tree.child(node, 1), depth: depth + 1)
        case .unaryExpr:
            guard resultIndex == 0, tree.op(node) == .and,
                  var inner = declaredType(of: tree.child(node, 0), resultIndex: 0, depth: depth + 1),
                  !inner.isPointer else { return nil }
            inner.isPointer = true
            return inner
        case .compositeLit:
            guard resultIndex == 0 else { return nil }
            return namedType(ofTypeExpression: tree.child(node, 0), depth: depth + 1)
        case .typeAssertExpr:
            guard resultIndex == 0 else { return nil }
            return namedType(ofTypeExpression: tree.child(node, 1), depth: depth + 1)
        case .callExpr:
            return resultType(of: node, index: resultIndex, depth: depth + 1)
        default:
            return nil
        }
    }

    private func resultType(of call: NodeID, index: Int, depth: Int) -> DeclaredType? {
        let function = tree.unparen(tree.child(call, 0))
        if tree.kind(function) == .identifier, bindings.symbol(of: function) == nil,
           tree.hasText(function, "new"), index == 0, tree.childCount(call) == 2,
           var allocated = namedType(ofTypeExpression: tree.child(call, 1), depth: depth + 1), !allocated.isPointer {
            allocated.isPointer = true
            return allocated
        }
        if tree.kind(function) == .selectorExpr {
            let member = tree.text(tree.child(function, 1))
            if let path = importPath(ofQualifier: function) {
                return KnownTypes.functionResults[path]?[member].flatMap { element($0, index) }
            }
            guard let receiver = declaredType(of: tree.child(function, 0), resultIndex: 0, depth: depth + 1) else {
                return nil
            }
            return KnownTypes.methodResults["\(receiver.path).\(receiver.name)"]?[member].flatMap { element($0, index) }
        }
        // A function declared in this file: its declared results.
        guard tree.kind(function) == .identifier, let symbol = bindings.symbol(of: function),
              bindings[symbol].kind == .function else { return nil }
        let results = tree.child(tree.child(bindings[symbol].declaration, 2), 2)
        guard results.exists else { return nil }
        var position = 0
        for field in tree.children(results) {
            let count = max(tree.childCount(tree.child(field, 0)), 1)
            if index < position + count { return namedType(ofTypeExpression: tree.child(field, 1), depth: depth + 1) }
            position += count
        }
        return nil
    }

    private func element(_ types: [DeclaredType?], _ index: Int) -> DeclaredType? {
        index < types.count ? types[index] : nil
    }

    /// The type of field `name` of a struct type declared in this file, embedded fields included
    /// (an embedded `*sql.DB` is the field `DB`).
    private func fieldType(of base: DeclaredType, named name: NodeID, depth: Int) -> DeclaredType? {
        for field in structFields(of: base) {
            let names = tree.children(tree.child(field, 0))
            if names.isEmpty {
                guard let embedded = namedType(ofTypeExpression: tree.child(field, 1), depth: depth + 1),
                      embedded.name == tree.text(name) else { continue }
                return embedded
            }
            if names.contains(where: { tree.sameText($0, name) }) {
                return namedType(ofTypeExpression: tree.child(field, 1), depth: depth + 1)
            }
        }
        return nil
    }

    /// The field nodes of a struct type declared in this file; empty for any other type.
    public func structFields(of type: DeclaredType) -> ArraySlice<NodeID> {
        guard type.declaration.exists else { return [] }
        let structType = tree.unparen(tree.child(type.declaration, 2))
        guard tree.kind(structType) == .structType else { return [] }
        let fields = tree.child(structType, 0)
        return fields.exists ? tree.children(fields) : []
    }

    /// The types a value of `type` has the methods of: the type itself and, for a struct declared
    /// in this file, the types it embeds (`type Store struct{ *sql.DB }` has `Query`).
    public func methodProviders(of type: DeclaredType) -> [DeclaredType] {
        var providers = [type]
        for field in structFields(of: type) where tree.childCount(tree.child(field, 0)) == 0 {
            if let embedded = namedType(ofTypeExpression: tree.child(field, 1)), !embedded.path.isEmpty {
                providers.append(embedded)
            }
        }
        return providers
    }
}

extension GoFile {
    /// The method `name` declared in this file on the local type `type` (value or pointer receiver).
    public func methodDeclaration(named name: NodeID, on type: DeclaredType) -> NodeID {
        guard type.path.isEmpty else { return .none }
        for declaration in tree.children(tree.root).dropFirst() where tree.kind(declaration) == .funcDecl {
            let receivers = tree.child(declaration, 0)
            guard receivers.exists, tree.sameText(tree.child(declaration, 1), name),
                  let receiverField = tree.children(receivers).first,
                  let receiverType = namedType(ofTypeExpression: tree.child(receiverField, 1)),
                  receiverType.path.isEmpty, receiverType.name == type.name else { continue }
            return declaration
        }
        return .none
    }
}

enum DeclaredTypeLimits {
    /// How many declarations a type is followed through (`tx` ← `s.db.Begin()` ← `s` ← `*Store`
    /// ← `db *sql.DB` takes about ten steps); the limit only stops malformed cycles.
    static let depth = 32
}
