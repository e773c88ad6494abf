import Foundation
import GoRules
import LintCore
import XCTest

/// Every registered rule has its document in Rules/, and the document's examples are executed:
/// each `## Bad` block triggers the rule, each `## Good` block triggers nothing at all. Examples run
/// through the engine, so engine-level rules (`unused-suppression`) and suppression comments count.
final class RuleDocumentTests: XCTestCase {
    static let engine = LintEngine(frontEnds: [GoFrontEnd()])

    /// What the engine reports for one file, suppression applied, as `line:col: severity: message [rule]`.
    func engineFindings(_ source: String, path: String) -> [Diagnostic] {
        Self.engine.lint(SourceFile(path: path, text: source), settings: LintSettings()) ?? []
    }

    func testEveryRuleHasADocumentWhoseExamplesHold() throws {
        for descriptor in Self.engine.rules {
            let url = repositoryRoot.appendingPathComponent("Rules/\(descriptor.id).md")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                XCTFail("rule \(descriptor.id) has no document Rules/\(descriptor.id).md")
                continue
            }
            let document = RuleDocument(text)
            XCTAssertEqual(document.title, descriptor.id, "Rules/\(descriptor.id).md: title")
            XCTAssertEqual(document.severity, descriptor.defaultSeverity.description, "Rules/\(descriptor.id).md: severity")
            XCTAssertEqual(document.category, descriptor.category, "Rules/\(descriptor.id).md: category")
            for heading in ["What it finds", "Why it matters", "Bad", "Good", "How to fix"] {
                XCTAssertTrue(document.headings.contains(heading), "Rules/\(descriptor.id).md lacks `## \(heading)`")
            }
            XCTAssertFalse(document.bad.isEmpty, "Rules/\(descriptor.id).md has no bad example")
            XCTAssertFalse(document.good.isEmpty, "Rules/\(descriptor.id).md has no good example")
            for (index, example) in document.bad.enumerated() {
                let found = engineFindings(example, path: "bad.go").map(\.ruleID)
                XCTAssertTrue(found.contains(descriptor.id),
                              "Rules/\(descriptor.id).md bad example \(index + 1) does not trigger the rule (found \(found))")
            }
            for (index, example) in document.good.enumerated() {
                XCTAssertEqual(engineFindings(example, path: "good.go").map(render), [],
                               "Rules/\(descriptor.id).md good example \(index + 1) triggers findings")
            }
        }
    }

    func testEveryDocumentBelongsToARule() throws {
        let ids = Set(Self.engine.rules.map(\.id))
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Rules").path)
        for file in files where file.hasSuffix(".md") {
            XCTAssertTrue(ids.contains(String(file.dropLast(3))), "Rules/\(file) documents no registered rule")
        }
    }

    func testBadExamplesAreSilentInsideCommentsAndStrings() throws {
        // A finding must come from code, never from text that merely looks like code.
        for descriptor in Self.engine.rules where descriptor.id != "syntax-error" {
            let url = repositoryRoot.appendingPathComponent("Rules/\(descriptor.id).md")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for example in RuleDocument(text).bad {
                let body = example.split(separator: "\n", omittingEmptySubsequences: false)
                    .drop { !$0.hasPrefix("package ") }.dropFirst()
                let commented = "package p\n/*\n" + body.joined(separator: "\n").replacingOccurrences(of: "*/", with: "* /") + "\n*/\n"
                XCTAssertEqual(engineFindings(commented, path: "commented.go").map(render), [],
                               "\(descriptor.id): finding inside a comment")
                let quoted = "package p\nvar s = `" + body.joined(separator: "\n").replacingOccurrences(of: "`", with: "'") + "`\n"
                XCTAssertEqual(engineFindings(quoted, path: "quoted.go").map(render), [],
                               "\(descriptor.id): finding inside a raw string")
            }
        }
    }
}

/// The parts of a rule document the tests check.
struct RuleDocument {
    var title = ""
    var severity = ""
    var category = ""
    var headings: [String] = []
    var bad: [String] = []
    var good: [String] = []

    init(_ text: String) {
        var section = ""
        var block: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if var open = block {
                if line.hasPrefix("```") {
                    let code = open.joined(separator: "\n") + "\n"
                    if section == "Bad" { bad.append(code) } else if section == "Good" { good.append(code) }
                    block = nil
                } else {
                    open.append(line)
                    block = open
                }
                continue
            }
            if line.hasPrefix("```go") {
                block = []
            } else if line.hasPrefix("# ") {
                title = String(line.dropFirst(2))
            } else if line.hasPrefix("## ") {
                section = String(line.dropFirst(3))
                headings.append(section)
            } else if line.hasPrefix("- **Severity:** ") {
                severity = String(line.dropFirst("- **Severity:** ".count))
            } else if line.hasPrefix("- **Category:** ") {
                category = String(line.dropFirst("- **Category:** ".count))
            }
        }
    }
}
