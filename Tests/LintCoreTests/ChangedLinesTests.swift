@testable import LintCore
import XCTest

final class ChangedLinesTests: XCTestCase {
    private func parse(_ text: String) throws -> ChangedLines {
        try ChangedLines(unifiedDiff: Array(text.utf8))
    }

    func testGitDiffWithoutContext() throws {
        let changed = try parse("""
            diff --git a/pkg/a.go b/pkg/a.go
            index 1111111..2222222 100644
            --- a/pkg/a.go
            +++ b/pkg/a.go
            @@ -3,0 +4,2 @@ func f() {
            +	ctx, _ := context.WithCancel(ctx)
            +	use(ctx)
            @@ -10 +12 @@ func g() {
            -	old()
            +	new()
            @@ -20,2 +21,0 @@
            -	gone()
            -	gone()
            diff --git a/old.go b/old.go
            deleted file mode 100644
            --- a/old.go
            +++ /dev/null
            @@ -1 +0,0 @@
            -package old

            """)
        XCTAssertEqual(changed.lines, ["pkg/a.go": [4, 5, 12]])
        XCTAssertTrue(changed.contains(path: "pkg/a.go", line: 4))
        XCTAssertTrue(changed.contains(path: "./pkg/a.go", line: 12))
        XCTAssertFalse(changed.contains(path: "pkg/a.go", line: 6))
        XCTAssertFalse(changed.contains(path: "pkg/a.go", line: 21))
        XCTAssertFalse(changed.contains(path: "old.go", line: 1))
    }

    func testContextLinesSelectNothing() throws {
        let changed = try parse("""
            --- a.go\t2024-01-01 10:00:00.000000000 +0000
            +++ a.go\t2024-01-02 10:00:00.000000000 +0000
            @@ -1,7 +1,8 @@
             package a
             
             func f() {
            -	x := 1
            +	x := 2
            +	y := 3
             	_ = x
            
             }
            --- b.go
            +++ b.go
            @@ -1,3 +1,3 @@
             one
            --- not a header: a removed line starting with two dashes
            +++ and an added line starting with two pluses
             three

            """)
        XCTAssertEqual(changed.lines, ["a.go": [4, 5], "b.go": [2]])
    }

    func testQuotedPathsAndCarriageReturns() throws {
        let changed = try parse("--- \"a/sp ace\\303\\251.go\"\r\n+++ \"b/sp ace\\303\\251.go\"\r\n@@ -0,0 +1 @@\r\n+x\r\n"
                                + "--- a/tab\n+++ \"b/t\\tab\\\"q\\\\.go\"\n@@ -1 +1 @@\n-a\n+b\n")
        XCTAssertEqual(changed.lines, ["sp aceé.go": [1], "t\tab\"q\\.go": [1]])
    }

    func testNoNewlineMarkersAreIgnored() throws {
        let changed = try parse("--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n\\ No newline at end of file\n")
        XCTAssertEqual(changed.lines, ["x": [1, 2]])
    }

    func testWholeFiles() throws {
        var changed = try parse("")
        XCTAssertEqual(changed, ChangedLines())
        changed.addWholeFile("./new/file.go")
        XCTAssertTrue(changed.contains(path: "new/file.go", line: 999))
        XCTAssertFalse(changed.contains(path: "new/other.go", line: 1))
    }

    func testErrors() {
        XCTAssertThrowsError(try parse("this is not a diff\n")) { error in
            XCTAssertEqual(error as? ChangedLines.ParseError,
                           ChangedLines.ParseError(message: "no unified diff found (expected `+++` file headers)"))
        }
        XCTAssertThrowsError(try parse("--- a/x\n+++ b/x\n@@ -1,x +1 @@\n")) { error in
            XCTAssertEqual(error as? ChangedLines.ParseError, ChangedLines.ParseError(message: "line 3: malformed hunk header"))
        }
        XCTAssertNoThrow(try parse("\n  \n"))
    }
}
