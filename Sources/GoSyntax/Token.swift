import LintCore

/// The kinds of Go tokens. Raw values are small so a token packs into 12 bytes.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case eof
    /// A byte sequence the lexer could not make sense of; lexing goes on after it.
    case illegal
    case comment

    case identifier
    case int
    case float
    case imaginary
    case char
    case string

    // Operators and punctuation.
    case add            // +
    case sub            // -
    case mul            // *
    case quo            // /
    case rem            // %
    case and            // &
    case or             // |
    case xor            // ^
    case shl            // <<
    case shr            // >>
    case andNot         // &^
    case addAssign      // +=
    case subAssign      // -=
    case mulAssign      // *=
    case quoAssign      // /=
    case remAssign      // %=
    case andAssign      // &=
    case orAssign       // |=
    case xorAssign      // ^=
    case shlAssign      // <<=
    case shrAssign      // >>=
    case andNotAssign   // &^=
    case logicalAnd     // &&
    case logicalOr      // ||
    case arrow          // <-
    case increment      // ++
    case decrement      // --
    case equal          // ==
    case less           // <
    case greater        // >
    case assign         // =
    case not            // !
    case tilde          // ~
    case notEqual       // !=
    case lessEqual      // <=
    case greaterEqual   // >=
    case define         // :=
    case ellipsis       // ...
    case leftParen      // (
    case leftBracket    // [
    case leftBrace      // {
    case comma          // ,
    case period         // .
    case rightParen     // )
    case rightBracket   // ]
    case rightBrace     // }
    /// An explicit `;` or one inserted at a newline or end of file (then its range is empty).
    case semicolon
    case colon          // :

    // Keywords.
    case kwBreak
    case kwCase
    case kwChan
    case kwConst
    case kwContinue
    case kwDefault
    case kwDefer
    case kwElse
    case kwFallthrough
    case kwFor
    case kwFunc
    case kwGo
    case kwGoto
    case kwIf
    case kwImport
    case kwInterface
    case kwMap
    case kwPackage
    case kwRange
    case kwReturn
    case kwSelect
    case kwStruct
    case kwSwitch
    case kwType
    case kwVar

    public var isKeyword: Bool { rawValue >= TokenKind.kwBreak.rawValue }
    public var isLiteral: Bool { rawValue >= TokenKind.int.rawValue && rawValue <= TokenKind.string.rawValue }
    public var isAssignOperator: Bool {
        rawValue >= TokenKind.addAssign.rawValue && rawValue <= TokenKind.andNotAssign.rawValue
    }

    /// Binary operator precedence as in the Go spec (5 highest); 0 for non-binary tokens.
    public var binaryPrecedence: Int {
        switch self {
        case .logicalOr: return 1
        case .logicalAnd: return 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return 3
        case .add, .sub, .or, .xor: return 4
        case .mul, .quo, .rem, .shl, .shr, .and, .andNot: return 5
        default: return 0
        }
    }

    /// The spelling of fixed tokens, for messages ("expected `)`").
    public var spelling: String {
        switch self {
        case .eof: return "end of file"
        case .illegal: return "illegal token"
        case .comment: return "comment"
        case .identifier: return "identifier"
        case .int: return "integer literal"
        case .float: return "floating-point literal"
        case .imaginary: return "imaginary literal"
        case .char: return "rune literal"
        case .string: return "string literal"
        case .add: return "+"
        case .sub: return "-"
        case .mul: return "*"
        case .quo: return "/"
        case .rem: return "%"
        case .and: return "&"
        case .or: return "|"
        case .xor: return "^"
        case .shl: return "<<"
        case .shr: return ">>"
        case .andNot: return "&^"
        case .addAssign: return "+="
        case .subAssign: return "-="
        case .mulAssign: return "*="
        case .quoAssign: return "/="
        case .remAssign: return "%="
        case .andAssign: return "&="
        case .orAssign: return "|="
        case .xorAssign: return "^="
        case .shlAssign: return "<<="
        case .shrAssign: return ">>="
        case .andNotAssign: return "&^="
        case .logicalAnd: return "&&"
        case .logicalOr: return "||"
        case .arrow: return "<-"
        case .increment: return "++"
        case .decrement: return "--"
        case .equal: return "=="
        case .less: return "<"
        case .greater: return ">"
        case .assign: return "="
        case .not: return "!"
        case .tilde: return "~"
        case .notEqual: return "!="
        case .lessEqual: return "<="
        case .greaterEqual: return ">="
        case .define: return ":="
        case .ellipsis: return "..."
        case .leftParen: return "("
        case .leftBracket: return "["
        case .leftBrace: return "{"
        case .comma: return ","
        case .period: return "."
        case .rightParen: return ")"
        case .rightBracket: return "]"
        case .rightBrace: return "}"
        case .semicolon: return ";"
        case .colon: return ":"
        case .kwBreak: return "break"
        case .kwCase: return "case"
        case .kwChan: return "chan"
        case .kwConst: return "const"
        case .kwContinue: return "continue"
        case .kwDefault: return "default"
        case .kwDefer: return "defer"
        case .kwElse: return "else"
        case .kwFallthrough: return "fallthrough"
        case .kwFor: return "for"
        case .kwFunc: return "func"
        case .kwGo: return "go"
        case .kwGoto: return "goto"
        case .kwIf: return "if"
        case .kwImport: return "import"
        case .kwInterface: return "interface"
        case .kwMap: return "map"
        case .kwPackage: return "package"
        case .kwRange: return "range"
        case .kwReturn: return "return"
        case .kwSelect: return "select"
        case .kwStruct: return "struct"
        case .kwSwitch: return "switch"
        case .kwType: return "type"
        case .kwVar: return "var"
        }
    }
}

/// One token: its kind and byte range. 12 bytes, stored in flat arrays.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var start: Int32
    public var end: Int32

    public init(kind: TokenKind, start: Int32, end: Int32) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    public var range: ByteRange { ByteRange(start: start, end: end) }
}

/// A lexical error: what is wrong and where.
public struct LexError: Hashable, Sendable {
    public var offset: Int32
    public var message: String

    public init(offset: Int32, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// The lexer's output: significant tokens (semicolons inserted, ending with `.eof`),
/// comments kept aside with their positions, and the errors met on the way.
public struct TokenStream: Sendable {
    public var tokens: [Token]
    public var comments: [Token]
    public var errors: [LexError]

    public init(tokens: [Token], comments: [Token], errors: [LexError]) {
        self.tokens = tokens
        self.comments = comments
        self.errors = errors
    }
}
