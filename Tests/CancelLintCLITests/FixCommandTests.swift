import TestSupport
import CancelLintCLI
import Foundation
import GoRules
import LintCore
import XCTest

final class FixCommandTests: XCTestCase {
    /// A copy of Examples/ to fix.
    private func copyOfExamples() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try FileManager.default.removeItem(atPath: directory.path)
        try FileManager.default.copyItem(atPath: ExampleGoldenTests.root.appendingPathComponent("Examples").path,
                                         toPath: directory.path)
        return directory
    }

    /// Every file below `directory` with its bytes.
    private func snapshot(_ directory: TemporaryDirectory) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: directory.path) ?? .init() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.url(relative), isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: directory.url(relative)))
            }
        }
        return files
    }

    private func fileStatus(_ path: String) -> stat {
        var status = stat()
        stat(path, &status)
        return status
    }

    private func fixablePaths(in directory: TemporaryDirectory) throws -> Set<String> {
        let json = runCommand(["--format", "json", "."], in: directory.path, frontEnds: [GoFrontEnd()])
        let diagnostics = try JSONDocument.parse(json.stdout.text)["diagnostics"]?.arrayValue ?? []
        return Set(diagnostics.filter { $0["fixes"]?.arrayValue?.isEmpty == false }.compactMap { $0["path"]?.stringValue })
    }

    func testFixRewritesFixableFilesOnlyAndIsIdempotent() throws {
        let directory = try copyOfExamples()
        let before = try snapshot(directory)
        let fixable = try fixablePaths(in: directory)
        XCTAssertTrue(fixable.contains("lost-cancel-discarded/watch.go"), "\(fixable)")
        let watch = directory.url("lost-cancel-discarded/watch.go")
        chmod(watch, 0o640)
        let inodeBefore = fileStatus(watch).st_ino

        let fixed = runCommand(["--fix", "."], in: directory.path, frontEnds: [GoFrontEnd()])
        let after = try snapshot(directory)
        XCTAssertEqual(Set(after.keys), Set(before.keys), "no temporary files left, none lost")
        for (path, bytes) in before {
            if fixable.contains(path) {
                XCTAssertNotEqual(after[path], bytes, "\(path) has fixes and should have changed")
            } else {
                XCTAssertEqual(after[path], bytes, "\(path) has no fixes and must be byte-for-byte untouched")
            }
        }
        XCTAssertEqual(String(decoding: after["lost-cancel-discarded/watch.go"] ?? Data(), as: UTF8.self),
                       String(decoding: before["lost-cancel-discarded/watch.go"] ?? Data(), as: UTF8.self).replacingOccurrences(
                           of: "\tctx, _ := signal.NotifyContext(parent, os.Interrupt)\n",
                           with: "\tctx, stop := signal.NotifyContext(parent, os.Interrupt)\n\tdefer stop()\n"))
        XCTAssertEqual(fileStatus(watch).st_mode & 0o777, 0o640, "permissions kept")
        XCTAssertNotEqual(fileStatus(watch).st_ino, inodeBefore, "replaced by rename, not rewritten in place")

        // What --fix reports as remaining is exactly what a fresh run finds.
        let fresh = runCommand(["."], in: directory.path, frontEnds: [GoFrontEnd()])
        XCTAssertEqual(fixed.stdout.text, fresh.stdout.text)
        XCTAssertEqual(fixed.status, fresh.status)
        let fixedCount = fixed.stderr.text.split(separator: "\n").first { $0.hasPrefix("cancellint: fixed ") }
        XCTAssertNotNil(fixedCount, fixed.stderr.text)
        XCTAssertTrue(fixed.stderr.text.hasSuffix(fresh.stderr.text), fixed.stderr.text)

        // Idempotent: nothing is left to fix, and a second run changes nothing.
        XCTAssertEqual(try fixablePaths(in: directory), [])
        let again = runCommand(["--fix", "."], in: directory.path, frontEnds: [GoFrontEnd()])
        XCTAssertEqual(again.stderr.text, "cancellint: nothing to fix\n" + fresh.stderr.text)
        XCTAssertEqual(try snapshot(directory), after)
    }

    func testFixDiffShowsWhatFixWouldDoAndWritesNothing() throws {
        let directory = try copyOfExamples()
        let before = try snapshot(directory)
        let result = runCommand(["--fix", "--diff", "."], in: directory.path, frontEnds: [GoFrontEnd()])
        XCTAssertEqual(try snapshot(directory), before, "--diff writes nothing")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.text.contains("""
            --- a/lost-cancel-discarded/watch.go
            +++ b/lost-cancel-discarded/watch.go
            @@ -9,7 +9,8 @@
             
             // Watch runs until interrupted, but never releases the signal registration.
             func Watch(parent context.Context, updates <-chan Item) {
            -\tctx, _ := signal.NotifyContext(parent, os.Interrupt)
            +\tctx, stop := signal.NotifyContext(parent, os.Interrupt)
            +\tdefer stop()
             \tfor {
             \t\tselect {
             \t\tcase <-ctx.Done():

            """), result.stdout.text)
        XCTAssertTrue(result.stderr.text.contains(" shown as a diff; no file was changed\n"), result.stderr.text)

        // The diff is a real patch: applied with `patch -p1` it gives exactly what --fix writes.
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/patch"), "patch not installed")
        try result.stdout.text.write(toFile: directory.url("fixes.patch"), atomically: true, encoding: .utf8)
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        patch.arguments = ["-p1", "--quiet", "-i", directory.url("fixes.patch")]
        patch.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        try patch.run()
        patch.waitUntilExit()
        XCTAssertEqual(patch.terminationStatus, 0)
        try FileManager.default.removeItem(atPath: directory.url("fixes.patch"))
        let fixedByFix = try copyOfExamples()
        _ = runCommand(["--fix", "."], in: fixedByFix.path, frontEnds: [GoFrontEnd()])
        XCTAssertEqual(try snapshot(directory), try snapshot(fixedByFix))
    }

    func testOverlappingFixesSkipTheLaterOneAndSaySo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "pair old\n")
        let result = runCommand(["--fix", "a.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8), "PA new\n")
        XCTAssertEqual(result.stdout.text, "")
        XCTAssertEqual(result.stderr.text, """
            cancellint: a.go:1:1: fix for [pair-b] skipped: it overlaps the fix for 1:1 [pair-a]; run --fix again to apply it
            cancellint: fixed 2 problems in 1 file
            cancellint: no problems in 1 file

            """)
        XCTAssertEqual(result.status, 0)
        let again = runCommand(["--fix", "a.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(again.stderr.text, "cancellint: nothing to fix\ncancellint: no problems in 1 file\n")
    }

    func testFixesThatWouldBreakTheSyntaxAreNotWritten() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "break old\n")
        let result = runCommand(["--fix", "a.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8), "break old\n")
        XCTAssertEqual(result.stdout.text, """
            a.go:1:1: warning: break breaks [breaker]
            a.go:1:7: warning: old is old; call it new [rename]

            """)
        XCTAssertEqual(result.stderr.text, """
            cancellint: a.go: fixes not applied: they would introduce a syntax error (1:1: expected something else, found BROKEN)
            cancellint: nothing to fix
            cancellint: 2 problems (2 warnings) in 1 file

            """)
        XCTAssertEqual(result.status, 1)
    }

    func testAnImportSeveralFixesLeaveUnusedIsRemovedAndSaidSo() throws {
        let directory = try TemporaryDirectory()
        let source = "package h\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\n"
            + "func handle(w http.ResponseWriter, r *http.Request) {\n\twork(context.Background())\n\twork(context.TODO())\n}\n\n"
            + "func work(x interface{}) {}\n"
        try directory.write("a.go", source)
        let diff = runCommand(["--fix", "--diff", "a.go"], in: directory.path, frontEnds: [GoFrontEnd()])
        XCTAssertEqual(diff.stdout.text, """
            --- a/a.go
            +++ b/a.go
            @@ -1,13 +1,12 @@
             package h
             
             import (
            -\t"context"
             \t"net/http"
             )
             
             func handle(w http.ResponseWriter, r *http.Request) {
            -\twork(context.Background())
            -\twork(context.TODO())
            +\twork(r.Context())
            +\twork(r.Context())
             }
             
             func work(x interface{}) {}

            """)
        let result = runCommand(["--fix", "a.go"], in: directory.path, frontEnds: [GoFrontEnd()])
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8),
                       source.replacingOccurrences(of: "\t\"context\"\n", with: "")
                           .replacingOccurrences(of: "context.Background()", with: "r.Context()")
                           .replacingOccurrences(of: "context.TODO()", with: "r.Context()"))
        XCTAssertEqual(result.stdout.text, "")
        XCTAssertEqual(result.stderr.text, """
            cancellint: a.go: removed import "context": the fixes removed its last use
            cancellint: fixed 2 problems in 1 file
            cancellint: no problems in 1 file

            """)
        XCTAssertEqual(result.status, 0)
    }

    func testFixesThatRemoveAnImportAnotherFixUsesAreNotWritten() throws {
        let directory = try TemporaryDirectory()
        let source = "package h\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\n"
            + "func handle(w http.ResponseWriter, r *http.Request) {\n\twork(context.Background())\n}\n\n"
            + "func build() {\n\thttp.NewRequestWithContext(nil, \"GET\", \"/\", nil)\n}\n\nfunc work(x interface{}) {}\n"
        try directory.write("a.go", source)
        let result = runCommand(["--fix", "--quiet", "a.go"], in: directory.path, frontEnds: [GoFrontEnd()])
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8), source)
        XCTAssertEqual(result.stderr.text,
                       "cancellint: a.go: fixes not applied: they remove import \"context\", which the fixed text still uses\n")
        XCTAssertEqual(result.status, 1)
        // Each fix alone is fine: with the other rule off, the file is fixed.
        try directory.write(".lintconfig.yml", "disable: [nil-context]\n")
        let alone = runCommand(["--fix", "--quiet", "a.go"], in: directory.path, frontEnds: [GoFrontEnd()])
        XCTAssertEqual(alone.stderr.text, "")
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8),
                       source.replacingOccurrences(of: "\t\"context\"\n", with: "")
                           .replacingOccurrences(of: "context.Background()", with: "r.Context()"))
    }

    func testMalformedFixesAreSkipped() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "outside\n")
        let result = runCommand(["--fix", "a.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8), "outside\n")
        XCTAssertEqual(result.stderr.text, """
            cancellint: a.go:1:1: fix for [outside] skipped: its edits fall outside the file or overlap each other
            cancellint: nothing to fix
            cancellint: 1 problem (1 warning) in 1 file

            """)
    }

    func testFixReportsInTheChosenFormat() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "old note\n")
        let result = runCommand(["--fix", "--format", "json", "--quiet", "a.go"], in: directory.path,
                                frontEnds: [ScriptedFrontEnd()])
        let report = try JSONDocument.parse(result.stdout.text)
        XCTAssertEqual(report["diagnostics"]?.arrayValue?.compactMap { $0["rule"]?.stringValue }, ["noted"])
        XCTAssertEqual(report["diagnostics"]?[0]?["column"], .number(5))
        XCTAssertEqual(result.stderr.text, "", "--quiet leaves out the summary and the fix count")
    }

    func testAFileThatCannotBeRewrittenFailsTheRun() throws {
        try skipIfRoot()
        let directory = try TemporaryDirectory()
        try directory.write("locked/a.go", "old\n")
        directory.setPermissions("locked", 0o555)
        let result = runCommand(["--fix", "locked"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(result.stderr.text, """
            cancellint: locked/a.go: cannot apply fixes: cannot create a temporary file beside it: permission denied
            cancellint: 1 problem (1 warning) in 1 file

            """)
        XCTAssertEqual(result.status, 2)
    }

    func testStandardInputCanShowFixesAsADiff() {
        let result = runCommand(["--stdin-filename", "pkg/a.go", "--fix", "--diff"], in: "/nonexistent",
                                frontEnds: [ScriptedFrontEnd()], environment: RunEnvironment(standardInput: Array("x\nold\n".utf8)))
        XCTAssertEqual(result.stdout.text, "--- a/pkg/a.go\n+++ b/pkg/a.go\n@@ -1,2 +1,2 @@\n x\n-old\n+new\n")
        XCTAssertEqual(result.stderr.text, """
            cancellint: 1 fix in 1 file shown as a diff; no file was changed
            cancellint: 1 problem (1 warning) in 1 file

            """)
        XCTAssertEqual(result.status, 1)
    }
}

/// A front end whose judgement of fixed text is scripted: `mend` is fixed to `mended`, which it
/// repairs to `whole`; `spoil` to `spoilt`, which it "repairs" to `BROKEN` (a syntax error);
/// `veto` to `vetoed`, which it rejects.
private struct JudgingFrontEnd: LanguageFrontEnd {
    static let fixes = ["mend": "mended", "spoil": "spoilt", "veto": "vetoed"]

    var language: String { "go" }
    var fileExtensions: [String] { ["go"] }
    var rules: [RuleDescriptor] {
        [RuleDescriptor(id: "word", summary: "a scripted word", defaultSeverity: .warning, category: "style", language: "go"),
         RuleDescriptor(id: "syntax", summary: "BROKEN", defaultSeverity: .error, category: "syntax", language: "go")]
    }

    func isGenerated(_ file: SourceFile) -> Bool { false }

    func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] {
        let text = String(decoding: file.bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
        let range = ByteRange(start: 0, end: Int32(text.utf8.count))
        if text == "BROKEN" {
            return [Diagnostic(ruleID: "syntax", severity: .error, file: file, range: range, message: "found BROKEN")]
        }
        guard let replacement = Self.fixes[text] else { return [] }
        return [Diagnostic(ruleID: "word", severity: .warning, file: file, range: range, message: "\(text) wants fixing",
                           fixes: [Fix(title: "fix", edits: [TextEdit(range: range, replacement: replacement)])])]
    }

    func judgeFixedText(_ fixed: SourceFile, original: SourceFile, settings: LintSettings) -> FixedTextVerdict {
        switch String(decoding: fixed.bytes, as: UTF8.self) {
        case "mended\n": return .repaired(text: Array("whole\n".utf8), note: "made mended whole")
        case "spoilt\n": return .repaired(text: Array("BROKEN\n".utf8), note: "tried to mend spoilt")
        case "vetoed\n": return .rejected(reason: "vetoed is not allowed")
        default: return .accepted
        }
    }
}

final class FixVerdictTests: XCTestCase {
    private func fix(_ text: String) throws -> (file: String, stderr: String, status: Int32) {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", text)
        let result = runCommand(["--fix", "a.go"], in: directory.path, frontEnds: [JudgingFrontEnd()])
        return (try String(contentsOfFile: directory.url("a.go"), encoding: .utf8), result.stderr.text, result.status)
    }

    func testARepairedTextIsWrittenAndTheRepairSaid() throws {
        let result = try fix("mend\n")
        XCTAssertEqual(result.file, "whole\n")
        XCTAssertEqual(result.stderr, """
            cancellint: a.go: made mended whole
            cancellint: fixed 1 problem in 1 file
            cancellint: no problems in 1 file

            """)
        XCTAssertEqual(result.status, 0)
    }

    func testARepairThatBreaksTheSyntaxIsNotWritten() throws {
        let result = try fix("spoil\n")
        XCTAssertEqual(result.file, "spoil\n")
        XCTAssertEqual(result.stderr, """
            cancellint: a.go: fixes not applied: tried to mend spoilt, and that would introduce a syntax error (1:1: found BROKEN)
            cancellint: nothing to fix
            cancellint: 1 problem (1 warning) in 1 file

            """)
        XCTAssertEqual(result.status, 1)
    }

    func testARejectedTextIsNotWritten() throws {
        let result = try fix("veto\n")
        XCTAssertEqual(result.file, "veto\n")
        XCTAssertEqual(result.stderr, """
            cancellint: a.go: fixes not applied: vetoed is not allowed
            cancellint: nothing to fix
            cancellint: 1 problem (1 warning) in 1 file

            """)
        XCTAssertEqual(result.status, 1)
    }

    func testTheDiffShowsTheRepairedText() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "mend\n")
        let diff = runCommand(["--fix", "--diff", "a.go"], in: directory.path, frontEnds: [JudgingFrontEnd()])
        XCTAssertEqual(diff.stdout.text, "--- a/a.go\n+++ b/a.go\n@@ -1 +1 @@\n-mend\n+whole\n", "--diff shows the repaired text")
    }
}
