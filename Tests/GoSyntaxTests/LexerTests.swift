import GoSyntax
import LintCore
import XCTest

// MARK: Rendering helpers

/// Lexes `bytes` and renders the significant tokens compactly, e.g. `ident(x) := int(1) ⏎ eof`.
///
/// Identifiers, literals, illegal tokens and comments show their text in parentheses; fixed tokens
/// show their spelling; an inserted semicolon (empty range) shows as `⏎`, an explicit one as `;`.
/// With `ranges`, each token is followed by `@start-end` (or `@offset` for an empty range).
private func render(_ bytes: [UInt8], ranges: Bool = false) -> String {
    let file = SourceFile(path: "test.go", bytes: bytes)
    return renderTokens(GoLexer.tokenize(file).tokens, in: file, ranges: ranges)
}

private func render(_ text: String, ranges: Bool = false) -> String {
    render(Array(text.utf8), ranges: ranges)
}

private func renderTokens(_ tokens: [Token], in file: SourceFile, ranges: Bool) -> String {
    tokens.map { token in
        var piece: String
        switch token.kind {
        case .identifier: piece = "ident(\(escapedText(of: token, in: file)))"
        case .int: piece = "int(\(escapedText(of: token, in: file)))"
        case .float: piece = "float(\(escapedText(of: token, in: file)))"
        case .imaginary: piece = "imag(\(escapedText(of: token, in: file)))"
        case .char: piece = "char(\(escapedText(of: token, in: file)))"
        case .string: piece = "string(\(escapedText(of: token, in: file)))"
        case .illegal: piece = "illegal(\(escapedText(of: token, in: file)))"
        case .comment: piece = "comment(\(escapedText(of: token, in: file)))"
        case .eof: piece = "eof"
        case .semicolon where token.start == token.end: piece = "⏎"
        default: piece = token.kind.spelling
        }
        if ranges {
            piece += token.start == token.end ? "@\(token.start)" : "@\(token.start)-\(token.end)"
        }
        return piece
    }.joined(separator: " ")
}

/// The token's bytes as readable text: valid UTF-8 as is (control characters escaped), anything else
/// byte by byte as `\xHH`.
private func escapedText(of token: Token, in file: SourceFile) -> String {
    let bytes = Array(file.bytes[Int(token.start)..<Int(token.end)])
    var result = ""
    if let text = String(validating: bytes, as: UTF8.self) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFEFF {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
    } else {
        for byte in bytes {
            if byte >= 0x20, byte < 0x7F {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "\\x" + String(byte, radix: 16, uppercase: true)
            }
        }
    }
    return result
}

private func renderComments(_ text: String) -> String {
    renderComments(Array(text.utf8))
}

private func renderComments(_ bytes: [UInt8]) -> String {
    let file = SourceFile(path: "test.go", bytes: bytes)
    return renderTokens(GoLexer.tokenize(file).comments, in: file, ranges: true)
}

/// The lexical errors as `offset: message`.
private func errors(_ bytes: [UInt8]) -> [String] {
    GoLexer.tokenize(SourceFile(path: "test.go", bytes: bytes)).errors.map { "\($0.offset): \($0.message)" }
}

private func errors(_ text: String) -> [String] {
    errors(Array(text.utf8))
}

final class LexerTests: XCTestCase {
    // MARK: Basics

    func testEmptyFileHasOnlyEOF() {
        XCTAssertEqual(render("", ranges: true), "eof@0")
        XCTAssertEqual(render(" \t\r\n\n", ranges: true), "eof@5")
        XCTAssertEqual(errors(""), [])
    }

    func testSimpleStatementWithRanges() {
        XCTAssertEqual(render("x := 1\n", ranges: true), "ident(x)@0-1 :=@2-4 int(1)@5-6 ⏎@6 eof@7")
    }

    func testIdentifiers() {
        XCTAssertEqual(render("x _y a1 _ __ camelCase Ünïcode αβγ 名前 x٣ ǅa", ranges: true),
                       "ident(x)@0-1 ident(_y)@2-4 ident(a1)@5-7 ident(_)@8-9 ident(__)@10-12 "
                       + "ident(camelCase)@13-22 ident(Ünïcode)@23-32 ident(αβγ)@33-39 ident(名前)@40-46 "
                       + "ident(x٣)@47-50 ident(ǅa)@51-54 ⏎@54 eof@54")
        XCTAssertEqual(errors("x _y Ünïcode αβγ 名前 x٣"), [])
    }

    func testAllKeywords() {
        let expected: [(String, TokenKind)] = [
            ("break", .kwBreak), ("case", .kwCase), ("chan", .kwChan), ("const", .kwConst),
            ("continue", .kwContinue), ("default", .kwDefault), ("defer", .kwDefer), ("else", .kwElse),
            ("fallthrough", .kwFallthrough), ("for", .kwFor), ("func", .kwFunc), ("go", .kwGo),
            ("goto", .kwGoto), ("if", .kwIf), ("import", .kwImport), ("interface", .kwInterface),
            ("map", .kwMap), ("package", .kwPackage), ("range", .kwRange), ("return", .kwReturn),
            ("select", .kwSelect), ("struct", .kwStruct), ("switch", .kwSwitch), ("type", .kwType),
            ("var", .kwVar),
        ]
        XCTAssertEqual(expected.count, 25)
        for (word, kind) in expected {
            let tokens = GoLexer.tokenize(SourceFile(path: "k.go", text: " \(word) ")).tokens
            XCTAssertEqual(tokens.first, Token(kind: kind, start: 1, end: Int32(1 + word.utf8.count)), word)
        }
    }

    func testWordsNearKeywordsAreIdentifiers() {
        let words = ["g", "i", "gO", "Go", "iff", "fo", "forr", "Func", "mapx", "vars", "cas", "chans",
                     "elsee", "got", "typ", "breaks", "constant", "deferred", "ranges", "imports",
                     "returns", "selects", "structs", "switches", "defaults", "packages", "continued",
                     "interfaces", "fallthroughs", "fallthroug", "selec", "swtch", "imprt", "rturn", "Ϊf"]
        for word in words {
            let tokens = GoLexer.tokenize(SourceFile(path: "k.go", text: word)).tokens
            XCTAssertEqual(tokens.first?.kind, .identifier, word)
            XCTAssertEqual(tokens.first?.end, Int32(word.utf8.count), word)
        }
    }

    // MARK: Operators and punctuation

    func testEveryOperatorAndPunctuation() {
        let operators = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^",
                         "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=",
                         "&&", "||", "<-", "++", "--", "==", "<", ">", "=", "!", "~",
                         "!=", "<=", ">=", ":=", "...", "(", "[", "{", ",", ".", ")", "]", "}", ";", ":"]
        let source = operators.joined(separator: " ")
        let tokens = GoLexer.tokenize(SourceFile(path: "ops.go", text: source)).tokens
        XCTAssertEqual(tokens.count, operators.count + 1)
        var offset: Int32 = 0
        for (token, spelling) in zip(tokens, operators) {
            XCTAssertEqual(token.kind.spelling, spelling)
            XCTAssertEqual(token.start, offset, spelling)
            XCTAssertEqual(token.end, offset + Int32(spelling.utf8.count), spelling)
            offset += Int32(spelling.utf8.count) + 1
        }
        XCTAssertEqual(tokens.last, Token(kind: .eof, start: Int32(source.utf8.count), end: Int32(source.utf8.count)))
        XCTAssertEqual(errors(source), [])
    }

    func testOperatorsTakeTheLongestMatch() {
        XCTAssertEqual(render("a&^=b<<=c>>=d&&e||f&^g<-h", ranges: true),
                       "ident(a)@0-1 &^=@1-4 ident(b)@4-5 <<=@5-8 ident(c)@8-9 >>=@9-12 ident(d)@12-13 "
                       + "&&@13-15 ident(e)@15-16 ||@16-18 ident(f)@18-19 &^@19-21 ident(g)@21-22 "
                       + "<-@22-24 ident(h)@24-25 ⏎@25 eof@25")
        XCTAssertEqual(render("x...y..z.w"), "ident(x) ... ident(y) . . ident(z) . ident(w) ⏎ eof")
        XCTAssertEqual(render("<-chan<<<=&^^&&&!==:==+++---"),
                       "<- chan << <= &^ ^ && & != = := = ++ + -- - eof")
        XCTAssertEqual(render("~int|~string"), "~ ident(int) | ~ ident(string) ⏎ eof")
        XCTAssertEqual(render("a/b/=c"), "ident(a) / ident(b) /= ident(c) ⏎ eof")
    }

    // MARK: Numbers

    func testIntegerLiterals() {
        let source = "42 0 0x1F 0XaB 0o17 0O17 0b1011 0B1 0777 1_000_000 0x_FF 0b_1 0_7 0o_7 0xdead_beef"
        XCTAssertEqual(render(source, ranges: true),
                       "int(42)@0-2 int(0)@3-4 int(0x1F)@5-9 int(0XaB)@10-14 int(0o17)@15-19 int(0O17)@20-24 "
                       + "int(0b1011)@25-31 int(0B1)@32-35 int(0777)@36-40 int(1_000_000)@41-50 "
                       + "int(0x_FF)@51-56 int(0b_1)@57-61 int(0_7)@62-65 int(0o_7)@66-70 "
                       + "int(0xdead_beef)@71-82 ⏎@82 eof@82")
        XCTAssertEqual(errors(source), [])
    }

    func testFloatLiterals() {
        let source = "1.5 .5 1. 1e9 1E+9 2.5e-3 0x1p-2 0x1.8p1 0X.8P0 0x1_0p1 0x1p+2 1_0.2_5 01.5 09.5 089e1 0.0 00.e1"
        XCTAssertEqual(render(source),
                       "float(1.5) float(.5) float(1.) float(1e9) float(1E+9) float(2.5e-3) float(0x1p-2) "
                       + "float(0x1.8p1) float(0X.8P0) float(0x1_0p1) float(0x1p+2) float(1_0.2_5) float(01.5) "
                       + "float(09.5) float(089e1) float(0.0) float(00.e1) ⏎ eof")
        XCTAssertEqual(render(".5 1. x", ranges: true), "float(.5)@0-2 float(1.)@3-5 ident(x)@6-7 ⏎@7 eof@7")
        XCTAssertEqual(errors(source), [])
    }

    func testImaginaryLiterals() {
        let source = "1i 0i 0x1p2i 1.5e3i .5i 1.i 0123i 08i 0b101i 0o7i 0xAi 1_0i"
        XCTAssertEqual(render(source, ranges: true),
                       "imag(1i)@0-2 imag(0i)@3-5 imag(0x1p2i)@6-12 imag(1.5e3i)@13-19 imag(.5i)@20-23 "
                       + "imag(1.i)@24-27 imag(0123i)@28-33 imag(08i)@34-37 imag(0b101i)@38-44 "
                       + "imag(0o7i)@45-49 imag(0xAi)@50-54 imag(1_0i)@55-59 ⏎@59 eof@59")
        XCTAssertEqual(errors(source), [])
    }

    func testNumberFollowedByLettersSplits() {
        XCTAssertEqual(render("123abc 0x1g 1.5.5"), "int(123) ident(abc) int(0x1) ident(g) float(1.5) float(.5) ⏎ eof")
    }

    func testMalformedNumbers() {
        let cases: [(String, String, [String])] = [
            ("0x", "int(0x)", ["2: hexadecimal literal has no digits"]),
            ("0X;", "int(0X) ;", ["2: hexadecimal literal has no digits"]),
            ("0b", "int(0b)", ["2: binary literal has no digits"]),
            ("0o", "int(0o)", ["2: octal literal has no digits"]),
            ("1e", "float(1e)", ["2: exponent has no digits"]),
            ("1e+", "float(1e+)", ["3: exponent has no digits"]),
            ("0x1p", "float(0x1p)", ["4: exponent has no digits"]),
            ("0b2", "int(0b2)", ["2: invalid digit '2' in binary literal"]),
            ("0b102", "int(0b102)", ["4: invalid digit '2' in binary literal"]),
            ("08", "int(08)", ["1: invalid digit '8' in octal literal"]),
            ("0779", "int(0779)", ["3: invalid digit '9' in octal literal"]),
            ("0o8", "int(0o8)", ["2: invalid digit '8' in octal literal"]),
            ("0x1.8", "float(0x1.8)", ["5: hexadecimal mantissa requires a 'p' exponent"]),
            ("0b1.0", "float(0b1.0)", ["3: invalid radix point in binary literal"]),
            ("0o1.0", "float(0o1.0)", ["3: invalid radix point in octal literal"]),
            ("1p3", "float(1p3)", ["1: 'p' exponent requires hexadecimal mantissa"]),
            ("0b1e3", "float(0b1e3)", ["3: 'e' exponent requires decimal mantissa"]),
            ("0o7E3", "float(0o7E3)", ["3: 'E' exponent requires decimal mantissa"]),
            ("1__0", "int(1__0)", ["2: '_' must separate successive digits"]),
            ("1_", "int(1_)", ["1: '_' must separate successive digits"]),
            ("0x_", "int(0x_)", ["3: hexadecimal literal has no digits", "2: '_' must separate successive digits"]),
            ("1_.5", "float(1_.5)", ["1: '_' must separate successive digits"]),
            ("1._5", "float(1._5)", ["2: '_' must separate successive digits"]),
            ("0x1p_2", "float(0x1p_2)", ["4: '_' must separate successive digits"]),
        ]
        for (source, expectedTokens, expectedErrors) in cases {
            XCTAssertEqual(render(source + " z"), expectedTokens + " ident(z) ⏎ eof", source)
            XCTAssertEqual(errors(source), expectedErrors, source)
        }
        // Leading underscores make an identifier, not a number.
        XCTAssertEqual(render("_1"), "ident(_1) ⏎ eof")
    }

    // MARK: Runes and strings

    func testRuneLiteralsWithEveryEscape() {
        let runes = [#"'a'"#, "'ä'", "'本'", #"'\a'"#, #"'\b'"#, #"'\f'"#, #"'\n'"#, #"'\r'"#, #"'\t'"#,
                     #"'\v'"#, #"'\\'"#, #"'\''"#, #"'\000'"#, #"'\377'"#, #"'\x7f'"#, #"'\xFF'"#,
                     #"'\u1234'"#, #"'\U00101234'"#, #"'\U0010FFFF'"#, #"'"'"#, "' '"]
        let source = runes.joined(separator: " ")
        let tokens = GoLexer.tokenize(SourceFile(path: "r.go", text: source)).tokens
        var offset: Int32 = 0
        for (token, rune) in zip(tokens, runes) {
            XCTAssertEqual(token, Token(kind: .char, start: offset, end: offset + Int32(rune.utf8.count)), rune)
            offset += Int32(rune.utf8.count) + 1
        }
        XCTAssertEqual(tokens.count, runes.count + 2)  // ⏎ and eof
        XCTAssertEqual(errors(source), [])
    }

    func testInterpretedStringsWithEveryEscape() {
        let source = #""" "abc" "\a\b\f\n\r\t\v\\\"" "\000\377\x7f\xFF\u1234\U00101234" "日本語" "'""#
        XCTAssertEqual(render(source, ranges: true),
                       #"string("")@0-2 string("abc")@3-8 string("\a\b\f\n\r\t\v\\\"")@9-29 "#
                       + #"string("\000\377\x7f\xFF\u1234\U00101234")@30-64 string("日本語")@65-76 string("'")@77-80 ⏎@80 eof@80"#)
        XCTAssertEqual(errors(source), [])
    }

    func testRawStringsSpanLines() {
        let source = "x := `line one\n\\n \"quoted\" \r\nline three`\ny"
        XCTAssertEqual(render(source, ranges: true),
                       #"ident(x)@0-1 :=@2-4 string(`line one\n\n "quoted" \r\nline three`)@5-40 ⏎@40 ident(y)@41-42 ⏎@42 eof@42"#)
        XCTAssertEqual(render("``"), "string(``) ⏎ eof")
        XCTAssertEqual(errors(source), [])
    }

    func testRuneAndStringEscapeQuotesFollowTheSpec() {
        // `\'` is only valid in rune literals and `\"` only in string literals.
        XCTAssertEqual(render(#"'\"' "\'""#), #"char('\"') string("\'") ⏎ eof"#)
        XCTAssertEqual(errors(#"'\"' "\'""#), [#"1: invalid escape sequence \""#, #"6: invalid escape sequence \'"#])
    }

    // MARK: Comments

    func testCommentsAreKeptAsideWithPositions() {
        let source = "// head\npackage p /* inline */ // tail\n/* multi\nline */ var x/**/int"
        XCTAssertEqual(render(source, ranges: true),
                       "package@8-15 ident(p)@16-17 ⏎@38 var@56-59 ident(x)@60-61 ident(int)@65-68 ⏎@68 eof@68")
        XCTAssertEqual(renderComments(source),
                       #"comment(// head)@0-7 comment(/* inline */)@18-30 comment(// tail)@31-38 "#
                       + #"comment(/* multi\nline */)@39-55 comment(/**/)@61-65"#)
        XCTAssertEqual(errors(source), [])
    }

    func testCommentEdgeCases() {
        XCTAssertEqual(renderComments("//"), "comment(//)@0-2")
        XCTAssertEqual(renderComments("x // no newline at end"), "comment(// no newline at end)@2-22")
        XCTAssertEqual(render("x // no newline at end", ranges: true), "ident(x)@0-1 ⏎@22 eof@22")
        XCTAssertEqual(renderComments("/*/ still inside */"), "comment(/*/ still inside */)@0-19")
        XCTAssertEqual(renderComments("/***/"), "comment(/***/)@0-5")
        XCTAssertEqual(renderComments("// /* not a block\n"), "comment(// /* not a block)@0-17")
        XCTAssertEqual(renderComments("\"// not a comment\" `/* nor this */`"), "")
        // A `/` followed by something else is an operator.
        XCTAssertEqual(render("a / b"), "ident(a) / ident(b) ⏎ eof")
    }

    // MARK: Semicolon insertion

    func testSemicolonInsertedAfterEachTriggeringToken() {
        let triggers = ["x", "42", "4.2", "4i", "'c'", "\"s\"", "`r`", "break", "continue", "fallthrough",
                        "return", "i++", "i--", "f()", "a[1]", "{}"]
        for line in triggers {
            let stream = GoLexer.tokenize(SourceFile(path: "s.go", text: line + "\nz"))
            let newline = Int32(line.utf8.count)
            let semicolons = stream.tokens.filter { $0.kind == .semicolon }
            XCTAssertEqual(semicolons.first, Token(kind: .semicolon, start: newline, end: newline), line)
            XCTAssertEqual(semicolons.count, 2, line)  // one at the newline, one at the end of the file
        }
    }

    func testNoSemicolonAfterOtherTokens() {
        let nonTriggers = ["+", "-", "*", ",", "{", "(", "[", "=", ":=", ".", ":", "&&", "<-", "...", "!",
                           "func", "if", "else", "for", "go", "defer", "type", "var", "struct", "interface",
                           "chan", "map", "case", "default", "switch", "select", "import", "package", "const",
                           "range", "goto"]
        for line in nonTriggers {
            let tokens = GoLexer.tokenize(SourceFile(path: "s.go", text: line + "\n")).tokens
            XCTAssertFalse(tokens.contains { $0.kind == .semicolon }, line)
            XCTAssertEqual(tokens.count, 2, line)
        }
    }

    func testSemicolonAtEndOfFile() {
        XCTAssertEqual(render("x", ranges: true), "ident(x)@0-1 ⏎@1 eof@1")
        XCTAssertEqual(render("}", ranges: true), "}@0-1 ⏎@1 eof@1")
        XCTAssertEqual(render("x\n", ranges: true), "ident(x)@0-1 ⏎@1 eof@2")
        XCTAssertEqual(render("x +", ranges: true), "ident(x)@0-1 +@2-3 eof@3")
    }

    func testReturnAtLineEnd() {
        XCTAssertEqual(render("return\nx", ranges: true), "return@0-6 ⏎@6 ident(x)@7-8 ⏎@8 eof@8")
        XCTAssertEqual(render("return x\n"), "return ident(x) ⏎ eof")
    }

    func testExplicitSemicolons() {
        XCTAssertEqual(render("x; y;\n", ranges: true), "ident(x)@0-1 ;@1-2 ident(y)@3-4 ;@4-5 eof@6")
        XCTAssertEqual(render("for ;;", ranges: true), "for@0-3 ;@4-5 ;@5-6 eof@6")
    }

    func testBlankLinesInsertOneSemicolon() {
        XCTAssertEqual(render("x\n\n\n y", ranges: true), "ident(x)@0-1 ⏎@1 ident(y)@5-6 ⏎@6 eof@6")
    }

    func testCommentsAndSemicolons() {
        // A block comment spanning lines acts as a newline; the semicolon sits at its first newline.
        XCTAssertEqual(render("x /* a\nb\n */ y", ranges: true), "ident(x)@0-1 ⏎@6 ident(y)@13-14 ⏎@14 eof@14")
        // A block comment on one line does not; the newline after it does.
        XCTAssertEqual(render("x /* a */\ny", ranges: true), "ident(x)@0-1 ⏎@9 ident(y)@10-11 ⏎@11 eof@11")
        XCTAssertEqual(render("x /* a */ y"), "ident(x) ident(y) ⏎ eof")
        // A line comment at the end of a line: the semicolon is at the newline after it.
        XCTAssertEqual(render("x // c\ny", ranges: true), "ident(x)@0-1 ⏎@6 ident(y)@7-8 ⏎@8 eof@8")
        // After a token that inserts nothing, comments insert nothing either.
        XCTAssertEqual(render("x +/*\n*/y"), "ident(x) + ident(y) ⏎ eof")
        XCTAssertEqual(render("x + // c\ny"), "ident(x) + ident(y) ⏎ eof")
    }

    // MARK: BOM and line endings

    func testLeadingByteOrderMarkIsSkipped() {
        XCTAssertEqual(render([0xEF, 0xBB, 0xBF] + Array("package p".utf8), ranges: true),
                       "package@3-10 ident(p)@11-12 ⏎@12 eof@12")
        XCTAssertEqual(errors([0xEF, 0xBB, 0xBF] + Array("package p".utf8)), [])
        XCTAssertEqual(render([0xEF, 0xBB, 0xBF], ranges: true), "eof@3")
    }

    func testByteOrderMarkElsewhereIsAnError() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let source = Array("x ".utf8) + bom + Array(" y".utf8)
        XCTAssertEqual(render(source, ranges: true), "ident(x)@0-1 illegal(\\u{FEFF})@2-5 ident(y)@6-7 ⏎@7 eof@7")
        XCTAssertEqual(errors(source), ["2: invalid byte order mark (only allowed at the start of the file)"])
        // Also inside literals and comments, where the token is kept.
        let inString = Array("\"".utf8) + bom + Array("\" //".utf8) + bom
        XCTAssertEqual(render(inString), "string(\"\\u{FEFF}\") ⏎ eof")
        XCTAssertEqual(errors(inString), ["1: invalid byte order mark (only allowed at the start of the file)",
                                          "8: invalid byte order mark (only allowed at the start of the file)"])
        // A second BOM right after the first is not at the start any more.
        XCTAssertEqual(errors(bom + bom), ["3: invalid byte order mark (only allowed at the start of the file)"])
    }

    func testCRLFLineEndings() {
        let source = "a := 1\r\nb()\r\n// c\r\nreturn\r\n"
        XCTAssertEqual(render(source, ranges: true),
                       "ident(a)@0-1 :=@2-4 int(1)@5-6 ⏎@7 ident(b)@8-9 (@9-10 )@10-11 ⏎@12 return@19-25 ⏎@26 eof@27")
        // The `\r` of a line comment's CRLF is not part of the comment.
        XCTAssertEqual(renderComments(source), "comment(// c)@13-17")
        XCTAssertEqual(errors(source), [])
    }

    // MARK: Malformed input

    func testStrayCharacters() {
        let cases: [(String, String)] = [
            ("@", "invalid character U+0040 '@'"),
            ("$", "invalid character U+0024 '$'"),
            ("\\", "invalid character U+005C '\\'"),
            ("#", "invalid character U+0023 '#'"),
            ("?", "invalid character U+003F '?'"),
            ("\u{7}", "invalid character U+0007"),
            ("\u{C}", "invalid character U+000C"),
            ("€", "invalid character U+20AC '€'"),
            ("\u{200B}", "invalid character U+200B"),
        ]
        for (character, message) in cases {
            let source = "a " + character + " b"
            let width = character.utf8.count
            XCTAssertEqual(render(source, ranges: true),
                           "ident(a)@0-1 illegal(\(escapedText(character)))@2-\(2 + width) ident(b)@\(3 + width)-\(4 + width) "
                           + "⏎@\(4 + width) eof@\(4 + width)", message)
            XCTAssertEqual(errors(source), ["2: " + message])
        }
    }

    func testIllegalTokenKeepsTheSemicolonState() {
        // Like Go's scanner: `x @` still ends a statement; `@` alone on a line does not make one.
        XCTAssertEqual(render("x @\ny"), "ident(x) illegal(@) ⏎ ident(y) ⏎ eof")
        XCTAssertEqual(render("x = @\ny"), "ident(x) = illegal(@) ident(y) ⏎ eof")
        XCTAssertEqual(render("@\ny"), "illegal(@) ident(y) ⏎ eof")
    }

    /// Bad characters that follow one another make one token (a 100 MB file of NUL bytes is one
    /// token, not a hundred million); each is still reported.
    func testConsecutiveStrayCharactersAreOneToken() {
        XCTAssertEqual(render("@#$", ranges: true), "illegal(@#$)@0-3 eof@3")
        XCTAssertEqual(errors("@#$"), ["0: invalid character U+0040 '@'", "1: invalid character U+0023 '#'",
                                       "2: invalid character U+0024 '$'"])
        XCTAssertEqual(render("@ #", ranges: true), "illegal(@)@0-1 illegal(#)@2-3 eof@3")
    }

    /// Errors are kept for the first ten lines with errors, at most ten per line: all that can be
    /// shown (one per line, ten per file), in bounded memory whatever the input.
    func testErrorsAreBoundedForHostileInput() {
        let nul = [UInt8](repeating: 0, count: 1_000_000)
        let stream = GoLexer.tokenize(SourceFile(path: "test.go", bytes: nul))
        XCTAssertEqual(stream.tokens.map(\.kind), [.illegal, .eof])
        XCTAssertEqual(stream.errors.count, 10)
        XCTAssertEqual(stream.errors.first, LexError(offset: 0, message: "illegal NUL byte"))
        let lines = [UInt8](repeating: 0, count: 50) + Array(repeating: [UInt8(ascii: "\n"), 0, 0], count: 100_000).joined()
        let manyLines = GoLexer.tokenize(SourceFile(path: "test.go", bytes: lines)).errors
        XCTAssertEqual(manyLines.map(\.offset), Array(0..<10) + [51, 52, 54, 55, 57, 58, 60, 61, 63, 64, 66, 67, 69, 70, 72, 73, 75, 76])
        // An error found after later ones (here: at the start of an unterminated raw string) is kept.
        let raw = "`" + String(repeating: "\u{0}\n", count: 20)
        XCTAssertEqual(errors(raw).last, "0: raw string literal not terminated")
    }

    func testUnicodeDigitCannotStartIdentifier() {
        XCTAssertEqual(render("٣x", ranges: true), "illegal(٣)@0-2 ident(x)@2-3 ⏎@3 eof@3")
        XCTAssertEqual(errors("٣x"), ["0: identifier cannot begin with digit U+0663 '٣'"])
        // A non-letter stops an identifier.
        XCTAssertEqual(render("a€b", ranges: true), "ident(a)@0-1 illegal(€)@1-4 ident(b)@4-5 ⏎@5 eof@5")
    }

    func testInvalidUTF8() {
        let lone: [UInt8] = [0x78, 0x20, 0xFF, 0x20, 0x79]
        XCTAssertEqual(render(lone, ranges: true), "ident(x)@0-1 illegal(\\xFF)@2-3 ident(y)@4-5 ⏎@5 eof@5")
        XCTAssertEqual(errors(lone), ["2: invalid UTF-8 encoding"])
        // A lone continuation byte, a truncated sequence (one token for its maximal subpart), an overlong
        // encoding, an encoded surrogate: each is one bad sequence.
        XCTAssertEqual(render([0x80]), "illegal(\\x80) eof")
        XCTAssertEqual(render([0xE2, 0x82, 0x41], ranges: true), "illegal(\\xE2\\x82)@0-2 ident(A)@2-3 ⏎@3 eof@3")
        XCTAssertEqual(render([0xC0, 0xAF], ranges: true), "illegal(\\xC0\\xAF)@0-2 eof@2")
        XCTAssertEqual(errors([0xC0, 0xAF]), ["0: invalid UTF-8 encoding", "1: invalid UTF-8 encoding"])
        XCTAssertEqual(render([0xED, 0xA0, 0x80], ranges: true), "illegal(\\xED\\xA0\\x80)@0-3 eof@3")
        XCTAssertEqual(errors([0xED, 0xA0, 0x80]).count, 3)
        XCTAssertEqual(errors([0xF4, 0x90, 0x80, 0x80]).count, 4)
        XCTAssertEqual(render([0xF0, 0x9F, 0x98]), "illegal(\\xF0\\x9F\\x98) eof")
        // Right after an identifier, the identifier ends where the bad bytes begin.
        XCTAssertEqual(render([0x61, 0xFE, 0x62], ranges: true), "ident(a)@0-1 illegal(\\xFE)@1-2 ident(b)@2-3 ⏎@3 eof@3")
        // Inside literals and comments the token is kept and the error recorded.
        let inLiterals: [UInt8] = Array("\"a".utf8) + [0xFF] + Array("b\" `".utf8) + [0xC3] + Array("` '".utf8)
            + [0xFF] + Array("' // ".utf8) + [0x80] + Array("\n/* ".utf8) + [0xFF] + Array(" */".utf8)
        XCTAssertEqual(render(inLiterals), "string(\"a\\xFFb\") string(`\\xC3`) char('\\xFF') ⏎ eof")
        XCTAssertEqual(renderComments(inLiterals), "comment(// \\x80)@14-18 comment(/* \\xFF */)@19-26")
        XCTAssertEqual(errors(inLiterals), ["2: invalid UTF-8 encoding", "7: invalid UTF-8 encoding",
                                            "11: invalid UTF-8 encoding", "17: invalid UTF-8 encoding",
                                            "22: invalid UTF-8 encoding"])
    }

    func testNulByte() {
        XCTAssertEqual(render([0x78, 0x00, 0x79], ranges: true), "ident(x)@0-1 illegal(\\0)@1-2 ident(y)@2-3 ⏎@3 eof@3")
        XCTAssertEqual(errors([0x78, 0x00, 0x79]), ["1: illegal NUL byte"])
        let inLiterals: [UInt8] = Array("\"".utf8) + [0] + Array("\" `".utf8) + [0] + Array("` //".utf8) + [0]
        XCTAssertEqual(render(inLiterals), "string(\"\\0\") string(`\\0`) ⏎ eof")
        XCTAssertEqual(errors(inLiterals), ["1: illegal NUL byte", "5: illegal NUL byte", "10: illegal NUL byte"])
    }

    func testUnterminatedInterpretedStringEndsAtLineEnd() {
        let source = "x := \"abc\ny := 2"
        XCTAssertEqual(render(source, ranges: true),
                       "ident(x)@0-1 :=@2-4 string(\"abc)@5-9 ⏎@9 ident(y)@10-11 :=@12-14 int(2)@15-16 ⏎@16 eof@16")
        XCTAssertEqual(errors(source), ["5: string literal not terminated"])
        XCTAssertEqual(render("\"abc", ranges: true), "string(\"abc)@0-4 ⏎@4 eof@4")
        XCTAssertEqual(errors("\"abc"), ["0: string literal not terminated"])
        // A backslash before the newline does not continue the string.
        XCTAssertEqual(render("\"a\\\nb"), "string(\"a\\) ⏎ ident(b) ⏎ eof")
        XCTAssertEqual(errors("\"a\\\nb"), ["0: string literal not terminated"])
    }

    func testUnterminatedRawStringEndsAtEndOfFile() {
        let source = "x := `abc\ndef"
        XCTAssertEqual(render(source, ranges: true), "ident(x)@0-1 :=@2-4 string(`abc\\ndef)@5-13 ⏎@13 eof@13")
        XCTAssertEqual(errors(source), ["5: raw string literal not terminated"])
    }

    func testUnterminatedRuneEndsAtLineEnd() {
        XCTAssertEqual(render("'a\nx", ranges: true), "char('a)@0-2 ⏎@2 ident(x)@3-4 ⏎@4 eof@4")
        XCTAssertEqual(errors("'a\nx"), ["0: rune literal not terminated"])
        XCTAssertEqual(render("'"), "char(') ⏎ eof")
        XCTAssertEqual(errors("'"), ["0: rune literal not terminated"])
        XCTAssertEqual(errors("'\\"), ["0: rune literal not terminated"])
    }

    func testUnterminatedBlockCommentEndsAtEndOfFile() {
        XCTAssertEqual(render("x /* abc", ranges: true), "ident(x)@0-1 ⏎@8 eof@8")
        XCTAssertEqual(renderComments("x /* abc"), "comment(/* abc)@2-8")
        XCTAssertEqual(errors("x /* abc"), ["2: comment not terminated"])
        XCTAssertEqual(render("x /* a\nb", ranges: true), "ident(x)@0-1 ⏎@6 eof@8")
        XCTAssertEqual(errors("/*/"), ["0: comment not terminated"])
    }

    func testBadRuneLiterals() {
        XCTAssertEqual(render("'' x", ranges: true), "char('')@0-2 ident(x)@3-4 ⏎@4 eof@4")
        XCTAssertEqual(errors("'' x"), ["0: empty rune literal"])
        XCTAssertEqual(render("x = 'ab' + 1", ranges: true), "ident(x)@0-1 =@2-3 char('ab')@4-8 +@9-10 int(1)@11-12 ⏎@12 eof@12")
        XCTAssertEqual(errors("x = 'ab' + 1"), ["4: more than one character in rune literal"])
        XCTAssertEqual(errors("'\\n\\t'"), ["0: more than one character in rune literal"])
        // `'''` is an empty rune followed by an unterminated one, as in Go.
        XCTAssertEqual(render("'''"), "char('') char(') ⏎ eof")
        XCTAssertEqual(errors("'''"), ["0: empty rune literal", "2: rune literal not terminated"])
    }

    func testInvalidEscapes() {
        XCTAssertEqual(render(#"x := "\q" + y"#, ranges: true), #"ident(x)@0-1 :=@2-4 string("\q")@5-9 +@10-11 ident(y)@12-13 ⏎@13 eof@13"#)
        XCTAssertEqual(errors(#"x := "\q" + y"#), [#"6: invalid escape sequence \q"#])
        // In a rune the bad escape is the only message (no "more than one character").
        XCTAssertEqual(render(#"'\q'"#), #"char('\q') ⏎ eof"#)
        XCTAssertEqual(errors(#"'\q'"#), [#"1: invalid escape sequence \q"#])
        XCTAssertEqual(errors(#""\é""#), [#"1: invalid escape sequence \é"#])
        XCTAssertEqual(errors("\"\\\u{1}\""), ["1: invalid escape sequence (backslash followed by U+0001)"])
        XCTAssertEqual(errors(#""\x4""#), [#"4: invalid character U+0022 '"' in hexadecimal escape"#])
        XCTAssertEqual(errors(#""\xg0""#), ["3: invalid character U+0067 'g' in hexadecimal escape"])
        XCTAssertEqual(errors(#""\12""#), [#"4: invalid character U+0022 '"' in octal escape"#])
        XCTAssertEqual(errors(#""\18""#), ["3: invalid character U+0038 '8' in octal escape"])
        XCTAssertEqual(errors(#""\u12""#), [#"5: invalid character U+0022 '"' in Unicode escape"#])
        XCTAssertEqual(errors(#""\400""#), ["1: octal escape value 256 > 255"])
        XCTAssertEqual(errors(#""\uD800""#), ["1: escape sequence is invalid Unicode code point U+D800"])
        XCTAssertEqual(errors(#""\U00110000""#), ["1: escape sequence is invalid Unicode code point U+110000"])
        XCTAssertEqual(errors(#"'\uDFFF'"#), ["1: escape sequence is invalid Unicode code point U+DFFF"])
        // An escape cut short by the end of the line: both problems are reported, and the next line lexes.
        XCTAssertEqual(render("\"\\x\nz"), "string(\"\\x) ⏎ ident(z) ⏎ eof")
        XCTAssertEqual(errors("\"\\x\nz"), ["3: escape sequence not terminated", "0: string literal not terminated"])
        // An invalid escape never swallows the closing quote.
        XCTAssertEqual(render(#""\x" y"#), #"string("\x") ident(y) ⏎ eof"#)
    }

    func testLexingContinuesAfterManyErrors() {
        let source = "package p\n\nvar a = 0x + '' @ \"\\q\"\nfunc f() { return 08 }\n"
        XCTAssertEqual(render(source),
                       "package ident(p) ⏎ var ident(a) = int(0x) + char('') illegal(@) string(\"\\q\") ⏎ "
                       + "func ident(f) ( ) { return int(08) } ⏎ eof")
        XCTAssertEqual(errors(source), ["21: hexadecimal literal has no digits", "24: empty rune literal",
                                        "27: invalid character U+0040 '@'", "30: invalid escape sequence \\q",
                                        "53: invalid digit '8' in octal literal"])
    }

    // MARK: Robustness

    /// Random byte soups built from Go fragments and arbitrary bytes: the lexer must not trap (the debug
    /// build checks every buffer access), must terminate, and its output must hang together.
    func testRandomInputKeepsInvariants() {
        let fragments: [[UInt8]] = [
            "x", "0x", "1e", "0b", "08", ".", "..", "...", "'", "\"", "`", "\\", "/*", "*/", "//", "\n", "\r",
            " ", "\t", "_", "1", "9", "p", "i", "e", "+", "-", "&^", "<<=", "<-", "u", "U", "x7", "é", "本",
            "return", "func", "}", "++", "\\u", "\\U0010", "\\377", "\\x", "@", "#", "?",
        ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xEF, 0xBB, 0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F], [0x80]]
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 40) {
                if generator.next() % 8 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: generator.next()))
                } else {
                    bytes += fragments[Int(generator.next() % UInt64(fragments.count))]
                }
            }
            checkInvariants(bytes)
        }
    }

    private func checkInvariants(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let stream = GoLexer.tokenize(SourceFile(path: "fuzz.go", bytes: bytes))
        let count = Int32(bytes.count)
        let description = bytes.map { String($0, radix: 16) }.joined(separator: " ")
        XCTAssertEqual(stream.tokens.last, Token(kind: .eof, start: count, end: count), description, file: file, line: line)
        XCTAssertEqual(stream.tokens.filter { $0.kind == .eof }.count, 1, description, file: file, line: line)
        var covered = [Bool](repeating: false, count: bytes.count)
        var previousEnd: Int32 = 0
        for token in stream.tokens + stream.comments {
            XCTAssertTrue(0 <= token.start && token.start <= token.end && token.end <= count, description, file: file, line: line)
            let isEmptyAllowed = token.kind == .semicolon || token.kind == .eof
            XCTAssertTrue(token.end > token.start || isEmptyAllowed, description, file: file, line: line)
            for offset in Int(token.start)..<Int(token.end) { covered[offset] = true }
        }
        for token in stream.tokens where token.start < token.end {
            XCTAssertGreaterThanOrEqual(token.start, previousEnd, "tokens overlap: \(description)", file: file, line: line)
            previousEnd = token.end
        }
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for (offset, byte) in bytes.enumerated() where offset >= bomLength && !covered[offset] {
            let isWhitespace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            XCTAssertTrue(isWhitespace, "byte \(offset) not covered: \(description)", file: file, line: line)
        }
        for error in stream.errors {
            XCTAssertTrue(0 <= error.offset && error.offset <= count, description, file: file, line: line)
        }
    }
}

private func escapedText(_ text: String) -> String {
    let file = SourceFile(path: "x.go", text: text)
    return escapedText(of: Token(kind: .illegal, start: 0, end: Int32(file.bytes.count)), in: file)
}

/// A small deterministic generator so the random test is reproducible.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
