import Foundation
import TestSupport
import LintCore
import XCTest

/// Inline suppression through the engine, language-neutral (the fake front end's `//` comments).
final class SuppressionTests: XCTestCase {
    private let engine = LintEngine(frontEnds: [FakeFrontEnd()])

    private func lint(_ text: String, settings: LintSettings = LintSettings(), strict: Bool = false) -> [String] {
        let diagnostics = engine.lint(SourceFile(path: "a.go", text: text), settings: settings, strictSuppressions: strict) ?? []
        return diagnostics.map(TextReporter.line(for:))
    }

    func testIgnoreAtTheEndOfTheLine() {
        XCTAssertEqual(lint("BAD //cancellint:ignore bad-line reviewed: test fixture\nBAD\n"),
                       ["a.go:2:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(lint("BAD WORSE // cancellint:ignore bad-line,worse-line both reviewed\n"), [])
        // Only the rules it names.
        XCTAssertEqual(lint("BAD WORSE //cancellint:ignore worse-line reviewed\n"),
                       ["a.go:1:1: warning: line contains BAD [bad-line]"])
    }

    func testIgnoreOnTheLineBeforeSkippingCommentLines() {
        XCTAssertEqual(lint("//cancellint:ignore bad-line reviewed\nBAD\nBAD\n"),
                       ["a.go:3:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(lint("  //cancellint:ignore bad-line reviewed\n  // why: explained here\n  BAD\n"), [])
        // A blank line ends its reach: it then silences nothing and says so.
        XCTAssertEqual(lint("//cancellint:ignore bad-line reviewed\n\nBAD\n"), [
            "a.go:1:1: info: suppression of `bad-line` silenced nothing; remove it [unused-suppression]",
            "a.go:3:1: warning: line contains BAD [bad-line]",
        ])
    }

    func testFileIgnoreAndAll() {
        XCTAssertEqual(lint("BAD\nWORSE\n//cancellint:file-ignore bad-line generated fixtures\nBAD\n"),
                       ["a.go:2:1: error: line contains WORSE [worse-line]"])
        XCTAssertEqual(lint("//cancellint:file-ignore all vendored copy\nBAD\nWORSE NOTE\n"), [])
        XCTAssertEqual(lint("BAD WORSE //cancellint:ignore all reviewed\n"), [])
    }

    func testGolangciNolintForms() {
        XCTAssertEqual(lint("BAD //nolint\n"), [])
        XCTAssertEqual(lint("BAD // nolint:cancellint // reviewed\n"), [])
        XCTAssertEqual(lint("BAD WORSE //nolint:errcheck,bad-line\n"), ["a.go:1:5: error: line contains WORSE [worse-line]"])
        XCTAssertEqual(lint("BAD //nolint:all\n"), [])
        // Other linters' directives are none of our business.
        XCTAssertEqual(lint("BAD //nolint:errcheck\n"), ["a.go:1:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(lint("BAD //nolintlint\n"), ["a.go:1:1: warning: line contains BAD [bad-line]"])
        // golangci-lint's `unused` linter is not a misspelling of `unused-suppression`.
        XCTAssertEqual(lint("BAD //nolint:unused,deadcode // kept for the plugin API\n"),
                       ["a.go:1:1: warning: line contains BAD [bad-line]"])
    }

    func testNolintAloneOnALineCoversTheNodeBelow() {
        let text = """
            //nolint:bad-line // legacy
            func {
              BAD
            }
            BAD

            """
        XCTAssertEqual(lint(text), ["a.go:5:1: warning: line contains BAD [bad-line]"])
        // Ours is precise: the next line only.
        XCTAssertEqual(lint(text.replacingOccurrences(of: "//nolint:bad-line // legacy", with: "//cancellint:ignore bad-line legacy")), [
            "a.go:1:1: info: suppression of `bad-line` silenced nothing; remove it [unused-suppression]",
            "a.go:3:3: warning: line contains BAD [bad-line]",
            "a.go:5:1: warning: line contains BAD [bad-line]",
        ])
    }

    /// "did you mean" on a huge name in a suppression comment is bounded (a 1 MB comment took 11 s)
    /// and the name is shown as an excerpt.
    func testHugeUnknownNamesInSuppressionsAreBounded() {
        let name = String(repeating: "bad-line", count: 20_000)
        XCTAssertEqual(lint("BAD //cancellint:ignore \(name) reviewed\n"), [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "a.go:1:25: info: unknown rule `\(name.prefix(60))…` in suppression; `cancellint rules` lists the rule ids [unused-suppression]",
        ])
        XCTAssertEqual(lint("BAD //nolint:\(name)\n"), ["a.go:1:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(lint("BAD //cancellint:\(name)\n"), [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "a.go:1:5: info: unknown directive `cancellint:\(name.prefix(49))…`; expected `cancellint:ignore` or "
                + "`cancellint:file-ignore` [unused-suppression]",
        ])
    }

    func testUnusedUnknownAndReasonlessSuppressionsAreReported() {
        XCTAssertEqual(lint("NOTHING //cancellint:ignore bad-line reviewed\n"),
                       ["a.go:1:9: info: suppression of `bad-line` silenced nothing; remove it [unused-suppression]"])
        XCTAssertEqual(lint("BAD //cancellint:ignore bad-line,worse-line,note-line reviewed\n"),
                       ["a.go:1:5: info: suppression of `worse-line` and `note-line` silenced nothing; remove them [unused-suppression]"])
        XCTAssertEqual(lint("BAD //cancellint:ignore bad-lin reviewed\n"), [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "a.go:1:25: info: unknown rule `bad-lin` in suppression; did you mean `bad-line`? [unused-suppression]",
        ])
        XCTAssertEqual(lint("//cancellint:file-ignore frobnicate reviewed\n"),
                       ["a.go:1:26: info: unknown rule `frobnicate` in suppression; `cancellint rules` lists the rule ids [unused-suppression]"])
        XCTAssertEqual(lint("BAD //cancellint:ignore bad-line\n"),
                       ["a.go:1:5: info: suppression of `bad-line` gives no reason; say after the rule list why the finding does not apply [unused-suppression]"])
        XCTAssertEqual(lint("BAD //cancellint:ignore\n"), [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "a.go:1:5: info: suppression names no rule; write `//cancellint:ignore RULE reason` [unused-suppression]",
        ])
        XCTAssertEqual(lint("BAD //cancellint:ignroe bad-line reviewed\n"), [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "a.go:1:5: info: unknown directive `cancellint:ignroe`; did you mean `cancellint:ignore`? [unused-suppression]",
        ])
        XCTAssertEqual(lint("BAD //nolint:bad-lin\n"), [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "a.go:1:14: info: unknown rule `bad-lin` in suppression; did you mean `bad-line`? [unused-suppression]",
        ])
        XCTAssertEqual(lint("NOTHING //nolint:cancellint\n"),
                       ["a.go:1:9: info: suppression of `cancellint` silenced nothing; remove it [unused-suppression]"])
        XCTAssertEqual(lint("//cancellint:file-ignore all reviewed\n"),
                       ["a.go:1:1: info: suppression of `all` silenced nothing; remove it [unused-suppression]"])
    }

    func testWhatIsNeverReported() {
        // Bare `//nolint` may be there for another linter; prose that mentions the tool is not a directive.
        XCTAssertEqual(lint("NOTHING //nolint\nx //nolint:all\n// cancellint: finds leaks\n/* cancellint:ignore bad-line */\n"), [])
        // A suppression of a rule the configuration turns off is dormant, not stale.
        let off = LintSettings(rules: ["bad-line": RuleSettings(enabled: false)])
        XCTAssertEqual(lint("BAD //cancellint:ignore bad-line reviewed\n", settings: off), [])
    }

    func testSeverityStrictModeAndConfiguration() {
        let text = "NOTHING //cancellint:ignore bad-line reviewed\n"
        XCTAssertEqual(lint(text, strict: true),
                       ["a.go:1:9: warning: suppression of `bad-line` silenced nothing; remove it [unused-suppression]"])
        let error = LintSettings(rules: ["unused-suppression": RuleSettings(severity: .error)])
        XCTAssertEqual(lint(text, settings: error, strict: true),
                       ["a.go:1:9: error: suppression of `bad-line` silenced nothing; remove it [unused-suppression]"])
        let off = LintSettings(rules: ["unused-suppression": RuleSettings(enabled: false)])
        XCTAssertEqual(lint(text, settings: off), [])
        // Disabling the report does not stop suppression.
        XCTAssertEqual(lint("BAD //cancellint:ignore bad-line\n", settings: off), [])
    }

    func testSuppressionsThroughTheEngineRunCountOnlyWhatIsLeft() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD //cancellint:ignore bad-line reviewed\nBAD\n")
        let result = LintEngine(frontEnds: [FakeFrontEnd()])
            .run(LintRequest(paths: [], currentDirectory: directory.path, strictSuppressions: true))
        XCTAssertEqual(result.lines, ["a.go:2:1: warning: line contains BAD [bad-line]"])
    }

    func testFingerprintsDoNotShiftWhenAnIdenticalFindingIsSuppressed() throws {
        let before = engine.lint(SourceFile(path: "a.go", text: "BAD\nBAD\n"), settings: LintSettings()) ?? []
        let after = engine.lint(SourceFile(path: "a.go", text: "//cancellint:ignore bad-line reviewed\nBAD\nBAD\n"),
                                settings: LintSettings()) ?? []
        XCTAssertEqual(after.map(\.fingerprint), [before[1].fingerprint])
    }
}
