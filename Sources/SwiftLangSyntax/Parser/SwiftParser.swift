import LintCore

/// Parses Swift source into a `SwiftSyntaxTree`: declarations and the statement structure of
/// bodies, with expressions as far as the rules need them. It never fails: what it does not
/// model it skips, records in `unmodeled`, and parsing resumes at the next statement.
public enum SwiftParser {
    /// Nesting deeper than this (blocks, closures, parentheses, prefix operators) is skipped as
    /// one unmodeled region instead of being parsed recursively, so no input can exhaust the stack.
    public static let maximumNestingDepth = 256

    /// How many errors of each kind a file keeps: the first is the one reported, the count of the
    /// others is told, and a broken file must not cost memory for every broken token.
    public static let maximumErrorCount = 10

    public static func parse(_ source: SourceFile) -> SwiftSyntaxTree {
        let stream = SwiftLexer.tokenize(source)
        var parser = SwiftTreeParser(source: source, tokens: stream.tokens)
        let root = parser.parseSourceFile()
        let errors = (SwiftLexicalErrors.find(in: stream, source: source) + parser.errors)
            .sorted { ($0.offset, $0.message) < ($1.offset, $1.message) }
        return SwiftSyntaxTree(source: source, nodes: parser.nodes, links: parser.links, root: root,
                               comments: stream.comments, unmodeled: parser.unmodeled, errors: errors)
    }
}

/// Where a list of items is parsed; it decides what `case` means and what ends the list.
enum ItemContext {
    case topLevel, members, statements, switchCase
}

struct SwiftTreeParser {
    let source: SourceFile
    var tokens: [SwiftToken]
    var index = 0
    var nodes: [SwiftNodeData]
    var links: [SwiftNode] = []
    /// Children of nodes under construction: each parse function pushes above a mark and
    /// `finish` moves them into `links`.
    var scratch: [SwiftNode] = []
    var unmodeled: [UnmodeledRange] = []
    /// Declaration headers that cannot be read; the lexical errors are found apart.
    var errors: [SwiftSyntaxError] = []
    var depth = 0
    /// In the conditions of `if`/`while`/`guard`/`for`/`switch`/`catch`, a `{` opens the body,
    /// not a trailing closure.
    var trailingClosuresAllowed = true

    init(source: SourceFile, tokens: [SwiftToken]) {
        self.source = source
        let end = Int32(source.bytes.count)
        self.tokens = tokens.last?.kind == .eof ? tokens : tokens + [SwiftToken(kind: .eof, start: end, end: end)]
        nodes = [SwiftNodeData(kind: .none, op: .eof, flags: 0, start: 0, end: 0, firstLink: 0, linkCount: 0, parent: .none)]
        nodes.reserveCapacity(tokens.count + 8)
        links.reserveCapacity(tokens.count + 8)
        scratch.reserveCapacity(256)
    }

    // MARK: Tokens

    @inline(__always) var current: SwiftToken { tokens[index] }
    @inline(__always) var kind: SwiftTokenKind { tokens[index].kind }
    @inline(__always) var atEnd: Bool { tokens[index].kind == .eof }

    @inline(__always) func peek(_ offset: Int = 1) -> SwiftToken {
        tokens[min(index + offset, tokens.count - 1)]
    }

    @inline(__always) mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// The end of the last consumed token.
    var previousEnd: Int32 { index > 0 ? tokens[index - 1].end : 0 }

    mutating func consume(_ expected: SwiftTokenKind) -> Bool {
        guard kind == expected else { return false }
        advance()
        return true
    }

    /// Whether `token`'s bytes are exactly `word`.
    func tokenIs(_ token: SwiftToken, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard Int(token.end - token.start) == count else { return false }
        let pointer = word.utf8Start
        let base = Int(token.start)
        for offset in 0..<count where source.bytes[base + offset] != pointer[offset] { return false }
        return true
    }

    @inline(__always) func at(_ word: StaticString) -> Bool {
        kind == .identifier && tokenIs(current, word)
    }

    func firstByte(_ token: SwiftToken) -> UInt8 {
        token.start < token.end ? source.bytes[Int(token.start)] : 0
    }

    /// An operator token that is exactly `?` or `!` bound to what precedes it.
    func isPostfixMark(_ token: SwiftToken, _ mark: UInt8) -> Bool {
        token.kind == .operatorToken && token.end - token.start == 1 && firstByte(token) == mark && token.isLeftBound
    }

    // MARK: Nodes

    /// Makes a node whose children are `scratch[mark...]`, and adopts them.
    mutating func finish(_ kind: SwiftNodeKind, from start: Int32, mark: Int, op: SwiftTokenKind = .eof,
                         flags: UInt16 = 0, end: Int32? = nil) -> SwiftNode {
        let id = SwiftNode(Int32(nodes.count))
        let first = Int32(links.count)
        for child in scratch[mark...] {
            links.append(child)
            if child.exists { nodes[Int(child.raw)].parent = id }
        }
        let count = Int32(scratch.count - mark)
        scratch.removeSubrange(mark...)
        let stop = max(start, end ?? previousEnd)
        nodes.append(SwiftNodeData(kind: kind, op: op, flags: flags, start: start, end: stop,
                                   firstLink: first, linkCount: count, parent: .none))
        return id
    }

    mutating func leaf(_ kind: SwiftNodeKind, op: SwiftTokenKind = .eof) -> SwiftNode {
        let token = current
        advance()
        return finish(kind, from: token.start, mark: scratch.count, op: op, end: token.end)
    }

    /// An empty node at the current token (nothing consumed).
    mutating func missing(_ kind: SwiftNodeKind) -> SwiftNode {
        finish(kind, from: current.start, mark: scratch.count, end: current.start)
    }

    /// Records an error at the current token. One per token, so recovery loops cannot pile them up.
    mutating func reportError(_ message: String) {
        let offset = current.start
        if errors.last?.offset == offset || errors.count >= SwiftParser.maximumErrorCount { return }
        errors.append(SwiftSyntaxError(offset: offset, message: "\(message), found \(describe(current))"))
    }

    /// A token as a message names it: `{`, `foo`, the end of the file.
    func describe(_ token: SwiftToken) -> String {
        if token.kind == .eof { return "the end of the file" }
        let length = Int(token.end - token.start)
        guard length > 0, length <= 24 else { return token.kind == .stringLiteral ? "a string" : "`\(text(token).prefix(24))`" }
        return "`\(text(token))`"
    }

    mutating func markUnmodeled(from start: Int32, _ reason: String) {
        let end = max(start, previousEnd)
        unmodeled.append(UnmodeledRange(start: start, end: end, reason: reason))
    }

    /// Skips one token, or a whole bracketed group when it opens one, recording it as unmodeled.
    mutating func skipUnmodeled(_ reason: String) -> SwiftNode {
        let start = current.start
        skipBalancedUnit()
        markUnmodeled(from: start, reason)
        return finish(.unmodeled, from: start, mark: scratch.count)
    }

    /// Consumes one token, or when it opens a bracket, everything up to its matching close
    /// (iteratively, so any depth is fine). A stray closing bracket is consumed alone.
    mutating func skipBalancedUnit() {
        var open = 0
        repeat {
            switch kind {
            case .leftParen, .leftBracket, .leftBrace: open += 1
            case .rightParen, .rightBracket, .rightBrace: open -= 1
            case .eof: return
            default: break
            }
            advance()
        } while open > 0
    }

    /// Enters one level of nesting; false (and nothing entered) past the limit.
    mutating func enter() -> Bool {
        guard depth < SwiftParser.maximumNestingDepth else { return false }
        depth += 1
        return true
    }

    @inline(__always) mutating func leave() { depth -= 1 }

    // MARK: Files and blocks

    mutating func parseSourceFile() -> SwiftNode {
        let mark = scratch.count
        parseItems(.topLevel, into: mark)
        while !atEnd {
            // A stray `}` at the top level: skip it and go on.
            scratch.append(skipUnmodeled("unbalanced closing brace"))
            parseItems(.topLevel, into: mark)
        }
        return finish(.sourceFile, from: 0, mark: mark, end: Int32(source.bytes.count))
    }

    /// `{ items }`. The current token is `{`.
    mutating func parseBlock(_ context: ItemContext) -> SwiftNode {
        guard kind == .leftBrace else { return missing(.codeBlock) }
        guard enter() else { return skipUnmodeled("nesting too deep") }
        defer { leave() }
        let start = current.start
        advance()
        let saved = trailingClosuresAllowed
        trailingClosuresAllowed = true
        let mark = scratch.count
        parseItems(context, into: mark)
        trailingClosuresAllowed = saved
        _ = consume(.rightBrace)
        return finish(.codeBlock, from: start, mark: mark)
    }

    /// Parses items into `scratch` until `}` or the end (or, in a switch, the next case label).
    mutating func parseItems(_ context: ItemContext, into mark: Int) {
        while true {
            switch kind {
            case .eof, .rightBrace:
                return
            case .semicolon:
                advance()
                continue
            case .kwCase where context == .switchCase, .kwDefault where context == .switchCase:
                return
            case .atSign where context == .switchCase && tokenIs(peek(), "unknown"):
                return
            case .pound where isDirective(current):
                skipDirective()
                continue
            default:
                break
            }
            let before = index
            let item = parseItem(context)
            if index == before {
                skipUnexpectedToken(above: mark)
            } else if item.exists {
                scratch.append(item)
            }
        }
    }

    /// Skips a token no item can start with. A run of them (a file of stray characters) becomes one
    /// unmodeled node and one recorded range, not one per token.
    mutating func skipUnexpectedToken(above mark: Int) {
        let reason = "unexpected token"
        if scratch.count > mark, let last = scratch.last, nodes[Int(last.raw)].kind == .unmodeled,
           let range = unmodeled.last, range.reason == reason, range.end == nodes[Int(last.raw)].end {
            skipBalancedUnit()
            nodes[Int(last.raw)].end = previousEnd
            unmodeled[unmodeled.count - 1].end = previousEnd
            return
        }
        scratch.append(skipUnmodeled(reason))
    }

    func isDirective(_ token: SwiftToken) -> Bool {
        tokenIs(token, "#if") || tokenIs(token, "#elseif") || tokenIs(token, "#else") || tokenIs(token, "#endif")
            || tokenIs(token, "#sourceLocation")
    }

    /// `#if cond`, `#elseif cond`, `#else`, `#endif`: the directive and the rest of its line.
    /// Every branch's content is parsed as if the directives were not there.
    mutating func skipDirective() {
        let isSourceLocation = tokenIs(current, "#sourceLocation")
        advance()
        if isSourceLocation && kind == .leftParen {
            skipBalancedUnit()
            return
        }
        while !atEnd && !current.isAtLineStart { advance() }
    }

    mutating func parseItem(_ context: ItemContext) -> SwiftNode {
        if startsDeclaration() || (context == .members && kind == .kwCase) {
            return parseDeclaration(context)
        }
        return parseStatement()
    }
}
