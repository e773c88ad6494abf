import TestSupport
import LintCore
import XCTest

final class ExitStatusTests: XCTestCase {
    private func result(_ severities: [Severity], problems: [PathProblem] = [], failOn: Severity) -> LintResult {
        let file = SourceFile(path: "a.go", text: "x\n")
        let diagnostics = severities.map {
            Diagnostic(ruleID: "r", severity: $0, file: file, range: ByteRange(start: 0, end: 1), message: "m")
        }
        return LintResult(diagnostics: diagnostics, pathProblems: problems, filesLinted: 1,
                          generatedFilesSkipped: 0, failOn: failOn)
    }

    func testCodes() {
        XCTAssertEqual(ExitStatus.success.rawValue, 0)
        XCTAssertEqual(ExitStatus.findings.rawValue, 1)
        XCTAssertEqual(ExitStatus.usageOrInputError.rawValue, 2)
    }

    func testFindingsFailOnlyAtOrAboveTheFailingSeverity() {
        XCTAssertEqual(result([], failOn: .info).exitStatus, .success)
        XCTAssertEqual(result([.info], failOn: .warning).exitStatus, .success)
        XCTAssertEqual(result([.info], failOn: .info).exitStatus, .findings)
        XCTAssertEqual(result([.warning], failOn: .warning).exitStatus, .findings)
        XCTAssertEqual(result([.warning, .info], failOn: .error).exitStatus, .success)
        XCTAssertEqual(result([.error], failOn: .error).exitStatus, .findings)
    }

    func testOnlyProblemsWithNamedPathsForceStatusTwo() {
        let found = PathProblem(path: "x.go", message: "cannot read: permission denied", origin: .found)
        let named = PathProblem(path: "y.go", message: "cannot read: permission denied", origin: .named)
        XCTAssertEqual(result([], problems: [found], failOn: .warning).exitStatus, .success)
        XCTAssertEqual(result([.error], problems: [found], failOn: .warning).exitStatus, .findings)
        XCTAssertEqual(result([.error], problems: [named], failOn: .warning).exitStatus, .usageOrInputError)
    }

    func testEngineAppliesFailOn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "NOTE\nBAD\n")

        XCTAssertEqual(lint([], in: directory, failOn: .error).exitStatus, .success)
        XCTAssertEqual(lint([], in: directory, failOn: .warning).exitStatus, .findings)
        XCTAssertEqual(lint([], in: directory, failOn: .info).exitStatus, .findings)
    }
}
