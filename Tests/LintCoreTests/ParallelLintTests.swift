import TestSupport
import LintCore
import XCTest

final class ParallelLintTests: XCTestCase {
    func testOutputIsSortedAndIdenticalAcrossRunsAndWorkerCounts() throws {
        let directory = try TemporaryDirectory()
        for folder in 0..<8 {
            for file in 0..<25 {
                // Vary sizes so workers finish out of order.
                let filler = String(repeating: "// filler\n", count: (folder * 7 + file * 13) % 50)
                try directory.write("d\(folder)/f\(file).go", "NOTE BAD\n\(filler)WORSE x BAD\nBAD\n")
            }
        }

        let first = lint([], in: directory, workers: 4)
        XCTAssertEqual(first.filesLinted, 200)
        XCTAssertEqual(first.diagnostics.count, 1000)
        XCTAssertEqual(Array(first.lines.prefix(5)), [
            "d0/f0.go:1:1: info: line contains NOTE [note-line]",
            "d0/f0.go:1:6: warning: line contains BAD [bad-line]",
            "d0/f0.go:2:1: error: line contains WORSE [worse-line]",
            "d0/f0.go:2:9: warning: line contains BAD [bad-line]",
            "d0/f0.go:3:1: warning: line contains BAD [bad-line]",
        ])
        XCTAssertEqual(first.diagnostics, first.diagnostics.sorted(by: Diagnostic.outputOrder))
        for workers in [1, 2, 4, 4, 7] {
            XCTAssertEqual(lint([], in: directory, workers: workers).lines, first.lines, "workers: \(workers)")
        }
    }

    func testFrontEndsMayRecurseFarDeeperThanADispatchThreadAllows() throws {
        let directory = try TemporaryDirectory()
        try directory.write("deep.go", "RECURSE\nBAD\n")

        XCTAssertEqual(lint([], in: directory).lines, ["deep.go:2:1: warning: line contains BAD [bad-line]"])
    }

    func testEmptyDirectoryLintsNothing() throws {
        let directory = try TemporaryDirectory()
        let result = lint([], in: directory)
        XCTAssertEqual(result.filesLinted, 0)
        XCTAssertEqual(result.exitStatus, .success)
    }
}
