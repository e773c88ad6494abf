import TestSupport
import LintCore
import XCTest

final class UnreadablePathTests: XCTestCase {
    func testMissingNamedPathFailsTheRunWithOneMessageAndTheRestIsStillLinted() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")

        let result = lint(["missing.go", "a.go", "missing-dir/"], in: directory)

        XCTAssertEqual(result.problemLines, [
            "missing-dir: cannot read: no such file or directory",
            "missing.go: cannot read: no such file or directory",
        ])
        XCTAssertEqual(result.lines, ["a.go:1:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(result.exitStatus, .usageOrInputError)
    }

    func testUnreadableFileFoundWhileWalkingIsReportedButDoesNotFailTheRun() throws {
        try skipIfRoot()
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "package a\n")
        try directory.write("secret.go", "BAD\n")
        directory.setPermissions("secret.go", 0)

        let walked = lint([], in: directory)
        XCTAssertEqual(walked.problemLines, ["secret.go: cannot read: permission denied"])
        XCTAssertEqual(walked.pathProblems.map(\.origin), [.found])
        XCTAssertEqual(walked.filesLinted, 1)
        XCTAssertEqual(walked.exitStatus, .success)

        let named = lint(["secret.go"], in: directory)
        XCTAssertEqual(named.problemLines, ["secret.go: cannot read: permission denied"])
        XCTAssertEqual(named.exitStatus, .usageOrInputError)
    }

    func testUnreadableDirectoryFoundWhileWalkingIsReportedAndTheWalkGoesOn() throws {
        try skipIfRoot()
        let directory = try TemporaryDirectory()
        try directory.write("locked/l.go", "BAD\n")
        try directory.write("open/o.go", "BAD\n")
        directory.setPermissions("locked", 0)

        let result = lint([], in: directory)

        XCTAssertEqual(result.problemLines, ["locked: cannot read: permission denied"])
        XCTAssertEqual(result.lines, ["open/o.go:1:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(result.exitStatus, .findings)
    }

    func testDirectorySymlinkLoopIsWalkedOnceWithoutComplaint() throws {
        let directory = try TemporaryDirectory()
        try directory.write("sub/a.go", "BAD\n")
        try directory.symlink("sub/up", to: "..")
        try directory.symlink("sub/here", to: ".")

        let result = lint([], in: directory)

        XCTAssertEqual(result.lines, ["sub/a.go:1:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(result.problemLines, [])
        XCTAssertEqual(result.filesLinted, 1)
    }

    func testSymlinkedDirectoryIsFollowed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("elsewhere/a.go", "BAD\n")
        try directory.makeDirectory("tree")
        try directory.symlink("tree/linked", to: "../elsewhere")

        XCTAssertEqual(lint(["tree"], in: directory).lines, ["tree/linked/a.go:1:1: warning: line contains BAD [bad-line]"])
    }

    func testSelfReferentialSymlinkIsReported() throws {
        let directory = try TemporaryDirectory()
        try directory.symlink("self.go", to: "self.go")

        let result = lint([], in: directory)

        XCTAssertEqual(result.problemLines, ["self.go: cannot read: too many levels of symbolic links"])
        XCTAssertEqual(result.exitStatus, .success)
    }

    func testDanglingSymlinksAreReportedWhenTheyCouldHaveBeenLinted() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "package a\n")
        try directory.symlink("gone.go", to: "nowhere.go")
        try directory.symlink("gonedir", to: "nowhere")
        try directory.symlink("gone.md", to: "nowhere.md")

        let walked = lint([], in: directory)
        XCTAssertEqual(walked.problemLines, [
            "gone.go: cannot read: dangling symbolic link",
            "gonedir: cannot read: dangling symbolic link",
        ])
        XCTAssertEqual(walked.filesLinted, 1)
        XCTAssertEqual(walked.exitStatus, .success)

        let named = lint(["gone.go"], in: directory)
        XCTAssertEqual(named.problemLines, ["gone.go: cannot read: dangling symbolic link"])
        XCTAssertEqual(named.exitStatus, .usageOrInputError)
    }
}
