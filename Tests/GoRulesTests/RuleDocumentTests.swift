import Foundation
import GoRules
import LintCore
import SwiftLangRules
import XCTest

/// Every registered rule, Go or Swift, has its document in Rules/, and the document's examples are
/// executed: each `## Bad` block triggers the rule, each `## Good` block triggers nothing at all.
final class RuleDocumentTests: XCTestCase {
    let languages = [DocumentedLanguage.go, DocumentedLanguage.swift]

    func testEveryRuleHasADocumentWhoseExamplesHold() throws {
        for language in languages {
            for descriptor in language.frontEnd.rules {
                let url = repositoryRoot.appendingPathComponent("Rules/\(descriptor.id).md")
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    XCTFail("rule \(descriptor.id) has no document Rules/\(descriptor.id).md")
                    continue
                }
                let document = RuleDocument(text, fence: language.fence)
                XCTAssertEqual(document.title, descriptor.id, "Rules/\(descriptor.id).md: title")
                XCTAssertEqual(document.severity, descriptor.defaultSeverity.description, "Rules/\(descriptor.id).md: severity")
                XCTAssertEqual(document.category, descriptor.category, "Rules/\(descriptor.id).md: category")
                for heading in ["What it finds", "Why it matters", "Bad", "Good", "How to fix"] {
                    XCTAssertTrue(document.headings.contains(heading), "Rules/\(descriptor.id).md lacks `## \(heading)`")
                }
                XCTAssertFalse(document.bad.isEmpty, "Rules/\(descriptor.id).md has no bad example")
                XCTAssertFalse(document.good.isEmpty, "Rules/\(descriptor.id).md has no good example")
                for (index, example) in document.bad.enumerated() {
                    let found = language.lint(example, name: "bad").map(\.ruleID)
                    XCTAssertTrue(found.contains(descriptor.id),
                                  "Rules/\(descriptor.id).md bad example \(index + 1) does not trigger the rule (found \(found))")
                }
                for (index, example) in document.good.enumerated() {
                    XCTAssertEqual(language.lint(example, name: "good").map(render), [],
                                   "Rules/\(descriptor.id).md good example \(index + 1) triggers findings")
                }
            }
        }
    }

    func testEveryDocumentBelongsToARule() throws {
        let ids = Set(languages.flatMap { $0.frontEnd.rules.map(\.id) })
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Rules").path)
        for file in files where file.hasSuffix(".md") {
            XCTAssertTrue(ids.contains(String(file.dropLast(3))), "Rules/\(file) documents no registered rule")
        }
    }

    func testBadExamplesAreSilentInsideCommentsAndStrings() throws {
        // A finding must come from code, never from text that merely looks like code.
        for language in languages {
            for descriptor in language.frontEnd.rules where descriptor.id != "syntax-error" {
                let url = repositoryRoot.appendingPathComponent("Rules/\(descriptor.id).md")
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for example in RuleDocument(text, fence: language.fence).bad {
                    XCTAssertEqual(language.lint(language.commentedOut(example), name: "commented").map(render), [],
                                   "\(descriptor.id): finding inside a comment")
                    XCTAssertEqual(language.lint(language.quoted(example), name: "quoted").map(render), [],
                                   "\(descriptor.id): finding inside a raw string")
                }
            }
        }
    }
}

/// How the document tests treat one language: its code fence, how to lint an example, and how
/// to turn an example into a comment or a string literal of that language.
struct DocumentedLanguage {
    let frontEnd: any LanguageFrontEnd
    let fileExtension: String
    let commentedOut: (String) -> String
    let quoted: (String) -> String

    var fence: String { "```\(frontEnd.language)" }

    func lint(_ source: String, name: String) -> [Diagnostic] {
        frontEnd.lint(SourceFile(path: "\(name).\(fileExtension)", text: source), settings: LintSettings())
            .sorted(by: Diagnostic.outputOrder)
    }

    static let go = DocumentedLanguage(
        frontEnd: GoFrontEnd(), fileExtension: "go",
        commentedOut: { "package p\n/*\n" + goBody($0).replacingOccurrences(of: "*/", with: "* /") + "\n*/\n" },
        quoted: { "package p\nvar s = `" + goBody($0).replacingOccurrences(of: "`", with: "'") + "`\n" })

    static let swift = DocumentedLanguage(
        frontEnd: SwiftFrontEnd(), fileExtension: "swift",
        commentedOut: { "/*\n" + $0.replacingOccurrences(of: "*/", with: "* /") + "\n*/\n" },
        quoted: { "let s = #\"\"\"\n" + $0.replacingOccurrences(of: "\"\"\"#", with: "") + "\n\"\"\"#\n" })

    /// A Go example without its package clause, to be wrapped in another file.
    private static func goBody(_ example: String) -> String {
        example.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("package ") }.dropFirst().joined(separator: "\n")
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

    init(_ text: String, fence: String = "```go") {
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
            if line.hasPrefix(fence) {
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
