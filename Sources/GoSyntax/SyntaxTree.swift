import LintCore

/// Index of a node in its `SyntaxTree`. `NodeID.none` (index 0) stands for an absent optional child.
public struct NodeID: Hashable, Sendable, Comparable {
    public var raw: Int32

    public init(_ raw: Int32) { self.raw = raw }

    public static let none = NodeID(0)
    public var isNone: Bool { raw == 0 }
    public var exists: Bool { raw != 0 }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.raw < rhs.raw }
}

/// The kinds of syntax nodes and, for each, the layout of its children
/// (`opt` children are `NodeID.none` when absent).
public enum NodeKind: UInt8, Sendable {
    /// The sentinel at index 0.
    case none
    /// [packageName ident, decl...]
    case file
    /// A generic list: [item...]. Used for identifier lists and expression lists.
    case list

    // MARK: Declarations
    /// `op` is kwImport, kwConst, kwVar or kwType; flag `grouped` for `(...)`. [spec...]
    case genDecl
    /// [name opt (ident, including `.` and `_`), path basicLit]
    case importSpec
    /// [names list, type opt, values list opt]
    case valueSpec
    /// [name ident, typeParams fieldList opt, type]; flag `alias` for `type A = B`.
    case typeSpec
    /// [receiver fieldList opt, name ident, funcType, body block opt]
    case funcDecl

    // MARK: Fields and types
    /// [field...]
    case fieldList
    /// [names list (empty for anonymous/embedded), type, tag basicLit opt]
    case field
    /// [length opt (an `ellipsis` node for `[...]T`), element]
    case arrayType
    /// [element]
    case sliceType
    /// [fieldList]
    case structType
    /// [typeParams fieldList opt, params fieldList, results fieldList opt]
    case funcType
    /// [element...]: method `field`s (names=[name], type=funcType) and embedded types/unions.
    case interfaceType
    /// [key, value]
    case mapType
    /// [element]; `flags` holds the direction: 0 both, 1 send-only `chan<-`, 2 receive-only `<-chan`.
    case chanType
    /// `...T` in a parameter list, or `...` as an array length: [element opt]
    case ellipsis

    // MARK: Expressions
    /// []
    case identifier
    /// []; `op` is the literal's token kind.
    case basicLit
    /// [type opt, element...]
    case compositeLit
    /// [funcType, body block]
    case funcLit
    /// [x]
    case parenExpr
    /// [x, selector ident]
    case selectorExpr
    /// [x, index...] (several indices for a generic instantiation)
    case indexExpr
    /// [x, low opt, high opt, max opt]; flag `threeIndex`.
    case sliceExpr
    /// [x, type opt] — type is none for `x.(type)`.
    case typeAssertExpr
    /// [function, argument...]; flag `hasEllipsis` for `f(xs...)`.
    case callExpr
    /// `*x`, also pointer types: [x]
    case starExpr
    /// [x]; `op` is the operator (`-`, `!`, `^`, `&`, `<-`, `~`, `+`).
    case unaryExpr
    /// [x, y]; `op` is the operator.
    case binaryExpr
    /// [key, value] inside composite literals.
    case keyValueExpr
    /// An expression that could not be parsed: []
    case badExpr

    // MARK: Statements
    /// A statement that could not be parsed: []
    case badStmt
    /// [genDecl]
    case declStmt
    /// []
    case emptyStmt
    /// [label ident, statement]
    case labeledStmt
    /// [x]
    case exprStmt
    /// [channel, value]
    case sendStmt
    /// [x]; `op` is `++` or `--`.
    case incDecStmt
    /// [lhs list, rhs list]; `op` is `=`, `:=` or an operator-assignment.
    case assignStmt
    /// [call]
    case goStmt
    /// [call]
    case deferStmt
    /// [result...]
    case returnStmt
    /// [label ident opt]; `op` is kwBreak, kwContinue, kwGoto or kwFallthrough.
    case branchStmt
    /// [statement...]
    case blockStmt
    /// [init opt, condition, then block, else opt (ifStmt or blockStmt)]
    case ifStmt
    /// [expressions list opt (none for `default`), statement...]
    case caseClause
    /// [init opt, tag opt, body block of caseClauses]
    case switchStmt
    /// [init opt, guard (assignStmt `v := x.(type)` or exprStmt `x.(type)`), body block of caseClauses]
    case typeSwitchStmt
    /// [communication statement opt (none for `default`), statement...]
    case commClause
    /// [body block of commClauses]
    case selectStmt
    /// [init opt, condition opt, post opt, body block]
    case forStmt
    /// [key opt, value opt, range expression, body block]; `op` is `:=`, `=` or `.eof` when neither.
    case rangeStmt
}

public struct NodeFlags {
    public static let grouped: UInt16 = 1
    public static let alias: UInt16 = 1
    public static let threeIndex: UInt16 = 1
    public static let hasEllipsis: UInt16 = 1
    public static let chanSendOnly: UInt16 = 1
    public static let chanReceiveOnly: UInt16 = 2
}

/// One syntax node: 24 bytes, stored in a flat array; children live in `SyntaxTree.childIDs`.
public struct Node: Sendable {
    public var kind: NodeKind
    public var op: TokenKind
    public var flags: UInt16
    public var start: Int32
    public var end: Int32
    public var childStart: Int32
    public var childCount: Int32
    public var parent: NodeID

    public init(kind: NodeKind, op: TokenKind = .eof, flags: UInt16 = 0, start: Int32, end: Int32,
                childStart: Int32 = 0, childCount: Int32 = 0, parent: NodeID = .none) {
        self.kind = kind
        self.op = op
        self.flags = flags
        self.start = start
        self.end = end
        self.childStart = childStart
        self.childCount = childCount
        self.parent = parent
    }

    public var range: ByteRange { ByteRange(start: start, end: end) }
}

public struct SyntaxError: Hashable, Sendable {
    public var offset: Int32
    public var message: String

    public init(offset: Int32, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// A parsed Go file: nodes in a flat arena, plus the tokens and comments they came from.
public struct SyntaxTree: Sendable {
    public let source: SourceFile
    public var nodes: [Node]
    public var childIDs: [NodeID]
    public var root: NodeID
    public var comments: [Token]
    /// Lexical and syntax errors, in source order.
    public var errors: [SyntaxError]

    public init(source: SourceFile, nodes: [Node], childIDs: [NodeID], root: NodeID,
                comments: [Token], errors: [SyntaxError]) {
        self.source = source
        self.nodes = nodes
        self.childIDs = childIDs
        self.root = root
        self.comments = comments
        self.errors = errors
    }

    @inline(__always) public subscript(id: NodeID) -> Node { nodes[Int(id.raw)] }
    @inline(__always) public func kind(_ id: NodeID) -> NodeKind { nodes[Int(id.raw)].kind }
    @inline(__always) public func op(_ id: NodeID) -> TokenKind { nodes[Int(id.raw)].op }
    @inline(__always) public func parent(_ id: NodeID) -> NodeID { nodes[Int(id.raw)].parent }
    @inline(__always) public func range(_ id: NodeID) -> ByteRange { nodes[Int(id.raw)].range }

    @inline(__always) public func children(_ id: NodeID) -> ArraySlice<NodeID> {
        let node = nodes[Int(id.raw)]
        return childIDs[Int(node.childStart)..<Int(node.childStart + node.childCount)]
    }

    /// The `index`th child, or `.none` when the node has fewer children.
    @inline(__always) public func child(_ id: NodeID, _ index: Int) -> NodeID {
        let node = nodes[Int(id.raw)]
        guard index >= 0, index < Int(node.childCount) else { return .none }
        return childIDs[Int(node.childStart) + index]
    }

    public func childCount(_ id: NodeID) -> Int { Int(nodes[Int(id.raw)].childCount) }

    /// The node's source text (lenient UTF-8 decoding).
    public func text(_ id: NodeID) -> String { source.text(range(id)) }

    /// Whether the node's bytes are exactly `name` (no String is made).
    public func hasText(_ id: NodeID, _ name: StaticString) -> Bool {
        let node = nodes[Int(id.raw)]
        let length = Int(node.end - node.start)
        guard length == name.utf8CodeUnitCount else { return false }
        return source.bytes.withUnsafeBufferPointer { buffer in
            let base = Int(node.start)
            let pattern = name.utf8Start
            for index in 0..<length where buffer[base + index] != pattern[index] { return false }
            return true
        }
    }

    /// Whether two nodes have identical bytes.
    public func sameText(_ lhs: NodeID, _ rhs: NodeID) -> Bool {
        let a = nodes[Int(lhs.raw)], b = nodes[Int(rhs.raw)]
        guard a.end - a.start == b.end - b.start else { return false }
        let bytes = source.bytes
        var i = Int(a.start), j = Int(b.start)
        while i < Int(a.end) {
            if bytes[i] != bytes[j] { return false }
            i += 1; j += 1
        }
        return true
    }

    /// Whether `id` is an identifier spelled `name`.
    @inline(__always) public func isIdentifier(_ id: NodeID, _ name: StaticString) -> Bool {
        kind(id) == .identifier && hasText(id, name)
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    public func isAncestor(_ ancestor: NodeID, of id: NodeID) -> Bool {
        var current = id
        while current.exists {
            if current == ancestor { return true }
            current = parent(current)
        }
        return false
    }

    /// Visits `id` and its descendants in source order. `visit` returns false to skip a node's children.
    /// Iterative, so deeply nested input cannot overflow the stack.
    public func walk(_ id: NodeID, _ visit: (NodeID) -> Bool) {
        guard id.exists else { return }
        var stack: [NodeID] = [id]
        while let current = stack.popLast() {
            guard visit(current) else { continue }
            let node = nodes[Int(current.raw)]
            var index = Int(node.childStart + node.childCount) - 1
            while index >= Int(node.childStart) {
                let childID = childIDs[index]
                if childID.exists { stack.append(childID) }
                index -= 1
            }
        }
    }

    /// Strips parentheses: `((x))` → `x`.
    public func unparen(_ id: NodeID) -> NodeID {
        var current = id
        while kind(current) == .parenExpr { current = child(current, 0) }
        return current
    }
}
