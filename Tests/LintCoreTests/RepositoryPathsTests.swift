import TestSupport
import LintCore
import XCTest

final class RepositoryPathsTests: XCTestCase {
    func testRelativePathsFromASubfolderOfTheRepository() {
        let paths = RepositoryPaths(currentDirectory: "/repo/cmd/", root: "/repo")
        XCTAssertEqual(paths.relative("main.go"), "cmd/main.go")
        XCTAssertEqual(paths.relative("../pkg/a.go"), "pkg/a.go")
        XCTAssertEqual(paths.relative("/repo/x.go"), "x.go")
        XCTAssertNil(paths.relative("/elsewhere/y.go"))
        XCTAssertNil(paths.relative("../../y.go"))
        XCTAssertEqual(paths.absolute("../pkg/./a.go"), "/repo/pkg/a.go")
    }

    func testOutsideARepositoryPathsAreRelativeToTheCurrentDirectory() {
        let paths = RepositoryPaths(currentDirectory: "/work", root: nil)
        XCTAssertEqual(paths.relative("a/b.go"), "a/b.go")
        XCTAssertNil(paths.relative("../b.go"))
        XCTAssertEqual(RepositoryPaths(currentDirectory: "/", root: nil).relative("etc/x.go"), "etc/x.go")
    }

    func testDiscoveryFindsTheNearestFolderWithDotGit() throws {
        let directory = try TemporaryDirectory()
        try directory.makeDirectory("repo/.git")
        try directory.makeDirectory("repo/a/b")
        try directory.write("repo/a/worktree/.git", "gitdir: /somewhere\n")
        XCTAssertEqual(RepositoryPaths.discover(from: directory.url("repo/a/b")).root, directory.url("repo"))
        XCTAssertEqual(RepositoryPaths.discover(from: directory.url("repo/a/worktree")).root, directory.url("repo/a/worktree"))
        try directory.makeDirectory("plain")
        let outside = RepositoryPaths.discover(from: directory.url("plain"))
        XCTAssertFalse(outside.root?.hasPrefix(directory.path) ?? false, "no .git in the temporary folder")
        XCTAssertEqual(outside.currentDirectory, directory.url("plain"))
    }

    func testURIsArePercentEncoded() {
        XCTAssertEqual(RepositoryPaths.percentEncoded("dir with space/100%#?é.go"), "dir%20with%20space/100%25%23%3F%C3%A9.go")
        XCTAssertEqual(RepositoryPaths.percentEncoded("a-b_c.d~/e.go"), "a-b_c.d~/e.go")
        XCTAssertEqual(RepositoryPaths.fileURI("/repo", directory: true), "file:///repo/")
        XCTAssertEqual(RepositoryPaths.fileURI("/", directory: true), "file:///")
        XCTAssertEqual(RepositoryPaths.fileURI("/x y.go"), "file:///x%20y.go")
    }
}
