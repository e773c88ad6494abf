import LintCore
import XCTest

final class EngineAPITests: XCTestCase {
    private let engine = LintEngine(frontEnds: [FakeFrontEnd()])

    func testLintsTextThatDidNotComeFromDiskByItsPathsExtension() {
        let diagnostics = engine.lint(SourceFile(path: "buffer.go", text: "WORSE BAD\n"), settings: LintSettings())
        XCTAssertEqual(diagnostics?.map(TextReporter.line(for:)), [
            "buffer.go:1:1: error: line contains WORSE [worse-line]",
            "buffer.go:1:7: warning: line contains BAD [bad-line]",
        ])
        XCTAssertNil(engine.lint(SourceFile(path: "notes.txt", text: "BAD"), settings: LintSettings()))
    }

    func testFindsFrontEndsAndRules() {
        XCTAssertEqual(engine.frontEnd(forPath: "a/b.go")?.language, "go")
        XCTAssertNil(engine.frontEnd(forPath: "a/b.GO"))
        XCTAssertEqual(engine.rules.map(\.id), ["bad-line", "worse-line", "note-line", "unused-suppression"])
        XCTAssertEqual(LintEngine(frontEnds: []).rules.map(\.id), [])
    }
}
