/// The kinds of Swift tokens the parser distinguishes. Contextual keywords (`async`, `actor`,
/// `throws`, `get`, `willSet`, `some`, `weak`, ...) are identifiers; the parser reads their text
/// where they matter, because they are valid names everywhere else.
public enum SwiftTokenKind: UInt8, Sendable, CaseIterable {
    case eof
    /// Bytes the lexer could not make sense of (a stray `\`, invalid UTF-8 outside literals).
    case unknown

    /// A name: plain, backticked (`` `class` ``), `$0`, `$name`, `_`, `self`, `Self`, `super`.
    case identifier
    case integerLiteral
    case floatLiteral
    /// Any string literal: `"..."`, `"""..."""`, raw `#"..."#`, with interpolations inside it.
    case stringLiteral
    /// `/.../` where Swift reads a regex, and `#/.../#`.
    case regexLiteral
    /// An operator, built-in or custom: `+`, `==`, `..<`, `?`, `!`, `&`, `<`, `>>`, `+++`.
    case operatorToken
    /// `=` alone.
    case assign
    /// `->`
    case arrow
    /// `@` directly followed by an attribute name.
    case atSign
    /// `#name`: a compiler directive (`#if`), a macro or a special literal (`#file`, `#selector`).
    case pound

    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, semicolon, period, backslash

    // Declaration keywords.
    case kwClass, kwStruct, kwEnum, kwProtocol, kwExtension, kwFunc, kwInit, kwDeinit, kwSubscript
    case kwVar, kwLet, kwTypealias, kwAssociatedtype, kwImport, kwOperator, kwPrecedencegroup
    /// `static`, `public`, `private`, `fileprivate`, `internal`.
    case kwModifier
    case kwInout

    // Statement keywords.
    case kwIf, kwGuard, kwElse, kwWhile, kwRepeat, kwFor, kwIn, kwSwitch, kwCase, kwDefault
    case kwDo, kwCatch, kwDefer, kwReturn, kwThrow, kwBreak, kwContinue, kwFallthrough, kwWhere

    // Expression keywords.
    case kwTry, kwAwait, kwAs, kwIs, kwTrue, kwFalse, kwNil

    public var isKeyword: Bool { rawValue >= SwiftTokenKind.kwClass.rawValue }
}

/// One token: 12 bytes. Trivia (white space, comments) is not a token; what the parser needs of
/// it is in `flags`.
public struct SwiftToken: Sendable, Equatable {
    public var kind: SwiftTokenKind
    public var flags: UInt8
    public var start: Int32
    public var end: Int32

    public init(kind: SwiftTokenKind, flags: UInt8 = 0, start: Int32, end: Int32) {
        self.kind = kind
        self.flags = flags
        self.start = start
        self.end = end
    }

    /// A line break (possibly inside a comment) separates this token from the previous one.
    public static let newlineBefore: UInt8 = 1
    /// Swift's "left-bound": no white space, comment or opening bracket/`,`/`;`/`:` right before.
    public static let leftBound: UInt8 = 2
    /// Swift's "right-bound": no white space, comment or closing bracket/`,`/`;`/`:` right after
    /// (nor, after a left-bound operator, a `.`: `x!.y`).
    public static let rightBound: UInt8 = 4
    /// The literal is not terminated (a string, a block comment before it, a regex).
    public static let unterminated: UInt8 = 8

    @inline(__always) public var isAtLineStart: Bool { flags & SwiftToken.newlineBefore != 0 }
    @inline(__always) public var isLeftBound: Bool { flags & SwiftToken.leftBound != 0 }
    @inline(__always) public var isRightBound: Bool { flags & SwiftToken.rightBound != 0 }

    /// An operator's fixity from the white space around it, as the Swift language reference says:
    /// prefix when bound only on the right, postfix when bound only on the left.
    public var isPrefixOperator: Bool { !isLeftBound && isRightBound }
    public var isPostfixOperator: Bool { isLeftBound && !isRightBound }
}

/// What the lexer produces for one file.
public struct SwiftTokenStream: Sendable {
    /// Tokens in source order, ending with `.eof`.
    public var tokens: [SwiftToken]
    /// Byte ranges of comments, `//` and `/* */`, in source order.
    public var comments: [SwiftComment]
}

public struct SwiftComment: Sendable, Hashable {
    public var start: Int32
    public var end: Int32
    public var isBlock: Bool
    /// False for a block comment that the file ends inside.
    public var isTerminated = true
}
