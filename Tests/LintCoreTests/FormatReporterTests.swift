import LintCore
import XCTest

/// Details of the formats that the command's golden files do not pin down one by one.
final class FormatReporterTests: XCTestCase {
    private func result(_ file: SourceFile, _ diagnostics: [Diagnostic]) -> LintResult {
        var result = LintResult(diagnostics: diagnostics, pathProblems: [], filesLinted: 1, generatedFilesSkipped: 0,
                                failOn: .warning)
        result.sources[file.path] = LintedSource(file: file, location: nil)
        return result
    }

    private func diagnostic(_ file: SourceFile, _ start: Int32, _ end: Int32, _ message: String = "m",
                            severity: Severity = .error, related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(ruleID: "rule", severity: severity, file: file, range: ByteRange(start: start, end: end),
                   message: message, related: related)
    }

    func testGitHubEscaping() {
        XCTAssertEqual(GitHubReporter.escapeData("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b")
        XCTAssertEqual(GitHubReporter.escapeProperty("dir:x,y/100%.go"), "dir%3Ax%2Cy/100%25.go")
        let file = SourceFile(path: "a:b,c.go", text: "x\n")
        XCTAssertEqual(GitHubReporter().report(result(file, [diagnostic(file, 0, 1, "50%\nof it", severity: .info)]),
                                               context: ReportContext(rules: [])),
                       "::notice file=a%3Ab%2Cc.go,line=1,col=1,endLine=1,endColumn=2,title=rule::50%25%0Aof it\n")
    }

    func testCheckstyleEscaping() {
        XCTAssertEqual(CheckstyleReporter.escape("<a href=\"x\">'&'</a>\tline\nbreak\u{1}"),
                       "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#9;line&#10;break\u{FFFD}")
        XCTAssertEqual(CheckstyleReporter().report(result(SourceFile(path: "a.go", text: ""), []), context: ReportContext(rules: [])),
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n")
    }

    /// `é` is two bytes but one UTF-16 unit, `😀` four bytes and two units: SARIF columns count units.
    func testSARIFColumnsCountUTF16CodeUnits() throws {
        let file = SourceFile(path: "a.go", text: "\"é😀\" + x\n")
        let flagged = Int32(Array("\"é😀\" + ".utf8).count)
        let log = SARIFReporter().report(result(file, [diagnostic(file, flagged, flagged + 1)]), context: ReportContext(rules: []))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(log.utf8)) as? [String: Any])
        let run = try XCTUnwrap((json["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "utf16CodeUnits")
        let result = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try XCTUnwrap(location["region"] as? [String: Int])
        XCTAssertEqual(region, ["startLine": 1, "startColumn": 9, "endLine": 1, "endColumn": 10])
        XCTAssertEqual(flagged + 1, 12, "byte columns would say 12")
        XCTAssertNil(result["ruleIndex"], "a rule the context does not list has no index")
    }

    func testTerminalTextColoursAndQuotesTheLine() {
        let file = SourceFile(path: "a.go", text: "package a\n\tctx, _ := f()\n")
        let related = RelatedLocation(range: ByteRange(start: 0, end: 7), start: file.position(of: 0), message: "see here")
        let text = TextReporter().report(result(file, [diagnostic(file, 11, 14, "bad ctx", related: [related])]),
                                         context: ReportContext(rules: [], terminal: true))
        XCTAssertEqual(text, """
            \u{1B}[1ma.go:2:2:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m bad ctx \u{1B}[2m[rule]\u{1B}[0m
              \u{1B}[2m2 |\u{1B}[0m \tctx, _ := f()
              \u{1B}[2m  |\u{1B}[0m \t\u{1B}[1;31m^~~\u{1B}[0m
              \u{1B}[1ma.go:1:1:\u{1B}[0m \u{1B}[1;36mnote:\u{1B}[0m see here

            """)
    }

    func testTerminalExcerptAlignsAfterMultibyteTextAndHidesControlCharacters() {
        let file = SourceFile(path: "a.go", text: "x := \"é\u{1B}[31m\" + y\r\n")
        let flagged = Int32(Array("x := \"é\u{1B}[31m\" + ".utf8).count)
        let text = TextReporter().report(result(file, [diagnostic(file, flagged, flagged + 1, severity: .warning)]),
                                         context: ReportContext(rules: [], terminal: true))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[1], "  \u{1B}[2m1 |\u{1B}[0m x := \"é\u{FFFD}[31m\" + y")
        // One space per character before the column: é is one character, the escape another.
        XCTAssertEqual(lines[2], "  \u{1B}[2m  |\u{1B}[0m " + String(repeating: " ", count: 16) + "\u{1B}[1;33m^\u{1B}[0m")
    }

    func testTerminalTextSkipsVeryLongLinesAndMultiLineRangesUnderlineToTheEnd() {
        let long = SourceFile(path: "a.go", text: String(repeating: "x", count: 500) + "\n")
        let longText = TextReporter().report(result(long, [diagnostic(long, 3, 4)]), context: ReportContext(rules: [], terminal: true))
        XCTAssertEqual(longText.split(separator: "\n").count, 1)
        let multi = SourceFile(path: "a.go", text: "abc\ndef\n")
        let multiText = TextReporter().report(result(multi, [diagnostic(multi, 1, 6)]), context: ReportContext(rules: [], terminal: true))
        XCTAssertTrue(multiText.contains(" \u{1B}[1;31m^~\u{1B}[0m\n"), multiText)
    }

    func testPlainTextIgnoresTheSource() {
        let file = SourceFile(path: "a.go", text: "abc\n")
        XCTAssertEqual(TextReporter().report(result(file, [diagnostic(file, 1, 2)]), context: ReportContext(rules: [])),
                       "a.go:1:2: error: m [rule]\n")
    }
}
