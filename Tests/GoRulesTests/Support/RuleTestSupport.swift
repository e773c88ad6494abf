import Foundation
import GoAnalysis
import GoRules
import GoSyntax
import LintCore
import TestSupport
import XCTest

/// The repository root, found from this file's path (Tests/GoRulesTests/Support/...).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Lints `source` as file `path` and renders each finding as `line:col: severity: message [rule]`.
/// `only` keeps the findings of one rule (syntax errors are always kept, so a typo in a test shows).
func findings(_ source: String, only ruleID: String? = nil, path: String = "example.go",
              settings: LintSettings = LintSettings()) -> [String] {
    diagnostics(source, only: ruleID, path: path, settings: settings).map(render)
}

func diagnostics(_ source: String, only ruleID: String? = nil, path: String = "example.go",
                 settings: LintSettings = LintSettings()) -> [Diagnostic] {
    let file = SourceFile(path: path, text: source)
    return GoFrontEnd().lint(file, settings: settings)
        .filter { ruleID == nil || $0.ruleID == ruleID || $0.ruleID == "syntax-error" }
        .sorted(by: Diagnostic.outputOrder)
}

func render(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.start.line):\(diagnostic.start.column): \(diagnostic.severity): \(diagnostic.message) [\(diagnostic.ruleID)]"
}

/// Applies the first fix of every diagnostic (edits sorted, none overlapping, an edit two fixes
/// share applied once, as `--fix` does) and returns the new text. Where gofmt is installed, a
/// source it parses must still parse after the fixes (`gofmt -e`), so every rule test's fix case
/// is checked by Go's own parser too.
func applyingFixes(_ source: String, only ruleID: String, settings: LintSettings = LintSettings(),
                   file: StaticString = #filePath, line: UInt = #line) -> String {
    var bytes = Array(source.utf8)
    let edits = Set(diagnostics(source, only: ruleID, settings: settings).flatMap { $0.fixes.first?.edits ?? [] })
        .sorted { $0.range.start > $1.range.start }
    for edit in edits {
        bytes.replaceSubrange(Int(edit.range.start)..<Int(edit.range.end), with: Array(edit.replacement.utf8))
    }
    if let gofmt = ExternalTool(named: "gofmt"), let before = try? gofmt.run(["-e"], input: Array(source.utf8)),
       before.status == 0 {
        let after = try? gofmt.run(["-e"], input: bytes)
        XCTAssertEqual(after?.status, 0, "gofmt -e rejects the fixed text:\n\(after?.output ?? "")", file: file, line: line)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// A Go file made of one package-and-imports line and `body`, so the body starts on line 2.
/// The imports cover what the lifecycle tests use; unused ones do not matter to the linter.
func goSource(_ body: String) -> String {
    "package p; import (\"context\"; \"errors\"; \"net\"; \"net/http\"; \"os\"; \"os/signal\"; \"sync\"; \"time\")\n" + body
}

/// Settings with the given rules disabled.
func settingsDisabling(_ ruleIDs: String...) -> LintSettings {
    LintSettings(rules: Dictionary(uniqueKeysWithValues: ruleIDs.map { ($0, RuleSettings(enabled: false)) }))
}

/// Asserts that no body in `bodies` (each made a file by `goSource`) gives a finding of the rule.
func assertNoFindings(_ bodies: [String], only ruleID: String, file: StaticString = #filePath, line: UInt = #line) {
    for body in bodies {
        XCTAssertEqual(findings(goSource(body), only: ruleID), [], body, file: file, line: line)
    }
}
