import LintCore

/// Modifiers that are ordinary names everywhere except in front of a declaration.
private let contextualModifiers: Set<String> = [
    "open", "final", "override", "mutating", "nonmutating", "lazy", "weak", "unowned", "convenience",
    "required", "nonisolated", "dynamic", "optional", "indirect", "distributed", "package", "consuming",
    "borrowing", "prefix", "postfix", "infix", "isolated", "__consuming", "__setter_access", "_const",
]

private let accessorNames: Set<String> = [
    "get", "set", "willSet", "didSet", "_read", "_modify", "read", "modify", "init",
    "unsafeAddress", "unsafeMutableAddress",
]

extension SwiftTreeParser {
    func text(_ token: SwiftToken) -> String {
        source.text(ByteRange(start: token.start, end: token.end))
    }

    func isContextualModifier(_ token: SwiftToken) -> Bool {
        token.kind == .identifier && token.end - token.start <= 16 && contextualModifiers.contains(text(token))
    }

    /// Index of the token after a modifier's `(set)`/`(unsafe)` argument, if it has one.
    func afterModifierArgument(_ position: Int) -> Int {
        guard tokens[min(position, tokens.count - 1)].kind == .leftParen,
              tokens[min(position + 2, tokens.count - 1)].kind == .rightParen else { return position }
        return position + 3
    }

    /// Whether a declaration starts at token `position`: attributes, modifiers, then a declaration keyword.
    func declarationStarts(at position: Int) -> Bool {
        var position = position
        for _ in 0..<16 {
            guard position < tokens.count else { return false }
            let token = tokens[position]
            switch token.kind {
            case .kwClass, .kwStruct, .kwEnum, .kwProtocol, .kwExtension, .kwFunc, .kwInit, .kwDeinit,
                 .kwSubscript, .kwVar, .kwLet, .kwTypealias, .kwAssociatedtype, .kwImport, .kwOperator,
                 .kwPrecedencegroup, .atSign:
                return true
            case .kwModifier:
                position = afterModifierArgument(position + 1)
            case .identifier:
                let next = tokens[min(position + 1, tokens.count - 1)]
                if (tokenIs(token, "actor") || tokenIs(token, "macro")) && next.kind == .identifier && !next.isAtLineStart {
                    return true
                }
                guard isContextualModifier(token) else { return false }
                position = afterModifierArgument(position + 1)
            default:
                return false
            }
        }
        return false
    }

    /// `class func`, `class var`, `class override func`: `class` as the modifier for type members.
    func isClassModifier() -> Bool {
        let next = peek()
        return isContextualModifier(next) || next.kind != .identifier && declarationStarts(at: index + 1)
    }

    func startsDeclaration() -> Bool {
        declarationStarts(at: index)
    }

    /// A declaration on a line of its own, where a list (of parameters, of arguments) was not
    /// closed: the list ends there, so one missing `)` does not swallow the rest of the file.
    /// Attributes (`@escaping`) and labels (`class: AnyClass`) can start a list's line; they do
    /// not count.
    func startsDeclarationOnNewLine() -> Bool {
        current.isAtLineStart && kind != .atSign && peek().kind != .colon && startsDeclaration()
    }

    /// The index after the attribute at `position` (`@name`, `@name(...)`), found without parsing.
    func afterAttribute(at position: Int) -> Int {
        var position = position + 2
        guard position < tokens.count, tokens[position].kind == .leftParen, tokens[position].isLeftBound else {
            return min(position, tokens.count - 1)
        }
        var open = 0
        while position < tokens.count - 1 {
            switch tokens[position].kind {
            case .leftParen, .leftBracket, .leftBrace: open += 1
            case .rightParen, .rightBracket, .rightBrace: open -= 1
            default: break
            }
            position += 1
            if open <= 0 { break }
        }
        return position
    }

    /// `@name`, `@name(arguments)`, `@Module.Name<T>`. Type attributes that take no arguments
    /// (`@escaping`, `@Sendable`, `@autoclosure`) leave a following `(` alone: it opens a function type.
    mutating func skipAttribute() {
        advance()
        let takesNoArguments = at("escaping") || at("Sendable") || at("autoclosure") || at("MainActor") || at("noescape")
        if kind == .identifier || kind.isKeyword { advance() }
        if takesNoArguments { return }
        while kind == .period && peek().kind == .identifier && current.isLeftBound {
            advance()
            advance()
        }
        if kind == .operatorToken && current.isLeftBound && firstByte(current) == UInt8(ascii: "<") {
            skipGenericArguments()
        }
        if kind == .leftParen && current.isLeftBound {
            skipBalancedUnit()
        }
    }

    mutating func parseDeclaration(_ context: ItemContext) -> SwiftNode {
        let start = current.start
        var flags: UInt16 = 0
        while true {
            if kind == .atSign {
                skipAttribute()
            } else if kind == .kwModifier {
                if tokenIs(current, "static") { flags |= SwiftNodeFlags.isStatic }
                index = afterModifierArgument(index + 1)
            } else if kind == .kwClass && isClassModifier() {
                flags |= SwiftNodeFlags.isStatic
                advance()
            } else if isContextualModifier(current) && declarationStarts(at: afterModifierArgument(index + 1)) {
                index = afterModifierArgument(index + 1)
            } else {
                break
            }
        }
        switch kind {
        case .kwClass: return parseTypeDeclaration(from: start, flavor: .class)
        case .kwStruct: return parseTypeDeclaration(from: start, flavor: .struct)
        case .kwEnum: return parseTypeDeclaration(from: start, flavor: .enum)
        case .kwProtocol: return parseTypeDeclaration(from: start, flavor: .protocol)
        case .kwExtension: return parseTypeDeclaration(from: start, flavor: .extension)
        case .identifier where tokenIs(current, "actor") && peek().kind == .identifier:
            return parseTypeDeclaration(from: start, flavor: .actor)
        case .kwFunc, .kwInit, .kwDeinit, .kwSubscript:
            return parseFunction(from: start, flags: flags)
        case .kwVar, .kwLet:
            return parseVariable(from: start, flags: flags)
        case .kwTypealias, .kwAssociatedtype, .kwImport, .kwOperator, .kwPrecedencegroup:
            return parseOtherDeclaration(from: start)
        case .kwCase where context == .members:
            return parseOtherDeclaration(from: start)
        case .identifier where tokenIs(current, "macro"):
            return parseOtherDeclaration(from: start)
        default:
            // Attributes on something that is not a declaration (`@unknown default`, an attributed
            // closure): the rest is parsed as a statement.
            return current.start == start ? .none : parseStatement()
        }
    }

    /// A declaration kept as its span: it runs to the end of its line (or `;`, or the enclosing `}`),
    /// continuing across lines inside brackets and after a trailing `,` `=` `:` `->` `&`.
    mutating func parseOtherDeclaration(from start: Int32) -> SwiftNode {
        advance()
        var open = 0
        while !atEnd {
            let token = current
            if open == 0 {
                if token.kind == .semicolon || token.kind == .rightBrace { break }
                if token.isAtLineStart && !continuesDeclarationLine(token) { break }
            }
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace: open += 1
            case .rightParen, .rightBracket, .rightBrace: open -= 1
            default: break
            }
            advance()
        }
        return finish(.otherDecl, from: start, mark: scratch.count)
    }

    func lastByte(_ token: SwiftToken) -> UInt8 {
        token.start < token.end ? source.bytes[Int(token.end) - 1] : 0
    }

    private func continuesDeclarationLine(_ token: SwiftToken) -> Bool {
        let previous = tokens[max(0, index - 1)]
        switch previous.kind {
        case .comma, .assign, .colon, .arrow: return true
        case .operatorToken where tokenIs(previous, "&") || lastByte(previous) == UInt8(ascii: "<"): return true
        default: break
        }
        switch token.kind {
        case .comma, .assign, .colon, .arrow, .period, .kwWhere: return true
        case .operatorToken: return tokenIs(token, "&") || firstByte(token) == UInt8(ascii: ">")
        default: return false
        }
    }

    // MARK: Types

    mutating func parseTypeDeclaration(from start: Int32, flavor: TypeDeclFlavor) -> SwiftNode {
        advance()
        let mark = scratch.count
        if flavor == .extension {
            scratch.append(parseType())
        } else if kind == .identifier || kind.isKeyword {
            scratch.append(leaf(.identifier))
        } else {
            reportError("expected a name after `\(flavor.keyword)`")
            scratch.append(missing(.identifier))
        }
        if kind == .operatorToken && firstByte(current) == UInt8(ascii: "<") {
            skipGenericArguments()
        }
        if kind == .colon {
            advance()
            let inheritanceStart = current.start
            skipUntilBodyOpens()
            scratch.append(finish(.typeReference, from: inheritanceStart, mark: scratch.count))
        } else {
            scratch.append(.none)
        }
        if kind == .kwWhere { skipUntilBodyOpens() }
        if kind != .leftBrace { reportError("expected `{` to open the body of this `\(flavor.keyword)`") }
        scratch.append(kind == .leftBrace ? parseBlock(.members) : .none)
        return finish(.typeDecl, from: start, mark: mark, flags: flavor.rawValue)
    }

    /// Skips an inheritance list or a `where` clause: everything up to the `{` that opens the body
    /// (brackets balanced), stopping at a `}` or a new declaration on a new line.
    mutating func skipUntilBodyOpens() {
        while !atEnd && kind != .leftBrace && kind != .rightBrace {
            // `class T:` then `@unchecked Sendable` on the next line is still the list.
            if current.isAtLineStart && kind != .comma && tokens[index - 1].kind != .comma
                && tokens[index - 1].kind != .colon
                && kind != .period && kind != .kwWhere && startsDeclaration() {
                return
            }
            if kind == .leftParen || kind == .leftBracket {
                skipBalancedUnit()
            } else {
                advance()
            }
        }
    }

    // MARK: Functions

    mutating func parseFunction(from start: Int32, flags initialFlags: UInt16) -> SwiftNode {
        let keyword = kind
        var flags = initialFlags
        advance()
        let mark = scratch.count
        switch keyword {
        case .kwFunc:
            if kind == .operatorToken && lastByte(current) == UInt8(ascii: "<") && current.end - current.start > 1
                && (peek().kind == .identifier) {
                // `func ==<T>(...)`: the operator's name and the generic parameters' `<` lexed as one.
                let name = current
                scratch.append(finish(.identifier, from: name.start, mark: scratch.count, end: name.end - 1))
                splitToken(at: name.end - 1)
            } else if kind == .identifier || kind == .operatorToken || kind == .assign || kind.isKeyword {
                scratch.append(leaf(.identifier))
            } else {
                reportError("expected a name after `func`")
                scratch.append(missing(.identifier))
            }
        case .kwInit:
            if kind == .operatorToken && current.isLeftBound
                && (firstByte(current) == UInt8(ascii: "?") || firstByte(current) == UInt8(ascii: "!")) {
                // `init?`, `init!`, and `init?<T>` where the `<` was lexed with the `?`.
                if current.end - current.start > 1 { splitToken(at: current.start + 1) } else { advance() }
            }
            scratch.append(.none)
        default:
            scratch.append(.none)
        }
        if kind == .operatorToken && firstByte(current) == UInt8(ascii: "<") {
            skipGenericArguments()
        }
        if kind != .leftParen && keyword != .kwDeinit {
            reportError("expected `(` to open the parameter list")
        }
        scratch.append(kind == .leftParen ? parseParameterList() : .none)
        flags |= parseEffects()
        if kind == .arrow {
            advance()
            scratch.append(parseType())
        } else {
            scratch.append(.none)
        }
        if kind == .kwWhere { skipUntilBodyOpens() }
        if kind == .leftBrace {
            scratch.append(keyword == .kwSubscript ? parseAccessors() : parseBlock(.statements))
        } else {
            scratch.append(.none)
        }
        return finish(.functionDecl, from: start, mark: mark, op: keyword, flags: flags)
    }

    /// `async`, `throws`, `rethrows`, `throws(E)`, `reasync`, in any order.
    mutating func parseEffects() -> UInt16 {
        var flags: UInt16 = 0
        while kind == .identifier {
            if at("async") || at("reasync") {
                flags |= SwiftNodeFlags.isAsync
            } else if at("throws") || at("rethrows") {
                flags |= SwiftNodeFlags.isThrowing
            } else {
                break
            }
            advance()
            if kind == .leftParen && current.isLeftBound { skipBalancedUnit() }
        }
        return flags
    }

    /// `(label name: Type = default, ...)`.
    mutating func parseParameterList() -> SwiftNode {
        let start = current.start
        guard enter() else { return skipUnmodeled("nesting too deep") }
        defer { leave() }
        advance()
        let mark = scratch.count
        let saved = trailingClosuresAllowed
        trailingClosuresAllowed = true
        while !atEnd && kind != .rightParen {
            let before = index
            scratch.append(parseParameter())
            if !consume(.comma) && kind != .rightParen {
                if index == before || kind == .rightBrace || kind == .leftBrace || startsDeclarationOnNewLine() {
                    break
                }
            }
        }
        trailingClosuresAllowed = saved
        _ = consume(.rightParen)
        return finish(.parameterList, from: start, mark: mark)
    }

    private mutating func parseParameter() -> SwiftNode {
        let start = current.start
        while kind == .atSign { skipAttribute() }
        let mark = scratch.count
        var name = SwiftNode.none
        // Up to two names (label and internal name) before the colon; the last one is the name.
        while (kind == .identifier || kind.isKeyword) && peek().kind != .leftParen && kind != .kwInout {
            name = leaf(.identifier)
            if kind == .colon { break }
        }
        scratch.append(name)
        if consume(.colon) {
            scratch.append(parseType())
        } else {
            scratch.append(.none)
        }
        if kind == .operatorToken && tokenIs(current, "...") { advance() }
        if consume(.assign) {
            scratch.append(parseExpression())
        } else {
            scratch.append(.none)
        }
        if kind != .comma && kind != .rightParen {
            scratch.removeSubrange(mark...)
            let skipped = skipUnmodeled("parameter")
            let fallbackMark = scratch.count
            scratch.append(skipped)
            return finish(.parameter, from: start, mark: fallbackMark)
        }
        return finish(.parameter, from: start, mark: mark)
    }

    // MARK: Variables

    mutating func parseVariable(from start: Int32, flags: UInt16) -> SwiftNode {
        let keyword = kind
        advance()
        let mark = scratch.count
        repeat {
            scratch.append(parsePatternBinding())
        } while consume(.comma)
        return finish(.variableDecl, from: start, mark: mark, op: keyword, flags: flags)
    }

    private mutating func parsePatternBinding() -> SwiftNode {
        let start = current.start
        let mark = scratch.count
        switch kind {
        case .identifier, .kwInit:
            scratch.append(leaf(.identifier))
        case .leftParen:
            scratch.append(parsePrimary())
        default:
            scratch.append(missing(.identifier))
        }
        if consume(.colon) {
            scratch.append(parseType())
        } else {
            scratch.append(.none)
        }
        if consume(.assign) {
            scratch.append(parseExpression())
        } else {
            scratch.append(.none)
        }
        scratch.append(kind == .leftBrace ? parseAccessors() : .none)
        return finish(.patternBinding, from: start, mark: mark)
    }

    /// Whether the `{` at the current token opens `get`/`set`/`willSet`/`didSet` accessors rather
    /// than an implicit getter's body (or, after an initial value, a trailing closure).
    func opensAccessorBlock() -> Bool {
        var position = index + 1
        while position < tokens.count - 1 {
            let token = tokens[position]
            if token.kind == .atSign {
                position = afterAttribute(at: position)
                continue
            }
            if isContextualModifier(token) {
                position += 1
                continue
            }
            break
        }
        let name = tokens[min(position, tokens.count - 1)]
        guard name.kind == .identifier || name.kind == .kwInit,
              name.end - name.start <= 20, accessorNames.contains(text(name)) else { return false }
        let next = tokens[min(position + 1, tokens.count - 1)]
        switch next.kind {
        case .leftBrace, .rightBrace: return true
        case .leftParen: return !tokenIs(name, "get")
        case .identifier: return tokenIs(next, "async") || tokenIs(next, "throws") || accessorNames.contains(text(next))
        case .kwInit: return true
        default: return false
        }
    }

    /// `{ get set }`, `{ get { } set(v) { } }`, `{ willSet { } didSet { } }`, or an implicit
    /// getter's body `{ statements }`.
    mutating func parseAccessors() -> SwiftNode {
        guard opensAccessorBlock() else { return parseBlock(.statements) }
        guard enter() else { return skipUnmodeled("nesting too deep") }
        defer { leave() }
        let start = current.start
        advance()
        let mark = scratch.count
        while !atEnd && kind != .rightBrace {
            let accessorStart = current.start
            while kind == .atSign || isContextualModifier(current) {
                if kind == .atSign { skipAttribute() } else { advance() }
            }
            guard kind == .identifier || kind == .kwInit else {
                scratch.append(skipUnmodeled("accessor"))
                continue
            }
            let accessorMark = scratch.count
            scratch.append(leaf(.identifier))
            if kind == .leftParen { skipBalancedUnit() }
            let flags = parseEffects()
            scratch.append(kind == .leftBrace ? parseBlock(.statements) : .none)
            scratch.append(finish(.accessor, from: accessorStart, mark: accessorMark, flags: flags))
        }
        _ = consume(.rightBrace)
        return finish(.accessorBlock, from: start, mark: mark)
    }
}
