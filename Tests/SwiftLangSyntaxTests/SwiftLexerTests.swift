import LintCore
import SwiftLangSyntax
import XCTest

/// Renders each token as `kind:text`, the way the assertions below spell them.
func tokens(_ text: String) -> [String] {
    let file = SourceFile(path: "t.swift", text: text)
    return SwiftLexer.tokenize(file).tokens.dropLast().map { token in
        "\(token.kind):\(file.text(ByteRange(start: token.start, end: token.end)))"
    }
}

final class SwiftLexerTests: XCTestCase {
    func testIdentifiersAndKeywords() {
        XCTAssertEqual(tokens("let `class` = $0 + $name + _x$y + é"), [
            "kwLet:let", "identifier:`class`", "assign:=", "identifier:$0", "operatorToken:+", "identifier:$name",
            "operatorToken:+", "identifier:_x$y", "operatorToken:+", "identifier:é",
        ])
        XCTAssertEqual(tokens("actor async await throws"), [
            "identifier:actor", "identifier:async", "kwAwait:await", "identifier:throws",
        ])
    }

    /// Operators that start with a dot are one token (`.==` of SIMD types); a dot before a name
    /// or a slash is still a period.
    func testDotOperators() {
        XCTAssertEqual(tokens("a .== b; x .&= y; 0..<n; .init; a./*c*/b"), [
            "identifier:a", "operatorToken:.==", "identifier:b", "semicolon:;", "identifier:x", "operatorToken:.&=",
            "identifier:y", "semicolon:;", "integerLiteral:0", "operatorToken:..<", "identifier:n", "semicolon:;",
            "period:.", "kwInit:init", "semicolon:;", "identifier:a", "period:.", "identifier:b",
        ])
    }

    /// An unterminated block comment is flagged so that the front end can report it.
    func testUnterminatedBlockComment() {
        let stream = SwiftLexer.tokenize(SourceFile(path: "t.swift", text: "let a = 1 /* open /* nested */"))
        XCTAssertEqual(stream.comments.map(\.isTerminated), [false])
        XCTAssertEqual(SwiftLexer.tokenize(SourceFile(path: "t.swift", text: "/* a */ x")).comments.map(\.isTerminated), [true])
    }

    func testNumbers() {
        XCTAssertEqual(tokens("0x1F 0b1010 0o17 1_000_000 1.5 1e-3 0x1.8p3 t.0.1"), [
            "integerLiteral:0x1F", "integerLiteral:0b1010", "integerLiteral:0o17", "integerLiteral:1_000_000",
            "floatLiteral:1.5", "floatLiteral:1e-3", "floatLiteral:0x1.8p3", "identifier:t", "period:.",
            "integerLiteral:0", "period:.", "integerLiteral:1",
        ])
    }

    func testStringsWithNestedInterpolation() {
        XCTAssertEqual(tokens(#"f("a \(b("c \(d + ")") e")) f", x)"#), [
            "identifier:f", "leftParen:(", #"stringLiteral:"a \(b("c \(d + ")") e")) f""#, "comma:,",
            "identifier:x", "rightParen:)",
        ])
    }

    func testMultilineAndRawStrings() {
        let source = "let a = \"\"\"\n  line \"quoted\" \\(x)\n  \"\"\"\nlet b = #\"raw \\(no) \"#\nlet c = ##\"a\"#b\"##\nlet d = #\"\"\"#"
        XCTAssertEqual(tokens(source).filter { $0.hasPrefix("stringLiteral") }, [
            "stringLiteral:\"\"\"\n  line \"quoted\" \\(x)\n  \"\"\"", "stringLiteral:#\"raw \\(no) \"#",
            "stringLiteral:##\"a\"#b\"##", "stringLiteral:#\"\"\"#",
        ])
    }

    func testRegexLiterals() {
        XCTAssertEqual(tokens("let r = /a+b/ ; let e = #/x/y/#; let q = a / b / c"), [
            "kwLet:let", "identifier:r", "assign:=", "regexLiteral:/a+b/", "semicolon:;", "kwLet:let", "identifier:e",
            "assign:=", "regexLiteral:#/x/y/#", "semicolon:;", "kwLet:let", "identifier:q", "assign:=", "identifier:a",
            "operatorToken:/", "identifier:b", "operatorToken:/", "identifier:c",
        ])
    }

    func testCommentsNestAndStayOutOfTokens() {
        let file = SourceFile(path: "t.swift", text: "a /* x /* y */ z */ b // c\n/* unterminated")
        let stream = SwiftLexer.tokenize(file)
        XCTAssertEqual(stream.tokens.map(\.kind), [.identifier, .identifier, .eof])
        XCTAssertEqual(stream.comments.map { file.text(ByteRange(start: $0.start, end: $0.end)) },
                       ["/* x /* y */ z */", "// c", "/* unterminated"])
    }

    func testDirectivesAttributesAndOperators() {
        XCTAssertEqual(tokens("#if os(Linux)\n@MainActor x?.y! ..< a->b\n#endif"), [
            "pound:#if", "identifier:os", "leftParen:(", "identifier:Linux", "rightParen:)", "atSign:@",
            "identifier:MainActor", "identifier:x", "operatorToken:?", "period:.", "identifier:y", "operatorToken:!",
            "operatorToken:..<", "identifier:a", "arrow:->", "identifier:b", "pound:#endif",
        ])
    }

    func testFixityFromWhiteSpace() {
        let file = SourceFile(path: "t.swift", text: "a!.b c ? d : e -f g+h")
        let operators = SwiftLexer.tokenize(file).tokens.filter { $0.kind == .operatorToken }
        XCTAssertEqual(operators.map(\.isPostfixOperator), [true, false, false, false])
        XCTAssertEqual(operators.map(\.isPrefixOperator), [false, false, true, false])
        XCTAssertEqual(operators.map { $0.isLeftBound == $0.isRightBound }, [false, true, false, true])
    }

    func testNewlineFlag() {
        let file = SourceFile(path: "t.swift", text: "a\nb /*\n*/ c d")
        XCTAssertEqual(SwiftLexer.tokenize(file).tokens.dropLast().map(\.isAtLineStart), [false, true, true, false])
    }
}
