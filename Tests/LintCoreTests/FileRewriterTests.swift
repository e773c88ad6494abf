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
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
