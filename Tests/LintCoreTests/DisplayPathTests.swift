@testable import LintCore
import TestSupport
import XCTest

final class DisplayPathTests: XCTestCase {
    func testArgumentsBelowTheCurrentDirectoryAreShownRelativeToIt() throws {
        let directory = try TemporaryDirectory()
        try directory.write("work/a/b.go", "BAD\n")
        try directory.write("other/c.go", "BAD\n")
        let work = directory.url("work")

        func displayed(_ path: String) -> [String] {
            lint([path], in: directory, from: "work").diagnostics.map(\.path)
        }
        XCTAssertEqual(displayed("./a/b.go"), ["a/b.go"])
        XCTAssertEqual(displayed("a//./b.go"), ["a/b.go"])
        XCTAssertEqual(displayed(work + "/a/b.go"), ["a/b.go"])
        XCTAssertEqual(displayed(work), ["a/b.go"])
        XCTAssertEqual(displayed("./a/"), ["a/b.go"])
        XCTAssertEqual(displayed("../work/a"), ["a/b.go"])
        XCTAssertEqual(displayed("../other/c.go"), ["../other/c.go"])
        XCTAssertEqual(displayed("../other"), ["../other/c.go"])
        XCTAssertEqual(displayed(directory.url("other/c.go")), [directory.url("other/c.go")])
        XCTAssertEqual(displayed(directory.url("other") + "/"), [directory.url("other/c.go")])
    }

    func testClean() {
        XCTAssertEqual(PathText.clean(""), ".")
        XCTAssertEqual(PathText.clean("."), ".")
        XCTAssertEqual(PathText.clean("./a//b/../c/"), "a/c")
        XCTAssertEqual(PathText.clean("../../x"), "../../x")
        XCTAssertEqual(PathText.clean("a/../.."), "..")
        XCTAssertEqual(PathText.clean("/../a"), "/a")
        XCTAssertEqual(PathText.clean("/"), "/")
        XCTAssertEqual(PathText.clean("//a///b"), "/a/b")
    }

    func testDisplayRelativeToRoot() {
        XCTAssertEqual(PathText.display("/etc/x.go", currentDirectory: "/"), "etc/x.go")
        XCTAssertEqual(PathText.display("/", currentDirectory: "/"), ".")
        XCTAssertEqual(PathText.display("/work/a.go", currentDirectory: "/work/"), "a.go")
        XCTAssertEqual(PathText.display("/workshop/a.go", currentDirectory: "/work"), "/workshop/a.go")
    }

    func testFileExtension() {
        XCTAssertEqual(PathText.fileExtension(ofName: "a.go"), "go")
        XCTAssertEqual(PathText.fileExtension(ofName: "a.pb.go"), "go")
        XCTAssertEqual(PathText.fileExtension(ofName: ".go"), nil)
        XCTAssertEqual(PathText.fileExtension(ofName: "Makefile"), nil)
        XCTAssertEqual(PathText.fileExtension(ofName: "a."), "")
    }

    func testLastComponent() {
        XCTAssertEqual(PathText.lastComponent("a/b/c.go"), "c.go")
        XCTAssertEqual(PathText.lastComponent("c.go"), "c.go")
        XCTAssertEqual(PathText.lastComponent("dir/"), "dir")
    }
}
