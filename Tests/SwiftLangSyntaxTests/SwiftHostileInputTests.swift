import LintCore
import SwiftLangSyntax
import XCTest

/// Malformed and adversarial input: the lexer and parser must finish, never trap, and keep
/// every node inside the file.
final class SwiftHostileInputTests: XCTestCase {
    private func assertSurvives(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let source = SourceFile(path: "hostile.swift", bytes: bytes)
        let tree = SwiftParser.parse(source)
        for node in tree.nodes.dropFirst() {
            XCTAssertTrue(node.start >= 0 && node.start <= node.end && Int(node.end) <= bytes.count,
                          "node out of range", file: file, line: line)
        }
        _ = tree.dump()
    }

    func testDeepNesting() {
        for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("{ x in ", "}"), ("f(", ")"), ("!", ""), ("- ", "")] {
            let text = "let x = " + String(repeating: open, count: 20_000) + "1" + String(repeating: close, count: 20_000)
            assertSurvives(Array(text.utf8))
        }
        assertSurvives(Array((String(repeating: "if a { ", count: 5_000) + String(repeating: "}", count: 5_000)).utf8))
        assertSurvives(Array((String(repeating: "class A { func f() { ", count: 3_000)).utf8))
    }

    func testUnterminatedLiteralsAndComments() {
        for text in ["let s = \"abc", "let s = \"\"\"\nabc", "let s = #\"abc\"", "let s = \"a \\(b(\"c \\(", "/* a /* b */",
                     "let r = #/abc", "x = `abc", "let s = \"\\(", "f(\"\"\"\n\\(\"\"\"\n"] {
            assertSurvives(Array(text.utf8))
        }
        assertSurvives(Array(String(repeating: "\"\\(", count: 10_000).utf8))
    }

    func testInvalidUTF8AndControlBytes() {
        assertSurvives([0xFF, 0xFE, 0x00, 0x80, 0xC3, 0x28, 0x7B, 0xE2, 0x82, 0x7D, 0x22, 0x5C, 0x28])
        assertSurvives([0xEF, 0xBB, 0xBF] + Array("#!/usr/bin/env swift\nprint(1)".utf8))
    }

    func testRandomBytesAndTokenSoup() {
        var generator = SplitMix(seed: 0x5EED)
        let pieces = ["{", "}", "(", ")", "[", "]", "<", ">", "\"", "\\(", "#", "/", "*", "@", "`", "in", "let", "case",
                      "Task", "await", "try?", "?", "!", ".", ",", ":", "=", "\n", " ", "#if", "#endif", "func", "var"]
        for _ in 0..<300 {
            let count = Int(generator.next() % 400)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            assertSurvives(bytes)
            let soup = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            assertSurvives(Array(soup.utf8))
        }
    }
}

/// A small deterministic generator, so a failing input can be reproduced.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// A flood of broken tokens keeps a bounded number of errors and one unmodeled range per run,
    /// and the first error is still the file's first.
    func testBrokenTokenFloodsStayBounded() {
        let stray = SwiftParser.parse(SourceFile(path: "t.swift", text: "let a = 1\n" + String(repeating: "'", count: 100_000)))
        XCTAssertEqual(stray.unmodeled.count, 1)
        XCTAssertLessThanOrEqual(stray.errors.count, 2 * SwiftParser.maximumErrorCount + 1)
        XCTAssertEqual(stray.errors.first, SwiftSyntaxError(offset: 10, message: "unexpected character `'`"))
        let closers = SwiftParser.parse(SourceFile(path: "t.swift", text: "{" + String(repeating: ")", count: 100_000)))
        XCTAssertLessThanOrEqual(closers.errors.count, 2 * SwiftParser.maximumErrorCount + 1)
        XCTAssertEqual(closers.errors.first?.offset, 0)
    }
}
