import TestSupport
import Foundation
import GoRules
import XCTest

/// Hostile files: each is linted quickly with at most a syntax-error finding, and a well-formed
/// file beside it is still linted.
final class HostileInputTests: XCTestCase {
    /// Time budgets are for a normal debug build; scripts/sanitize.sh sets CANCELLINT_SANITIZER,
    /// under which everything runs several times slower.
    let budget: Double = ProcessInfo.processInfo.environment["CANCELLINT_SANITIZER"] == nil ? 1 : 10

    let leak = "package p\n\nimport \"context\"\n\nfunc f(p context.Context) {\n\tc, _ := context.WithCancel(p)\n\tuse(c)\n}\n"
    let leakFinding = "good.go:6:5: error: the cancel function returned by context.WithCancel is discarded; the context lives until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]"

    /// Lints `hostile.go` (with `bytes`) next to `good.go` and returns the output lines and the CPU
    /// time taken (not wall time: a busy machine must not fail a budget).
    func lintBeside(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> (lines: [String], seconds: Double) {
        let directory = try TemporaryDirectory()
        try directory.write("good.go", leak)
        try Data(bytes).write(to: URL(fileURLWithPath: directory.url("hostile.go")))
        var result: CommandLineRun?
        let seconds = cpuSeconds { result = runCommand(["--quiet", "."], in: directory.path, frontEnds: [GoFrontEnd()]) }
        guard let result else { throw XCTSkip("not run") }
        let lines = result.stdout.text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains(leakFinding), "the good file was not linted: \(lines)", file: file, line: line)
        let hostile = lines.filter { $0.hasPrefix("hostile.go:") }
        XCTAssertLessThanOrEqual(hostile.count, 1, "more than one finding for the hostile file: \(hostile)", file: file, line: line)
        for finding in hostile {
            XCTAssertTrue(finding.hasSuffix("[syntax-error]"), finding, file: file, line: line)
        }
        return (hostile, seconds)
    }

    func testOneMegabyteOfOpenParentheses() throws {
        let result = try lintBeside(Array("package p\nvar x = ".utf8) + [UInt8](repeating: UInt8(ascii: "("), count: 1 << 20))
        XCTAssertEqual(result.lines, ["hostile.go:2:2509: error: nesting deeper than 2500 levels; the rest of the file is not parsed [syntax-error]"])
        XCTAssertLessThan(result.seconds, 10 * budget)
    }

    /// Valid Go nested as deep as the parser allows goes through every analysis and rule (they
    /// recurse over the tree) on the engine's worker stacks: 2,000 nested `if`s, a 5,000-long
    /// `else if` chain. Once, 338 nested `if`s were refused as "deeper than 1000 levels".
    func testDeepButValidNestingIsLinted() throws {
        let nested = "package p\n\nimport \"context\"\n\nfunc f(ctx context.Context, x int) {\n"
            + String(repeating: "if x > 0 {\n", count: 2_000) + "c, _ := context.WithCancel(ctx)\n_ = c\n"
            + String(repeating: "}\n", count: 2_000) + "}\n"
        let directory = try TemporaryDirectory()
        try directory.write("nested.go", nested)
        // The rules see the innermost statement, 2,001 levels down.
        XCTAssertEqual(runCommand(["--quiet", "."], in: directory.path, frontEnds: [GoFrontEnd()]).stdout.text,
                       "nested.go:2006:4: error: the cancel function returned by context.WithCancel is discarded; the context "
                       + "lives until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]\n")
        let chain = "package p\n\nimport \"context\"\n\nfunc f(ctx context.Context, x int) {\n\tif x == 0 {\n\t\t_ = ctx\n\t}"
            + (1..<5_000).map { " else if x == \($0) {\n\t\tgo func() { <-ctx.Done() }()\n\t}" }.joined() + "\n}\n"
        XCTAssertEqual(try lintBeside(Array(chain.utf8)).lines, [])
        let tooDeep = "package p\n\nfunc f(x int) {\n" + String(repeating: "if x > 0 {\n", count: 2_500)
            + String(repeating: "}\n", count: 2_500) + "}\n"
        XCTAssertEqual(try lintBeside(Array(tooDeep.utf8)).lines,
                       ["hostile.go:2503:10: error: nesting deeper than 2500 levels; the rest of the file is not parsed [syntax-error]"])
    }

    /// A file of NUL bytes is one token and ten recorded errors, not one of each per byte (which
    /// once cost about 120 bytes of memory per input byte).
    func testTwoMegabytesOfNULBytes() throws {
        let result = try lintBeside([UInt8](repeating: 0, count: 2_000_000))
        XCTAssertEqual(result.lines, ["hostile.go:1:1: error: illegal NUL byte [syntax-error]"])
        XCTAssertLessThan(result.seconds, 10 * budget)
    }

    func testHundredThousandNestedBlocks() throws {
        let text = "package p\nfunc f() {" + String(repeating: "{", count: 100_000) + String(repeating: "}", count: 100_000) + "}\n"
        let result = try lintBeside(Array(text.utf8))
        XCTAssertEqual(result.lines.count, 1)
        XCTAssertLessThan(result.seconds, 10 * budget)
    }

    func testFiftyMegabyteFile() throws {
        let function = "func f%d(ctx context.Context) error {\n\tif err := ctx.Err(); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n"
        var text = "package p\n\nimport \"context\"\n\n"
        var index = 0
        while text.utf8.count < 50 << 20 {
            text += function.replacingOccurrences(of: "%d", with: String(index))
            index += 1
        }
        let result = try lintBeside(Array(text.utf8))
        XCTAssertEqual(result.lines, [])
        XCTAssertLessThan(result.seconds, 120 * budget)
    }

    func testTenMegabyteSingleLine() throws {
        var text = "package p; var x = []int{"
        text += String(repeating: "1, ", count: 10 << 20 / 3)
        text += "}"
        let result = try lintBeside(Array(text.utf8))
        XCTAssertEqual(result.lines, [])
    }

    func testInvalidUTF8AndNULBytesInIdentifiersStringsAndComments() throws {
        var bytes = Array("package p\n\nvar a\u{0}b = 1\nvar s = \"x".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"\n// comment ".utf8) + [0xC3] + Array("\nvar id".utf8) + [0x80] + Array(" = 2\n".utf8)
        let result = try lintBeside(bytes)
        XCTAssertEqual(result.lines, ["hostile.go:3:6: error: illegal NUL byte (and 3 more syntax errors in this file) [syntax-error]"])
    }

    func testLineEndingsAndByteOrderMark() throws {
        XCTAssertEqual(try lintBeside(Array("package p\r\n\r\nfunc f() {\r\n}\r\n".utf8)).lines, [])
        // A lone CR is white space in Go, not a line break, so no semicolon ends the package clause.
        XCTAssertEqual(try lintBeside(Array("package p\rfunc f() {}\r".utf8)).lines,
                       ["hostile.go:1:11: error: expected `;` or newline, found `func` [syntax-error]"])
        XCTAssertEqual(try lintBeside([0xEF, 0xBB, 0xBF] + Array("package p\n".utf8)).lines, [])
    }

    func testNotGoAtAll() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
            + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        let result = try lintBeside(png)
        XCTAssertEqual(result.lines.count, 1)
    }

    func testEmptyFileAndPackageClauseOnly() throws {
        XCTAssertEqual(try lintBeside([]).lines, ["hostile.go:1:1: error: expected `package` clause, found end of file [syntax-error]"])
        XCTAssertEqual(try lintBeside(Array("package p".utf8)).lines, [])
    }
}
