import LintCore

extension SwiftTreeParser {
    /// A binary-operator sequence, folded left to right without precedence (the rules only need
    /// to know what is inside what), then `=` (right-associative) and `c ? a : b`.
    mutating func parseExpression(allowAssignment: Bool = true) -> SwiftNode {
        guard enter() else { return skipUnmodeled("nesting too deep") }
        defer { leave() }
        let start = current.start
        var result = parseUnary()
        while true {
            let token = current
            switch token.kind {
            case .assign where allowAssignment:
                advance()
                let mark = scratch.count
                scratch.append(result)
                scratch.append(parseExpression())
                return finish(.assignment, from: start, mark: mark)
            case .operatorToken where token.isLeftBound == token.isRightBound:
                let mark = scratch.count
                scratch.append(result)
                if tokenIs(token, "?") {
                    advance()
                    scratch.append(parseExpression(allowAssignment: false))
                    _ = consume(.colon)
                    scratch.append(parseExpression(allowAssignment: false))
                    result = finish(.ternary, from: start, mark: mark)
                } else {
                    scratch.append(leaf(.operatorReference))
                    scratch.append(parseUnary())
                    result = finish(.binaryExpr, from: start, mark: mark)
                }
            case .arrow:
                // A function type written as an expression, `(Int) -> Void`.
                let mark = scratch.count
                scratch.append(result)
                scratch.append(leaf(.operatorReference))
                scratch.append(parseType())
                result = finish(.binaryExpr, from: start, mark: mark)
            case .kwAs, .kwIs:
                let mark = scratch.count
                scratch.append(result)
                result = parseCast(from: start, mark: mark)
            default:
                return result
            }
        }
    }

    /// `as T`, `as? T`, `as! T`, `is T`; the operand (if any) is already in `scratch` above `mark`.
    private mutating func parseCast(from start: Int32, mark: Int) -> SwiftNode {
        let keyword = kind
        advance()
        let flags = consumeQuestionOrBang(question: SwiftNodeFlags.isConditionalCast, bang: SwiftNodeFlags.isForcedCast)
        scratch.append(parseType())
        return finish(.cast, from: start, mark: mark, op: keyword, flags: flags)
    }

    /// The `?` or `!` glued to `try` or `as`: consumed, and the flag it stands for returned.
    private mutating func consumeQuestionOrBang(question: UInt16, bang: UInt16) -> UInt16 {
        if isPostfixMark(current, UInt8(ascii: "?")) {
            advance()
            return question
        }
        if isPostfixMark(current, UInt8(ascii: "!")) {
            advance()
            return bang
        }
        return 0
    }

    mutating func parseUnary() -> SwiftNode {
        let start = current.start
        switch kind {
        case .kwTry:
            advance()
            let flags = consumeQuestionOrBang(question: SwiftNodeFlags.isOptionalTry, bang: SwiftNodeFlags.isForcedTry)
            let mark = scratch.count
            scratch.append(parseExpression(allowAssignment: false))
            return finish(.tryExpr, from: start, mark: mark, op: .kwTry, flags: flags)
        case .kwAwait:
            advance()
            let mark = scratch.count
            scratch.append(parseExpression(allowAssignment: false))
            return finish(.awaitExpr, from: start, mark: mark)
        case .operatorToken:
            switch peek().kind {
            case .rightParen, .comma, .rightBracket, .colon, .eof:
                return leaf(.operatorReference)
            default:
                break
            }
            guard enter() else { return skipUnmodeled("nesting too deep") }
            defer { leave() }
            advance()
            let mark = scratch.count
            scratch.append(parseUnary())
            return finish(.prefixOperator, from: start, mark: mark)
        case .kwLet, .kwVar:
            let keyword = kind
            advance()
            let mark = scratch.count
            scratch.append(parseUnary())
            return finish(.bindingPattern, from: start, mark: mark, op: keyword)
        case .kwIs:
            let mark = scratch.count
            scratch.append(.none)
            return parseCast(from: start, mark: mark)
        case .kwRepeat where !peek().isAtLineStart:
            // `repeat each x`: a pack expansion.
            advance()
            let mark = scratch.count
            scratch.append(parseUnary())
            return finish(.prefixOperator, from: start, mark: mark)
        case .identifier where startsContextualPrefix():
            if at("any") || at("some") {
                // `(any Error).self`, `[any P]()`: a type where an expression goes.
                return parseType()
            }
            // `consume x`, `copy x`, `discard self`: ownership operators, modeled as prefix operators.
            advance()
            let mark = scratch.count
            scratch.append(parseUnary())
            return finish(.prefixOperator, from: start, mark: mark)
        default:
            return parsePostfixExpression()
        }
    }

    /// `consume`, `copy`, `discard`, `each`, `unsafe`, `any`, `some` used as operators: followed, on the same line,
    /// by a name (otherwise they are names themselves, as in `copy = x` or `any(...)`).
    private func startsContextualPrefix() -> Bool {
        guard at("consume") || at("copy") || at("discard") || at("any") || at("some") || at("each")
                || at("unsafe") else { return false }
        let next = peek()
        return next.kind == .identifier && !next.isAtLineStart && !current.isRightBound
    }

    mutating func parsePostfixExpression() -> SwiftNode {
        let start = current.start
        var result = parsePrimary()
        while true {
            let token = current
            switch token.kind {
            case .period:
                advance()
                let mark = scratch.count
                scratch.append(result)
                scratch.append(parseMemberName())
                result = finish(.memberAccess, from: start, mark: mark)
                result = parseSpecializationIfAny(result, from: start)
            case .leftParen where !token.isAtLineStart:
                let mark = scratch.count
                scratch.append(result)
                parseArguments(close: .rightParen)
                let trailing = parseTrailingClosures()
                result = finish(.call, from: start, mark: mark, flags: trailing ? SwiftNodeFlags.hasTrailingClosure : 0)
            case .leftBracket where !token.isAtLineStart:
                let mark = scratch.count
                scratch.append(result)
                parseArguments(close: .rightBracket)
                result = finish(.subscriptCall, from: start, mark: mark)
            case .leftBrace where startsTrailingClosure():
                let mark = scratch.count
                scratch.append(result)
                _ = parseTrailingClosures()
                result = finish(.call, from: start, mark: mark, flags: SwiftNodeFlags.hasTrailingClosure)
            case .operatorToken where token.isLeftBound:
                let postfixKind: SwiftNodeKind
                if isPostfixMark(token, UInt8(ascii: "?")) {
                    postfixKind = .optionalChain
                } else if isPostfixMark(token, UInt8(ascii: "!")) {
                    postfixKind = .forceUnwrap
                } else if !token.isRightBound {
                    postfixKind = .postfixOperator
                } else {
                    return result
                }
                advance()
                let mark = scratch.count
                scratch.append(result)
                result = finish(postfixKind, from: start, mark: mark)
            default:
                return result
            }
        }
    }

    /// The name after `.`: any identifier or keyword, a tuple index, `init`, `self`.
    private mutating func parseMemberName() -> SwiftNode {
        switch kind {
        case .identifier, .integerLiteral:
            return leaf(.identifier)
        case let other where other.isKeyword:
            return leaf(.identifier)
        case .floatLiteral:
            // `x.0.1` when lexed as one literal.
            return leaf(.identifier)
        default:
            return missing(.identifier)
        }
    }

    /// A `{` after an expression is a trailing closure, except in a control statement's header
    /// and in `var x = value { didSet { } }`.
    func startsTrailingClosure() -> Bool {
        guard trailingClosuresAllowed && kind == .leftBrace else { return false }
        var position = index + 1
        while tokens[min(position, tokens.count - 1)].kind == .atSign { position = afterAttribute(at: position) }
        let name = tokens[min(position, tokens.count - 1)]
        guard tokenIs(name, "willSet") || tokenIs(name, "didSet") else { return true }
        let next = tokens[min(position + 1, tokens.count - 1)].kind
        return next != .leftBrace && next != .leftParen
    }

    /// A trailing closure and any labeled ones after it (`} onCancel: {`), as arguments pushed to `scratch`.
    mutating func parseTrailingClosures() -> Bool {
        guard startsTrailingClosure() else { return false }
        var argumentStart = current.start
        var argumentMark = scratch.count
        scratch.append(.none)
        scratch.append(parseClosure())
        scratch.append(finish(.argument, from: argumentStart, mark: argumentMark))
        while kind == .identifier || (kind.isKeyword && kind != .kwCase && kind != .kwDefault),
              peek().kind == .colon, peek(2).kind == .leftBrace {
            argumentStart = current.start
            argumentMark = scratch.count
            scratch.append(leaf(.identifier))
            advance()
            scratch.append(parseClosure())
            scratch.append(finish(.argument, from: argumentStart, mark: argumentMark))
        }
        return true
    }

    /// `(a, label: b)` or `[a, b]`: arguments pushed to `scratch`; the current token is the opener.
    mutating func parseArguments(close: SwiftTokenKind) {
        guard enter() else {
            scratch.append(skipUnmodeled("nesting too deep"))
            return
        }
        defer { leave() }
        advance()
        let saved = trailingClosuresAllowed
        trailingClosuresAllowed = true
        defer { trailingClosuresAllowed = saved }
        while !atEnd && kind != close {
            let before = index
            let start = current.start
            let mark = scratch.count
            var labeled = false
            if (kind == .identifier || kind.isKeyword) && peek().kind == .colon {
                scratch.append(leaf(.identifier))
                advance()
                labeled = true
            } else {
                scratch.append(.none)
            }
            if labeled && (kind == close || kind == .comma || (kind == .identifier && peek().kind == .colon)) {
                // `#selector(f(x:y:))`: labels without values.
                scratch.append(.none)
            } else {
                scratch.append(parseExpression())
            }
            scratch.append(finish(.argument, from: start, mark: mark))
            if consume(.comma) || kind == close { continue }
            if kind == .rightBrace || kind == .rightParen || kind == .rightBracket { break }
            if startsDeclarationOnNewLine() { break }
            if index == before || !labeled {
                scratch.append(skipUnmodeled("argument"))
            }
        }
        _ = consume(close)
    }

    mutating func parsePrimary() -> SwiftNode {
        let start = current.start
        switch kind {
        case .identifier, .kwInit:
            let name = leaf(.identifier)
            return parseSpecializationIfAny(name, from: start)
        case .integerLiteral, .floatLiteral, .stringLiteral, .regexLiteral, .kwTrue, .kwFalse, .kwNil:
            return leaf(.literal, op: kind)
        case .leftParen:
            let mark = scratch.count
            parseArguments(close: .rightParen)
            return finish(.tuple, from: start, mark: mark)
        case .leftBracket:
            return parseCollectionLiteral()
        case .leftBrace:
            return parseClosure()
        case .period:
            advance()
            let mark = scratch.count
            scratch.append(.none)
            scratch.append(parseMemberName())
            return finish(.memberAccess, from: start, mark: mark)
        case .backslash:
            return parseKeyPath()
        case .pound:
            return parseMacroExpansion()
        case .kwIf, .kwSwitch, .kwDo:
            let mark = scratch.count
            scratch.append(parseStatement())
            return finish(.statementExpression, from: start, mark: mark)
        case .atSign:
            skipAttribute()
            return parsePrimary()
        case .operatorToken, .assign:
            return leaf(.operatorReference)
        default:
            return missing(.unmodeled)
        }
    }

    private mutating func parseCollectionLiteral() -> SwiftNode {
        let start = current.start
        guard enter() else { return skipUnmodeled("nesting too deep") }
        defer { leave() }
        advance()
        let saved = trailingClosuresAllowed
        trailingClosuresAllowed = true
        defer { trailingClosuresAllowed = saved }
        let mark = scratch.count
        var isDictionary = false
        if kind == .colon && peek().kind == .rightBracket {
            advance()
            isDictionary = true
        }
        while !atEnd && kind != .rightBracket {
            let before = index
            scratch.append(parseExpression())
            if consume(.colon) {
                isDictionary = true
                scratch.append(parseExpression())
            }
            if consume(.comma) || kind == .rightBracket { continue }
            if kind == .rightBrace || kind == .rightParen { break }
            if index == before { scratch.append(skipUnmodeled("collection element")) }
        }
        _ = consume(.rightBracket)
        return finish(isDictionary ? .dictionaryLiteral : .arrayLiteral, from: start, mark: mark)
    }

    /// `\Type.member?.path[index]`, `\.member`: kept as a leaf.
    private mutating func parseKeyPath() -> SwiftNode {
        let start = current.start
        advance()
        var first = true
        while !atEnd && (first || current.isLeftBound) {
            switch kind {
            case .identifier, .period, .integerLiteral, .floatLiteral:
                advance()
            case let other where other.isKeyword && !first:
                advance()
            case .operatorToken where firstByte(current) == UInt8(ascii: "?") || firstByte(current) == UInt8(ascii: "!"):
                advance()
            case .leftBracket:
                skipBalancedUnit()
            case .operatorToken where firstByte(current) == UInt8(ascii: "<"):
                skipGenericArguments()
            default:
                return finish(.keyPath, from: start, mark: scratch.count)
            }
            first = false
        }
        return finish(.keyPath, from: start, mark: scratch.count)
    }

    /// `#name`, `#name(arguments)`, `#name { }`.
    private mutating func parseMacroExpansion() -> SwiftNode {
        let start = current.start
        let mark = scratch.count
        let isAvailability = tokenIs(current, "#available") || tokenIs(current, "#unavailable")
        scratch.append(leaf(.identifier))
        if isAvailability && kind == .leftParen {
            // `#available(macOS 10.15, *)`: platform versions, not expressions.
            skipBalancedUnit()
            return finish(.macroExpansion, from: start, mark: mark)
        }
        if kind == .operatorToken && current.isLeftBound && firstByte(current) == UInt8(ascii: "<") {
            skipGenericArguments()
        }
        if kind == .leftParen && current.isLeftBound {
            parseArguments(close: .rightParen)
        }
        _ = parseTrailingClosures()
        return finish(.macroExpansion, from: start, mark: mark)
    }

    // MARK: Closures

    mutating func parseClosure() -> SwiftNode {
        guard enter() else { return skipUnmodeled("nesting too deep") }
        defer { leave() }
        let start = current.start
        advance()
        let saved = trailingClosuresAllowed
        trailingClosuresAllowed = true
        defer { trailingClosuresAllowed = saved }
        let mark = scratch.count
        var flags: UInt16 = 0
        if let keywordIn = closureSignatureEnd() {
            flags |= SwiftNodeFlags.hasSignature
            while kind == .atSign { skipAttribute() }
            scratch.append(kind == .leftBracket ? parseCaptureList() : .none)
            if kind == .leftParen {
                scratch.append(parseParameterList())
            } else if kind == .identifier {
                scratch.append(parseShorthandParameters())
            } else {
                scratch.append(.none)
            }
            flags |= parseEffects()
            if consume(.arrow) { _ = parseType() }
            if index < keywordIn {
                let skippedStart = current.start
                index = keywordIn
                markUnmodeled(from: skippedStart, "closure signature")
            }
            advance()
        } else {
            scratch.append(.none)
            scratch.append(.none)
        }
        let bodyStart = current.start
        let bodyMark = scratch.count
        parseItems(.statements, into: bodyMark)
        scratch.append(finish(.codeBlock, from: bodyStart, mark: bodyMark))
        _ = consume(.rightBrace)
        return finish(.closure, from: start, mark: mark, flags: flags)
    }

    /// The index of the `in` that ends a closure's signature, when the closure has one: the
    /// tokens before it must all be ones a signature can hold (capture list and parameter
    /// parentheses are skipped whole).
    func closureSignatureEnd() -> Int? {
        var position = index
        var open = 0
        for _ in 0..<512 {
            guard position < tokens.count else { return nil }
            let token = tokens[position]
            switch token.kind {
            case .kwIn where open == 0:
                return position
            case .leftParen, .leftBracket:
                open += 1
            case .rightParen, .rightBracket:
                open -= 1
                if open < 0 { return nil }
            case .leftBrace, .rightBrace, .eof, .semicolon:
                return nil
            case .identifier, .comma, .colon, .arrow, .period, .atSign, .operatorToken, .kwInout:
                break
            default:
                if open == 0 { return nil }
            }
            position += 1
        }
        return nil
    }

    /// `[weak self, unowned x, y = expression]`.
    private mutating func parseCaptureList() -> SwiftNode {
        let start = current.start
        advance()
        let mark = scratch.count
        while !atEnd && kind != .rightBracket {
            let before = index
            let itemStart = current.start
            var flags: UInt16 = 0
            if at("weak") && peek().kind == .identifier {
                flags = SwiftNodeFlags.isWeak
                advance()
            } else if at("unowned") && (peek().kind == .identifier || peek().kind == .leftParen) {
                flags = SwiftNodeFlags.isUnowned
                advance()
                if kind == .leftParen { skipBalancedUnit() }
            }
            let itemMark = scratch.count
            scratch.append(kind == .identifier ? leaf(.identifier) : missing(.identifier))
            scratch.append(consume(.assign) ? parseExpression() : .none)
            scratch.append(finish(.captureItem, from: itemStart, mark: itemMark, flags: flags))
            if !consume(.comma) && kind != .rightBracket {
                if index == before { advance() }
                if kind == .kwIn || kind == .rightBrace { break }
            }
        }
        _ = consume(.rightBracket)
        return finish(.captureList, from: start, mark: mark)
    }

    /// `a, b in`: names without parentheses.
    private mutating func parseShorthandParameters() -> SwiftNode {
        let start = current.start
        let mark = scratch.count
        while kind == .identifier {
            let parameterStart = current.start
            let parameterMark = scratch.count
            scratch.append(leaf(.identifier))
            scratch.append(.none)
            scratch.append(.none)
            scratch.append(finish(.parameter, from: parameterStart, mark: parameterMark))
            if !consume(.comma) { break }
        }
        return finish(.parameterList, from: start, mark: mark)
    }

    // MARK: Generic arguments in expressions

    /// `Name<T>` when what follows `<` reads as generic arguments and the token after the
    /// closing `>` is one Swift accepts there; otherwise the node is returned as it is.
    mutating func parseSpecializationIfAny(_ base: SwiftNode, from start: Int32) -> SwiftNode {
        guard kind == .operatorToken, current.isLeftBound, tokenIs(current, "<"), genericArgumentsFollow() else {
            return base
        }
        let mark = scratch.count
        scratch.append(base)
        let typesStart = current.start
        skipGenericArguments()
        scratch.append(finish(.typeReference, from: typesStart, mark: scratch.count))
        return finish(.specialization, from: start, mark: mark)
    }

    private func genericArgumentsFollow() -> Bool {
        var position = index
        var angles = 0
        var open = 0
        for _ in 0..<128 {
            guard position < tokens.count - 1 else { return false }
            let token = tokens[position]
            switch token.kind {
            case .operatorToken:
                var offset = Int(token.start)
                while offset < Int(token.end) {
                    switch source.bytes[offset] {
                    case UInt8(ascii: "<"):
                        angles += 1
                    case UInt8(ascii: ">"):
                        angles -= 1
                        if angles == 0 && open == 0 {
                            return offset + 1 == Int(token.end) && disambiguatesGenerics(tokens[position + 1])
                        }
                    case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "."):
                        break
                    default:
                        if open == 0 { return false }
                    }
                    offset += 1
                }
            case .leftParen, .leftBracket:
                open += 1
            case .rightParen, .rightBracket:
                open -= 1
                if open < 0 { return false }
            case .identifier, .comma, .period, .colon, .arrow, .kwInout, .integerLiteral, .atSign, .kwProtocol:
                break
            default:
                return false
            }
            position += 1
        }
        return false
    }

    private func disambiguatesGenerics(_ next: SwiftToken) -> Bool {
        switch next.kind {
        case .rightParen, .rightBracket, .leftBrace, .rightBrace, .period, .comma, .semicolon, .colon, .eof:
            return true
        case .leftParen, .leftBracket:
            return !next.isAtLineStart
        case .operatorToken:
            return next.isLeftBound && (firstByte(next) == UInt8(ascii: "?") || firstByte(next) == UInt8(ascii: "!"))
                || tokenIs(next, "&")
        default:
            return next.isAtLineStart
        }
    }

    /// Skips `<...>` from the current token (which starts with `<`). A closing `>` glued to more
    /// operator characters (`>>`, `>?`, `>=`) splits the token, as Swift's parser does.
    mutating func skipGenericArguments() {
        var angles = 0
        for _ in 0..<4_096 {
            let token = current
            switch token.kind {
            case .operatorToken:
                var offset = token.start
                while offset < token.end {
                    let character = source.bytes[Int(offset)]
                    offset += 1
                    if character == UInt8(ascii: "<") {
                        angles += 1
                    } else if character == UInt8(ascii: ">") {
                        angles -= 1
                        if angles == 0 {
                            if offset < token.end {
                                splitToken(at: offset)
                            } else {
                                advance()
                            }
                            return
                        }
                    }
                }
                advance()
            case .leftParen, .leftBracket:
                skipBalancedUnit()
            case .leftBrace, .rightBrace, .rightParen, .rightBracket, .semicolon, .eof, .assign:
                return
            default:
                advance()
            }
        }
    }

    /// Keeps the rest of the current operator token, from `offset`, as the current token.
    mutating func splitToken(at offset: Int32) {
        var rest = tokens[index]
        rest.start = offset
        rest.flags = (rest.flags | SwiftToken.leftBound) & ~SwiftToken.newlineBefore
        if rest.end - rest.start == 1 && source.bytes[Int(offset)] == UInt8(ascii: "=") {
            rest.kind = .assign
        }
        tokens[index] = rest
    }

    // MARK: Types

    /// A type, kept as its span.
    mutating func parseType() -> SwiftNode {
        let start = current.start
        skipType()
        return finish(.typeReference, from: start, mark: scratch.count)
    }

    private mutating func skipType() {
        guard enter() else {
            skipBalancedUnit()
            return
        }
        defer { leave() }
        while true {
            if kind == .atSign {
                skipAttribute()
            } else if kind == .kwInout || kind == .kwRepeat || (kind == .identifier && isTypeSpecifier()) {
                advance()
            } else if kind == .operatorToken && tokenIs(current, "~") {
                advance()
            } else if at("nonisolated") && peek().kind == .leftParen {
                // `nonisolated(nonsending) (T) async -> U`
                advance()
                skipBalancedUnit()
            } else {
                break
            }
        }
        switch kind {
        case .identifier, .kwProtocol, .kwInit:
            advance()
            skipGenericArgumentsIfAttached()
            while kind == .period && (peek().kind == .identifier || peek().kind.isKeyword) {
                advance()
                advance()
                skipGenericArgumentsIfAttached()
            }
        case .leftParen, .leftBracket:
            skipBalancedUnit()
        default:
            return
        }
        while true {
            if kind == .operatorToken && current.isLeftBound && isAllOptionalMarks(current) {
                advance()
            } else if kind == .operatorToken && current.isLeftBound && tokenIs(current, "...") {
                advance()
            } else if kind == .period && current.isLeftBound && peek().kind == .identifier {
                advance()
                advance()
            } else {
                break
            }
        }
        if functionArrowFollows() {
            _ = parseEffects()
            _ = consume(.arrow)
            skipType()
        }
        if kind == .operatorToken && tokenIs(current, "&") {
            advance()
            skipType()
        }
    }

    private func isTypeSpecifier() -> Bool {
        guard peek().kind == .identifier || peek().kind == .leftParen || peek().kind == .leftBracket
                || peek().kind == .atSign || peek().kind == .kwInout else { return false }
        return at("some") || at("any") || at("borrowing") || at("consuming") || at("isolated")
            || at("sending") || at("__owned") || at("__shared") || at("each") || at("__consuming")
    }

    private mutating func skipGenericArgumentsIfAttached() {
        if kind == .operatorToken && current.isLeftBound && firstByte(current) == UInt8(ascii: "<") {
            skipGenericArguments()
        }
    }

    private func isAllOptionalMarks(_ token: SwiftToken) -> Bool {
        var offset = Int(token.start)
        while offset < Int(token.end) {
            let character = source.bytes[offset]
            if character != UInt8(ascii: "?") && character != UInt8(ascii: "!") { return false }
            offset += 1
        }
        return true
    }

    /// `-> T`, `async -> T`, `throws(E) -> T`, `async throws -> T` after a function type's parameters.
    private func functionArrowFollows() -> Bool {
        var position = index
        for _ in 0..<6 {
            let token = tokens[min(position, tokens.count - 1)]
            if token.kind == .arrow { return true }
            guard token.kind == .identifier,
                  tokenIs(token, "async") || tokenIs(token, "throws") || tokenIs(token, "rethrows") else { return false }
            position += 1
            if tokens[min(position, tokens.count - 1)].kind == .leftParen {
                // `throws(E)`: skip `(`, the type, `)`.
                position += 3
            }
        }
        return false
    }
}
