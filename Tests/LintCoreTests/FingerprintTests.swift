import LintCore
import XCTest

final class FingerprintTests: XCTestCase {
    func fingerprints(_ text: String, lines: [Int]) -> [String] {
        let file = SourceFile(path: "a.go", text: text)
        var diagnostics = lines.map { line in
            Diagnostic(ruleID: "r", severity: .error, file: file,
                       range: ByteRange(start: file.lineStarts[line - 1], end: file.lineStarts[line - 1]), message: "m")
        }
        Fingerprints.assign(&diagnostics)
        return diagnostics.map(\.fingerprint)
    }

    func testSurvivesInsertedLinesAndIndentationButNotEdits() {
        let before = fingerprints("a\nctx, _ := f()\n", lines: [2])
        XCTAssertEqual(fingerprints("x\ny\na\n\t\tctx, _ :=  f()\n", lines: [4]), before)
        XCTAssertNotEqual(fingerprints("a\nctx, _ := g()\n", lines: [2]), before)
    }

    func testIdenticalLinesAreTellApartByOrdinal() {
        let twice = fingerprints("ctx, _ := f()\nctx, _ := f()\n", lines: [1, 2])
        XCTAssertEqual(twice.count, 2)
        XCTAssertNotEqual(twice[0], twice[1])
        XCTAssertEqual(twice[0], fingerprints("ctx, _ := f()\n", lines: [1])[0])
    }
}
