import LintCore
import XCTest

final class GlobTests: XCTestCase {
    private func matches(_ pattern: String, _ path: String) throws -> Bool {
        try Glob(pattern).matches(path)
    }

    func testStarMatchesWithinOneComponent() throws {
        XCTAssertTrue(try matches("*.go", "main.go"))
        XCTAssertTrue(try matches("*_test.go", "a_test.go"))
        XCTAssertFalse(try matches("*_test.go", "a_test.go.orig"))
        XCTAssertFalse(try matches("*.go", "cmd/main.go"))
        XCTAssertTrue(try matches("cmd/*.go", "cmd/main.go"))
        XCTAssertFalse(try matches("cmd/*.go", "cmd/tool/main.go"))
        XCTAssertTrue(try matches("a*b*c", "aXbYbZc"))
        XCTAssertTrue(try matches("*", "anything"))
    }

    func testQuestionMarkMatchesOneCharacterNotASlash() throws {
        XCTAssertTrue(try matches("v?.go", "v1.go"))
        XCTAssertTrue(try matches("v?.go", "vé.go"))
        XCTAssertFalse(try matches("v?.go", "v10.go"))
        XCTAssertFalse(try matches("a?b", "a/b"))
    }

    func testDoubleStarMatchesAnyNumberOfComponents() throws {
        XCTAssertTrue(try matches("**/*.pb.go", "x.pb.go"))
        XCTAssertTrue(try matches("**/*.pb.go", "api/v1/x.pb.go"))
        XCTAssertTrue(try matches("internal/**/mock_*.go", "internal/mock_a.go"))
        XCTAssertTrue(try matches("internal/**/mock_*.go", "internal/a/b/mock_a.go"))
        XCTAssertFalse(try matches("internal/**/mock_*.go", "pkg/a/mock_a.go"))
        XCTAssertTrue(try matches("**", "a/b/c.go"))
    }

    func testAPatternMatchingAFolderMatchesEverythingInIt() throws {
        for pattern in ["legacy", "legacy/", "legacy/**", "./legacy"] {
            XCTAssertTrue(try matches(pattern, "legacy/a.go"), pattern)
            XCTAssertTrue(try matches(pattern, "legacy/deep/b.go"), pattern)
            XCTAssertFalse(try matches(pattern, "legacy2/a.go"), pattern)
            XCTAssertFalse(try matches(pattern, "src/legacy/a.go"), pattern)
        }
        XCTAssertTrue(try matches("**/gen", "src/gen/a.go"))
        XCTAssertTrue(try matches("../shared/**", "../shared/a.go"))
    }

    func testFileNamePatterns() {
        XCTAssertTrue(Glob.matchesName("*_test.go", "x_test.go"))
        XCTAssertFalse(Glob.matchesName("*_test.go", "x.go"))
    }

    func testUnsupportedSyntaxIsRefused() {
        let cases: [(String, String, Int)] = [
            ("", "empty pattern", 0),
            ("/abs/*.go", "patterns are relative to the configuration's folder and cannot start with `/`", 0),
            ("src/[ab].go", "`[` is not supported in patterns (only `*`, `?` and `**`)", 4),
            ("src/{a,b}.go", "`{` is not supported in patterns (only `*`, `?` and `**`)", 4),
            ("a\\*", "`\\` is not supported in patterns (only `*`, `?` and `**`)", 1),
            ("src/**.go", "`**` must be a whole path component, as in `a/**/b`", 4),
            ("./", "the pattern names no path", 0),
        ]
        for (pattern, message, offset) in cases {
            XCTAssertThrowsError(try Glob(pattern), pattern) { error in
                XCTAssertEqual(error as? GlobError, GlobError(message: message, offset: offset), pattern)
            }
        }
    }
}
