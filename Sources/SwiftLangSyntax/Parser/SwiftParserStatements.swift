import LintCore

extension SwiftTreeParser {
    mutating func parseStatement() -> SwiftNode {
        switch kind {
        case .kwIf: return parseIf()
        case .kwGuard: return parseGuard()
        case .kwWhile: return parseWhile()
        case .kwRepeat: return parseRepeat()
        case .kwFor: return parseFor()
        case .kwSwitch: return parseSwitch()
        case .kwDo: return parseDo()
        case .kwDefer:
            let start = current.start
            advance()
            let mark = scratch.count
            scratch.append(parseBlock(.statements))
            return finish(.deferStmt, from: start, mark: mark)
        case .kwReturn:
            let start = current.start
            advance()
            let mark = scratch.count
            scratch.append(startsValueOnSameLine() ? parseExpression() : .none)
            return finish(.returnStmt, from: start, mark: mark)
        case .kwThrow:
            let start = current.start
            advance()
            let mark = scratch.count
            scratch.append(parseExpression())
            return finish(.throwStmt, from: start, mark: mark)
        case .kwBreak, .kwContinue, .kwFallthrough:
            let start = current.start
            let keyword = kind
            advance()
            let mark = scratch.count
            if kind == .identifier && !current.isAtLineStart { scratch.append(leaf(.identifier)) }
            return finish(.jumpStmt, from: start, mark: mark, op: keyword)
        case .identifier where peek().kind == .colon && isLabelable(peek(2).kind):
            let start = current.start
            let mark = scratch.count
            scratch.append(leaf(.identifier))
            advance()
            scratch.append(parseStatement())
            return finish(.labeledStmt, from: start, mark: mark)
        default:
            return parseExpression()
        }
    }

    private func isLabelable(_ kind: SwiftTokenKind) -> Bool {
        switch kind {
        case .kwWhile, .kwRepeat, .kwFor, .kwDo, .kwIf, .kwSwitch, .kwGuard: return true
        default: return false
        }
    }

    /// Whether a value follows `return` on its line (not a `}`, `;` or the next case label).
    private func startsValueOnSameLine() -> Bool {
        guard !current.isAtLineStart else { return false }
        switch kind {
        case .eof, .rightBrace, .semicolon, .kwCase, .kwDefault: return false
        default: return true
        }
    }

    /// Runs `body` with trailing closures off, as in the header of a control statement.
    mutating func inHeader<T>(_ body: (inout SwiftTreeParser) -> T) -> T {
        let saved = trailingClosuresAllowed
        trailingClosuresAllowed = false
        defer { trailingClosuresAllowed = saved }
        return body(&self)
    }

    /// `a, let b = c, var d, case .e(let f) = g, #available(...)`.
    mutating func parseConditionList() -> SwiftNode {
        let start = current.start
        let mark = scratch.count
        inHeader { parser in
            repeat {
                let condition = parser.parseCondition()
                parser.scratch.append(condition)
            } while parser.consume(.comma)
        }
        return finish(.conditionList, from: start, mark: mark)
    }

    private mutating func parseCondition() -> SwiftNode {
        let start = current.start
        switch kind {
        case .kwLet, .kwVar:
            let keyword = kind
            advance()
            let mark = scratch.count
            scratch.append(parsePostfixExpression())
            scratch.append(consume(.colon) ? parseType() : .none)
            scratch.append(consume(.assign) ? parseExpression() : .none)
            return finish(.optionalBinding, from: start, mark: mark, op: keyword)
        case .kwCase:
            advance()
            let mark = scratch.count
            scratch.append(parseExpression(allowAssignment: false))
            scratch.append(consume(.assign) ? parseExpression() : missing(.unmodeled))
            return finish(.caseCondition, from: start, mark: mark)
        default:
            return parseExpression()
        }
    }

    private mutating func parseIf() -> SwiftNode {
        let start = current.start
        advance()
        let mark = scratch.count
        scratch.append(parseConditionList())
        scratch.append(parseBlock(.statements))
        if consume(.kwElse) {
            scratch.append(kind == .kwIf ? parseIf() : parseBlock(.statements))
        }
        return finish(.ifStmt, from: start, mark: mark)
    }

    private mutating func parseGuard() -> SwiftNode {
        let start = current.start
        advance()
        let mark = scratch.count
        scratch.append(parseConditionList())
        _ = consume(.kwElse)
        scratch.append(parseBlock(.statements))
        return finish(.guardStmt, from: start, mark: mark)
    }

    private mutating func parseWhile() -> SwiftNode {
        let start = current.start
        advance()
        let mark = scratch.count
        scratch.append(parseConditionList())
        scratch.append(parseBlock(.statements))
        return finish(.whileStmt, from: start, mark: mark)
    }

    private mutating func parseRepeat() -> SwiftNode {
        let start = current.start
        advance()
        let mark = scratch.count
        scratch.append(parseBlock(.statements))
        if consume(.kwWhile) {
            scratch.append(inHeader { $0.parseExpression() })
        } else {
            scratch.append(missing(.unmodeled))
        }
        return finish(.repeatStmt, from: start, mark: mark)
    }

    /// `for try await case let pattern: T in sequence where condition { }`.
    private mutating func parseFor() -> SwiftNode {
        let start = current.start
        advance()
        var flags: UInt16 = 0
        if consume(.kwTry) { flags |= SwiftNodeFlags.isTry }
        if consume(.kwAwait) { flags |= SwiftNodeFlags.isAwait }
        _ = consume(.kwCase)
        let mark = scratch.count
        inHeader { parser in
            parser.scratch.append(parser.parseExpression(allowAssignment: false))
            if parser.consume(.colon) { _ = parser.parseType() }
            _ = parser.consume(.kwIn)
            parser.scratch.append(parser.parseExpression())
            parser.scratch.append(parser.consume(.kwWhere) ? parser.parseExpression() : .none)
        }
        scratch.append(parseBlock(.statements))
        return finish(.forInStmt, from: start, mark: mark, flags: flags)
    }

    private mutating func parseSwitch() -> SwiftNode {
        let start = current.start
        advance()
        let mark = scratch.count
        scratch.append(inHeader { $0.parseExpression() })
        guard kind == .leftBrace, enter() else {
            return finish(.switchStmt, from: start, mark: mark)
        }
        defer { leave() }
        advance()
        while !atEnd && kind != .rightBrace {
            if kind == .pound && isDirective(current) {
                skipDirective()
            } else if kind == .kwCase || kind == .kwDefault || kind == .atSign {
                scratch.append(parseSwitchCase())
            } else {
                scratch.append(skipUnmodeled("switch body"))
            }
        }
        _ = consume(.rightBrace)
        return finish(.switchStmt, from: start, mark: mark)
    }

    private mutating func parseSwitchCase() -> SwiftNode {
        let start = current.start
        while kind == .atSign { skipAttribute() }
        let mark = scratch.count
        let patternsStart = current.start
        let patternsMark = scratch.count
        if consume(.kwCase) {
            inHeader { parser in
                repeat {
                    parser.scratch.append(parser.parseExpression(allowAssignment: false))
                    if parser.consume(.kwWhere) { _ = parser.parseExpression() }
                } while parser.consume(.comma)
            }
        } else {
            _ = consume(.kwDefault)
        }
        scratch.append(finish(.patternList, from: patternsStart, mark: patternsMark))
        _ = consume(.colon)
        parseItems(.switchCase, into: mark + 1)
        return finish(.switchCase, from: start, mark: mark)
    }

    private mutating func parseDo() -> SwiftNode {
        let start = current.start
        advance()
        if at("throws") {
            advance()
            if kind == .leftParen { skipBalancedUnit() }
        }
        let mark = scratch.count
        scratch.append(parseBlock(.statements))
        while kind == .kwCatch {
            let catchStart = current.start
            advance()
            let catchMark = scratch.count
            let patternsStart = current.start
            let patternsMark = scratch.count
            inHeader { parser in
                while parser.kind != .leftBrace && !parser.atEnd && parser.kind != .rightBrace {
                    let before = parser.index
                    parser.scratch.append(parser.parseExpression(allowAssignment: false))
                    if parser.consume(.kwWhere) { _ = parser.parseExpression() }
                    if !parser.consume(.comma) && parser.index == before { break }
                }
            }
            scratch.append(finish(.patternList, from: patternsStart, mark: patternsMark))
            scratch.append(parseBlock(.statements))
            scratch.append(finish(.catchClause, from: catchStart, mark: catchMark))
        }
        return finish(.doStmt, from: start, mark: mark)
    }
}
