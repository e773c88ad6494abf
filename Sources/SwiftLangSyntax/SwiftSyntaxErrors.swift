import LintCore

/// Something that makes the file invalid Swift, at a byte offset: the parser recovers from it, but
/// the code around it may be misread, so the user is told.
public struct SwiftSyntaxError: Sendable, Hashable {
    public var offset: Int32
    public var message: String

    public init(offset: Int32, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// The errors the lexer's output shows by itself: unterminated literals and comments, characters
/// Swift has no use for, and brackets that do not pair up. `#if` branches are each read from the
/// state before the `#if`, so branches that each open the same brace stay balanced.
///
/// Each kind of error is kept up to `SwiftParser.maximumErrorCount` times, in source order, so the
/// first errors of the file are all there while a file of a million stray characters costs no
/// more memory than a file of ten.
enum SwiftLexicalErrors {
    static func find(in stream: SwiftTokenStream, source: SourceFile) -> [SwiftSyntaxError] {
        let limit = SwiftParser.maximumErrorCount
        var errors: [SwiftSyntaxError] = []
        for comment in stream.comments where !comment.isTerminated {
            errors.append(SwiftSyntaxError(offset: comment.start, message: "unterminated block comment: `/*` without its `*/`"))
        }
        var tokenErrors = 0
        for token in stream.tokens where tokenErrors < limit {
            if token.flags & SwiftToken.unterminated != 0 {
                tokenErrors += 1
                let what = token.kind == .regexLiteral ? "regex literal" : "string literal"
                errors.append(SwiftSyntaxError(offset: token.start, message: "unterminated \(what)"))
            } else if token.kind == .unknown {
                tokenErrors += 1
                errors.append(SwiftSyntaxError(offset: token.start, message: unexpectedCharacterMessage(token, source: source)))
            }
        }
        errors += BracketBalance(tokens: stream.tokens, source: source).errors()
        return errors
    }

    static func unexpectedCharacterMessage(_ token: SwiftToken, source: SourceFile) -> String {
        let byte = token.start < token.end ? source.bytes[Int(token.start)] : 0
        if byte == UInt8(ascii: "`") { return "unterminated backquoted name: `` ` `` without its closing `` ` ``" }
        if byte >= 0x21 && byte < 0x7F { return "unexpected character `\(Character(Unicode.Scalar(byte)))`" }
        return "unexpected character (byte 0x\(String(byte, radix: 16, uppercase: true)))"
    }
}

/// Pairs `(` `[` `{` with their closers. The open brackets form a persistent stack (each entry
/// points at the one below it), so saving the state at an `#if` and going back to it at `#else`
/// costs nothing, however deep the nesting or however many directives.
struct BracketBalance {
    let tokens: [SwiftToken]
    let source: SourceFile

    private struct Entry {
        var token: SwiftToken
        var below: Int
    }

    private struct Conditional {
        /// The stack's top when the `#if` was reached.
        var before: Int
    }

    func errors() -> [SwiftSyntaxError] {
        var entries: [Entry] = []
        var top = -1
        var conditionals: [Conditional] = []
        var errors: [SwiftSyntaxError] = []
        // Past the limit the scan goes on (the unclosed bracket at the end may be the first error)
        // but records nothing more.
        func record(_ offset: Int32, _ message: @autoclosure () -> String) {
            if errors.count < SwiftParser.maximumErrorCount { errors.append(SwiftSyntaxError(offset: offset, message: message())) }
        }
        for token in tokens {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace:
                entries.append(Entry(token: token, below: top))
                top = entries.count - 1
            case .rightParen, .rightBracket, .rightBrace:
                guard top >= 0 else {
                    record(token.start, "unexpected `\(spelling(token.kind))`: no bracket is open here")
                    continue
                }
                let open = entries[top].token
                if closer(of: open.kind) == token.kind {
                    top = entries[top].below
                    continue
                }
                record(token.start, "expected `\(spelling(closer(of: open.kind)))` to close the `\(spelling(open.kind))` at line "
                       + "\(source.position(of: open.start).line), found `\(spelling(token.kind))`")
                // Recover: when an enclosing bracket is the one this closes, the inner ones were
                // left open and are dropped; otherwise the closer is the stray one.
                var candidate = entries[top].below
                var steps = 0
                while candidate >= 0 && steps < 8 && closer(of: entries[candidate].token.kind) != token.kind {
                    candidate = entries[candidate].below
                    steps += 1
                }
                if candidate >= 0 && steps < 8 { top = entries[candidate].below }
            case .pound:
                if isDirective(token, "#if") {
                    conditionals.append(Conditional(before: top))
                } else if isDirective(token, "#elseif") || isDirective(token, "#else") {
                    if let conditional = conditionals.last { top = conditional.before }
                } else if isDirective(token, "#endif") {
                    // The last branch's state stands for all of them.
                    _ = conditionals.popLast()
                }
            default:
                break
            }
        }
        var unclosed: SwiftToken?
        while top >= 0 {
            unclosed = entries[top].token
            top = entries[top].below
        }
        if let unclosed {
            errors.append(SwiftSyntaxError(offset: unclosed.start,
                                           message: "this `\(spelling(unclosed.kind))` is never closed: the file ends first"))
        }
        return errors
    }

    private func isDirective(_ token: SwiftToken, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard Int(token.end - token.start) == count else { return false }
        let pointer = word.utf8Start
        for offset in 0..<count where source.bytes[Int(token.start) + offset] != pointer[offset] { return false }
        return true
    }

    private func closer(of open: SwiftTokenKind) -> SwiftTokenKind {
        switch open {
        case .leftParen: return .rightParen
        case .leftBracket: return .rightBracket
        default: return .rightBrace
        }
    }

    private func spelling(_ kind: SwiftTokenKind) -> String {
        switch kind {
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .leftBrace: return "{"
        default: return "}"
        }
    }
}
