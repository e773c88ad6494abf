import TestSupport
import CancelLintCLI
import Foundation
import XCTest

/// Where the report goes (`--output`) and when it is coloured (terminal, `NO_COLOR`, `--no-color`).
final class ReportDestinationTests: XCTestCase {
    private func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "package a\n\tBAD\n")
        return directory
    }

    static let coloured = """
        \u{1B}[1ma.go:2:2:\u{1B}[0m \u{1B}[1;33mwarning:\u{1B}[0m line contains BAD \u{1B}[2m[bad-line]\u{1B}[0m
          \u{1B}[2m2 |\u{1B}[0m \tBAD
          \u{1B}[2m  |\u{1B}[0m \t\u{1B}[1;33m^~~\u{1B}[0m

        """
    static let plain = "a.go:2:2: warning: line contains BAD [bad-line]\n"

    func testOutputFileGetsTheReportAndStderrTheSummary() throws {
        let directory = try project()
        try directory.makeDirectory("reports")
        for format in ["text", "json", "sarif", "github", "checkstyle"] {
            let result = runCommand(["--format", format, "--output", "reports/out.\(format)", "a.go"], in: directory.path)
            XCTAssertEqual(result.stdout.writes, [], format)
            XCTAssertEqual(result.stderr.text, "cancellint: 1 problem (1 warning) in 1 file\n", format)
            XCTAssertEqual(result.status, 1, format)
            let written = try String(contentsOfFile: directory.url("reports/out.\(format)"), encoding: .utf8)
            XCTAssertEqual(written, runCommand(["--format", format, "a.go"], in: directory.path).stdout.text, format)
        }
        let result = runCommand(["--output", "reports/out.txt", "a.go"], in: directory.path, terminal: true)
        XCTAssertEqual(result.stdout.writes, [])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try String(contentsOfFile: directory.url("reports/out.txt"), encoding: .utf8), Self.plain,
                       "a file is never coloured, even when stdout is a terminal")
        // A clean run leaves an empty report, not a stale one.
        try directory.write("a.go", "package a\n")
        XCTAssertEqual(runCommand(["--output", directory.url("reports/out.txt"), "a.go"], in: directory.path).status, 0)
        XCTAssertEqual(try String(contentsOfFile: directory.url("reports/out.txt"), encoding: .utf8), "")
    }

    func testAnUnwritableOutputIsAnInputError() throws {
        let directory = try project()
        let result = runCommand(["--output", "missing/out.txt", "a.go"], in: directory.path)
        XCTAssertEqual(result.stderr.text, """
            cancellint: cannot write the report to missing/out.txt: no such file or directory
            cancellint: 1 problem (1 warning) in 1 file

            """)
        XCTAssertEqual(result.status, 2)
    }

    func testColourAndExcerptOnlyOnATerminal() throws {
        let directory = try project()
        XCTAssertEqual(runCommand(["a.go"], in: directory.path, terminal: true).stdout.text, Self.coloured)
        XCTAssertEqual(runCommand(["a.go"], in: directory.path, terminal: false).stdout.text, Self.plain)
        XCTAssertEqual(runCommand(["--no-color", "a.go"], in: directory.path, terminal: true).stdout.text, Self.plain)
        for (name, value, expected) in [("NO_COLOR", "1", Self.plain), ("NO_COLOR", "", Self.coloured),
                                        ("TERM", "dumb", Self.plain), ("TERM", "xterm-256color", Self.coloured)] {
            let result = runCommand(["a.go"], in: directory.path, environment: RunEnvironment(variables: [name: value]),
                                    terminal: true)
            XCTAssertEqual(result.stdout.text, expected, "\(name)=\(value)")
        }
        let json = runCommand(["--format", "json", "a.go"], in: directory.path, terminal: true).stdout.text
        XCTAssertFalse(json.contains("\u{1B}"), "only the text format is ever coloured")
        XCTAssertFalse(runCommand(["a.go"], in: directory.path, terminal: true).stderr.text.contains("\u{1B}"))
    }
}
