import TestSupport
import LintCore
import XCTest

/// Baselines written from one run and read by a later one, across the edits they must survive.
final class BaselineTests: XCTestCase {
    private func run(in directory: TemporaryDirectory, from subdirectory: String = "") -> LintResult {
        lint([], in: directory, from: subdirectory)
    }

    /// Records the current findings in `baseline.txt` at the root.
    private func record(_ directory: TemporaryDirectory) throws {
        let result = run(in: directory)
        if case .failure(let error) = Baseline.write(result.diagnostics, to: "baseline.txt", currentDirectory: directory.path) {
            XCTFail("\(error)")
        }
    }

    /// The findings a run reports once the baseline is applied.
    private func newFindings(_ directory: TemporaryDirectory, from subdirectory: String = "") throws -> [String] {
        var result = run(in: directory, from: subdirectory)
        let baseline = try Baseline.load(directory.url("baseline.txt"), currentDirectory: directory.url(subdirectory)).get()
        baseline.filter(&result, currentDirectory: directory.url(subdirectory))
        return result.lines
    }

    private func makeProject() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("svc/a.go", "package a\n\nfunc f() {\n\tBAD\n}\n\nfunc g() {\n\tWORSE\n\tBAD\n}\n")
        try directory.write("b.go", "BAD\nBAD\n")
        return directory
    }

    func testTheFileIsSortedPlainTextWithMessages() throws {
        let directory = try makeProject()
        try record(directory)
        let text = try String(contentsOfFile: directory.url("baseline.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.first, "# cancellint baseline 1")
        let entries = lines.filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        XCTAssertEqual(entries.map { [$0[0], $0[1], $0[3]] }, [
            ["b.go", "bad-line", "line contains BAD"],
            ["b.go", "bad-line", "line contains BAD"],
            ["svc/a.go", "bad-line", "line contains BAD"],
            ["svc/a.go", "bad-line", "line contains BAD"],
            ["svc/a.go", "worse-line", "line contains WORSE"],
        ])
        XCTAssertTrue(entries.allSatisfy { $0.count == 4 && $0[2].count >= 8 })
        // Recording again over unchanged findings gives the same bytes.
        try record(directory)
        XCTAssertEqual(try String(contentsOfFile: directory.url("baseline.txt"), encoding: .utf8), text)
    }

    func testNothingIsNewRightAfterRecording() throws {
        let directory = try makeProject()
        try record(directory)
        XCTAssertEqual(try newFindings(directory), [])
        var result = run(in: directory)
        try Baseline.load("baseline.txt", currentDirectory: directory.path).get().filter(&result, currentDirectory: directory.path)
        XCTAssertEqual(result.baselinedFindings, 5)
        XCTAssertEqual(RunSummary.summaryLine(for: result), "cancellint: no problems in 2 files (5 baselined findings hidden)")
    }

    func testInsertedLinesAboveAFindingKeepItBaselined() throws {
        let directory = try makeProject()
        try record(directory)
        try directory.write("svc/a.go", "package a\n\nimport \"x\"\n\n// f does things.\nfunc f() {\n\tBAD\n}\n\nfunc g() {\n\tWORSE\n\tBAD\n}\n")
        XCTAssertEqual(try newFindings(directory), [])
    }

    func testAMovedFunctionKeepsItsEntries() throws {
        let directory = try makeProject()
        try record(directory)
        try directory.write("svc/a.go", "package a\n\nfunc g() {\n\tWORSE\n\tBAD\n}\n\nfunc f() {\n\tBAD\n}\n")
        XCTAssertEqual(try newFindings(directory), [])
    }

    func testANewFindingIsReportedAndAFixedOneShrinksTheBaseline() throws {
        let directory = try makeProject()
        try record(directory)
        // One BAD fixed, one NOTE added, and a third identical BAD line: only the newcomers are new.
        try directory.write("b.go", "BAD\nNOTE\n")
        try directory.write("svc/a.go", "package a\n\nfunc f() {\n\tBAD\n}\n\nfunc g() {\n\tWORSE\n\tBAD\n\tBAD\n}\n")
        XCTAssertEqual(try newFindings(directory), [
            "b.go:2:1: info: line contains NOTE [note-line]",
            "svc/a.go:10:2: warning: line contains BAD [bad-line]",
        ])
        // Recording again drops the fixed finding's entry.
        try record(directory)
        let text = try String(contentsOfFile: directory.url("baseline.txt"), encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("b.go\t") }.count, 2)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("svc/a.go\tbad-line") }.count, 3)
    }

    func testARenamedFileIsReportedAsNewByDesign() throws {
        let directory = try makeProject()
        try record(directory)
        try FileManager.default.moveItem(atPath: directory.url("b.go"), toPath: directory.url("c.go"))
        XCTAssertEqual(try newFindings(directory), [
            "c.go:1:1: warning: line contains BAD [bad-line]",
            "c.go:2:1: warning: line contains BAD [bad-line]",
        ])
    }

    func testPathsAreRelativeToTheBaselineSoAnyWorkingDirectoryWorks() throws {
        let directory = try makeProject()
        try record(directory)
        XCTAssertEqual(try newFindings(directory, from: "svc"), [])
        try directory.write("svc/new.go", "WORSE\n")
        XCTAssertEqual(try newFindings(directory, from: "svc"), ["new.go:1:1: error: line contains WORSE [worse-line]"])
    }

    func testEscapedFieldsRoundTrip() throws {
        let diagnostic = Diagnostic(ruleID: "bad-line", severity: .warning, path: "dir\twith tab/a\\b.go",
                                    range: ByteRange(start: 0, end: 1), start: SourcePosition(line: 1, column: 1, offset: 0),
                                    end: SourcePosition(line: 1, column: 2, offset: 1), message: "two\nlines")
        var diagnostics = [diagnostic]
        Fingerprints.assign(&diagnostics)
        let text = Baseline.render(diagnostics, directory: "/r", currentDirectory: "/r")
        XCTAssertTrue(text.hasSuffix("dir\\twith tab/a\\\\b.go\tbad-line\t\(diagnostics[0].fingerprint)\ttwo\\nlines\n"))
        let baseline = try Baseline.parse(Array(text.utf8), path: "b", directory: "/r")
        XCTAssertEqual(baseline.entries, [Baseline.Entry(path: "dir\twith tab/a\\b.go", ruleID: "bad-line",
                                                         fingerprint: diagnostics[0].fingerprint)])
    }

    func testUnusableBaselinesAreRefused() throws {
        let directory = try TemporaryDirectory()
        try directory.write("go.mod", "module x\n")
        try directory.write("broken.txt", "# cancellint baseline 1\na.go\tbad-line\n")
        XCTAssertEqual(Baseline.load("missing.txt", currentDirectory: directory.path).failureText,
                       "cannot read baseline missing.txt: no such file or directory")
        XCTAssertEqual(Baseline.load("go.mod", currentDirectory: directory.path).failureText,
                       "go.mod is not a cancellint baseline: its first line is not `# cancellint baseline 1`")
        XCTAssertEqual(Baseline.load("broken.txt", currentDirectory: directory.path).failureText,
                       "invalid baseline entry at broken.txt:2: expected path, rule, fingerprint and message separated by tabs")
        XCTAssertEqual(Baseline.write([], to: "no/such/dir/b.txt", currentDirectory: directory.path).failureText,
                       "cannot write baseline no/such/dir/b.txt: no such file or directory")
    }
}

extension Result {
    /// The error's text, or nil on success.
    var failureText: String? {
        if case .failure(let error) = self { return "\(error)" }
        return nil
    }
}
