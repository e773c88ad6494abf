import LintCore

/// Turns Swift source bytes into tokens.
///
/// Never fails and never traps: bytes it cannot read become `.unknown` tokens, an unterminated
/// literal or comment runs to the end of its line or of the file and is flagged `unterminated`.
/// String literals (interpolations included, nested to any depth) are one token each: the rules
/// do not look inside them, and this keeps a `}` or `"` inside an interpolation from confusing
/// the parser.
public enum SwiftLexer {
    public static func tokenize(_ source: SourceFile) -> SwiftTokenStream {
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = SwiftScanner(text: buffer)
            scanner.scanAll()
            return SwiftTokenStream(tokens: scanner.tokens, comments: scanner.comments)
        }
    }
}

@inline(__always) func isIdentifierHead(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
}

@inline(__always) func isIdentifierBody(_ byte: UInt8) -> Bool {
    isIdentifierHead(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "$")
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

/// `/ = - + ! * % < > & | ^ ~ ?`
@inline(__always) func isOperatorCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "!"),
         UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
         UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"):
        return true
    default:
        return false
    }
}

/// One pass over the bytes. Every loop advances `position` or stops, and every read is bounded
/// by `end` (or goes through `byte(at:)`, which yields 0 past it).
struct SwiftScanner {
    private let text: UnsafeBufferPointer<UInt8>
    private let end: Int
    private var position = 0
    private var sawNewline = false
    private var sawTrivia = true
    /// Nesting of string literals inside interpolations; past a limit nested quotes are not
    /// followed further, so hostile input cannot exhaust the stack.
    private var stringNesting = 0
    static let maximumStringNesting = 200

    private(set) var tokens: [SwiftToken] = []
    private(set) var comments: [SwiftComment] = []

    init(text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        self.end = min(text.count, Int(Int32.max) - 1)
        tokens.reserveCapacity(end / 5 + 2)
    }

    @inline(__always) private func byte(at index: Int) -> UInt8 {
        index >= 0 && index < end ? text[index] : 0
    }

    mutating func scanAll() {
        if end >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { position = 3 }
        if byte(at: position) == UInt8(ascii: "#"), byte(at: position + 1) == UInt8(ascii: "!") {
            skipToLineEnd()
        }
        while true {
            skipTrivia()
            guard position < end else { break }
            scanToken()
        }
        finishToken(.eof, from: end, flags: 0)
        setRightBound(at: end)
    }

    // MARK: Trivia

    private mutating func skipTrivia() {
        while position < end {
            switch text[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C, 0:
                position += 1
                sawTrivia = true
            case UInt8(ascii: "\n"):
                position += 1
                sawTrivia = true
                sawNewline = true
            case UInt8(ascii: "/") where byte(at: position + 1) == UInt8(ascii: "/"):
                let start = position
                skipToLineEnd()
                comments.append(SwiftComment(start: Int32(start), end: Int32(position), isBlock: false))
                sawTrivia = true
            case UInt8(ascii: "/") where byte(at: position + 1) == UInt8(ascii: "*"):
                let start = position
                let terminated = skipBlockComment()
                comments.append(SwiftComment(start: Int32(start), end: Int32(position), isBlock: true,
                                             isTerminated: terminated))
                sawTrivia = true
            default:
                return
            }
        }
    }

    private mutating func skipToLineEnd() {
        while position < end && text[position] != UInt8(ascii: "\n") { position += 1 }
    }

    /// Skips a block comment; they nest in Swift. False when the file ends inside it.
    private mutating func skipBlockComment() -> Bool {
        var depth = 0
        while position < end {
            let current = text[position]
            if current == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "*") {
                depth += 1
                position += 2
            } else if current == UInt8(ascii: "*"), byte(at: position + 1) == UInt8(ascii: "/") {
                depth -= 1
                position += 2
                if depth == 0 { return true }
            } else {
                if current == UInt8(ascii: "\n") { sawNewline = true }
                position += 1
            }
        }
        return false
    }

    // MARK: Tokens

    /// Appends a token from `start` to the current position, with the trivia flags seen before it.
    private mutating func finishToken(_ kind: SwiftTokenKind, from start: Int, flags extra: UInt8) {
        setRightBound(at: start)
        var flags = extra
        if sawNewline { flags |= SwiftToken.newlineBefore }
        if !sawTrivia && start > 0 {
            switch byte(at: start - 1) {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
                 UInt8(ascii: ";"), UInt8(ascii: ":"):
                break
            default:
                flags |= SwiftToken.leftBound
            }
        }
        tokens.append(SwiftToken(kind: kind, flags: flags, start: Int32(start), end: Int32(max(start, position))))
        sawNewline = false
        sawTrivia = false
    }

    /// Marks the previous token right-bound when the next token starts right after it.
    private mutating func setRightBound(at nextStart: Int) {
        guard let last = tokens.indices.last, !sawTrivia, nextStart < end else { return }
        switch text[nextStart] {
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: ":"):
            return
        case UInt8(ascii: ".") where tokens[last].kind == .operatorToken && tokens[last].isLeftBound:
            // `x!.y`: an operator bound on the left and followed by a period is postfix.
            return
        default:
            tokens[last].flags |= SwiftToken.rightBound
        }
    }

    private var previousEndsExpression: Bool {
        guard let last = tokens.last else { return false }
        switch last.kind {
        case .identifier, .integerLiteral, .floatLiteral, .stringLiteral, .regexLiteral,
             .rightParen, .rightBracket, .rightBrace, .kwTrue, .kwFalse, .kwNil, .kwInit:
            return true
        case .operatorToken:
            return last.isLeftBound && !sawTrivia
        default:
            return false
        }
    }

    private mutating func scanToken() {
        let start = position
        let first = text[start]
        switch first {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            scanIdentifier(from: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            scanNumber(from: start)
        case UInt8(ascii: "\""):
            scanString(from: start, hashes: 0)
        case UInt8(ascii: "`"):
            scanBacktickIdentifier(from: start)
        case UInt8(ascii: "$"):
            position += 1
            while position < end && isIdentifierBody(text[position]) { position += 1 }
            finishToken(.identifier, from: start, flags: 0)
        case UInt8(ascii: "#"):
            scanPound(from: start)
        case UInt8(ascii: "@"):
            single(.atSign)
        case UInt8(ascii: "("): single(.leftParen)
        case UInt8(ascii: ")"): single(.rightParen)
        case UInt8(ascii: "["): single(.leftBracket)
        case UInt8(ascii: "]"): single(.rightBracket)
        case UInt8(ascii: "{"): single(.leftBrace)
        case UInt8(ascii: "}"): single(.rightBrace)
        case UInt8(ascii: ","): single(.comma)
        case UInt8(ascii: ":"): single(.colon)
        case UInt8(ascii: ";"): single(.semicolon)
        case UInt8(ascii: "\\"): single(.backslash)
        case UInt8(ascii: "."):
            // `..<`, `...`, and the dot operators `.==`, `.&`, `.<` of SIMD types.
            let next = byte(at: start + 1)
            if next == UInt8(ascii: ".") || (isOperatorCharacter(next) && next != UInt8(ascii: "/")) {
                scanOperator(from: start, dotted: true)
            } else {
                single(.period)
            }
        case UInt8(ascii: "/") where !previousEndsExpression && scanBareRegex(from: start):
            break
        default:
            if isOperatorCharacter(first) {
                scanOperator(from: start, dotted: false)
            } else if first >= 0x80 {
                scanIdentifier(from: start)
            } else {
                single(.unknown)
            }
        }
    }

    @inline(__always) private mutating func single(_ kind: SwiftTokenKind) {
        let start = position
        position += 1
        finishToken(kind, from: start, flags: 0)
    }

    private mutating func scanIdentifier(from start: Int) {
        position = start + 1
        while position < end && isIdentifierBody(text[position]) { position += 1 }
        let kind = SwiftKeywords.kind(text, start: start, end: position)
        finishToken(kind, from: start, flags: 0)
    }

    private mutating func scanBacktickIdentifier(from start: Int) {
        var index = start + 1
        while index < end && text[index] != UInt8(ascii: "`") && text[index] != UInt8(ascii: "\n") { index += 1 }
        if byte(at: index) == UInt8(ascii: "`") && index > start + 1 {
            position = index + 1
            finishToken(.identifier, from: start, flags: 0)
        } else {
            single(.unknown)
        }
    }

    private mutating func scanNumber(from start: Int) {
        position = start
        let afterPeriod = tokens.last?.kind == .period && !sawTrivia
        if text[start] == UInt8(ascii: "0"), !afterPeriod {
            let base = byte(at: start + 1)
            if base == UInt8(ascii: "x") || base == UInt8(ascii: "X") {
                scanHexNumber(from: start)
                return
            }
            if base == UInt8(ascii: "o") || base == UInt8(ascii: "b") {
                position = start + 2
                while position < end && isIdentifierBody(text[position]) { position += 1 }
                finishToken(.integerLiteral, from: start, flags: 0)
                return
            }
        }
        skipDigits()
        var kind = SwiftTokenKind.integerLiteral
        if !afterPeriod, byte(at: position) == UInt8(ascii: "."), isDigit(byte(at: position + 1)) {
            position += 1
            skipDigits()
            kind = .floatLiteral
        }
        if !afterPeriod && scanExponent(marker: UInt8(ascii: "e")) { kind = .floatLiteral }
        finishNumber(kind, from: start)
    }

    /// An exponent (`e-3`, `p+2`) at the current position, if there is one; the marker matches
    /// either case.
    private mutating func scanExponent(marker: UInt8) -> Bool {
        guard byte(at: position) | 0x20 == marker else { return false }
        var index = position + 1
        if byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-") { index += 1 }
        guard isDigit(byte(at: index)) else { return false }
        position = index
        skipDigits()
        return true
    }

    /// Trailing letters make an invalid literal; keeping them in the token keeps the rest aligned.
    private mutating func finishNumber(_ kind: SwiftTokenKind, from start: Int) {
        while position < end && isIdentifierBody(text[position]) { position += 1 }
        finishToken(kind, from: start, flags: 0)
    }

    private mutating func skipDigits() {
        while position < end && (isDigit(text[position]) || text[position] == UInt8(ascii: "_")) { position += 1 }
    }

    private mutating func scanHexNumber(from start: Int) {
        position = start + 2
        var kind = SwiftTokenKind.integerLiteral
        func isHexBody(_ byte: UInt8) -> Bool {
            isDigit(byte) || byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
        }
        while position < end && isHexBody(text[position]) { position += 1 }
        if byte(at: position) == UInt8(ascii: "."), isHexBody(byte(at: position + 1)) {
            var index = position + 1
            while index < end && isHexBody(text[index]) { index += 1 }
            // `0x1.p2` needs its exponent; without it the period is member access (`0xFF.description`).
            if byte(at: index) | 0x20 == UInt8(ascii: "p") {
                position = index
            }
        }
        if scanExponent(marker: UInt8(ascii: "p")) { kind = .floatLiteral }
        finishNumber(kind, from: start)
    }

    private mutating func scanOperator(from start: Int, dotted: Bool) {
        position = start
        while position < end {
            let current = text[position]
            if current == UInt8(ascii: "/"),
               byte(at: position + 1) == UInt8(ascii: "/") || byte(at: position + 1) == UInt8(ascii: "*"),
               position > start {
                break
            }
            if isOperatorCharacter(current) || (dotted && current == UInt8(ascii: ".")) {
                position += 1
            } else {
                break
            }
        }
        if position == start { position += 1 }
        let length = position - start
        var kind = SwiftTokenKind.operatorToken
        if length == 1 && text[start] == UInt8(ascii: "=") {
            kind = .assign
        } else if length == 2 && text[start] == UInt8(ascii: "-") && text[start + 1] == UInt8(ascii: ">") {
            kind = .arrow
        }
        finishToken(kind, from: start, flags: 0)
    }

    // MARK: Pound: directives, macros, raw strings, extended regexes

    private mutating func scanPound(from start: Int) {
        var index = start
        while byte(at: index) == UInt8(ascii: "#") { index += 1 }
        let hashes = index - start
        if byte(at: index) == UInt8(ascii: "\"") {
            scanString(from: start, hashes: hashes)
            return
        }
        if byte(at: index) == UInt8(ascii: "/") {
            scanExtendedRegex(from: start, hashes: hashes)
            return
        }
        if hashes == 1 && isIdentifierHead(byte(at: index)) {
            position = index + 1
            while position < end && isIdentifierBody(text[position]) { position += 1 }
            finishToken(.pound, from: start, flags: 0)
            return
        }
        position = start + 1
        finishToken(.pound, from: start, flags: 0)
    }

    /// `#/.../#` (and `##/.../##`): may span lines when the opening delimiter ends its line.
    private mutating func scanExtendedRegex(from start: Int, hashes: Int) {
        var index = start + hashes + 1
        while index < end {
            if text[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if text[index] == UInt8(ascii: "/"), hashCount(at: index + 1) >= hashes {
                position = index + 1 + hashes
                finishToken(.regexLiteral, from: start, flags: 0)
                return
            }
            index += 1
        }
        position = end
        finishToken(.regexLiteral, from: start, flags: SwiftToken.unterminated)
    }

    private func hashCount(at index: Int) -> Int {
        var count = 0
        while byte(at: index + count) == UInt8(ascii: "#") { count += 1 }
        return count
    }

    /// A bare `/.../` regex, read only where an expression starts and where Swift would read one:
    /// not starting with a space, closed on the same line, not ending with a space. Returns false
    /// (scanning nothing) when the slash is an operator.
    private mutating func scanBareRegex(from start: Int) -> Bool {
        let first = byte(at: start + 1)
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\n")
            || first == UInt8(ascii: "/") || first == UInt8(ascii: "*") || first == UInt8(ascii: "=")
            || first == UInt8(ascii: ")") || first == 0 {
            return false
        }
        var index = start + 1
        var inClass = 0
        var parentheses = 0
        while index < end {
            let current = text[index]
            switch current {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return false
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["):
                inClass += 1
            case UInt8(ascii: "]"):
                if inClass > 0 { inClass -= 1 }
            case UInt8(ascii: "("):
                if inClass == 0 { parentheses += 1 }
            case UInt8(ascii: ")"):
                if inClass == 0 {
                    parentheses -= 1
                    if parentheses < 0 { return false }
                }
            case UInt8(ascii: "/") where inClass == 0:
                let last = text[index - 1]
                guard last != UInt8(ascii: " ") && last != UInt8(ascii: "\t"), parentheses == 0 else { return false }
                position = index + 1
                finishToken(.regexLiteral, from: start, flags: 0)
                return true
            default:
                break
            }
            index += 1
        }
        return false
    }

    // MARK: Strings

    /// A string literal starting at `start` (its first `#` for a raw string, else its quote).
    private mutating func scanString(from start: Int, hashes: Int) {
        let quote = start + hashes
        let multiline = opensMultilineString(at: quote)
        position = quote + (multiline ? 3 : 1)
        let terminated = skipStringBody(hashes: hashes, multiline: multiline)
        finishToken(.stringLiteral, from: start, flags: terminated ? 0 : SwiftToken.unterminated)
    }

    /// `"""` followed by the end of its line opens a multi-line string; otherwise (`#"""#`) the
    /// first quote opens a one-line string.
    private func opensMultilineString(at quote: Int) -> Bool {
        guard byte(at: quote + 1) == UInt8(ascii: "\""), byte(at: quote + 2) == UInt8(ascii: "\"") else { return false }
        var index = quote + 3
        while byte(at: index) == UInt8(ascii: " ") || byte(at: index) == UInt8(ascii: "\t") { index += 1 }
        let next = byte(at: index)
        return next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") || index >= end
    }

    /// Skips to just past the closing delimiter; false when the literal is not terminated
    /// (then `position` is at the line break of a one-line string or at the end of the file).
    private mutating func skipStringBody(hashes: Int, multiline: Bool) -> Bool {
        while position < end {
            let current = text[position]
            if current == UInt8(ascii: "\\"), hashCount(at: position + 1) >= hashes {
                let afterHashes = position + 1 + hashes
                if byte(at: afterHashes) == UInt8(ascii: "(") {
                    position = afterHashes + 1
                    if !skipInterpolation(multiline: multiline) { return false }
                } else {
                    position = afterHashes + 1
                }
                continue
            }
            if current == UInt8(ascii: "\"") {
                if multiline {
                    if byte(at: position + 1) == UInt8(ascii: "\""), byte(at: position + 2) == UInt8(ascii: "\""),
                       hashCount(at: position + 3) >= hashes {
                        position += 3 + hashes
                        return true
                    }
                } else if hashCount(at: position + 1) >= hashes {
                    position += 1 + hashes
                    return true
                }
                position += 1
                continue
            }
            if current == UInt8(ascii: "\n") && !multiline { return false }
            position += 1
        }
        return false
    }

    /// Skips an interpolation's expression up to and including its `)`: parentheses balance, and
    /// strings and comments inside it are skipped whole.
    private mutating func skipInterpolation(multiline: Bool) -> Bool {
        var depth = 1
        stringNesting += 1
        defer { stringNesting -= 1 }
        while position < end {
            let current = text[position]
            switch current {
            case UInt8(ascii: "("):
                depth += 1
                position += 1
            case UInt8(ascii: ")"):
                depth -= 1
                position += 1
                if depth == 0 { return true }
            case UInt8(ascii: "\n") where !multiline:
                return false
            case UInt8(ascii: "\"") where stringNesting < SwiftScanner.maximumStringNesting,
                 UInt8(ascii: "#") where stringNesting < SwiftScanner.maximumStringNesting:
                let hashes = hashCount(at: position)
                guard byte(at: position + hashes) == UInt8(ascii: "\"") else {
                    position += max(1, hashes)
                    continue
                }
                let quote = position + hashes
                let nestedMultiline = opensMultilineString(at: quote)
                position = quote + (nestedMultiline ? 3 : 1)
                if !skipStringBody(hashes: hashes, multiline: nestedMultiline) { return false }
            case UInt8(ascii: "/") where byte(at: position + 1) == UInt8(ascii: "*"):
                // A comment in an interpolation: unterminated, it leaves the string unterminated too.
                if !skipBlockComment() { return false }
            case UInt8(ascii: "/") where byte(at: position + 1) == UInt8(ascii: "/") && multiline:
                skipToLineEnd()
            default:
                position += 1
            }
        }
        return false
    }
}

/// Swift's reserved words that the parser tells apart, looked up without making a String.
enum SwiftKeywords {
    private static let words: [(String, SwiftTokenKind)] = [
        ("class", .kwClass), ("struct", .kwStruct), ("enum", .kwEnum), ("protocol", .kwProtocol),
        ("extension", .kwExtension), ("func", .kwFunc), ("init", .kwInit), ("deinit", .kwDeinit),
        ("subscript", .kwSubscript), ("var", .kwVar), ("let", .kwLet), ("typealias", .kwTypealias),
        ("associatedtype", .kwAssociatedtype), ("import", .kwImport), ("operator", .kwOperator),
        ("precedencegroup", .kwPrecedencegroup), ("static", .kwModifier), ("public", .kwModifier),
        ("private", .kwModifier), ("fileprivate", .kwModifier), ("internal", .kwModifier), ("inout", .kwInout),
        ("if", .kwIf), ("guard", .kwGuard), ("else", .kwElse), ("while", .kwWhile), ("repeat", .kwRepeat),
        ("for", .kwFor), ("in", .kwIn), ("switch", .kwSwitch), ("case", .kwCase), ("default", .kwDefault),
        ("do", .kwDo), ("catch", .kwCatch), ("defer", .kwDefer), ("return", .kwReturn), ("throw", .kwThrow),
        ("break", .kwBreak), ("continue", .kwContinue), ("fallthrough", .kwFallthrough), ("where", .kwWhere),
        ("try", .kwTry), ("await", .kwAwait), ("as", .kwAs), ("is", .kwIs), ("true", .kwTrue),
        ("false", .kwFalse), ("nil", .kwNil),
    ]
    private static let table: [(word: [UInt8], kind: SwiftTokenKind)] = words.map { (Array($0.0.utf8), $0.1) }

    /// Table indices by the word's first letter, so a lookup compares a handful of words at most.
    private static let byFirstLetter: [[Int]] = {
        var buckets = Array(repeating: [Int](), count: 26)
        for (index, entry) in table.enumerated() {
            buckets[Int(entry.word[0] - UInt8(ascii: "a"))].append(index)
        }
        return buckets
    }()

    static func kind(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> SwiftTokenKind {
        let length = end - start
        let first = text[start]
        guard length >= 2, length <= 15, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
            return .identifier
        }
        for index in byFirstLetter[Int(first - UInt8(ascii: "a"))] {
            let word = table[index].word
            guard word.count == length else { continue }
            var same = true
            for offset in 1..<length where text[start + offset] != word[offset] {
                same = false
                break
            }
            if same { return table[index].kind }
        }
        return .identifier
    }
}
