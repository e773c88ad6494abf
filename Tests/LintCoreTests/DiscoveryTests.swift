import TestSupport
import LintCore
import XCTest

final class DiscoveryTests: XCTestCase {
    func testWalksNestedDirectoriesAndSkipsVendorTestdataNodeModulesAndHiddenEntries() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        try directory.write("sub/b.go", "x BAD\n")
        try directory.write("sub/deeper/c.go", "  BAD")
        try directory.write("vendor/v.go", "BAD\n")
        try directory.write("testdata/t.go", "BAD\n")
        try directory.write("node_modules/n.go", "BAD\n")
        try directory.write("sub/vendor/v.go", "BAD\n")
        try directory.write(".hidden/h.go", "BAD\n")
        try directory.write(".h.go", "BAD\n")
        try directory.write("notes.md", "BAD\n")
        try directory.write("sub/upper.GO", "BAD\n")

        let result = lint([], in: directory)

        XCTAssertEqual(result.lines, [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "sub/b.go:1:3: warning: line contains BAD [bad-line]",
            "sub/deeper/c.go:1:3: warning: line contains BAD [bad-line]",
        ])
        XCTAssertEqual(result.problemLines, [])
        XCTAssertEqual(result.filesLinted, 3)
        XCTAssertEqual(result.exitStatus, .findings)
    }

    func testNoPathsMeansTheCurrentDirectoryAndDotMeansTheSame() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        try directory.write("sub/b.go", "BAD\n")

        XCTAssertEqual(lint([], in: directory).lines, lint(["."], in: directory).lines)
        XCTAssertEqual(lint(["."], in: directory).lines, [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "sub/b.go:1:1: warning: line contains BAD [bad-line]",
        ])
    }

    func testExplicitFilesAreLintedEvenWhenHiddenVendoredOrGenerated() throws {
        let directory = try TemporaryDirectory()
        try directory.write("vendor/v.go", "BAD\n")
        try directory.write(".hidden/h.go", "BAD\n")
        try directory.write(".h.go", "BAD\n")
        try directory.write("gen.go", "\(FakeFrontEnd.generatedMarker)\nBAD\n")

        let result = lint(["vendor/v.go", ".hidden/h.go", ".h.go", "gen.go"], in: directory)

        XCTAssertEqual(result.lines, [
            ".h.go:1:1: warning: line contains BAD [bad-line]",
            ".hidden/h.go:1:1: warning: line contains BAD [bad-line]",
            "gen.go:2:1: warning: line contains BAD [bad-line]",
            "vendor/v.go:1:1: warning: line contains BAD [bad-line]",
        ])
        XCTAssertEqual(result.filesLinted, 4)
        XCTAssertEqual(result.generatedFilesSkipped, 0)
    }

    func testNamedDirectoriesAreWalkedEvenWhenWalkingWouldSkipThem() throws {
        let directory = try TemporaryDirectory()
        try directory.write("vendor/v.go", "BAD\n")
        try directory.write(".hidden/h.go", "BAD\n")

        XCTAssertEqual(lint(["vendor", ".hidden/"], in: directory).lines, [
            ".hidden/h.go:1:1: warning: line contains BAD [bad-line]",
            "vendor/v.go:1:1: warning: line contains BAD [bad-line]",
        ])
    }

    func testGeneratedFilesAreSkippedOnlyWhenFoundByWalking() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        try directory.write("gen.go", "package x\n\(FakeFrontEnd.generatedMarker)\nBAD\n")

        let walked = lint(["."], in: directory)
        XCTAssertEqual(walked.lines, ["a.go:1:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(walked.filesLinted, 1)
        XCTAssertEqual(walked.generatedFilesSkipped, 1)

        let named = lint(["gen.go"], in: directory)
        XCTAssertEqual(named.lines, ["gen.go:3:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(named.generatedFilesSkipped, 0)

        // Found by the walk first and named after: naming wins.
        let both = lint([".", "gen.go"], in: directory)
        XCTAssertEqual(both.lines, [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "gen.go:3:1: warning: line contains BAD [bad-line]",
        ])
        XCTAssertEqual(both.filesLinted, 2)
        XCTAssertEqual(both.generatedFilesSkipped, 0)
    }

    func testExplicitFileNoFrontEndReadsIsAUsageProblemAndTheRestIsLinted() throws {
        let directory = try TemporaryDirectory()
        try directory.write("notes.txt", "BAD\n")
        try directory.write("a.go", "package a\n")

        let result = lint(["notes.txt", "a.go"], in: directory)

        XCTAssertEqual(result.problemLines, ["notes.txt: not a Go file"])
        XCTAssertEqual(result.pathProblems.map(\.origin), [.named])
        XCTAssertEqual(result.filesLinted, 1)
        XCTAssertEqual(result.exitStatus, .usageOrInputError)
    }

    func testUnsupportedFileMessageNamesEveryLanguage() throws {
        struct OtherFrontEnd: LanguageFrontEnd {
            var language: String { "swift" }
            var fileExtensions: [String] { ["swift"] }
            var rules: [RuleDescriptor] { [] }
            func isGenerated(_ file: SourceFile) -> Bool { false }
            func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] { [] }
        }
        let directory = try TemporaryDirectory()
        try directory.write("notes.txt", "")
        try directory.write("a.swift", "")

        let result = LintEngine(frontEnds: [FakeFrontEnd(), OtherFrontEnd()])
            .run(LintRequest(paths: ["notes.txt", "a.swift"], currentDirectory: directory.path))

        XCTAssertEqual(result.problemLines, ["notes.txt: not a Go or Swift file"])
        XCTAssertEqual(result.filesLinted, 1)
    }

    func testDirectoryNamedLikeAGoFileIsWalked() throws {
        let directory = try TemporaryDirectory()
        try directory.write("x.go/inner.go", "BAD\n")

        for paths in [[], ["x.go"]] {
            let result = lint(paths, in: directory)
            XCTAssertEqual(result.lines, ["x.go/inner.go:1:1: warning: line contains BAD [bad-line]"], "\(paths)")
            XCTAssertEqual(result.problemLines, [], "\(paths)")
        }
    }

    func testSameFileReachedTwiceIsLintedOnce() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        try directory.symlink("link.go", to: "a.go")

        let result = lint(["a.go", "./a.go", ".", directory.url("a.go")], in: directory)

        XCTAssertEqual(result.lines, ["a.go:1:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(result.filesLinted, 1)
    }

    func testPathsWithSpacesAndNonASCIICharacters() throws {
        let directory = try TemporaryDirectory()
        try directory.write("dir with space/naïve ü 日本.go", "ok\nBAD\n")

        let expected = ["dir with space/naïve ü 日本.go:2:1: warning: line contains BAD [bad-line]"]
        XCTAssertEqual(lint([], in: directory).lines, expected)
        XCTAssertEqual(lint(["dir with space/naïve ü 日本.go"], in: directory).lines, expected)
        XCTAssertEqual(lint(["./dir with space/"], in: directory).lines, expected)
    }

    func testFIFONamedLikeAGoFileIsReportedNotWaitedOn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "package a\n")
        XCTAssertEqual(mkfifo(directory.url("pipe.go"), 0o644), 0)

        let walked = lint([], in: directory)
        XCTAssertEqual(walked.problemLines, ["pipe.go: cannot read: not a regular file"])
        XCTAssertEqual(walked.exitStatus, .success)

        XCTAssertEqual(lint(["pipe.go"], in: directory).exitStatus, .usageOrInputError)
    }
}
