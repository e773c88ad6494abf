import LintCore

extension Parser {
    mutating func parseBlock() -> NodeID {
        guard enter() else { return leaf(.badStmt, start: token.start, end: token.start) }
        defer { leave() }
        let startOffset = token.start
        if kind != .leftBrace {
            errorExpected("`{`")
            return finish(.blockStmt, start: startOffset, end: startOffset, mark: mark)
        }
        advance()
        let blockMark = mark
        parseStatementListInto()
        let endOffset = expect(.rightBrace)
        return finish(.blockStmt, start: startOffset, end: endOffset, mark: blockMark)
    }

    /// Pushes statements until `}`, `case`, `default` or end of file.
    mutating func parseStatementListInto() {
        while true {
            switch kind {
            case .rightBrace, .kwCase, .kwDefault, .eof:
                return
            case .kwFunc where peek() == .identifier || (peek() == .leftParen && looksLikeMethodDeclaration()):
                // Function literals have no name: this is the next declaration, and a `}` is missing.
                return
            case .semicolon:
                advance()
            default:
                let before = position
                let statement = parseStatement()
                if statement.exists { push(statement) }
                if position == before { advance() }
            }
        }
    }

    /// At `func (`: a method declaration `func (r T) Name(` rather than a literal `func() {`.
    func looksLikeMethodDeclaration() -> Bool {
        var index = position + 2
        var parens = 1
        while index < tokens.count && parens > 0 {
            switch tokens[index].kind {
            case .leftParen: parens += 1
            case .rightParen: parens -= 1
            case .leftBrace, .semicolon, .eof: return false
            default: break
            }
            index += 1
        }
        return index < tokens.count && tokens[index].kind == .identifier
            && index + 1 < tokens.count && (tokens[index + 1].kind == .leftParen || tokens[index + 1].kind == .leftBracket)
    }

    /// Not a level of nesting by itself: a statement is as deep as its block. What nests inside
    /// it (blocks, expressions, labelled statements) counts where it recurses.
    mutating func parseStatement() -> NodeID {
        let startOffset = token.start
        switch kind {
        case .kwConst, .kwVar, .kwType:
            let statementMark = mark
            push(parseGenericDeclaration())
            let statement = finish(.declStmt, start: startOffset, end: previousEnd, mark: statementMark)
            expectSemicolon()
            return statement
        case .identifier, .int, .float, .imaginary, .char, .string, .kwFunc, .leftParen, .leftBracket,
             .kwStruct, .kwMap, .kwChan, .kwInterface, .add, .sub, .mul, .and, .xor, .arrow, .not, .tilde:
            let statement = parseSimpleStatement(mode: .labelAllowed).statement
            if nodeKind(statement) != .labeledStmt { expectSemicolon() }
            return statement
        case .kwGo, .kwDefer:
            let keyword = kind
            advance()
            let statementMark = mark
            let call = parseExpression()
            if nodeKind(unparenthesized(call)) != .callExpr && nodeKind(call) != .badExpr {
                error(at: start(of: call), "expression in \(keyword.spelling) must be function call")
            }
            push(call)
            let statement = finish(keyword == .kwGo ? .goStmt : .deferStmt,
                                   start: startOffset, end: previousEnd, mark: statementMark)
            expectSemicolon()
            return statement
        case .kwReturn:
            advance()
            let statementMark = mark
            if kind != .semicolon && kind != .rightBrace && kind != .eof {
                push(parseExpression())
                while kind == .comma {
                    advance()
                    push(parseExpression())
                }
            }
            let statement = finish(.returnStmt, start: startOffset, end: previousEnd, mark: statementMark)
            expectSemicolon()
            return statement
        case .kwBreak, .kwContinue, .kwGoto, .kwFallthrough:
            let keyword = kind
            advance()
            let statementMark = mark
            if keyword != .kwFallthrough && kind == .identifier {
                push(parseIdentifier())
            }
            let statement = finish(.branchStmt, op: keyword, start: startOffset, end: previousEnd, mark: statementMark)
            expectSemicolon()
            return statement
        case .leftBrace, .kwIf, .kwSwitch, .kwSelect, .kwFor:
            let statement: NodeID
            switch kind {
            case .kwIf: statement = parseIfStatement()
            case .kwSwitch: statement = parseSwitchStatement()
            case .kwSelect: statement = parseSelectStatement()
            case .kwFor: statement = parseForStatement()
            default: statement = parseBlock()
            }
            expectSemicolon()
            return statement
        case .semicolon:
            let statement = leaf(.emptyStmt, start: token.start, end: token.end)
            advance()
            return statement
        case .rightBrace:
            return leaf(.emptyStmt, start: token.start, end: token.start)
        default:
            errorExpected("statement")
            skipToStatementEnd()
            return leaf(.badStmt, start: startOffset, end: previousEnd)
        }
    }

    func unparenthesized(_ id: NodeID) -> NodeID {
        var inner = id
        while nodeKind(inner) == .parenExpr { inner = child(inner, 0) }
        return inner
    }

    mutating func parseSimpleStatement(mode: SimpleStatementMode) -> SimpleStatement {
        let startOffset = token.start
        if mode == .rangeAllowed && kind == .kwRange {
            advance()
            let expression = parseExpression()
            return .rangeClause(key: .none, value: .none, op: .eof, expression: expression, start: startOffset)
        }
        let left = parseExpressionList()
        switch kind {
        case .define, .assign, .addAssign, .subAssign, .mulAssign, .quoAssign, .remAssign,
             .andAssign, .orAssign, .xorAssign, .shlAssign, .shrAssign, .andNotAssign:
            let operatorKind = kind
            advance()
            if mode == .rangeAllowed && kind == .kwRange && (operatorKind == .define || operatorKind == .assign) {
                advance()
                let count = childCount(left)
                let key = child(left, 0), value = child(left, 1)
                if count > 2 { error(at: startOffset, "range clause permits at most two iteration variables") }
                let expression = parseExpression()
                return .rangeClause(key: key, value: value, op: operatorKind, expression: expression, start: startOffset)
            }
            let assignMark = mark
            push(left)
            push(parseExpressionList())
            return .statement(finish(.assignStmt, op: operatorKind, start: startOffset, end: previousEnd, mark: assignMark))
        default:
            break
        }
        // Values, not a slice of `childIDs`: a live slice would make the next append copy the array.
        let count = childCount(left)
        if count > 1 {
            errorExpected("`:=` or `=` or `,`")
        }
        let first = count > 0 ? child(left, 0) : left
        switch kind {
        case .colon where mode == .labelAllowed && nodeKind(first) == .identifier && count == 1:
            advance()
            // `a: b: c: ...` nests statements without a block: each label is a level.
            guard enter() else { return .statement(leaf(.badStmt, start: token.start, end: token.start)) }
            let labelMark = mark
            push(first)
            push(parseStatement())
            leave()
            return .statement(finish(.labeledStmt, start: startOffset, end: previousEnd, mark: labelMark))
        case .arrow:
            advance()
            let sendMark = mark
            push(first)
            push(parseExpression())
            return .statement(finish(.sendStmt, start: startOffset, end: previousEnd, mark: sendMark))
        case .increment, .decrement:
            let operatorKind = kind
            advance()
            let incrementMark = mark
            push(first)
            return .statement(finish(.incDecStmt, op: operatorKind, start: startOffset, end: previousEnd, mark: incrementMark))
        default:
            let expressionMark = mark
            push(first)
            return .statement(finish(.exprStmt, start: startOffset, end: previousEnd, mark: expressionMark))
        }
    }

    /// The expression of a simple statement used as a condition, or an error when it is not one.
    mutating func condition(of statement: SimpleStatement, keyword: String) -> NodeID {
        let id = statement.statement
        if id.exists && nodeKind(id) == .exprStmt { return child(id, 0) }
        if id.exists {
            error(at: start(of: id), "cannot use \(source.text(nodes[Int(id.raw)].range)) as value in \(keyword) condition")
        }
        return leaf(.badExpr, start: token.start, end: token.start)
    }

    /// An `if` with its `else if` chain. The chain is a tree nested through the else branches, but
    /// it is not nesting in the source (gofmt keeps it flat): it is parsed in a loop, each `if`
    /// left open on the scratch stack until the last one is finished, so a chain of any length
    /// costs no stack and no nesting level; only the blocks count.
    mutating func parseIfStatement() -> NodeID {
        var open: [(mark: Int, start: Int32)] = []
        var statement = NodeID.none
        while true {
            let startOffset = token.start
            advance()
            let statementMark = mark
            parseIfHeaderInto()
            push(parseBlock())
            if kind == .kwElse {
                advance()
                switch kind {
                case .kwIf where continuesElseIfChain():
                    open.append((statementMark, startOffset))
                    continue
                case .leftBrace:
                    push(parseBlock())
                default:
                    errorExpected("`if` statement or block")
                    push(.none)
                }
            } else {
                push(.none)
            }
            statement = finish(.ifStmt, start: startOffset, end: previousEnd, mark: statementMark)
            break
        }
        elseIfLinks -= open.count
        while let outer = open.popLast() {
            push(statement)
            statement = finish(.ifStmt, start: outer.start, end: previousEnd, mark: outer.mark)
        }
        return statement
    }

    /// Pushes the init statement and the condition of an `if` (two children).
    mutating func parseIfHeaderInto() {
        let savedLevel = expressionLevel
        expressionLevel = -1
        var initStatement = NodeID.none
        var conditionExpression = NodeID.none
        if kind == .leftBrace {
            error(at: token.start, "missing condition in if statement")
            conditionExpression = leaf(.badExpr, start: token.start, end: token.start)
        } else {
            var first = SimpleStatement.statement(.none)
            if kind != .semicolon {
                first = parseSimpleStatement(mode: .basic)
            }
            if kind == .semicolon {
                advance()
                initStatement = first.statement
                if kind == .leftBrace {
                    error(at: token.start, "missing condition in if statement")
                    conditionExpression = leaf(.badExpr, start: token.start, end: token.start)
                } else {
                    conditionExpression = condition(of: parseSimpleStatement(mode: .basic), keyword: "if")
                }
            } else {
                conditionExpression = condition(of: first, keyword: "if")
            }
        }
        expressionLevel = savedLevel
        push(initStatement)
        push(conditionExpression)
    }

    mutating func parseSwitchStatement() -> NodeID {
        let startOffset = token.start
        advance()
        let statementMark = mark
        let savedLevel = expressionLevel
        expressionLevel = -1
        var initStatement = NodeID.none
        var tag = NodeID.none
        if kind != .leftBrace {
            var second = NodeID.none
            if kind != .semicolon {
                second = parseSimpleStatement(mode: .basic).statement
            }
            if kind == .semicolon {
                advance()
                initStatement = second
                second = .none
                if kind != .leftBrace {
                    second = parseSimpleStatement(mode: .basic).statement
                }
            }
            tag = second
        }
        expressionLevel = savedLevel
        let isTypeSwitch = isTypeSwitchGuard(tag)
        push(initStatement)
        if isTypeSwitch {
            push(tag)
        } else if tag.exists {
            if nodeKind(tag) == .exprStmt {
                push(child(tag, 0))
            } else {
                error(at: start(of: tag), "switch expression must be an expression")
                push(tag)
            }
        } else {
            push(.none)
        }
        push(parseClauseBlock(commClauses: false))
        return finish(isTypeSwitch ? .typeSwitchStmt : .switchStmt, start: startOffset, end: previousEnd, mark: statementMark)
    }

    /// `x := y.(type)` or `y.(type)`.
    func isTypeSwitchGuard(_ statement: NodeID) -> Bool {
        guard statement.exists else { return false }
        switch nodeKind(statement) {
        case .assignStmt:
            guard nodes[Int(statement.raw)].op == .define else { return false }
            let right = child(statement, 1)
            guard childCount(right) == 1 else { return false }
            let only = child(right, 0)
            return nodeKind(only) == .typeAssertExpr && child(only, 1).isNone
        case .exprStmt:
            let expression = child(statement, 0)
            return nodeKind(expression) == .typeAssertExpr && child(expression, 1).isNone
        default:
            return false
        }
    }

    mutating func parseSelectStatement() -> NodeID {
        let startOffset = token.start
        advance()
        let statementMark = mark
        push(parseClauseBlock(commClauses: true))
        return finish(.selectStmt, start: startOffset, end: previousEnd, mark: statementMark)
    }

    /// `{ case ...: ... default: ... }` for switch (case clauses) and select (comm clauses).
    mutating func parseClauseBlock(commClauses: Bool) -> NodeID {
        guard enter() else { return leaf(.badStmt, start: token.start, end: token.start) }
        defer { leave() }
        let startOffset = token.start
        guard kind == .leftBrace else {
            errorExpected("`{`")
            return finish(.blockStmt, start: startOffset, end: startOffset, mark: mark)
        }
        advance()
        let blockMark = mark
        while kind != .rightBrace && kind != .eof {
            let before = position
            if kind == .kwCase || kind == .kwDefault {
                push(parseClause(comm: commClauses))
            } else if kind == .semicolon {
                advance()
            } else {
                errorExpected("`case` or `default`")
                skipToStatementEnd()
            }
            if position == before { advance() }
        }
        let endOffset = expect(.rightBrace)
        return finish(.blockStmt, start: startOffset, end: endOffset, mark: blockMark)
    }

    mutating func parseClause(comm: Bool) -> NodeID {
        let startOffset = token.start
        let clauseMark = mark
        if kind == .kwCase {
            advance()
            if comm {
                push(parseSimpleStatement(mode: .basic).statement)
            } else {
                push(parseExpressionList())
            }
        } else {
            advance()
            push(.none)
        }
        expect(.colon)
        parseStatementListInto()
        return finish(comm ? .commClause : .caseClause, start: startOffset, end: previousEnd, mark: clauseMark)
    }

    mutating func parseForStatement() -> NodeID {
        let startOffset = token.start
        advance()
        let statementMark = mark
        let savedLevel = expressionLevel
        expressionLevel = -1
        var initStatement = NodeID.none
        var conditionExpression = NodeID.none
        var postStatement = NodeID.none
        var rangeClause: SimpleStatement?
        if kind != .leftBrace {
            var second = SimpleStatement.statement(.none)
            if kind != .semicolon {
                second = parseSimpleStatement(mode: .rangeAllowed)
            }
            if case .rangeClause = second {
                rangeClause = second
            } else if kind == .semicolon {
                advance()
                initStatement = second.statement
                if kind != .semicolon && kind != .leftBrace {
                    conditionExpression = condition(of: parseSimpleStatement(mode: .basic), keyword: "for")
                }
                if kind == .semicolon {
                    advance()
                    if kind != .leftBrace {
                        postStatement = parseSimpleStatement(mode: .basic).statement
                        if nodeKind(postStatement) == .assignStmt && nodes[Int(postStatement.raw)].op == .define {
                            error(at: start(of: postStatement), "cannot declare in post statement of for loop")
                        }
                    }
                } else if kind != .leftBrace {
                    errorExpected("`{` after for clause")
                }
            } else {
                conditionExpression = condition(of: second, keyword: "for")
            }
        }
        expressionLevel = savedLevel
        if case .rangeClause(let key, let value, let op, let expression, _) = rangeClause {
            push(key)
            push(value)
            push(expression)
            push(parseBlock())
            return finish(.rangeStmt, op: op, start: startOffset, end: previousEnd, mark: statementMark)
        }
        push(initStatement)
        push(conditionExpression)
        push(postStatement)
        push(parseBlock())
        return finish(.forStmt, start: startOffset, end: previousEnd, mark: statementMark)
    }
}
