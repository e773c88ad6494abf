import TestSupport
import CancelLintCLI
import Foundation
import GoRules
import LintCore
import XCTest

/// Every format's exact output on two small projects, compared with `Golden/<project>.<format>`.
/// `UPDATE_GOLDEN=1` rewrites the files after an intended change; review the diff.
///
/// The Go project runs the real front end (limited to the rules it was written for, so rules added
/// later do not change it) from a subfolder, so repository-relative paths differ from display
/// paths. The scripted project covers what Go rules do not produce yet: warnings, infos, related
/// locations, characters every format must escape, a path with a space, non-ASCII before a column.
final class OutputFormatGoldenTests: XCTestCase {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    /// Stands for the temporary project's absolute path, which differs on every run.
    static let rootPlaceholder = "/tmp/project"

    static let goFiles = [
        "pkg/fetch.go": """
            package pkg

            import (
            \t"context"
            \t"net/http"
            \t"time"
            )

            // Fetch forgets to release its timer.
            func Fetch(parent context.Context, client *http.Client, url string) (*http.Response, error) {
            \tctx, _ := context.WithTimeout(parent, 2*time.Second)
            \treq, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \treturn client.Do(req)
            }

            """,
        "pkg/broken.go": "package pkg\n\nfunc Broken() {\n\tgo func() {\n\t}(\n}\n",
        "cmd/server/main.go": """
            package main

            import (
            \t"context"
            \t"os"
            \t"os/signal"
            )

            func main() {
            \tctx, cancel := context.WithCancel(context.Background())
            \tdefer cancel()
            \tctx, _ = signal.NotifyContext(ctx, os.Interrupt)
            \t<-ctx.Done()
            }

            """,
    ]

    static let scriptedFiles = [
        "a.go": "package a // note\n\nvar s = \"héllo\" + old\n",
        "dir with space/b.go": "pair\n",
    ]

    /// The Go front end with only the rules these fixtures were written for.
    static var goFrontEnd: GoFrontEnd {
        GoFrontEnd(rules: GoRuleRegistry.all.filter { $0.id == "lost-cancel-discarded" })
    }

    static func project(_ files: [String: String]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeDirectory(".git")
        for (path, text) in files { try directory.write(path, text) }
        return directory
    }

    func testGoProjectInEveryFormat() throws {
        let directory = try Self.project(Self.goFiles)
        for format in OutputFormat.allCases {
            let result = runCommand(["--format", format.rawValue, "server", "../pkg"], in: directory.url("cmd"),
                                    frontEnds: [Self.goFrontEnd])
            XCTAssertEqual(result.status, 1, format.rawValue)
            XCTAssertEqual(result.stderr.text, "cancellint: 3 problems (3 errors) in 3 files\n", format.rawValue)
            try compare(result.stdout.text, directory: directory, golden: "go.\(format.rawValue)")
        }
    }

    func testScriptedProjectInEveryFormat() throws {
        let directory = try Self.project(Self.scriptedFiles)
        for format in OutputFormat.allCases {
            let result = runCommand(["--format", format.rawValue], in: directory.path, frontEnds: [ScriptedFrontEnd()])
            XCTAssertEqual(result.status, 1, format.rawValue)
            XCTAssertEqual(result.stderr.text, "cancellint: 4 problems (3 warnings, 1 info) in 2 files\n", format.rawValue)
            try compare(result.stdout.text, directory: directory, golden: "scripted.\(format.rawValue)")
        }
    }

    /// Machine-readable formats still produce a complete document when nothing was found.
    func testCleanRunsInEveryFormat() throws {
        let directory = try Self.project(["clean.go": "package clean\n"])
        var outputs: [String] = []
        for format in OutputFormat.allCases {
            let result = runCommand(["--format", format.rawValue], in: directory.path, frontEnds: [ScriptedFrontEnd()])
            XCTAssertEqual(result.status, 0)
            outputs.append(result.stdout.text.replacingOccurrences(of: directory.path, with: Self.rootPlaceholder))
        }
        XCTAssertEqual(outputs[0], "", "text")
        XCTAssertTrue(outputs[1].contains("\"diagnostics\": [],"), outputs[1])
        XCTAssertTrue(outputs[2].contains("\"results\": [],"), outputs[2])
        XCTAssertEqual(outputs[3], "", "github")
        XCTAssertEqual(outputs[4], "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n")
        XCTAssertEqual(OutputFormat.allCases.map(\.rawValue), ["text", "json", "sarif", "github", "checkstyle"])
    }

    private func compare(_ output: String, directory: TemporaryDirectory, golden name: String,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let stable = output.replacingOccurrences(of: directory.path, with: Self.rootPlaceholder)
        let url = Self.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try stable.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file Golden/\(name) (run with UPDATE_GOLDEN=1 to create it)", file: file, line: line)
            return
        }
        XCTAssertEqual(stable, expected, "output differs from Golden/\(name)", file: file, line: line)
    }
}
