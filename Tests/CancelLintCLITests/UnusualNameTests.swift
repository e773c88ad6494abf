import TestSupport
import CancelLintCLI
import Foundation
import LintCore
import XCTest

/// File names with line breaks, tabs, spaces and escape sequences, and inputs too large or with
/// counts out of range: one finding stays one line that blames the right file, a diff applies,
/// and nothing traps.
final class UnusualNameTests: XCTestCase {
    func testNamesWithControlCharactersAreQuotedInTheTextFormat() throws {
        let directory = try TemporaryDirectory()
        try directory.write("x\ny.go", "BAD\n")
        try directory.write("\u{1B}[31mred.go", "BAD\n")
        try directory.write("plain tab\t.go", "BAD\n")
        try directory.write("\"quoted.go", "BAD\n")
        let result = runCommand(["."], in: directory.path)
        XCTAssertEqual(result.stdout.text, """
            "\\x1b[31mred.go":1:1: warning: line contains BAD [bad-line]
            "\\"quoted.go":1:1: warning: line contains BAD [bad-line]
            "plain tab\\t.go":1:1: warning: line contains BAD [bad-line]
            "x\\ny.go":1:1: warning: line contains BAD [bad-line]

            """)
        let terminal = runCommand(["x\ny.go"], in: directory.path, terminal: true)
        XCTAssertTrue(terminal.stdout.text.hasPrefix("\u{1B}[1m\"x\\ny.go\":1:1:\u{1B}[0m "), terminal.stdout.text)
        try directory.write("p\nair.go", "pair\n")
        let skipped = runCommand(["--fix", "--diff", "p\nair.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertTrue(skipped.stderr.text.hasPrefix("cancellint: \"p\\nair.go\":1:1: fix for [pair-b] skipped: "),
                      skipped.stderr.text)
        let missing = runCommand(["gone\n.go"], in: directory.path)
        XCTAssertEqual(missing.stderr.text, """
            cancellint: "gone\\n.go": cannot read: no such file or directory
            cancellint: no problems in 0 files

            """)
    }

    func testNamesThatAreNotUTF8AreLintedFixedAndPrintedEscaped() throws {
        let directory = try TemporaryDirectory()
        let name = FileName.decode([0x61, 0xFF, 0x2E, 0x67, 0x6F])
        let file = directory.path + "/" + name
        let descriptor = FileName.withSystemPath(file) { open($0, O_WRONLY | O_CREAT, 0o644) }
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        _ = SystemIO.writeAll(descriptor, "old BAD\n")
        close(descriptor)
        for arguments in [["."], [name]] {
            let result = runCommand(arguments, in: directory.path)
            XCTAssertEqual(result.stdout.text, "\"a\\xff.go\":1:5: warning: line contains BAD [bad-line]\n", "\(arguments)")
            XCTAssertEqual(result.stderr.text, "cancellint: 1 problem (1 warning) in 1 file\n")
        }
        let fixed = runCommand(["--fix", name], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(fixed.stderr.text, "cancellint: fixed 1 problem in 1 file\ncancellint: no problems in 1 file\n")
        XCTAssertEqual(FileManager.default.contents(atPath: directory.path + "/a\u{FFFD}.go"), nil)
        let reopened = FileName.withSystemPath(file) { open($0, O_RDONLY) }
        defer { close(reopened) }
        XCTAssertEqual(SystemIO.readAll(reopened).map { String(decoding: $0, as: UTF8.self) }, .success("new BAD\n"))
    }

    func testFixDiffHeadersApplyWithPatchAndGitForSpacesTabsAndQuotes() throws {
        let directory = try TemporaryDirectory()
        let names = ["with space.go", "with\ttab.go", "back\\slash \"q\".go", "plain.go"]
        for name in names { try directory.write("src/\(name)", "x\nold\n") }
        let result = runCommand(["--fix", "--diff", "src"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        let headers = result.stdout.text.split(separator: "\n").filter { $0.hasPrefix("--- ") || $0.hasPrefix("+++ ") }
        XCTAssertEqual(headers, [
            "--- \"a/src/back\\\\slash \\\"q\\\".go\"", "+++ \"b/src/back\\\\slash \\\"q\\\".go\"",
            "--- a/src/plain.go", "+++ b/src/plain.go",
            "--- \"a/src/with\\ttab.go\"", "+++ \"b/src/with\\ttab.go\"",
            "--- a/src/with space.go\t", "+++ b/src/with space.go\t",
        ])
        let patchFile = directory.url("fixes.diff")
        try Data(result.stdout.text.utf8).write(to: URL(fileURLWithPath: patchFile))

        // The changed-lines reader understands the same headers.
        let changed = try ChangedLines(unifiedDiff: Array(result.stdout.text.utf8))
        for name in names { XCTAssertTrue(changed.contains(path: "src/\(name)", line: 2), name) }

        for tool in [["patch", "-p1", "-s", "-i", patchFile], ["git", "apply", patchFile]] {
            guard let executable = Self.executable(tool[0]) else { continue }
            for name in names { try directory.write("src/\(name)", "x\nold\n") }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = Array(tool.dropFirst())
            process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, tool[0])
            for name in names {
                XCTAssertEqual(try String(contentsOfFile: directory.url("src/\(name)"), encoding: .utf8), "x\nnew\n",
                               "\(tool[0]) \(name)")
            }
        }
    }

    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func testAFileOfTwoGibibytesIsRefusedWithoutReadingIt() throws {
        let directory = try TemporaryDirectory()
        try directory.write("tree/big.go", "")
        // Sparse: costs no disk, and the size check comes before any read.
        XCTAssertEqual(truncate(directory.url("tree/big.go"), off_t(1) << 31), 0)
        let named = runCommand(["tree/big.go"], in: directory.path)
        XCTAssertEqual(named.stderr.text, """
            cancellint: tree/big.go: cannot read: file too large (2 GiB or more; the limit is 2 GiB less one byte)
            cancellint: no problems in 0 files

            """)
        XCTAssertEqual(named.status, 2)
        let found = runCommand(["tree"], in: directory.path)
        XCTAssertEqual(found.stderr.text, named.stderr.text)
        XCTAssertEqual(found.status, 2, "unlike an unreadable file found while walking, a source file too large to lint fails the run")
    }

    func testStandardInputBeyondTheLimitIsRefused() throws {
        var descriptors: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&descriptors), 0)
        _ = SystemIO.writeAll(descriptors[1], "0123456789")
        close(descriptors[1])
        defer { close(descriptors[0]) }
        XCTAssertEqual(SystemIO.readAll(descriptors[0], sizeLimit: 4).failure?.reason, "file too large (more than 4 bytes)")
    }

    func testHunkLineNumbersOutOfRangeAreAnErrorNotATrap() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.go", "BAD\n")
        for (header, message) in [
            ("@@ -1 +9223372036854775807 @@", "line 3: hunk header line numbers out of range (the largest is 2147483647)"),
            ("@@ -1 +1,9223372036854775807 @@", "line 3: hunk header line numbers out of range (the largest is 2147483647)"),
            ("@@ -1,9223372036854775807 +1 @@", "line 3: hunk header line numbers out of range (the largest is 2147483647)"),
            ("@@ -1 +99999999999999999999 @@", "line 3: malformed hunk header"),
            ("@@ -1 +-5 @@", "line 3: malformed hunk header"),
        ] {
            try directory.write("p.diff", "--- a/v.go\n+++ b/v.go\n\(header)\n+x\n")
            let result = runCommand(["--new-from-patch", "p.diff", "v.go"], in: directory.path)
            XCTAssertEqual(result.stderr.text, "cancellint: --new-from-patch p.diff: \(message)\n", header)
            XCTAssertEqual(result.status, 2, header)
        }
        try directory.write("p.diff", "--- a/v.go\n+++ b/v.go\n@@ -0,0 +2147483646,1 @@\n+x\n")
        XCTAssertEqual(runCommand(["--new-from-patch", "p.diff", "v.go"], in: directory.path).status, 0,
                       "the largest line number is accepted")
    }

    func testABaselineWithAByteOrderMarkIsRead() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        XCTAssertEqual(runCommand(["--write-baseline", "b.txt", "a.go"], in: directory.path).status, 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: directory.url("b.txt")))
        try (Data([0xEF, 0xBB, 0xBF]) + written).write(to: URL(fileURLWithPath: directory.url("b.txt")))
        let result = runCommand(["--baseline", "b.txt", "a.go"], in: directory.path)
        XCTAssertEqual(result.stderr.text, "cancellint: no problems in 1 file (1 baselined finding hidden)\n")
        XCTAssertEqual(result.status, 0)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
