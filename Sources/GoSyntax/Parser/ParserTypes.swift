import LintCore

extension Parser {
    mutating func parseType() -> NodeID {
        guard enter() else { return leaf(.badExpr, start: token.start, end: token.start) }
        defer { leave() }
        switch kind {
        case .identifier:
            return parseTypeName()
        case .leftBracket:
            return parseArrayOrSliceType()
        case .kwStruct:
            return parseStructType()
        case .mul:
            let startOffset = token.start
            advance()
            let typeMark = mark
            push(parseType())
            return finish(.starExpr, start: startOffset, end: previousEnd, mark: typeMark)
        case .kwFunc:
            let startOffset = token.start
            advance()
            return parseFunctionType(start: startOffset)
        case .kwInterface:
            return parseInterfaceType()
        case .kwMap:
            return parseMapType()
        case .kwChan, .arrow:
            return parseChannelType()
        case .leftParen:
            let startOffset = token.start
            advance()
            let typeMark = mark
            push(parseType())
            let endOffset = expect(.rightParen)
            return finish(.parenExpr, start: startOffset, end: endOffset, mark: typeMark)
        default:
            errorExpected("type")
            return leaf(.badExpr, start: token.start, end: token.start)
        }
    }

    /// `T`, `pkg.T`, either followed by type arguments `[A, B]`.
    mutating func parseTypeName() -> NodeID {
        let startOffset = token.start
        var name = parseIdentifier()
        if kind == .period {
            advance()
            let selectorMark = mark
            push(name)
            push(parseIdentifier())
            name = finish(.selectorExpr, start: startOffset, end: previousEnd, mark: selectorMark)
        }
        if kind == .leftBracket {
            name = parseTypeArguments(name, start: startOffset)
        }
        return name
    }

    mutating func parseTypeArguments(_ base: NodeID, start startOffset: Int32) -> NodeID {
        advance()
        expressionLevel += 1
        let indexMark = mark
        push(base)
        while kind != .rightBracket && kind != .eof {
            push(parseType())
            if kind != .comma { break }
            advance()
        }
        expressionLevel -= 1
        let endOffset = expectClosing(.rightBracket, context: "type argument list")
        return finish(.indexExpr, start: startOffset, end: endOffset, mark: indexMark)
    }

    mutating func parseArrayOrSliceType() -> NodeID {
        let startOffset = token.start
        advance()
        let typeMark = mark
        if kind == .rightBracket {
            advance()
            push(parseType())
            return finish(.sliceType, start: startOffset, end: previousEnd, mark: typeMark)
        }
        expressionLevel += 1
        if kind == .ellipsis {
            push(leaf(.ellipsis, start: token.start, end: token.end))
            advance()
        } else {
            push(parseExpression())
        }
        expressionLevel -= 1
        expect(.rightBracket)
        push(parseType())
        return finish(.arrayType, start: startOffset, end: previousEnd, mark: typeMark)
    }

    mutating func parseStructType() -> NodeID {
        let startOffset = token.start
        advance()
        let typeMark = mark
        let listStart = token.start
        expect(.leftBrace)
        let listMark = mark
        while kind != .rightBrace && kind != .eof {
            let before = position
            if kind == .semicolon {
                advance()
                continue
            }
            push(parseStructField())
            if kind != .rightBrace { expectSemicolon() }
            if position == before { advance() }
        }
        let endOffset = expect(.rightBrace)
        push(finish(.fieldList, start: listStart, end: endOffset, mark: listMark))
        return finish(.structType, start: startOffset, end: endOffset, mark: typeMark)
    }

    mutating func parseStructField() -> NodeID {
        let fieldMark = mark
        let startOffset = token.start
        if kind == .identifier {
            switch peek() {
            case .period, .string, .semicolon, .rightBrace:
                // An embedded type: `T`, `pkg.T`, `T "tag"`.
                push(emptyList())
                push(parseTypeName())
            case .leftBracket:
                if let embedded = tryEmbeddedInstantiation() {
                    push(emptyList())
                    push(embedded)
                } else {
                    push(parseIdentifierList())
                    push(parseType())
                }
            default:
                push(parseIdentifierList())
                push(parseType())
            }
        } else if kind == .mul {
            push(emptyList())
            push(parseType())
        } else if kind == .leftParen {
            errorExpected("field name or embedded type")
            push(emptyList())
            push(parseType())
        } else {
            errorExpected("field name or embedded type")
            push(emptyList())
            push(leaf(.badExpr, start: token.start, end: token.start))
            skipToStatementEnd()
        }
        if kind == .string {
            push(leaf(.basicLit, op: .string, start: token.start, end: token.end))
            advance()
        } else {
            push(.none)
        }
        return finish(.field, start: startOffset, end: previousEnd, mark: fieldMark)
    }

    /// At `Name [`: a generic type used as an embedded field or an unnamed parameter
    /// (`List[T]`) rather than a name followed by an array type (`a [2]int`). Decided by what
    /// follows the matching `]`, found by counting brackets over the tokens — not by parsing twice,
    /// which nested brackets would make exponential. Returns the type, or nil with nothing consumed.
    mutating func tryEmbeddedInstantiation() -> NodeID? {
        if peek(2) == .rightBracket || peek(2) == .ellipsis { return nil }
        var index = position + 1
        var depth = 0
        scan: while index < tokens.count {
            switch tokens[index].kind {
            case .leftBracket, .leftParen, .leftBrace:
                depth += 1
            case .rightBracket, .rightParen, .rightBrace:
                depth -= 1
                if depth == 0 { break scan }
                if depth < 0 { return nil }
            case .eof:
                return nil
            default:
                break
            }
            index += 1
        }
        guard tokens[index].kind == .rightBracket, index + 1 < tokens.count else { return nil }
        switch tokens[index + 1].kind {
        case .comma, .rightParen, .semicolon, .rightBrace, .string, .eof:
            let startOffset = token.start
            return parseTypeArguments(parseIdentifier(), start: startOffset)
        default:
            return nil
        }
    }

    mutating func emptyList() -> NodeID {
        leaf(.list, start: token.start, end: token.start)
    }

    /// After `func`: type parameters are not allowed here, but signatures are.
    mutating func parseFunctionType(start startOffset: Int32) -> NodeID {
        let typeMark = mark
        push(.none)
        parseSignatureInto()
        return finish(.funcType, start: startOffset, end: previousEnd, mark: typeMark)
    }

    mutating func parseInterfaceType() -> NodeID {
        let startOffset = token.start
        advance()
        let typeMark = mark
        expect(.leftBrace)
        while kind != .rightBrace && kind != .eof {
            let before = position
            if kind == .semicolon {
                advance()
                continue
            }
            if kind == .identifier && peek() == .leftParen {
                let fieldMark = mark
                let fieldStart = token.start
                let namesMark = mark
                push(parseIdentifier())
                push(finish(.list, start: fieldStart, end: previousEnd, mark: namesMark))
                let signatureMark = mark
                let signatureStart = token.start
                push(.none)
                parseSignatureInto()
                push(finish(.funcType, start: signatureStart, end: previousEnd, mark: signatureMark))
                push(.none)
                push(finish(.field, start: fieldStart, end: previousEnd, mark: fieldMark))
            } else {
                push(parseConstraint())
            }
            if kind != .rightBrace { expectSemicolon() }
            if position == before { advance() }
        }
        let endOffset = expect(.rightBrace)
        return finish(.interfaceType, start: startOffset, end: endOffset, mark: typeMark)
    }

    /// A type constraint element: `~int | ~string | fmt.Stringer`.
    mutating func parseConstraint() -> NodeID {
        let startOffset = token.start
        var left = parseConstraintTerm()
        while kind == .or {
            advance()
            let unionMark = mark
            push(left)
            push(parseConstraintTerm())
            left = finish(.binaryExpr, op: .or, start: startOffset, end: previousEnd, mark: unionMark)
        }
        return left
    }

    mutating func parseConstraintTerm() -> NodeID {
        if kind == .tilde {
            let startOffset = token.start
            advance()
            let termMark = mark
            push(parseType())
            return finish(.unaryExpr, op: .tilde, start: startOffset, end: previousEnd, mark: termMark)
        }
        return parseType()
    }

    mutating func parseMapType() -> NodeID {
        let startOffset = token.start
        advance()
        let typeMark = mark
        expect(.leftBracket)
        push(parseType())
        expect(.rightBracket)
        push(parseType())
        return finish(.mapType, start: startOffset, end: previousEnd, mark: typeMark)
    }

    mutating func parseChannelType() -> NodeID {
        let startOffset = token.start
        var flags: UInt16 = 0
        if kind == .arrow {
            advance()
            expect(.kwChan)
            flags = NodeFlags.chanReceiveOnly
        } else {
            advance()
            if kind == .arrow {
                advance()
                flags = NodeFlags.chanSendOnly
            }
        }
        let typeMark = mark
        push(parseType())
        return finish(.chanType, flags: flags, start: startOffset, end: previousEnd, mark: typeMark)
    }

    // MARK: Parameters

    mutating func parseTypeParameters() -> NodeID {
        let startOffset = token.start
        advance()
        let listMark = mark
        expressionLevel += 1
        while kind != .rightBracket && kind != .eof {
            let before = position
            let fieldMark = mark
            let fieldStart = token.start
            push(parseIdentifierList())
            push(parseConstraint())
            push(.none)
            push(finish(.field, start: fieldStart, end: previousEnd, mark: fieldMark))
            if kind != .comma {
                if position == before { advance() }
                break
            }
            advance()
        }
        expressionLevel -= 1
        let endOffset = expectClosing(.rightBracket, context: "type parameter list")
        return finish(.fieldList, start: startOffset, end: endOffset, mark: listMark)
    }

    /// `(a, b int, c ...string)` or `(int, error)`: entries are parsed first, then grouped,
    /// since only a later entry tells whether a lone identifier is a name or a type.
    mutating func parseParameters(context: String) -> NodeID {
        let startOffset = token.start
        advance()
        expressionLevel += 1
        var entries: [(name: NodeID, type: NodeID)] = []
        while kind != .rightParen && kind != .eof {
            let before = position
            entries.append(parseParameterEntry())
            if kind != .comma {
                if position == before { advance() }
                break
            }
            advance()
        }
        expressionLevel -= 1
        let endOffset = expectClosing(.rightParen, context: context)

        let listMark = mark
        let named = entries.contains { $0.name.exists && $0.type.exists }
        if named {
            var pendingNames: [NodeID] = []
            for entry in entries {
                if entry.name.exists && entry.type.isNone {
                    pendingNames.append(entry.name)
                    continue
                }
                if entry.name.isNone {
                    error(at: start(of: entry.type), "mixed named and unnamed parameters")
                }
                let names = pendingNames + (entry.name.exists ? [entry.name] : [])
                pendingNames.removeAll()
                let fieldStart = names.first.map { start(of: $0) } ?? start(of: entry.type)
                let fieldMark = mark
                let namesMark = mark
                for name in names { push(name) }
                push(finish(.list, start: fieldStart, end: names.last.map { end(of: $0) } ?? fieldStart, mark: namesMark))
                push(entry.type)
                push(.none)
                push(finish(.field, start: fieldStart, end: end(of: entry.type), mark: fieldMark))
            }
            if let dangling = pendingNames.first {
                error(at: start(of: dangling), "missing parameter type")
            }
        } else {
            for entry in entries {
                let type = entry.type.exists ? entry.type : entry.name
                let fieldMark = mark
                push(leaf(.list, start: start(of: type), end: start(of: type)))
                push(type)
                push(.none)
                push(finish(.field, start: start(of: type), end: end(of: type), mark: fieldMark))
            }
        }
        return finish(.fieldList, start: startOffset, end: endOffset, mark: listMark)
    }

    /// One comma-separated entry: a name with a type, a lone identifier, or a lone type.
    mutating func parseParameterEntry() -> (name: NodeID, type: NodeID) {
        if kind == .identifier {
            switch peek() {
            case .comma, .rightParen:
                return (parseIdentifier(), .none)
            case .period:
                return (.none, parseTypeName())
            case .leftBracket:
                if let instantiated = tryEmbeddedInstantiation() { return (.none, instantiated) }
                let name = parseIdentifier()
                return (name, parseType())
            case .ellipsis:
                let name = parseIdentifier()
                return (name, parseVariadicType())
            default:
                let name = parseIdentifier()
                return (name, parseType())
            }
        }
        if kind == .ellipsis {
            return (.none, parseVariadicType())
        }
        return (.none, parseType())
    }

    mutating func parseVariadicType() -> NodeID {
        let startOffset = token.start
        advance()
        let typeMark = mark
        push(parseType())
        return finish(.ellipsis, start: startOffset, end: previousEnd, mark: typeMark)
    }
}
