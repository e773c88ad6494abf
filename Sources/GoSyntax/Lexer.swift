import LintCore

/// Turns Go source bytes into tokens, following the lexical grammar of the Go specification (Go 1.22).
///
/// The lexer never fails: anything it cannot make sense of is reported as a `LexError` and lexing goes
/// on. Outside literals and comments, bad bytes become `.illegal` tokens (one per bad character or
/// UTF-8 sequence); inside a literal or comment the literal or comment token is kept, so that the
/// parser sees the shape of the file, and only the error is recorded.
///
/// Semicolons are inserted as the specification says, with an empty range at the newline byte that
/// ends the line (for a `/* */` comment spanning lines: its first newline) or at the end of the file.
public enum GoLexer {
    public static func tokenize(_ source: SourceFile) -> TokenStream {
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = GoScanner(text: buffer, lineStarts: source.lineStarts)
            scanner.scanAll()
            return TokenStream(tokens: scanner.tokens, comments: scanner.comments, errors: scanner.errors)
        }
    }
}

/// A UTF-8 sequence decoded from the source. Invalid sequences have `isValid == false` and a length
/// that covers their maximal subpart (the Unicode-recommended unit for one replacement character).
private struct DecodedScalar {
    var value: UInt32
    var length: Int
    var isValid: Bool
}

/// The scanner behind `GoLexer`: one pass over the bytes, no backtracking beyond a few bytes of lookahead.
///
/// Every read is guarded by `position < end` (or goes through `byte(at:)`, which yields 0 past the end),
/// and every loop iteration advances `position` or stops, so no input can trap or hang it.
struct GoScanner {
    private let text: UnsafeBufferPointer<UInt8>
    /// The number of bytes lexed: the whole buffer unless it is too large for `Int32` offsets.
    private let end: Int
    private var position = 0
    /// Whether a newline (or end of file) here would insert a semicolon: the last token was an
    /// identifier, literal, `break`/`continue`/`fallthrough`/`return` or `++ -- ) ] }`.
    private var insertSemicolon = false

    private(set) var tokens: [Token] = []
    private(set) var comments: [Token] = []
    private(set) var errors: [LexError] = []
    /// Which errors are recorded: a bounded number, so that hostile input costs bounded memory.
    private var errorBudget: ErrorBudget

    init(text: UnsafeBufferPointer<UInt8>, lineStarts: [Int32] = [0]) {
        self.text = text
        self.errorBudget = ErrorBudget(lineStarts: lineStarts)
        self.end = min(text.count, Int(Int32.max))
        // Go code averages a little over 4 bytes per token; one growth at most for dense files.
        tokens.reserveCapacity(end / 4 + 2)
        if text.count > end {
            errors.append(LexError(offset: Int32.max, message: "file too large: lexing stopped after 2 GiB"))
        }
    }

    // MARK: Driver

    mutating func scanAll() {
        if end >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF {
            position = 3  // A byte order mark is allowed as the very first thing in the file.
        }
        while true {
            skipWhitespace()
            guard position < end else { break }
            scanToken()
        }
        if insertSemicolon {
            add(.semicolon, from: end, to: end)
        }
        add(.eof, from: end, to: end)
    }

    /// Skips blanks, inserting a semicolon at a newline when the previous token asks for one.
    private mutating func skipWhitespace() {
        while position < end {
            switch text[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                if insertSemicolon {
                    insertSemicolon = false
                    add(.semicolon, from: position, to: position)
                }
                position += 1
            default:
                return
            }
        }
    }

    /// Scans the token starting at `position` (which is not whitespace and not at the end).
    private mutating func scanToken() {
        let start = position
        let first = text[start]
        switch first {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            scanIdentifier(from: start, firstLength: 1)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            scanNumber(from: start)
        case UInt8(ascii: "\""):
            scanInterpretedString(from: start)
        case UInt8(ascii: "'"):
            scanRune(from: start)
        case UInt8(ascii: "`"):
            scanRawString(from: start)
        case UInt8(ascii: "."):
            let next = byte(at: start + 1)
            if isDecimal(next) {
                scanNumber(from: start)
            } else if next == UInt8(ascii: "."), byte(at: start + 2) == UInt8(ascii: ".") {
                punctuation(.ellipsis, length: 3)
            } else {
                punctuation(.period, length: 1)
            }
        case UInt8(ascii: "/"):
            switch byte(at: start + 1) {
            case UInt8(ascii: "/"): scanLineComment(from: start)
            case UInt8(ascii: "*"): scanBlockComment(from: start)
            case UInt8(ascii: "="): punctuation(.quoAssign, length: 2)
            default: punctuation(.quo, length: 1)
            }
        case UInt8(ascii: "+"):
            switch byte(at: start + 1) {
            case UInt8(ascii: "+"): punctuation(.increment, length: 2, endsStatement: true)
            case UInt8(ascii: "="): punctuation(.addAssign, length: 2)
            default: punctuation(.add, length: 1)
            }
        case UInt8(ascii: "-"):
            switch byte(at: start + 1) {
            case UInt8(ascii: "-"): punctuation(.decrement, length: 2, endsStatement: true)
            case UInt8(ascii: "="): punctuation(.subAssign, length: 2)
            default: punctuation(.sub, length: 1)
            }
        case UInt8(ascii: "*"):
            operatorWithAssign(.mul, .mulAssign)
        case UInt8(ascii: "%"):
            operatorWithAssign(.rem, .remAssign)
        case UInt8(ascii: "^"):
            operatorWithAssign(.xor, .xorAssign)
        case UInt8(ascii: "="):
            operatorWithAssign(.assign, .equal)
        case UInt8(ascii: "!"):
            operatorWithAssign(.not, .notEqual)
        case UInt8(ascii: ":"):
            operatorWithAssign(.colon, .define)
        case UInt8(ascii: "&"):
            switch byte(at: start + 1) {
            case UInt8(ascii: "&"): punctuation(.logicalAnd, length: 2)
            case UInt8(ascii: "="): punctuation(.andAssign, length: 2)
            case UInt8(ascii: "^"):
                if byte(at: start + 2) == UInt8(ascii: "=") {
                    punctuation(.andNotAssign, length: 3)
                } else {
                    punctuation(.andNot, length: 2)
                }
            default: punctuation(.and, length: 1)
            }
        case UInt8(ascii: "|"):
            switch byte(at: start + 1) {
            case UInt8(ascii: "|"): punctuation(.logicalOr, length: 2)
            case UInt8(ascii: "="): punctuation(.orAssign, length: 2)
            default: punctuation(.or, length: 1)
            }
        case UInt8(ascii: "<"):
            switch byte(at: start + 1) {
            case UInt8(ascii: "-"): punctuation(.arrow, length: 2)
            case UInt8(ascii: "="): punctuation(.lessEqual, length: 2)
            case UInt8(ascii: "<"):
                if byte(at: start + 2) == UInt8(ascii: "=") {
                    punctuation(.shlAssign, length: 3)
                } else {
                    punctuation(.shl, length: 2)
                }
            default: punctuation(.less, length: 1)
            }
        case UInt8(ascii: ">"):
            switch byte(at: start + 1) {
            case UInt8(ascii: "="): punctuation(.greaterEqual, length: 2)
            case UInt8(ascii: ">"):
                if byte(at: start + 2) == UInt8(ascii: "=") {
                    punctuation(.shrAssign, length: 3)
                } else {
                    punctuation(.shr, length: 2)
                }
            default: punctuation(.greater, length: 1)
            }
        case UInt8(ascii: "~"): punctuation(.tilde, length: 1)
        case UInt8(ascii: "("): punctuation(.leftParen, length: 1)
        case UInt8(ascii: "["): punctuation(.leftBracket, length: 1)
        case UInt8(ascii: "{"): punctuation(.leftBrace, length: 1)
        case UInt8(ascii: ")"): punctuation(.rightParen, length: 1, endsStatement: true)
        case UInt8(ascii: "]"): punctuation(.rightBracket, length: 1, endsStatement: true)
        case UInt8(ascii: "}"): punctuation(.rightBrace, length: 1, endsStatement: true)
        case UInt8(ascii: ","): punctuation(.comma, length: 1)
        case UInt8(ascii: ";"): punctuation(.semicolon, length: 1)
        case 0x80...0xFF:
            scanNonASCII(from: start)
        case 0:
            scanNULRun(from: start)
        default:
            // `@ # $ ? \` and ASCII control characters: nothing in Go starts with them.
            illegal(from: start, to: start + 1, message: "invalid character \(describe(scalar: UInt32(first)))")
        }
    }

    // MARK: Emitting

    @inline(__always)
    private mutating func add(_ kind: TokenKind, from start: Int, to stop: Int) {
        tokens.append(Token(kind: kind, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: stop)))
    }

    /// Records an error if the budget has room; the message is only built then.
    @inline(__always)
    private mutating func report(_ message: @autoclosure () -> String, at offset: Int) {
        if admitsError(at: offset) { record(message(), at: offset) }
    }

    /// Whether an error at `offset` is recorded (see `ErrorBudget`); callers whose message reads
    /// the scanner check this first and then `record`, so that no message is built in vain.
    @inline(__always)
    private mutating func admitsError(at offset: Int) -> Bool {
        errorBudget.admits(Int32(truncatingIfNeeded: offset))
    }

    @inline(__always)
    private mutating func record(_ message: String, at offset: Int) {
        errors.append(LexError(offset: Int32(truncatingIfNeeded: offset), message: message))
    }

    /// Emits a fixed token of `length` bytes at `position`. Only `++ -- ) ] }` end a statement.
    @inline(__always)
    private mutating func punctuation(_ kind: TokenKind, length: Int, endsStatement: Bool = false) {
        add(kind, from: position, to: position + length)
        position += length
        insertSemicolon = endsStatement
    }

    /// `op` or `op=`-style pairs (`*` `*=`, `=` `==`, `:` `:=`, ...).
    @inline(__always)
    private mutating func operatorWithAssign(_ single: TokenKind, _ withEqual: TokenKind) {
        if byte(at: position + 1) == UInt8(ascii: "=") {
            punctuation(withEqual, length: 2)
        } else {
            punctuation(single, length: 1)
        }
    }

    /// An `.illegal` token. Like Go's scanner, it leaves the semicolon state alone, so `x @` at the end
    /// of a line still ends the statement and `@` alone on a line inserts nothing.
    ///
    /// Bad bytes that follow one another make one token (each still reported, within the error
    /// budget): a file of a hundred million NUL bytes is one token, not a hundred million.
    private mutating func illegal(from start: Int, to stop: Int, message: @autoclosure () -> String) {
        report(message(), at: start)
        addIllegal(from: start, to: stop)
    }

    /// Adds bad bytes to the `.illegal` token that ends where they start, or starts one.
    private mutating func addIllegal(from start: Int, to stop: Int) {
        if let last = tokens.indices.last, tokens[last].kind == .illegal,
           tokens[last].end == Int32(truncatingIfNeeded: start) {
            tokens[last].end = Int32(truncatingIfNeeded: stop)
        } else {
            add(.illegal, from: start, to: stop)
        }
        position = stop
    }

    /// A run of NUL bytes (binary files are full of them): each byte is reported while the budget
    /// takes it; once it refuses one, it refuses the rest of the run (the same line), which is
    /// then skipped in one loop.
    private mutating func scanNULRun(from start: Int) {
        var stop = start
        while stop < end && text[stop] == 0 {
            guard admitsError(at: stop) else {
                while stop < end && text[stop] == 0 { stop += 1 }
                break
            }
            record("illegal NUL byte", at: stop)
            stop += 1
        }
        addIllegal(from: start, to: stop)
    }

    // MARK: Identifiers and keywords

    private mutating func scanIdentifier(from start: Int, firstLength: Int) {
        var index = start + firstLength
        var isASCII = firstLength == 1
        while index < end {
            let current = text[index]
            if isASCIIIdentifierByte(current) {
                index += 1
            } else if current < 0x80 {
                break
            } else {
                let decoded = decodeScalar(at: index)
                guard decoded.isValid, isLetter(decoded.value) || isUnicodeDigit(decoded.value) else { break }
                isASCII = false
                index += decoded.length
            }
        }
        position = index
        let kind = isASCII ? keyword(from: start, length: index - start) : .identifier
        add(kind, from: start, to: index)
        switch kind {
        case .identifier, .kwBreak, .kwContinue, .kwFallthrough, .kwReturn: insertSemicolon = true
        default: insertSemicolon = false
        }
    }

    /// The keyword spelled by the `length` ASCII bytes at `start`, or `.identifier`.
    /// Dispatches on length, then first byte, so most identifiers are rejected after two compares.
    @inline(__always)
    private func keyword(from start: Int, length: Int) -> TokenKind {
        guard length >= 2, length <= 11, let base = text.baseAddress else { return .identifier }
        let word = base + start
        switch length {
        case 2:
            if word[0] == UInt8(ascii: "g") { return word[1] == UInt8(ascii: "o") ? .kwGo : .identifier }
            if word[0] == UInt8(ascii: "i") { return word[1] == UInt8(ascii: "f") ? .kwIf : .identifier }
        case 3:
            switch word[0] {
            case UInt8(ascii: "f"): if spells(word, "for") { return .kwFor }
            case UInt8(ascii: "m"): if spells(word, "map") { return .kwMap }
            case UInt8(ascii: "v"): if spells(word, "var") { return .kwVar }
            default: break
            }
        case 4:
            switch word[0] {
            case UInt8(ascii: "c"):
                if spells(word, "case") { return .kwCase }
                if spells(word, "chan") { return .kwChan }
            case UInt8(ascii: "e"): if spells(word, "else") { return .kwElse }
            case UInt8(ascii: "f"): if spells(word, "func") { return .kwFunc }
            case UInt8(ascii: "g"): if spells(word, "goto") { return .kwGoto }
            case UInt8(ascii: "t"): if spells(word, "type") { return .kwType }
            default: break
            }
        case 5:
            switch word[0] {
            case UInt8(ascii: "b"): if spells(word, "break") { return .kwBreak }
            case UInt8(ascii: "c"): if spells(word, "const") { return .kwConst }
            case UInt8(ascii: "d"): if spells(word, "defer") { return .kwDefer }
            case UInt8(ascii: "r"): if spells(word, "range") { return .kwRange }
            default: break
            }
        case 6:
            switch word[0] {
            case UInt8(ascii: "i"): if spells(word, "import") { return .kwImport }
            case UInt8(ascii: "r"): if spells(word, "return") { return .kwReturn }
            case UInt8(ascii: "s"):
                if spells(word, "select") { return .kwSelect }
                if spells(word, "struct") { return .kwStruct }
                if spells(word, "switch") { return .kwSwitch }
            default: break
            }
        case 7:
            switch word[0] {
            case UInt8(ascii: "d"): if spells(word, "default") { return .kwDefault }
            case UInt8(ascii: "p"): if spells(word, "package") { return .kwPackage }
            default: break
            }
        case 8:
            if spells(word, "continue") { return .kwContinue }
        case 9:
            if spells(word, "interface") { return .kwInterface }
        case 11:
            if spells(word, "fallthrough") { return .kwFallthrough }
        default:
            break
        }
        return .identifier
    }

    /// Whether the bytes at `word` are `spelling`; the caller has checked the length.
    @inline(__always)
    private func spells(_ word: UnsafePointer<UInt8>, _ spelling: StaticString) -> Bool {
        let expected = spelling.utf8Start
        for offset in 0..<spelling.utf8CodeUnitCount where word[offset] != expected[offset] {
            return false
        }
        return true
    }

    /// A token starting with a non-ASCII byte: a Unicode identifier or something illegal.
    private mutating func scanNonASCII(from start: Int) {
        let decoded = decodeScalar(at: start)
        let stop = start + decoded.length
        if !decoded.isValid {
            illegal(from: start, to: stop, message: "invalid UTF-8 encoding")
        } else if isLetter(decoded.value) {
            scanIdentifier(from: start, firstLength: decoded.length)
        } else if decoded.value == 0xFEFF {
            illegal(from: start, to: stop, message: "invalid byte order mark (only allowed at the start of the file)")
        } else if isUnicodeDigit(decoded.value) {
            illegal(from: start, to: stop, message: "identifier cannot begin with digit \(describe(scalar: decoded.value))")
        } else {
            illegal(from: start, to: stop, message: "invalid character \(describe(scalar: decoded.value))")
        }
    }

    // MARK: Numbers

    /// Scans an integer, floating-point or imaginary literal the way Go's scanner does, including its
    /// error messages and their offsets. Malformed numbers keep their literal token.
    private mutating func scanNumber(from start: Int) {
        var index = start
        var kind = TokenKind.int
        var base = 10
        // 0 for decimal, "0" for a legacy octal `0777`, or one of "x", "o", "b".
        var prefix: UInt8 = 0
        var digits = DigitsSeen()
        var invalidDigitOffset = -1

        if text[index] != UInt8(ascii: ".") {
            if text[index] == UInt8(ascii: "0") {
                index += 1
                switch lowercased(byte(at: index)) {
                case UInt8(ascii: "x"): index += 1; base = 16; prefix = UInt8(ascii: "x")
                case UInt8(ascii: "o"): index += 1; base = 8; prefix = UInt8(ascii: "o")
                case UInt8(ascii: "b"): index += 1; base = 2; prefix = UInt8(ascii: "b")
                default: base = 8; prefix = UInt8(ascii: "0"); digits.digit = true  // the leading 0
                }
            }
            digits.merge(scanDigits(&index, base: base, invalidDigitOffset: &invalidDigitOffset))
        }

        if byte(at: index) == UInt8(ascii: ".") {
            kind = .float
            if prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "b") {
                report("invalid radix point in \(Self.literalName(prefix))", at: index)
            }
            index += 1
            digits.merge(scanDigits(&index, base: base, invalidDigitOffset: &invalidDigitOffset))
        }

        if !digits.digit {
            report("\(Self.literalName(prefix)) has no digits", at: index)
        }

        let exponentLetter = byte(at: index)
        let exponent = lowercased(exponentLetter)
        if exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "p") {
            if exponent == UInt8(ascii: "e"), prefix != 0, prefix != UInt8(ascii: "0") {
                report("'\(Character(Unicode.Scalar(exponentLetter)))' exponent requires decimal mantissa", at: index)
            } else if exponent == UInt8(ascii: "p"), prefix != UInt8(ascii: "x") {
                report("'\(Character(Unicode.Scalar(exponentLetter)))' exponent requires hexadecimal mantissa", at: index)
            }
            index += 1
            kind = .float
            if byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-") {
                index += 1
            }
            var ignoredInvalidDigit = -1
            let exponentDigits = scanDigits(&index, base: 10, invalidDigitOffset: &ignoredInvalidDigit)
            digits.merge(exponentDigits)
            if !exponentDigits.digit {
                report("exponent has no digits", at: index)
            }
        } else if prefix == UInt8(ascii: "x"), kind == .float {
            report("hexadecimal mantissa requires a 'p' exponent", at: index)
        }

        if byte(at: index) == UInt8(ascii: "i") {
            kind = .imaginary
            index += 1
        }

        // `08` is a bad octal integer, but `08.5`, `08e1` and `08i` are fine decimal numbers.
        if kind == .int, invalidDigitOffset >= 0 {
            let digit = Character(Unicode.Scalar(text[invalidDigitOffset]))
            report("invalid digit '\(digit)' in \(Self.literalName(prefix))", at: invalidDigitOffset)
        }
        if digits.separator, let separator = misplacedSeparator(from: start, to: index) {
            report("'_' must separate successive digits", at: separator)
        }

        position = index
        add(kind, from: start, to: index)
        insertSemicolon = true
    }

    private struct DigitsSeen {
        var digit = false
        var separator = false

        mutating func merge(_ other: DigitsSeen) {
            digit = digit || other.digit
            separator = separator || other.separator
        }
    }

    /// Consumes digits and `_`. For bases up to 10 it takes every decimal digit so that `0b12` reports
    /// the `2` instead of ending the literal early; the first digit too large for `base` is remembered.
    private func scanDigits(_ index: inout Int, base: Int, invalidDigitOffset: inout Int) -> DigitsSeen {
        var seen = DigitsSeen()
        if base <= 10 {
            let limit = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: base)
            while index < end {
                let current = text[index]
                if current == UInt8(ascii: "_") {
                    seen.separator = true
                } else if isDecimal(current) {
                    seen.digit = true
                    if current >= limit, invalidDigitOffset < 0 { invalidDigitOffset = index }
                } else {
                    break
                }
                index += 1
            }
        } else {
            while index < end {
                let current = text[index]
                if current == UInt8(ascii: "_") {
                    seen.separator = true
                } else if isHex(current) {
                    seen.digit = true
                } else {
                    break
                }
                index += 1
            }
        }
        return seen
    }

    /// The offset of the first `_` that does not sit between two digits (a base prefix counts as a
    /// digit), or nil. A port of `invalidSep` in Go's scanner.
    private func misplacedSeparator(from start: Int, to stop: Int) -> Int? {
        // The class of the previous byte: "_", "0" for a digit, "." for anything else.
        var previous = UInt8(ascii: ".")
        var isHexLiteral = false
        var index = start
        if stop - start >= 2, text[start] == UInt8(ascii: "0") {
            let prefixLetter = lowercased(text[start + 1])
            if prefixLetter == UInt8(ascii: "x") || prefixLetter == UInt8(ascii: "o") || prefixLetter == UInt8(ascii: "b") {
                isHexLiteral = prefixLetter == UInt8(ascii: "x")
                previous = UInt8(ascii: "0")
                index = start + 2
            }
        }
        while index < stop {
            let current = text[index]
            if current == UInt8(ascii: "_") {
                if previous != UInt8(ascii: "0") { return index }
                previous = UInt8(ascii: "_")
            } else if isDecimal(current) || (isHexLiteral && isHex(current)) {
                previous = UInt8(ascii: "0")
            } else {
                if previous == UInt8(ascii: "_") { return index - 1 }
                previous = UInt8(ascii: ".")
            }
            index += 1
        }
        return previous == UInt8(ascii: "_") ? stop - 1 : nil
    }

    private static func literalName(_ prefix: UInt8) -> String {
        switch prefix {
        case UInt8(ascii: "x"): return "hexadecimal literal"
        case UInt8(ascii: "o"), UInt8(ascii: "0"): return "octal literal"
        case UInt8(ascii: "b"): return "binary literal"
        default: return "decimal literal"
        }
    }

    // MARK: Strings and runes

    private mutating func scanInterpretedString(from start: Int) {
        position = start + 1
        while true {
            guard position < end else {
                report("string literal not terminated", at: start)
                break
            }
            let current = text[position]
            if current == UInt8(ascii: "\"") {
                position += 1
                break
            } else if current == UInt8(ascii: "\n") {
                // An interpreted string cannot span lines: end it here so the next line lexes normally.
                report("string literal not terminated", at: start)
                break
            } else if current == UInt8(ascii: "\\") {
                _ = scanEscape(quote: UInt8(ascii: "\""))
            } else if current == 0 || current >= 0x80 {
                checkSpecialByteInText()
            } else {
                position += 1
            }
        }
        add(.string, from: start, to: position)
        insertSemicolon = true
    }

    private mutating func scanRune(from start: Int) {
        position = start + 1
        var characterCount = 0
        var escapesAreValid = true
        var isTerminated = false
        while position < end {
            let current = text[position]
            if current == UInt8(ascii: "'") {
                position += 1
                isTerminated = true
                break
            } else if current == UInt8(ascii: "\n") {
                break
            }
            characterCount += 1
            if current == UInt8(ascii: "\\") {
                if !scanEscape(quote: UInt8(ascii: "'")) { escapesAreValid = false }
            } else if current == 0 || current >= 0x80 {
                checkSpecialByteInText()
            } else {
                position += 1
            }
        }
        if !isTerminated {
            report("rune literal not terminated", at: start)
        } else if escapesAreValid {
            // A bad escape has its own message; a count would only add noise.
            if characterCount == 0 {
                report("empty rune literal", at: start)
            } else if characterCount > 1 {
                report("more than one character in rune literal", at: start)
            }
        }
        add(.char, from: start, to: position)
        insertSemicolon = true
    }

    private mutating func scanRawString(from start: Int) {
        position = start + 1
        while true {
            guard position < end else {
                report("raw string literal not terminated", at: start)
                break
            }
            let current = text[position]
            if current == UInt8(ascii: "`") {
                position += 1
                break
            } else if current == 0 || current >= 0x80 {
                checkSpecialByteInText()
            } else {
                position += 1
            }
        }
        add(.string, from: start, to: position)
        insertSemicolon = true
    }

    /// Scans the escape sequence whose backslash is at `position`. Returns whether it is valid (an
    /// error is recorded otherwise). On success `position` is after the escape; on failure it is at
    /// the first byte that could not belong to the escape, so a closing quote still closes the literal.
    private mutating func scanEscape(quote: UInt8) -> Bool {
        let backslash = position
        let digitCount: Int
        let base: UInt32
        let maximum: UInt32
        let escapeName: String
        var index = backslash + 1
        guard index < end, text[index] != UInt8(ascii: "\n") else {
            // The literal itself is unterminated; its scanner reports that.
            position = index
            return false
        }
        let selector = text[index]
        switch selector {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
             UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"), quote:
            position = index + 1
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            digitCount = 3; base = 8; maximum = 255; escapeName = "octal"
        case UInt8(ascii: "x"):
            index += 1; digitCount = 2; base = 16; maximum = 255; escapeName = "hexadecimal"
        case UInt8(ascii: "u"):
            index += 1; digitCount = 4; base = 16; maximum = 0x10FFFF; escapeName = "Unicode"
        case UInt8(ascii: "U"):
            index += 1; digitCount = 8; base = 16; maximum = 0x10FFFF; escapeName = "Unicode"
        default:
            if admitsError(at: backslash) { record("invalid escape sequence\(describeEscapedCharacter(at: index))", at: backslash) }
            // Resume at the escaped character: it may be the closing quote (`'\"'`) or a newline.
            position = index
            return false
        }

        var value: UInt32 = 0
        for _ in 0..<digitCount {
            let current = byte(at: index)
            let digit = digitValue(current)
            guard index < end, digit < base else {
                if index >= end || current == UInt8(ascii: "\n") {
                    report("escape sequence not terminated", at: index)
                } else {
                    if admitsError(at: index) {
                        record("invalid character \(describeCharacter(at: index)) in \(escapeName) escape", at: index)
                    }
                }
                position = index
                return false
            }
            value = value &* base &+ digit
            index += 1
        }
        position = index
        if base == 8, value > maximum {
            report("octal escape value \(value) > 255", at: backslash)
            return false
        }
        if value > maximum || (0xD800..<0xE000).contains(value) {
            report("escape sequence is invalid Unicode code point \(describe(scalar: value))", at: backslash)
            return false
        }
        return true
    }

    /// Checks the NUL or non-ASCII character at `position` inside a literal or comment, records an
    /// error if it is not allowed there, and steps over it.
    private mutating func checkSpecialByteInText() {
        if text[position] == 0 {
            report("illegal NUL byte", at: position)
            position += 1
            return
        }
        let decoded = decodeScalar(at: position)
        if !decoded.isValid {
            report("invalid UTF-8 encoding", at: position)
        } else if decoded.value == 0xFEFF {
            report("invalid byte order mark (only allowed at the start of the file)", at: position)
        }
        position += decoded.length
    }

    // MARK: Comments

    private mutating func scanLineComment(from start: Int) {
        position = start + 2
        while position < end {
            let current = text[position]
            if current == UInt8(ascii: "\n") {
                break
            } else if current == 0 || current >= 0x80 {
                checkSpecialByteInText()
            } else {
                position += 1
            }
        }
        // The newline is not part of the comment, nor is the `\r` of a CRLF line ending, so comment
        // text (directives like `//nolint`) reads the same whatever the line endings.
        var stop = position
        if stop < end, stop > start + 2, text[stop - 1] == UInt8(ascii: "\r") {
            stop -= 1
        }
        comments.append(Token(kind: .comment, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: stop)))
        // The semicolon state is kept: the newline after the comment inserts one if needed.
    }

    private mutating func scanBlockComment(from start: Int) {
        position = start + 2
        var firstNewline = -1
        var isTerminated = false
        while position < end {
            let current = text[position]
            if current == UInt8(ascii: "*"), byte(at: position + 1) == UInt8(ascii: "/") {
                position += 2
                isTerminated = true
                break
            } else if current == UInt8(ascii: "\n") {
                if firstNewline < 0 { firstNewline = position }
                position += 1
            } else if current == 0 || current >= 0x80 {
                checkSpecialByteInText()
            } else {
                position += 1
            }
        }
        if !isTerminated {
            report("comment not terminated", at: start)
        }
        comments.append(Token(kind: .comment, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: position)))
        // A comment spanning lines acts like a newline; the semicolon goes at its first newline, as in
        // Go's scanner.
        if insertSemicolon, firstNewline >= 0 {
            insertSemicolon = false
            add(.semicolon, from: firstNewline, to: firstNewline)
        }
    }

    // MARK: Bytes and characters

    /// The byte at `index`, or 0 past the end (0 never continues a token, so lookahead stays simple).
    @inline(__always)
    private func byte(at index: Int) -> UInt8 {
        index < end ? text[index] : 0
    }

    /// Decodes the UTF-8 sequence at `start` (whose first byte is not ASCII). Follows the well-formed
    /// byte sequences of Unicode's table 3-7, so overlong forms, surrogates and values past U+10FFFF are
    /// invalid; an invalid sequence spans its maximal subpart (at least one byte).
    private func decodeScalar(at start: Int) -> DecodedScalar {
        let lead = text[start]
        var remaining: Int
        var value: UInt32
        // Allowed range of the first continuation byte; later ones are always 0x80...0xBF.
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF:
            remaining = 1; value = UInt32(lead & 0x1F)
        case 0xE0:
            remaining = 2; value = UInt32(lead & 0x0F); lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF:
            remaining = 2; value = UInt32(lead & 0x0F)
        case 0xED:
            remaining = 2; value = UInt32(lead & 0x0F); highest = 0x9F
        case 0xF0:
            remaining = 3; value = UInt32(lead & 0x07); lowest = 0x90
        case 0xF1...0xF3:
            remaining = 3; value = UInt32(lead & 0x07)
        case 0xF4:
            remaining = 3; value = UInt32(lead & 0x07); highest = 0x8F
        default:
            // Continuation bytes, C0, C1 and F5...FF never start a character.
            return DecodedScalar(value: 0xFFFD, length: 1, isValid: false)
        }
        var index = start + 1
        while remaining > 0 {
            guard index < end else {
                return DecodedScalar(value: 0xFFFD, length: index - start, isValid: false)
            }
            let continuation = text[index]
            guard continuation >= lowest, continuation <= highest else {
                return DecodedScalar(value: 0xFFFD, length: index - start, isValid: false)
            }
            value = value << 6 | UInt32(continuation & 0x3F)
            lowest = 0x80
            highest = 0xBF
            index += 1
            remaining -= 1
        }
        return DecodedScalar(value: value, length: index - start, isValid: true)
    }

    /// The character at `index` for a message: `U+0067 'g'`, or `invalid UTF-8` for a bad sequence.
    private func describeCharacter(at index: Int) -> String {
        let current = text[index]
        if current < 0x80 { return describe(scalar: UInt32(current)) }
        let decoded = decodeScalar(at: index)
        return decoded.isValid ? describe(scalar: decoded.value) : "invalid UTF-8"
    }

    /// The rest of an "invalid escape sequence" message: ` \q` for a printable character, otherwise a
    /// description of what followed the backslash.
    private func describeEscapedCharacter(at index: Int) -> String {
        let current = text[index]
        var scalarValue = UInt32(current)
        if current >= 0x80 {
            let decoded = decodeScalar(at: index)
            guard decoded.isValid else { return " (backslash followed by invalid UTF-8)" }
            scalarValue = decoded.value
        }
        if let scalar = Unicode.Scalar(scalarValue), isPrintable(scalarValue) {
            return " \\\(Character(scalar))"
        }
        return " (backslash followed by \(describe(scalar: scalarValue)))"
    }
}

// MARK: Character classes

@inline(__always)
private func isDecimal(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
}

@inline(__always)
private func isHex(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10 || lowercased(byte) &- UInt8(ascii: "a") < 6
}

/// ASCII letters map to lower case; other bytes may change but never into a letter they were not.
@inline(__always)
private func lowercased(_ byte: UInt8) -> UInt8 {
    byte | 0x20
}

@inline(__always)
private func isASCIIIdentifierByte(_ byte: UInt8) -> Bool {
    lowercased(byte) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
}

/// The value of a hexadecimal digit, or 16 for any other byte.
@inline(__always)
private func digitValue(_ byte: UInt8) -> UInt32 {
    if byte &- UInt8(ascii: "0") < 10 { return UInt32(byte &- UInt8(ascii: "0")) }
    let lower = lowercased(byte)
    if lower &- UInt8(ascii: "a") < 6 { return UInt32(lower &- UInt8(ascii: "a")) + 10 }
    return 16
}

/// Go's `unicode.IsLetter`: general category L (Lu, Ll, Lt, Lm, Lo); `_` is handled by the caller.
private func isLetter(_ value: UInt32) -> Bool {
    if value < 0x80 {
        return lowercased(UInt8(truncatingIfNeeded: value)) &- UInt8(ascii: "a") < 26
    }
    guard let scalar = Unicode.Scalar(value) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

/// Go's `unicode.IsDigit`: general category Nd.
private func isUnicodeDigit(_ value: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(value) else { return false }
    return scalar.properties.generalCategory == .decimalNumber
}

/// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
private func isPrintable(_ value: UInt32) -> Bool {
    if value < 0x80 { return value >= 0x20 && value < 0x7F }
    guard let scalar = Unicode.Scalar(value) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
         .nonspacingMark, .spacingMark, .enclosingMark,
         .decimalNumber, .letterNumber, .otherNumber,
         .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
         .initialPunctuation, .finalPunctuation, .otherPunctuation,
         .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        return true
    default:
        return false
    }
}

/// A code point as Go's `%#U` prints it: `U+0040 '@'`, or just `U+200B` when it is not printable.
private func describe(scalar value: UInt32) -> String {
    var hex = String(value, radix: 16, uppercase: true)
    if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
    if isPrintable(value), let scalar = Unicode.Scalar(value) {
        return "U+\(hex) '\(Character(scalar))'"
    }
    return "U+\(hex)"
}
