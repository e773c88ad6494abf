import LintCore

/// Index of a node in its `SwiftSyntaxTree`; `.none` (index 0) stands for an absent child.
public struct SwiftNode: Hashable, Sendable, Comparable {
    public var raw: Int32

    public init(_ raw: Int32) { self.raw = raw }

    public static let none = SwiftNode(0)
    public var exists: Bool { raw != 0 }

    public static func < (lhs: SwiftNode, rhs: SwiftNode) -> Bool { lhs.raw < rhs.raw }
}

/// The node kinds of the lightweight Swift tree and the layout of each one's children
/// (`opt` children are `.none` when absent). The parser recovers declarations and the statement
/// structure of bodies; whatever it does not model it skips as `unmodeled` and records.
public enum SwiftNodeKind: UInt8, Sendable {
    case none
    /// [item...]
    case sourceFile
    /// `{ ... }` of a type, function, accessor or statement: [item...]
    case codeBlock

    // MARK: Declarations
    /// `flags` holds the `TypeDeclFlavor`. [name (identifier, or `typeReference` for an extension),
    /// inheritance list opt, members codeBlock opt]
    case typeDecl
    /// `op` is `.kwFunc`, `.kwInit`, `.kwDeinit` or `.kwSubscript`; flags `isAsync`, `isThrowing`, `isStatic`.
    /// [name identifier opt, parameters parameterList opt, result typeReference opt, body codeBlock opt]
    case functionDecl
    /// [parameter...]
    case parameterList
    /// [name identifier (the internal name), type typeReference opt, default value opt]
    case parameter
    /// `op` is `.kwVar` or `.kwLet`; flag `isStatic`. [binding...]
    case variableDecl
    /// [pattern, type typeReference opt, initial value opt, accessors (codeBlock or accessorBlock) opt]
    case patternBinding
    /// [accessor...]
    case accessorBlock
    /// flags `isAsync`, `isThrowing`. [name identifier (`get`, `set`, `willSet`, ...), body codeBlock opt]
    case accessor
    /// A declaration kept as its span only: `typealias`, `import`, `operator`, `precedencegroup`,
    /// `associatedtype`, enum `case` lists, macros' declarations. []
    case otherDecl

    // MARK: Statements
    /// [conditions conditionList, then codeBlock, else (ifStmt or codeBlock) opt]
    case ifStmt
    /// [conditions conditionList, else codeBlock]
    case guardStmt
    /// [conditions conditionList, body codeBlock]
    case whileStmt
    /// [body codeBlock, condition expression]
    case repeatStmt
    /// flags `isAwait`, `isTry`. [pattern, sequence, where clause opt, body codeBlock]
    case forInStmt
    /// [subject, switchCase...]
    case switchStmt
    /// [patterns patternList (empty for `default`), statement...]
    case switchCase
    /// [body codeBlock, catchClause...]
    case doStmt
    /// [patterns patternList (empty for a bare `catch`), body codeBlock]
    case catchClause
    /// [body codeBlock]
    case deferStmt
    /// [value opt]
    case returnStmt
    /// [value]
    case throwStmt
    /// `op` is `.kwBreak`, `.kwContinue` or `.kwFallthrough`. [label identifier opt]
    case jumpStmt
    /// [label identifier, statement]
    case labeledStmt
    /// [condition...]
    case conditionList
    /// The patterns of a `case` label or a `catch` clause: [pattern...]
    case patternList
    /// `let x = y`, `var x`, `let x: T = y` in a condition: `op` is `.kwLet` or `.kwVar`.
    /// [pattern, type opt, value opt]
    case optionalBinding
    /// `case pattern = value` in a condition: [pattern, value]
    case caseCondition

    // MARK: Expressions
    /// A name, `_`, `self`, `Self`, `super`, `$0`: []
    case identifier
    /// `op` is the token kind: integer, float, string, regex, `true`, `false`, `nil`. []
    case literal
    /// `x.name`, `.name` (base none), `x.0`, `x.init`: [base opt, member identifier]
    case memberAccess
    /// Postfix `x?`: [x]
    case optionalChain
    /// Postfix `x!`: [x]
    case forceUnwrap
    /// Any other postfix operator: [x]
    case postfixOperator
    /// `f(a, label: b) { trailing }`: [callee, argument...]. Flag `hasTrailingClosure`.
    case call
    /// `x[a, b]`: [base, argument...]
    case subscriptCall
    /// [label identifier opt, value]
    case argument
    /// Flags `isAsync`, `isThrowing`, `hasSignature`. [captures captureList opt, parameters opt, body codeBlock]
    case closure
    /// [captureItem...]
    case captureList
    /// Flags `isWeak`, `isUnowned`. [name identifier, value opt]
    case captureItem
    /// `try x`, `try? x`, `try! x`: flags `isOptionalTry`, `isForcedTry`. [x]
    case tryExpr
    /// [x]
    case awaitExpr
    /// A prefix operator applied to `x` (`!x`, `-x`, `&x`, `...x`); the operator is the node's first bytes. [x]
    case prefixOperator
    /// [lhs, operator operatorReference, rhs]
    case binaryExpr
    /// The operator of a `binaryExpr`: []
    case operatorReference
    /// `lhs = rhs`: [lhs, rhs]
    case assignment
    /// `c ? a : b`: [condition, then, else]
    case ternary
    /// `x as T`, `x as? T`, `x as! T`, `x is T` (`x` none in a pattern `is T`): `op` is `.kwAs` or `.kwIs`. [x opt, type]
    case cast
    /// `(a, b)`, `(x)`, `(label: a)`: [argument...]
    case tuple
    /// [element...]
    case arrayLiteral
    /// [key, value, key, value...]
    case dictionaryLiteral
    /// `Name<T, U>` in an expression: [base, type typeReference...]
    case specialization
    /// A type's span, kept as text: []
    case typeReference
    /// `\Type.path`, `\.path`: []
    case keyPath
    /// `#name`, `#name(...)`, `#name { }`: [name identifier, argument...]
    case macroExpansion
    /// `let x` / `var x` inside a pattern: `op` is `.kwLet` or `.kwVar`. [pattern]
    case bindingPattern
    /// `if`/`switch`/`do` used as an expression: [statement]
    case statementExpression
    /// Tokens the parser skipped: []
    case unmodeled
}

/// Which type a `typeDecl` declares, kept in its `flags`.
public enum TypeDeclFlavor: UInt16, Sendable {
    case `class` = 1, `struct`, `enum`, `protocol`, `extension`, actor

    /// The keyword that declares it.
    public var keyword: String {
        switch self {
        case .class: return "class"
        case .struct: return "struct"
        case .enum: return "enum"
        case .protocol: return "protocol"
        case .extension: return "extension"
        case .actor: return "actor"
        }
    }
}

public enum SwiftNodeFlags {
    public static let isAsync: UInt16 = 1
    public static let isThrowing: UInt16 = 2
    public static let isStatic: UInt16 = 4
    public static let hasSignature: UInt16 = 8
    public static let hasTrailingClosure: UInt16 = 1
    public static let isAwait: UInt16 = 1
    public static let isTry: UInt16 = 2
    public static let isOptionalTry: UInt16 = 1
    public static let isForcedTry: UInt16 = 2
    public static let isWeak: UInt16 = 1
    public static let isUnowned: UInt16 = 2
    public static let isConditionalCast: UInt16 = 1
    public static let isForcedCast: UInt16 = 2
}

/// One node: 24 bytes in a flat array; its children are a slice of `SwiftSyntaxTree.links`.
public struct SwiftNodeData: Sendable {
    public var kind: SwiftNodeKind
    public var op: SwiftTokenKind
    public var flags: UInt16
    public var start: Int32
    public var end: Int32
    public var firstLink: Int32
    public var linkCount: Int32
    public var parent: SwiftNode
}

/// A stretch of source the parser did not model, kept so a corpus run can count and show them.
public struct UnmodeledRange: Sendable, Hashable {
    public var start: Int32
    public var end: Int32
    public var reason: String
}

/// A parsed Swift file.
public struct SwiftSyntaxTree: Sendable {
    public let source: SourceFile
    public let nodes: [SwiftNodeData]
    /// Children of every node, node after node.
    public let links: [SwiftNode]
    public let root: SwiftNode
    public let comments: [SwiftComment]
    public let unmodeled: [UnmodeledRange]
    /// What makes the file invalid Swift, in source order; empty for a valid file.
    public let errors: [SwiftSyntaxError]

    init(source: SourceFile, nodes: [SwiftNodeData], links: [SwiftNode], root: SwiftNode,
         comments: [SwiftComment], unmodeled: [UnmodeledRange], errors: [SwiftSyntaxError] = []) {
        self.source = source
        self.nodes = nodes
        self.links = links
        self.root = root
        self.comments = comments
        self.unmodeled = unmodeled
        self.errors = errors
    }

    @inline(__always) public func kind(_ node: SwiftNode) -> SwiftNodeKind { nodes[Int(node.raw)].kind }
    @inline(__always) public func op(_ node: SwiftNode) -> SwiftTokenKind { nodes[Int(node.raw)].op }
    @inline(__always) public func flags(_ node: SwiftNode) -> UInt16 { nodes[Int(node.raw)].flags }
    @inline(__always) public func hasFlag(_ node: SwiftNode, _ flag: UInt16) -> Bool { flags(node) & flag != 0 }
    @inline(__always) public func parent(_ node: SwiftNode) -> SwiftNode { nodes[Int(node.raw)].parent }

    public func range(_ node: SwiftNode) -> ByteRange {
        let data = nodes[Int(node.raw)]
        return ByteRange(start: data.start, end: data.end)
    }

    public func children(_ node: SwiftNode) -> ArraySlice<SwiftNode> {
        let data = nodes[Int(node.raw)]
        return links[Int(data.firstLink)..<Int(data.firstLink + data.linkCount)]
    }

    /// The `index`th child, `.none` past the last.
    public func child(_ node: SwiftNode, _ index: Int) -> SwiftNode {
        let data = nodes[Int(node.raw)]
        return index >= 0 && index < Int(data.linkCount) ? links[Int(data.firstLink) + index] : .none
    }

    public func text(_ node: SwiftNode) -> String { source.text(range(node)) }

    /// Whether the node's bytes are exactly `word`, without making a String.
    public func hasText(_ node: SwiftNode, _ word: StaticString) -> Bool {
        let data = nodes[Int(node.raw)]
        let count = word.utf8CodeUnitCount
        guard Int(data.end - data.start) == count else { return false }
        let pointer = word.utf8Start
        let base = Int(data.start)
        for index in 0..<count where source.bytes[base + index] != pointer[index] { return false }
        return true
    }

    public func sameText(_ a: SwiftNode, _ b: SwiftNode) -> Bool {
        let left = range(a), right = range(b)
        guard left.length == right.length else { return false }
        return source.bytes[Int(left.start)..<Int(left.end)].elementsEqual(source.bytes[Int(right.start)..<Int(right.end)])
    }

    /// An identifier spelled `word`.
    public func isName(_ node: SwiftNode, _ word: StaticString) -> Bool {
        kind(node) == .identifier && hasText(node, word)
    }

    /// Descends through wrappers that do not change which value `x` is: parentheses, `try`,
    /// `await`, postfix `?` and `!`.
    public func stripped(_ node: SwiftNode) -> SwiftNode {
        var current = node
        while true {
            switch kind(current) {
            case .tuple where nodes[Int(current.raw)].linkCount == 1:
                let element = child(current, 0)
                guard kind(element) == .argument, !child(element, 0).exists else { return current }
                current = child(element, 1)
            case .tryExpr, .awaitExpr, .optionalChain, .forceUnwrap:
                current = child(current, 0)
            default:
                return current
            }
        }
    }

    public func isAncestor(_ ancestor: SwiftNode, of node: SwiftNode) -> Bool {
        var current = node
        while current.exists {
            if current == ancestor { return true }
            current = parent(current)
        }
        return false
    }

    /// Visits `node` and everything below it in source order; `visit` returns false to skip a
    /// node's children. Iterative, so any nesting depth is safe.
    public func walk(_ node: SwiftNode, _ visit: (SwiftNode) -> Bool) {
        guard node.exists else { return }
        var pending: [SwiftNode] = [node]
        while let next = pending.popLast() {
            guard visit(next) else { continue }
            let data = nodes[Int(next.raw)]
            var link = Int(data.firstLink + data.linkCount)
            while link > Int(data.firstLink) {
                link -= 1
                if links[link].exists { pending.append(links[link]) }
            }
        }
    }
}
