import LintCore
import XCTest

final class ReportingTests: XCTestCase {
    private let file = SourceFile(path: "pkg/a.go", text: "package a\n\tctx := x\n")

    private func diagnostic(_ severity: Severity, at offset: Int32, _ message: String = "cancel is never called",
                            rule: String = "lost-cancel") -> Diagnostic {
        Diagnostic(ruleID: rule, severity: severity, file: file, range: ByteRange(start: offset, end: offset + 1),
                   message: message)
    }

    private func result(_ diagnostics: [Diagnostic], problems: [PathProblem] = [], files: Int = 12,
                        generated: Int = 0) -> LintResult {
        LintResult(diagnostics: diagnostics, pathProblems: problems, filesLinted: files,
                   generatedFilesSkipped: generated, failOn: .warning)
    }

    func testTextReporterPrintsOneLinePerDiagnostic() {
        let text = TextReporter().report(result([diagnostic(.warning, at: 11), diagnostic(.error, at: 0, rule: "x")]),
                                         context: ReportContext(rules: []))
        XCTAssertEqual(text, """
            pkg/a.go:2:2: warning: cancel is never called [lost-cancel]
            pkg/a.go:1:1: error: cancel is never called [x]

            """)
        XCTAssertEqual(OutputFormat.text.reporter.report(result([]), context: ReportContext(rules: [])), "")
    }

    func testLineBreaksInMessagesDoNotSplitTheLine() {
        XCTAssertEqual(TextReporter.line(for: diagnostic(.info, at: 0, "first\nsecond\r\nthird")),
                       "pkg/a.go:1:1: info: first second third [lost-cancel]")
    }

    func testSummaryLines() {
        XCTAssertEqual(RunSummary.summaryLine(for: result([])), "cancellint: no problems in 12 files")
        XCTAssertEqual(RunSummary.summaryLine(for: result([], files: 1)), "cancellint: no problems in 1 file")
        XCTAssertEqual(RunSummary.summaryLine(for: result([diagnostic(.error, at: 0), diagnostic(.warning, at: 1),
                                                           diagnostic(.warning, at: 2)])),
                       "cancellint: 3 problems (1 error, 2 warnings) in 12 files")
        XCTAssertEqual(RunSummary.summaryLine(for: result([diagnostic(.info, at: 0)], files: 1, generated: 2)),
                       "cancellint: 1 problem (1 info) in 1 file (2 generated files skipped)")
        XCTAssertEqual(RunSummary.summaryLine(for: result([], generated: 1)),
                       "cancellint: no problems in 12 files (1 generated file skipped)")
    }

    func testSummaryTextListsPathProblemsFirst() {
        let problems = [PathProblem(path: "x.go", message: "cannot read: permission denied", origin: .found)]
        XCTAssertEqual(RunSummary.text(for: result([], problems: problems)), """
            cancellint: x.go: cannot read: permission denied
            cancellint: no problems in 12 files

            """)
        XCTAssertEqual(RunSummary.text(for: result([], problems: problems), includeSummaryLine: false),
                       "cancellint: x.go: cannot read: permission denied\n")
    }
}
