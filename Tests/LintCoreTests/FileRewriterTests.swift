import TestSupport
import Foundation
import LintCore
import XCTest

final class FileRewriterTests: XCTestCase {
    private func inode(_ path: String) -> UInt64 {
        var status = stat()
        return stat(path, &status) == 0 ? UInt64(status.st_ino) : 0
    }

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    func testReplacesByRenameKeepingPermissionsAndLeavingNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "old\n")
        directory.setPermissions("a.go", 0o640)
        let before = inode(directory.url("a.go"))
        let result = FileRewriter.replace(directory.url("a.go"), expected: Array("old\n".utf8), with: Array("new\n".utf8))
        XCTAssertNoThrow(try result.get())
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8), "new\n")
        XCTAssertEqual(mode(directory.url("a.go")), 0o640)
        XCTAssertNotEqual(inode(directory.url("a.go")), before, "a new file renamed into place, not rewritten in place")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["a.go"])
    }

    func testRefusesWhenTheFileChangedSinceItWasLinted() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "edited meanwhile\n")
        let result = FileRewriter.replace(directory.url("a.go"), expected: Array("old\n".utf8), with: Array("new\n".utf8))
        XCTAssertEqual(result.failure, .changedSinceLinted)
        XCTAssertEqual(result.failure?.description, "it changed since it was linted; not rewritten")
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8), "edited meanwhile\n")
    }

    func testASymlinkStaysALinkAndItsTargetIsRewritten() throws {
        let directory = try TemporaryDirectory()
        try directory.write("real/a.go", "old\n")
        try directory.symlink("link.go", to: "real/a.go")
        XCTAssertNoThrow(try FileRewriter.replace(directory.url("link.go"), expected: Array("old\n".utf8),
                                                  with: Array("new\n".utf8)).get())
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: directory.url("link.go")), "real/a.go")
        XCTAssertEqual(try String(contentsOfFile: directory.url("real/a.go"), encoding: .utf8), "new\n")
    }

    func testMissingFileAndUnwritableFolder() throws {
        let directory = try TemporaryDirectory()
        let missing = FileRewriter.replace(directory.url("gone.go"), expected: [], with: [])
        XCTAssertEqual(missing.failure, .system(operation: "resolve the path", reason: "no such file or directory"))
        try skipIfRoot()
        try directory.write("locked/a.go", "old\n")
        directory.setPermissions("locked", 0o555)
        let locked = FileRewriter.replace(directory.url("locked/a.go"), expected: Array("old\n".utf8), with: Array("new\n".utf8))
        XCTAssertEqual(locked.failure, .system(operation: "create a temporary file beside it", reason: "permission denied"))
    }

    func testALinkLeadingOutsideTheAllowedRootsIsNotFollowed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("outside/a.go", "old\n")
        try directory.write("tree/b.go", "old\n")
        try directory.symlink("tree/link.go", to: "../outside/a.go")
        let roots = [directory.url("tree")]
        let refused = FileRewriter.replace(directory.url("tree/link.go"), expected: Array("old\n".utf8),
                                           with: Array("new\n".utf8), allowedRoots: roots)
        XCTAssertEqual(refused.failure, .outsideNamedPaths(realPath: directory.url("outside/a.go")))
        XCTAssertEqual(refused.failure?.description,
                       "it leads to \(directory.url("outside/a.go")), outside the paths being linted; not rewritten")
        XCTAssertEqual(try String(contentsOfFile: directory.url("outside/a.go"), encoding: .utf8), "old\n")
        XCTAssertNoThrow(try FileRewriter.replace(directory.url("tree/b.go"), expected: Array("old\n".utf8),
                                                  with: Array("new\n".utf8), allowedRoots: roots).get())
        // A root is a whole path component: `/x/tree` does not allow `/x/tree-other`.
        XCTAssertTrue(FileRewriter.path("/x/tree/a.go", isInside: "/x/tree"))
        XCTAssertTrue(FileRewriter.path("/x/tree", isInside: "/x/tree"))
        XCTAssertTrue(FileRewriter.path("/x/a.go", isInside: "/"))
        XCTAssertFalse(FileRewriter.path("/x/tree-other/a.go", isInside: "/x/tree"))
    }

    func testReadOnlyFilesAreRefusedEvenForRoot() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "old\n")
        directory.setPermissions("a.go", 0o444)
        let result = FileRewriter.replace(directory.url("a.go"), expected: Array("old\n".utf8), with: Array("new\n".utf8))
        XCTAssertEqual(result.failure, .readOnly)
        XCTAssertEqual(result.failure?.description, "it is read-only; not rewritten")
        XCTAssertEqual(try String(contentsOfFile: directory.url("a.go"), encoding: .utf8), "old\n")
    }

    func testAFileWithSeveralLinksIsRewrittenThroughItsInode() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "a much longer old text\n")
        XCTAssertEqual(link(directory.url("a.go"), directory.url("b.go")), 0)
        let before = inode(directory.url("a.go"))
        XCTAssertNoThrow(try FileRewriter.replace(directory.url("a.go"), expected: Array("a much longer old text\n".utf8),
                                                  with: Array("short\n".utf8)).get())
        XCTAssertEqual(try String(contentsOfFile: directory.url("b.go"), encoding: .utf8), "short\n", "cut to the new length")
        XCTAssertEqual(inode(directory.url("a.go")), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["a.go", "b.go"])
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
