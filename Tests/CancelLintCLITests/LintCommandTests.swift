import TestSupport
import LintCore
import XCTest

final class LintCommandTests: XCTestCase {
    private func makeProject() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "package a\n\tBAD WORSE\n")
        try directory.write("b.go", "NOTE\n")
        try directory.write("sub/c.go", "package sub\n")
        try directory.write("vendor/v.go", "BAD\n")
        return directory
    }

    func testLintPrintsFindingsOnStdoutAndTheSummaryOnStderr() throws {
        let directory = try makeProject()
        let result = runCommand([], in: directory.path)
        XCTAssertEqual(result.stdout.text, """
            a.go:2:2: warning: line contains BAD [bad-line]
            a.go:2:6: error: line contains WORSE [worse-line]
            b.go:1:1: info: line contains NOTE [note-line]

            """)
        XCTAssertEqual(result.stderr.text, "cancellint: 3 problems (1 error, 1 warning, 1 info) in 3 files\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout.writes.count, 1)
        XCTAssertEqual(result.stderr.writes.count, 1)
    }

    func testCleanRun() throws {
        let directory = try makeProject()
        let result = runCommand(["sub"], in: directory.path)
        XCTAssertEqual(result.stdout.writes, [])
        XCTAssertEqual(result.stderr.text, "cancellint: no problems in 1 file\n")
        XCTAssertEqual(result.status, 0)
    }

    func testFailOn() throws {
        let directory = try makeProject()
        XCTAssertEqual(runCommand(["b.go"], in: directory.path).status, 0)
        XCTAssertEqual(runCommand(["--fail-on", "info", "b.go"], in: directory.path).status, 1)
        XCTAssertEqual(runCommand(["--fail-on=error"], in: directory.path).status, 1)
        XCTAssertEqual(runCommand(["--fail-on=error", "vendor"], in: directory.path).status, 0)
        XCTAssertEqual(runCommand(["--fail-on=warning", "vendor"], in: directory.path).status, 1)
    }

    func testQuietLeavesOutTheSummaryButNotPathProblems() throws {
        let directory = try makeProject()
        XCTAssertEqual(runCommand(["-q", "sub"], in: directory.path).stderr.writes, [])
        let result = runCommand(["--quiet", "missing.go", "sub"], in: directory.path)
        XCTAssertEqual(result.stderr.text, "cancellint: missing.go: cannot read: no such file or directory\n")
        XCTAssertEqual(result.status, 2)
    }

    func testMissingNamedPathExitsTwoAfterLintingTheRest() throws {
        let directory = try makeProject()
        let result = runCommand(["missing.go", "a.go"], in: directory.path)
        XCTAssertEqual(result.stdout.text, """
            a.go:2:2: warning: line contains BAD [bad-line]
            a.go:2:6: error: line contains WORSE [worse-line]

            """)
        XCTAssertEqual(result.stderr.text, """
            cancellint: missing.go: cannot read: no such file or directory
            cancellint: 2 problems (1 error, 1 warning) in 1 file

            """)
        XCTAssertEqual(result.status, 2)
    }

    func testExplicitFileNoFrontEndReadsIsAUsageProblem() throws {
        let directory = try makeProject()
        try directory.write("README.md", "BAD\n")
        let result = runCommand(["README.md", "sub/c.go"], in: directory.path)
        XCTAssertEqual(result.stderr.text, "cancellint: README.md: not a Go file\ncancellint: no problems in 1 file\n")
        XCTAssertEqual(result.status, 2)
    }

    func testGeneratedFilesAreCountedInTheSummary() throws {
        let directory = try TemporaryDirectory()
        try directory.write("gen.go", "\(FakeFrontEnd.generatedMarker)\nBAD\n")
        let walked = runCommand([], in: directory.path)
        XCTAssertEqual(walked.stderr.text, "cancellint: no problems in 0 files (1 generated file skipped)\n")
        XCTAssertEqual(walked.status, 0)
        let named = runCommand(["gen.go"], in: directory.path)
        XCTAssertEqual(named.stdout.text, "gen.go:2:1: warning: line contains BAD [bad-line]\n")
        XCTAssertEqual(named.status, 1)
    }

    func testAPathNamedLikeACommandCanBeLintedAfterDoubleDash() throws {
        let directory = try TemporaryDirectory()
        try directory.write("rules/r.go", "BAD\n")
        for arguments in [["--", "rules"], ["./rules"]] {
            let result = runCommand(arguments, in: directory.path)
            XCTAssertEqual(result.stdout.text, "rules/r.go:1:1: warning: line contains BAD [bad-line]\n", "\(arguments)")
        }
    }

    func testRelativeDisplayPathsFromASubdirectory() throws {
        let directory = try makeProject()
        let result = runCommand(["../a.go", "."], in: directory.url("sub"))
        XCTAssertEqual(result.stdout.text, """
            ../a.go:2:2: warning: line contains BAD [bad-line]
            ../a.go:2:6: error: line contains WORSE [worse-line]

            """)
        XCTAssertEqual(result.stderr.text, "cancellint: 2 problems (1 error, 1 warning) in 2 files\n")
    }
}
