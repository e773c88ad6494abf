import LintCore

/// Parses Go source into a `SyntaxTree`. Never traps: malformed input yields `errors`
/// and a tree of whatever could be recovered.
public enum GoParser {
    /// Nesting deeper than this stops the parse with one clean error instead of exhausting the
    /// stack. A level is a construct inside another: a block, parentheses, call arguments, index
    /// brackets, a composite literal, a type, a unary operator's operand, a labelled statement.
    /// An `else if` chain is not nesting. Real code stays far below it; gofmt accepts more, but
    /// the analyses recurse over the tree, and this many levels fit the engine's worker stacks
    /// (64 MiB) with room to spare even in a debug build.
    public static let maximumNestingDepth = 2_500

    /// The syntax tree may be at most this deep: nesting plus the `else if` links that enclose a
    /// point (each `else if` is a child of the `if` before it, so the tree is as deep as the chain).
    public static let maximumTreeDepth = 6_000

    /// At most this many syntax errors are kept per file; later ones are mostly fallout.
    public static let maximumErrorCount = 10

    public static func parse(_ source: SourceFile) -> SyntaxTree {
        let stream = GoLexer.tokenize(source)
        return parse(source, tokens: stream)
    }

    public static func parse(_ source: SourceFile, tokens stream: TokenStream) -> SyntaxTree {
        var parser = Parser(source: source, tokens: stream.tokens)
        for error in stream.errors {
            parser.errors.append(SyntaxError(offset: error.offset, message: error.message))
        }
        let root = parser.parseFile()
        return SyntaxTree(source: source, nodes: parser.nodes, childIDs: parser.childIDs, root: root,
                          comments: stream.comments, errors: parser.finishedErrors())
    }
}

/// What a simple statement turned out to be: a statement, or the header of a range loop.
enum SimpleStatement {
    case statement(NodeID)
    case rangeClause(key: NodeID, value: NodeID, op: TokenKind, expression: NodeID, start: Int32)

    var statement: NodeID {
        if case .statement(let id) = self { return id }
        return .none
    }
}

enum SimpleStatementMode {
    case basic, labelAllowed, rangeAllowed
}

struct Parser {
    let source: SourceFile
    let tokens: [Token]
    var position = 0
    var token: Token
    var nodes: [Node]
    var childIDs: [NodeID]
    /// Children of nodes under construction; each parse function pushes above its mark and
    /// truncates back to it, so this behaves as a stack.
    var scratch: [NodeID] = []
    var errors: [SyntaxError] = []
    /// Bounds the parser's own errors (the lexer's were bounded by the lexer).
    var errorBudget: ErrorBudget
    /// As in go/parser: below zero inside control-clause headers, where `T {` opens a block,
    /// not a composite literal.
    var expressionLevel = 0
    var depth = 0
    /// `else if` links open around the current point (see `GoParser.maximumTreeDepth`).
    var elseIfLinks = 0
    var aborted = false

    init(source: SourceFile, tokens: [Token]) {
        self.source = source
        // The lexer always ends with `.eof`; guard anyway so indexing can never fail.
        if let last = tokens.last, last.kind == .eof {
            self.tokens = tokens
        } else {
            let end = Int32(source.bytes.count)
            self.tokens = tokens + [Token(kind: .eof, start: end, end: end)]
        }
        self.token = self.tokens[0]
        errorBudget = ErrorBudget(lineStarts: source.lineStarts)
        nodes = [Node(kind: .none, start: 0, end: 0)]
        nodes.reserveCapacity(tokens.count + 16)
        childIDs = []
        childIDs.reserveCapacity(tokens.count + 16)
        scratch.reserveCapacity(256)
    }

    // MARK: Tokens

    @inline(__always) var kind: TokenKind { token.kind }

    @inline(__always) mutating func advance() {
        if position < tokens.count - 1 {
            position += 1
            token = tokens[position]
        }
    }

    @inline(__always) func peek(_ distance: Int = 1) -> TokenKind {
        let index = position + distance
        return index < tokens.count ? tokens[index].kind : .eof
    }

    /// End offset of the previous token: where a node that just finished ends.
    @inline(__always) var previousEnd: Int32 {
        position > 0 ? tokens[position - 1].end : 0
    }

    mutating func seek(to index: Int) {
        position = max(0, min(index, tokens.count - 1))
        token = tokens[position]
    }

    // MARK: Nodes

    @inline(__always) var mark: Int { scratch.count }

    @inline(__always) mutating func push(_ id: NodeID) { scratch.append(id) }

    /// Makes a node whose children are `scratch[mark...]`, and pops them.
    @discardableResult
    mutating func finish(_ kind: NodeKind, op: TokenKind = .eof, flags: UInt16 = 0,
                         start: Int32, end: Int32, mark: Int) -> NodeID {
        let id = NodeID(Int32(nodes.count))
        let childStart = Int32(childIDs.count)
        let count = scratch.count - mark
        if count > 0 {
            for index in mark..<scratch.count {
                let childID = scratch[index]
                childIDs.append(childID)
                if childID.exists { nodes[Int(childID.raw)].parent = id }
            }
            scratch.removeSubrange(mark...)
        }
        nodes.append(Node(kind: kind, op: op, flags: flags, start: start, end: max(start, end),
                          childStart: childStart, childCount: Int32(count)))
        return id
    }

    @inline(__always) mutating func leaf(_ kind: NodeKind, op: TokenKind = .eof, start: Int32, end: Int32) -> NodeID {
        let id = NodeID(Int32(nodes.count))
        nodes.append(Node(kind: kind, op: op, start: start, end: end, childStart: Int32(childIDs.count)))
        return id
    }

    @inline(__always) func start(of id: NodeID) -> Int32 { nodes[Int(id.raw)].start }
    @inline(__always) func end(of id: NodeID) -> Int32 { nodes[Int(id.raw)].end }
    @inline(__always) func nodeKind(_ id: NodeID) -> NodeKind { nodes[Int(id.raw)].kind }

    func child(_ id: NodeID, _ index: Int) -> NodeID {
        let node = nodes[Int(id.raw)]
        guard index < Int(node.childCount) else { return .none }
        return childIDs[Int(node.childStart) + index]
    }

    func childCount(_ id: NodeID) -> Int { Int(nodes[Int(id.raw)].childCount) }

    // MARK: Errors

    /// Records an error, within the budget.
    mutating func error(at offset: Int32, _ message: String) {
        // After the nesting limit stopped the parse, everything unwinding would only echo it.
        guard !aborted, errorBudget.admits(offset) else { return }
        errors.append(SyntaxError(offset: offset, message: message))
    }

    /// "expected X, found Y" at the current token; silent on `.illegal`, which the lexer reported.
    /// The message is only built when the budget admits it: hostile input meets this at every token.
    mutating func errorExpected(_ what: String) {
        guard kind != .illegal, !aborted, errorBudget.admits(token.start) else { return }
        errors.append(SyntaxError(offset: token.start, message: "expected \(what), found \(describeCurrent())"))
    }

    func describeCurrent() -> String {
        switch kind {
        case .identifier:
            return "identifier `\(source.text(token.range))`"
        case .int, .float, .imaginary, .char, .string:
            return kind.spelling
        case .semicolon:
            return token.start == token.end ? (token.start >= Int32(source.bytes.count) ? "end of file" : "newline") : "`;`"
        case .eof:
            return "end of file"
        default:
            return "`\(kind.spelling)`"
        }
    }

    /// Consumes `expected` or reports it missing (without consuming). Returns the token's end.
    @discardableResult
    mutating func expect(_ expected: TokenKind) -> Int32 {
        if kind == expected {
            let end = token.end
            advance()
            return end
        }
        errorExpected("`\(expected.spelling)`")
        return token.start
    }

    /// Like `expect`, for a closing token in a list that the user may have broken with a newline.
    @discardableResult
    mutating func expectClosing(_ closing: TokenKind, context: String) -> Int32 {
        if kind == .semicolon && token.start == token.end && peek() == closing {
            error(at: token.start, "missing `,` before newline in \(context)")
            advance()
        }
        return expect(closing)
    }

    /// Ends a statement or declaration: `;`, or nothing before `)`/`}`.
    mutating func expectSemicolon() {
        switch kind {
        case .semicolon:
            advance()
        case .rightParen, .rightBrace, .eof:
            return
        default:
            errorExpected("`;` or newline")
            skipToStatementEnd()
        }
    }

    /// Error recovery: skips to the next `;` (consumed) or to a `}`, `case` or `default`
    /// that closes the current block, keeping track of nested braces.
    mutating func skipToStatementEnd() {
        var braces = 0
        let before = position
        while kind != .eof {
            switch kind {
            case .leftBrace:
                braces += 1
            case .rightBrace:
                if braces == 0 {
                    if position == before { advance() }
                    return
                }
                braces -= 1
            case .semicolon where braces == 0:
                advance()
                return
            case .kwCase, .kwDefault:
                if braces == 0 && position != before { return }
            default:
                break
            }
            advance()
        }
    }

    /// Error recovery at top level: skips to the next token that can start a declaration.
    mutating func skipToDeclaration() {
        var braces = 0
        advance()
        while kind != .eof {
            switch kind {
            case .leftBrace: braces += 1
            case .rightBrace: braces = max(0, braces - 1)
            case .kwFunc, .kwVar, .kwConst, .kwType, .kwImport:
                if braces == 0 { return }
            default: break
            }
            advance()
        }
    }

    /// Called on entering a nested construct; returns false (and stops the parse) when too deep.
    mutating func enter() -> Bool {
        depth += 1
        if depth > GoParser.maximumNestingDepth {
            if !aborted {
                error(at: token.start, "nesting deeper than \(GoParser.maximumNestingDepth) levels; the rest of the file is not parsed")
                aborted = true
            }
            seek(to: tokens.count - 1)
            return false
        }
        return true
    }

    @inline(__always) mutating func leave() { depth -= 1 }

    /// Called at the `if` of an `else if`; returns false (and stops the parse) when the tree would
    /// be too deep.
    mutating func continuesElseIfChain() -> Bool {
        elseIfLinks += 1
        if depth + elseIfLinks > GoParser.maximumTreeDepth {
            error(at: token.start, "`else if` chain too long: the syntax tree would be deeper than "
                  + "\(GoParser.maximumTreeDepth) levels; the rest of the file is not parsed")
            elseIfLinks -= 1
            aborted = true
            seek(to: tokens.count - 1)
            return false
        }
        return true
    }

    /// Errors in source order, at most one per line, at most `maximumErrorCount`.
    func finishedErrors() -> [SyntaxError] {
        let sorted = errors.enumerated().sorted {
            ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset)
        }.map(\.element)
        var result: [SyntaxError] = []
        var lastLine = -1
        for error in sorted {
            let line = source.position(of: error.offset).line
            if line == lastLine { continue }
            lastLine = line
            result.append(error)
            if result.count == GoParser.maximumErrorCount { break }
        }
        return result
    }

    // MARK: File and declarations

    mutating func parseFile() -> NodeID {
        let fileMark = mark
        if kind == .kwPackage {
            advance()
            push(parseIdentifier())
            expectSemicolon()
        } else {
            errorExpected("`package` clause")
            push(.none)
        }
        while kind != .eof {
            let before = position
            let declaration = parseDeclaration()
            if declaration.exists { push(declaration) }
            if position == before { advance() }
        }
        return finish(.file, start: 0, end: Int32(source.bytes.count), mark: fileMark)
    }

    mutating func parseDeclaration() -> NodeID {
        switch kind {
        case .kwImport, .kwConst, .kwVar, .kwType:
            let declaration = parseGenericDeclaration()
            expectSemicolon()
            return declaration
        case .kwFunc:
            let declaration = parseFunctionDeclaration()
            // A body cut short at a nested `func name(` (missing `}`) was reported already;
            // resume at that declaration rather than skipping it.
            if kind != .kwFunc { expectSemicolon() }
            return declaration
        case .semicolon:
            advance()
            return .none
        default:
            errorExpected("declaration")
            skipToDeclaration()
            return .none
        }
    }

    /// `import`, `const`, `var` or `type`, single or grouped. Does not consume the final `;`.
    mutating func parseGenericDeclaration() -> NodeID {
        let keyword = kind
        let startOffset = token.start
        advance()
        let declarationMark = mark
        var flags: UInt16 = 0
        var endOffset: Int32
        if kind == .leftParen {
            flags = NodeFlags.grouped
            advance()
            while kind != .rightParen && kind != .eof {
                let before = position
                push(parseSpec(keyword))
                if kind != .rightParen { expectSemicolon() }
                if position == before { advance() }
            }
            endOffset = expect(.rightParen)
        } else {
            push(parseSpec(keyword))
            endOffset = previousEnd
        }
        return finish(.genDecl, op: keyword, flags: flags, start: startOffset, end: endOffset, mark: declarationMark)
    }

    mutating func parseSpec(_ keyword: TokenKind) -> NodeID {
        switch keyword {
        case .kwImport: return parseImportSpec()
        case .kwType: return parseTypeSpec()
        default: return parseValueSpec(keyword)
        }
    }

    mutating func parseImportSpec() -> NodeID {
        let specMark = mark
        let startOffset = token.start
        switch kind {
        case .identifier:
            push(leaf(.identifier, start: token.start, end: token.end))
            advance()
        case .period:
            push(leaf(.identifier, start: token.start, end: token.end))
            advance()
        default:
            push(.none)
        }
        if kind == .string {
            push(leaf(.basicLit, op: .string, start: token.start, end: token.end))
            advance()
        } else {
            errorExpected("import path")
            push(leaf(.badExpr, start: token.start, end: token.start))
        }
        return finish(.importSpec, start: startOffset, end: previousEnd, mark: specMark)
    }

    mutating func parseValueSpec(_ keyword: TokenKind) -> NodeID {
        let specMark = mark
        let startOffset = token.start
        push(parseIdentifierList())
        if kind != .assign && kind != .semicolon && kind != .rightParen && kind != .eof {
            push(parseType())
        } else {
            push(.none)
        }
        if kind == .assign {
            advance()
            push(parseExpressionList())
        } else {
            push(.none)
        }
        return finish(.valueSpec, start: startOffset, end: previousEnd, mark: specMark)
    }

    mutating func parseTypeSpec() -> NodeID {
        let specMark = mark
        let startOffset = token.start
        push(parseIdentifier())
        if kind == .leftBracket && startsTypeParameters() {
            push(parseTypeParameters())
        } else {
            push(.none)
        }
        var flags: UInt16 = 0
        if kind == .assign {
            flags = NodeFlags.alias
            advance()
        }
        push(parseType())
        return finish(.typeSpec, flags: flags, start: startOffset, end: previousEnd, mark: specMark)
    }

    /// At `[` after a type name: a type parameter list (`[T any]`) rather than an array length (`[N]int`).
    func startsTypeParameters() -> Bool {
        guard peek(1) == .identifier else { return false }
        switch peek(2) {
        case .identifier, .comma, .kwInterface, .kwFunc, .kwChan, .kwMap, .kwStruct, .tilde:
            return true
        case .leftBracket:
            return peek(3) == .rightBracket
        case .mul:
            // `[P *C]` is an array length by the spec unless a comma follows (`[P *C,]`).
            var index = position + 3
            var brackets = 0
            while index < tokens.count {
                switch tokens[index].kind {
                case .leftBracket, .leftParen, .leftBrace: brackets += 1
                case .rightBracket, .rightParen, .rightBrace:
                    if brackets == 0 { return false }
                    brackets -= 1
                case .comma where brackets == 0: return true
                case .semicolon, .eof: return false
                default: break
                }
                index += 1
            }
            return false
        default:
            return false
        }
    }

    mutating func parseFunctionDeclaration() -> NodeID {
        let declarationMark = mark
        let startOffset = token.start
        advance()
        if kind == .leftParen {
            push(parseParameters(context: "receiver"))
        } else {
            push(.none)
        }
        push(parseIdentifier())
        let signatureStart = token.start
        let signatureMark = mark
        if kind == .leftBracket {
            push(parseTypeParameters())
        } else {
            push(.none)
        }
        parseSignatureInto()
        push(finish(.funcType, start: signatureStart, end: previousEnd, mark: signatureMark))
        if kind == .leftBrace {
            let savedLevel = expressionLevel
            expressionLevel = 0
            push(parseBlock())
            expressionLevel = savedLevel
        } else {
            push(.none)
        }
        return finish(.funcDecl, start: startOffset, end: previousEnd, mark: declarationMark)
    }

    /// Pushes the parameters and results of a signature (two children).
    mutating func parseSignatureInto() {
        if kind == .leftParen {
            push(parseParameters(context: "parameter list"))
        } else {
            errorExpected("`(`")
            push(finish(.fieldList, start: token.start, end: token.start, mark: mark))
        }
        push(parseResults())
    }

    mutating func parseResults() -> NodeID {
        if kind == .leftParen {
            return parseParameters(context: "result list")
        }
        if startsType(kind) {
            let listMark = mark
            let startOffset = token.start
            let fieldMark = mark
            push(finish(.list, start: startOffset, end: startOffset, mark: mark))
            push(parseType())
            push(.none)
            push(finish(.field, start: startOffset, end: previousEnd, mark: fieldMark))
            return finish(.fieldList, start: startOffset, end: previousEnd, mark: listMark)
        }
        return .none
    }

    func startsType(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .leftBracket, .kwStruct, .mul, .kwFunc, .kwInterface, .kwMap, .kwChan, .leftParen, .arrow:
            return true
        default:
            return false
        }
    }

    // MARK: Identifiers and lists

    mutating func parseIdentifier() -> NodeID {
        if kind == .identifier {
            let id = leaf(.identifier, start: token.start, end: token.end)
            advance()
            return id
        }
        errorExpected("identifier")
        return leaf(.badExpr, start: token.start, end: token.start)
    }

    mutating func parseIdentifierList() -> NodeID {
        let listMark = mark
        let startOffset = token.start
        push(parseIdentifier())
        while kind == .comma {
            advance()
            push(parseIdentifier())
        }
        return finish(.list, start: startOffset, end: previousEnd, mark: listMark)
    }

    mutating func parseExpressionList() -> NodeID {
        let listMark = mark
        let startOffset = token.start
        push(parseExpression())
        while kind == .comma {
            advance()
            push(parseExpression())
        }
        return finish(.list, start: startOffset, end: previousEnd, mark: listMark)
    }
}
