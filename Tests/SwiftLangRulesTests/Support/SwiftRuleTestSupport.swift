import Foundation
import LintCore
import SwiftLangRules
import XCTest

/// Lints `source` as the Swift file `path` and renders each finding as `line:col: severity: message [rule]`.
func swiftFindings(_ source: String, only ruleID: String? = nil, path: String = "Example.swift",
                   settings: LintSettings = LintSettings()) -> [String] {
    SwiftFrontEnd().lint(SourceFile(path: path, text: source), settings: settings)
        .filter { ruleID == nil || $0.ruleID == ruleID }
        .sorted(by: Diagnostic.outputOrder)
        .map { "\($0.start.line):\($0.start.column): \($0.severity): \($0.message) [\($0.ruleID)]" }
}

/// Checks that each source yields exactly its expected findings of `rule`.
func assertFindings(_ cases: [(source: String, expected: [String])], rule: String,
                    file: StaticString = #filePath, line: UInt = #line) {
    for (source, expected) in cases {
        XCTAssertEqual(swiftFindings(source, only: rule), expected, source, file: file, line: line)
    }
}

/// Checks that none of the sources yields a finding of `rule`.
func assertSilent(_ sources: [String], rule: String, file: StaticString = #filePath, line: UInt = #line) {
    for source in sources {
        XCTAssertEqual(swiftFindings(source, only: rule), [], source, file: file, line: line)
    }
}
