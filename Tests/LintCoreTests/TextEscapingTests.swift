import LintCore
import XCTest

/// Names and messages as the text format, the summary and `--fix --diff` headers write them.
final class TextEscapingTests: XCTestCase {
    func testNamesAreQuotedOnlyWhenNeededAsGoQuotesThem() {
        XCTAssertEqual(TextEscaping.quotedIfNeeded("pkg/a b.go"), "pkg/a b.go")
        XCTAssertEqual(TextEscaping.quotedIfNeeded("pkg/é\\.go"), "pkg/é\\.go")
        XCTAssertEqual(TextEscaping.quotedIfNeeded("a\nb.go"), "\"a\\nb.go\"")
        XCTAssertEqual(TextEscaping.quotedIfNeeded("a\tb\r\u{07}\u{08}\u{0B}\u{0C}.go"), "\"a\\tb\\r\\a\\b\\v\\f.go\"")
        XCTAssertEqual(TextEscaping.quotedIfNeeded("\u{1B}[2J\u{7F}\u{9B}.go"), "\"\\x1b[2J\\x7f\\u009b.go\"")
        XCTAssertEqual(TextEscaping.quotedIfNeeded("\"q\\\".go"), "\"\\\"q\\\\\\\".go\"")
    }

    func testMessagesKeepTabsAndEscapeOtherControlCharacters() {
        XCTAssertEqual(TextEscaping.escapingControlCharacters("plain\ttext"), "plain\ttext")
        XCTAssertEqual(TextEscaping.escapingControlCharacters("`x\u{1B}]0;owned\u{07}` is unused"), "`x\\x1b]0;owned\\a` is unused")
        let file = SourceFile(path: "a\u{1B}.go", text: "x\n")
        let diagnostic = Diagnostic(ruleID: "r", severity: .warning, file: file, range: ByteRange(start: 0, end: 1),
                                    message: "name `\u{1B}[31m`\nsecond line")
        XCTAssertEqual(TextReporter.line(for: diagnostic), "\"a\\x1b.go\":1:1: warning: name `\\x1b[31m` second line [r]")
        XCTAssertEqual(PathProblem(path: "a\nb.go", message: "cannot read: x\u{1B}", origin: .named).description,
                       "\"a\\nb.go\": cannot read: x\\x1b")
    }

    func testDiffHeaderPathsAreQuotedTheWayGitQuotesThem() {
        XCTAssertEqual(TextEscaping.diffHeaderPath("a/plain.go"), "a/plain.go")
        XCTAssertEqual(TextEscaping.diffHeaderPath("a/with space.go"), "a/with space.go\t")
        XCTAssertEqual(TextEscaping.diffHeaderPath("a/with\ttab.go"), "\"a/with\\ttab.go\"")
        XCTAssertEqual(TextEscaping.diffHeaderPath("a/x\u{1B}\"\\é.go"), "\"a/x\\033\\\"\\\\\\303\\251.go\"")
        XCTAssertEqual(TextEscaping.diffHeaderPath("a/é.go"), "a/é.go")
        XCTAssertEqual(TextEscaping.diffHeaderPath(FileName.decode([0x61, 0xFF, 0x2E, 0x67, 0x6F])), "\"a\\377.go\"")
    }

    func testFileNamesThatAreNotUTF8RoundTrip() {
        let raw: [UInt8] = [0x61, 0xFF, 0xC3, 0xA9, 0xED, 0xA0, 0x80, 0xC3, 0x2E, 0x67, 0x6F]
        let name = FileName.decode(raw)
        XCTAssertEqual(FileName.bytes(name), raw)
        XCTAssertEqual(TextEscaping.quotedIfNeeded(name), "\"a\\xffé\\xed\\xa0\\x80\\xc3.go\"")
        XCTAssertEqual(FileName.decode(Array("plain é.go".utf8)), "plain é.go")
        XCTAssertEqual(FileName.bytes("plain é.go"), Array("plain é.go".utf8))
    }
}
