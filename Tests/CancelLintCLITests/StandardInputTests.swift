import CancelLintCLI
import XCTest

final class StandardInputTests: XCTestCase {
    private func input(_ text: String) -> RunEnvironment {
        RunEnvironment(standardInput: Array(text.utf8))
    }

    func testStandardInputIsReportedUnderTheGivenPath() {
        let result = runCommand(["--stdin-filename", "pkg/buffer.go"], in: "/work", environment: input("package p\nBAD\n"))
        XCTAssertEqual(result.stdout.text, "pkg/buffer.go:2:1: warning: line contains BAD [bad-line]\n")
        XCTAssertEqual(result.stderr.text, "cancellint: 1 problem (1 warning) in 1 file\n")
        XCTAssertEqual(result.status, 1)
    }

    /// Editors pass the buffer's absolute path: shown relative to the working directory, as a file would be.
    func testAbsolutePathsAreShownLikeFiles() {
        let inside = runCommand(["--stdin-filename=/work/pkg/a.go", "-q"], in: "/work", environment: input("WORSE\n"))
        XCTAssertEqual(inside.stdout.text, "pkg/a.go:1:1: error: line contains WORSE [worse-line]\n")
        let outside = runCommand(["--stdin-filename", "/elsewhere/a.go", "-q"], in: "/work", environment: input("WORSE\n"))
        XCTAssertEqual(outside.stdout.text, "/elsewhere/a.go:1:1: error: line contains WORSE [worse-line]\n")
    }

    /// The file need not exist, and generated-code markers do not skip named input.
    func testCleanAndGeneratedInput() {
        let clean = runCommand(["--stdin-filename", "new.go"], environment: input("package p\n"))
        XCTAssertEqual(clean.stdout.text, "")
        XCTAssertEqual(clean.stderr.text, "cancellint: no problems in 1 file\n")
        XCTAssertEqual(clean.status, 0)
        let generated = runCommand(["--stdin-filename", "gen.go", "-q"],
                                   environment: input("\(FakeFrontEnd.generatedMarker)\nBAD\n"))
        XCTAssertEqual(generated.stdout.text, "gen.go:2:1: warning: line contains BAD [bad-line]\n")
    }

    func testInputInOtherFormats() throws {
        let result = runCommand(["--stdin-filename", "a.go", "--format", "json"], environment: input("NOTE\n"))
        let report = try JSONDocument.parse(result.stdout.text)
        XCTAssertEqual(report["diagnostics"]?[0]?["path"], .string("a.go"))
        XCTAssertEqual(report["counts"]?["filesLinted"], .number(1))
    }

    func testAPathNoFrontEndReadsIsAnInputError() {
        let result = runCommand(["--stdin-filename", "notes.txt"], environment: input("BAD\n"))
        XCTAssertEqual(result.stdout.text, "")
        XCTAssertEqual(result.stderr.text, "cancellint: notes.txt: not a Go file\ncancellint: no problems in 0 files\n")
        XCTAssertEqual(result.status, 2)
    }

    func testUnreadableInput() {
        let environment = RunEnvironment(readStandardInput: { .failure(.init(reason: "input/output error")) },
                                         variable: { _ in nil })
        let result = runCommand(["--stdin-filename", "a.go"], environment: environment)
        XCTAssertEqual(result.stderr.text, "cancellint: cannot read standard input: input/output error\n")
        XCTAssertEqual(result.status, 2)
    }
}
