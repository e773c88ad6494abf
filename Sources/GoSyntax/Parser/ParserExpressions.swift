import LintCore

extension Parser {
    mutating func parseExpression() -> NodeID {
        parseBinaryExpression(precedence: 1)
    }

    mutating func parseBinaryExpression(precedence: Int) -> NodeID {
        let startOffset = token.start
        var left = parseUnaryExpression()
        while true {
            let operatorKind = kind
            let operatorPrecedence = operatorKind.binaryPrecedence
            if operatorPrecedence < precedence || operatorPrecedence == 0 { return left }
            advance()
            let binaryMark = mark
            push(left)
            push(parseBinaryExpression(precedence: operatorPrecedence + 1))
            left = finish(.binaryExpr, op: operatorKind, start: startOffset, end: previousEnd, mark: binaryMark)
        }
    }

    /// Nesting levels in expressions are the constructs that contain an expression: a unary
    /// operator's operand, parentheses, call arguments, index brackets, composite literals, types.
    /// Each recursion passes through one of them, so the depth limit also bounds the stack.
    mutating func parseUnaryExpression() -> NodeID {
        let startOffset = token.start
        switch kind {
        case .add, .sub, .not, .xor, .and, .tilde:
            let operatorKind = kind
            let unaryMark = mark
            push(parseOperatorOperand())
            return finish(.unaryExpr, op: operatorKind, start: startOffset, end: previousEnd, mark: unaryMark)
        case .arrow:
            if peek() == .kwChan {
                // `<-chan T` used as an operand, e.g. a conversion `(<-chan int)(c)`.
                return parsePrimaryExpression(operand: parseChannelType(), start: startOffset)
            }
            let unaryMark = mark
            push(parseOperatorOperand())
            return finish(.unaryExpr, op: .arrow, start: startOffset, end: previousEnd, mark: unaryMark)
        case .mul:
            let starMark = mark
            push(parseOperatorOperand())
            return finish(.starExpr, start: startOffset, end: previousEnd, mark: starMark)
        default:
            return parsePrimaryExpression(operand: parseOperand(), start: startOffset)
        }
    }

    /// At a unary operator: consumes it and parses its operand, one level deeper.
    mutating func parseOperatorOperand() -> NodeID {
        guard enter() else { return leaf(.badExpr, start: token.start, end: token.start) }
        defer { leave() }
        advance()
        return parseUnaryExpression()
    }

    mutating func parseOperand() -> NodeID {
        switch kind {
        case .identifier:
            let id = leaf(.identifier, start: token.start, end: token.end)
            advance()
            return id
        case .int, .float, .imaginary, .char, .string:
            let id = leaf(.basicLit, op: kind, start: token.start, end: token.end)
            advance()
            return id
        case .leftParen:
            guard enter() else { return leaf(.badExpr, start: token.start, end: token.start) }
            defer { leave() }
            let startOffset = token.start
            advance()
            expressionLevel += 1
            let parenMark = mark
            push(parseExpression())
            expressionLevel -= 1
            let endOffset = expectClosing(.rightParen, context: "parenthesized expression")
            return finish(.parenExpr, start: startOffset, end: endOffset, mark: parenMark)
        case .kwFunc:
            let startOffset = token.start
            advance()
            let type = parseFunctionType(start: startOffset)
            guard kind == .leftBrace else { return type }
            let literalMark = mark
            push(type)
            expressionLevel += 1
            push(parseBlock())
            expressionLevel -= 1
            return finish(.funcLit, start: startOffset, end: previousEnd, mark: literalMark)
        case .leftBracket, .kwStruct, .kwMap, .kwChan, .kwInterface:
            return parseType()
        default:
            errorExpected("expression")
            return leaf(.badExpr, start: token.start, end: token.start)
        }
    }

    mutating func parsePrimaryExpression(operand: NodeID, start startOffset: Int32) -> NodeID {
        var expression = operand
        while true {
            switch kind {
            case .period:
                advance()
                if kind == .identifier {
                    let selectorMark = mark
                    push(expression)
                    push(leaf(.identifier, start: token.start, end: token.end))
                    advance()
                    expression = finish(.selectorExpr, start: startOffset, end: previousEnd, mark: selectorMark)
                } else if kind == .leftParen {
                    advance()
                    let assertMark = mark
                    push(expression)
                    if kind == .kwType {
                        advance()
                        push(.none)
                    } else {
                        expressionLevel += 1
                        push(parseType())
                        expressionLevel -= 1
                    }
                    let endOffset = expect(.rightParen)
                    expression = finish(.typeAssertExpr, start: startOffset, end: endOffset, mark: assertMark)
                } else {
                    errorExpected("selector or type assertion")
                    return expression
                }
            case .leftBracket:
                expression = parseIndexOrSlice(expression, start: startOffset)
            case .leftParen:
                expression = parseCall(expression, start: startOffset)
            case .leftBrace:
                guard isCompositeLiteralType(expression) else { return expression }
                expression = parseCompositeLiteral(type: expression, start: startOffset)
            default:
                return expression
            }
        }
    }

    /// Whether `{` after `expression` opens a composite literal (the spec's header ambiguity:
    /// in `if x == T {`, the brace opens the block).
    func isCompositeLiteralType(_ expression: NodeID) -> Bool {
        var inner = expression
        while nodeKind(inner) == .parenExpr { inner = child(inner, 0) }
        switch nodeKind(inner) {
        case .badExpr, .identifier, .selectorExpr, .indexExpr:
            return expressionLevel >= 0
        case .arrayType, .sliceType, .structType, .mapType:
            return true
        default:
            return false
        }
    }

    mutating func parseIndexOrSlice(_ base: NodeID, start startOffset: Int32) -> NodeID {
        guard enter() else { return leaf(.badExpr, start: token.start, end: token.start) }
        defer { leave() }
        advance()
        expressionLevel += 1
        defer { expressionLevel -= 1 }
        let indexMark = mark
        push(base)
        var parts: [NodeID] = [.none, .none, .none]
        var colons = 0
        if kind != .colon {
            parts[0] = parseTypeOrExpression()
        }
        while kind == .colon && colons < 2 {
            colons += 1
            advance()
            if kind != .colon && kind != .rightBracket && kind != .eof {
                parts[colons] = parseExpression()
            }
        }
        if colons == 0 {
            push(parts[0])
            while kind == .comma {
                advance()
                if kind == .rightBracket { break }
                push(parseTypeOrExpression())
            }
            let endOffset = expectClosing(.rightBracket, context: "index expression")
            return finish(.indexExpr, start: startOffset, end: endOffset, mark: indexMark)
        }
        for part in parts { push(part) }
        if colons == 2 && (parts[1].isNone || parts[2].isNone) {
            error(at: token.start, "middle and final index required in a 3-index slice")
        }
        let endOffset = expectClosing(.rightBracket, context: "slice expression")
        return finish(.sliceExpr, flags: colons == 2 ? NodeFlags.threeIndex : 0,
                      start: startOffset, end: endOffset, mark: indexMark)
    }

    /// Expressions also cover types here (`make([]T, n)`, `f[map[K]V]`), since operands accept type syntax.
    @inline(__always) mutating func parseTypeOrExpression() -> NodeID {
        parseExpression()
    }

    mutating func parseCall(_ function: NodeID, start startOffset: Int32) -> NodeID {
        guard enter() else { return leaf(.badExpr, start: token.start, end: token.start) }
        defer { leave() }
        advance()
        expressionLevel += 1
        let callMark = mark
        push(function)
        var flags: UInt16 = 0
        while kind != .rightParen && kind != .eof {
            let before = position
            push(parseTypeOrExpression())
            if kind == .ellipsis {
                flags = NodeFlags.hasEllipsis
                advance()
            }
            if kind != .comma {
                if position == before { advance() }
                break
            }
            advance()
        }
        expressionLevel -= 1
        let endOffset = expectClosing(.rightParen, context: "argument list")
        return finish(.callExpr, flags: flags, start: startOffset, end: endOffset, mark: callMark)
    }

    mutating func parseCompositeLiteral(type: NodeID, start startOffset: Int32) -> NodeID {
        guard enter() else { return leaf(.badExpr, start: token.start, end: token.start) }
        defer { leave() }
        advance()
        expressionLevel += 1
        let literalMark = mark
        push(type)
        while kind != .rightBrace && kind != .eof {
            let before = position
            push(parseElement())
            if kind != .comma {
                if position == before { advance() }
                break
            }
            advance()
        }
        expressionLevel -= 1
        let endOffset = expectClosing(.rightBrace, context: "composite literal")
        return finish(.compositeLit, start: startOffset, end: endOffset, mark: literalMark)
    }

    mutating func parseElement() -> NodeID {
        let startOffset = token.start
        let key = parseElementValue()
        guard kind == .colon else { return key }
        advance()
        let pairMark = mark
        push(key)
        push(parseElementValue())
        return finish(.keyValueExpr, start: startOffset, end: previousEnd, mark: pairMark)
    }

    /// An element or key: an expression, or a literal value with its type elided (`{1, 2}`).
    mutating func parseElementValue() -> NodeID {
        if kind == .leftBrace {
            return parseCompositeLiteral(type: .none, start: token.start)
        }
        return parseExpression()
    }
}
