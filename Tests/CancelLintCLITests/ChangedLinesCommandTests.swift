import TestSupport
import CancelLintCLI
import Foundation
import XCTest

/// `--new-from-rev` and `--new-from-patch` on a temporary git repository, with the scripted front
/// end (`old` is a warning, fixed to `new`).
final class ChangedLinesCommandTests: XCTestCase {
    private func repositoryWithHistory() throws -> GitRepository {
        let repository = try GitRepository()
        try repository.write("a.go", "old\nfine\n")
        try repository.write("c.go", "old\n")
        try repository.write("sub/d.go", "fine\n")
        try repository.commitAll()
        // Since the commit: a new finding on a.go's line 3, an untracked file, a changed line in sub/.
        try repository.write("a.go", "old\nfine\nold again\n")
        try repository.write("b.go", "fine\nold\n")
        try repository.write("sub/d.go", "fine\nold\n")
        return repository
    }

    func testOnlyFindingsOnLinesChangedSinceTheRevisionAreReported() throws {
        let repository = try repositoryWithHistory()
        let result = runCommand(["--new-from-rev", "HEAD"], in: repository.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(result.stdout.text, """
            a.go:3:1: warning: old is old; call it new [rename]
            b.go:2:1: warning: old is old; call it new [rename]
            sub/d.go:2:1: warning: old is old; call it new [rename]

            """)
        XCTAssertEqual(result.stderr.text, """
            cancellint: 2 findings on lines not changed since HEAD left out
            cancellint: 3 problems (3 warnings) in 4 files

            """)
        XCTAssertEqual(result.status, 1)
    }

    func testStagedChangesCountAndPathsWorkFromASubfolder() throws {
        let repository = try repositoryWithHistory()
        try repository.git("add", "sub/d.go")
        let result = runCommand(["--new-from-rev=HEAD", "--quiet", "."], in: repository.directory.url("sub"),
                                frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(result.stdout.text, "d.go:2:1: warning: old is old; call it new [rename]\n")
        let github = runCommand(["--new-from-rev", "HEAD", "--format", "github", "--quiet", "."],
                                in: repository.directory.url("sub"), frontEnds: [ScriptedFrontEnd()])
        XCTAssertTrue(github.stdout.text.hasPrefix("::warning file=sub/d.go,line=2,"), github.stdout.text)
    }

    func testNothingChangedMeansNothingReported() throws {
        let repository = try repositoryWithHistory()
        try repository.commitAll()
        let result = runCommand(["--new-from-rev", "HEAD"], in: repository.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(result.stdout.text, "")
        XCTAssertEqual(result.stderr.text, """
            cancellint: 5 findings on lines not changed since HEAD left out
            cancellint: no problems in 4 files

            """)
        XCTAssertEqual(result.status, 0)
    }

    func testFixOnlyTouchesFindingsOnChangedLines() throws {
        let repository = try repositoryWithHistory()
        let result = runCommand(["--fix", "--new-from-rev", "HEAD", "a.go"], in: repository.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(try String(contentsOfFile: repository.directory.url("a.go"), encoding: .utf8), "old\nfine\nnew again\n")
        XCTAssertEqual(result.stdout.text, "")
        XCTAssertEqual(result.stderr.text, """
            cancellint: fixed 1 problem in 1 file
            cancellint: 1 finding on lines not changed since HEAD left out
            cancellint: no problems in 1 file

            """)
    }

    func testGitErrorsAreExplained() throws {
        let repository = try repositoryWithHistory()
        let badRevision = runCommand(["--new-from-rev", "no-such-rev"], in: repository.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertTrue(badRevision.stderr.text.hasPrefix("cancellint: --new-from-rev no-such-rev: git diff failed: fatal: "),
                      badRevision.stderr.text)
        XCTAssertEqual(badRevision.stdout.text, "")
        XCTAssertEqual(badRevision.status, 2)

        let option = runCommand(["--new-from-rev=--output=x"], in: repository.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(option.stderr.text, "cancellint: --new-from-rev --output=x: not a revision\n")
        XCTAssertEqual(option.status, 2)

        let outside = try TemporaryDirectory()
        try outside.write("a.go", "old\n")
        let notARepository = runCommand(["--new-from-rev", "HEAD"], in: outside.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertTrue(notARepository.stderr.text.hasPrefix("cancellint: --new-from-rev HEAD: not in a git repository (fatal: "),
                      notARepository.stderr.text)
        XCTAssertEqual(notARepository.status, 2)
    }

    func testMissingGitIsExplained() throws {
        let repository = try repositoryWithHistory()
        let savedPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        setenv("PATH", "/nonexistent", 1)
        defer { setenv("PATH", savedPath, 1) }
        let result = runCommand(["--new-from-rev", "HEAD"], in: repository.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(result.stderr.text, "cancellint: --new-from-rev HEAD needs git, which is not on PATH\n")
        XCTAssertEqual(result.status, 2)
    }

    func testPatchFilesFromGitAndElsewhere() throws {
        let repository = try repositoryWithHistory()
        try repository.write("changes.patch", try repository.git("diff", "-U3", "HEAD"))
        let fromGit = runCommand(["--new-from-patch", "../changes.patch", "--quiet", ".."], in: repository.directory.url("sub"),
                                 frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(fromGit.stdout.text, """
            ../a.go:3:1: warning: old is old; call it new [rename]
            ../sub/d.go:2:1: warning: old is old; call it new [rename]

            """, "context lines are not changes; the untracked b.go is not in this patch")

        let plain = try TemporaryDirectory()
        try plain.write("x.go", "old\nold\n")
        try plain.write("p.diff", "--- x.go.orig\n+++ x.go\n@@ -1 +1,2 @@\n old\n+old\n")
        let outsideGit = runCommand(["--new-from-patch", "p.diff", "--quiet"], in: plain.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(outsideGit.stdout.text, "x.go:2:1: warning: old is old; call it new [rename]\n")

        try plain.write("bad.diff", "hello\n")
        let malformed = runCommand(["--new-from-patch", "bad.diff"], in: plain.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(malformed.stderr.text,
                       "cancellint: --new-from-patch bad.diff: no unified diff found (expected `+++` file headers)\n")
        XCTAssertEqual(malformed.status, 2)
        let missing = runCommand(["--new-from-patch", "none.diff"], in: plain.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(missing.stderr.text, "cancellint: --new-from-patch none.diff: cannot read: no such file or directory\n")
        XCTAssertEqual(missing.status, 2)
    }
}
