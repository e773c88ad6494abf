import Foundation
import LintCore
import XCTest

/// The documents compiled into the binary are exactly those of `Rules/`.
final class RuleDocumentsTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testGeneratedDocumentsMatchRulesFolder() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("Rules")
        var onDisk: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
            onDisk[String(name.dropLast(3))] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        let compiled = RuleDocuments.byID
        let missing = Set(onDisk.keys).subtracting(compiled.keys).sorted()
        let extra = Set(compiled.keys).subtracting(onDisk.keys).sorted()
        let changed = Set(onDisk.keys).intersection(compiled.keys).filter { onDisk[$0] != compiled[$0] }.sorted()
        XCTAssertTrue(missing.isEmpty && extra.isEmpty && changed.isEmpty, """
            Sources/LintCore/Generated/RuleDocuments.swift is out of date with Rules/ \
            (not compiled in: \(missing), no longer in Rules/: \(extra), changed: \(changed)); \
            run scripts/regenerate.sh
            """)
    }

    func testSectionsAndFixLineAreRead() {
        let document = RuleDocumentation(markdown: """
            # some-rule

            - **Severity:** warning
            - **Fix:** renames the thing

            ## What it finds

            First line
            continues here.

            Second paragraph.

            ## Bad

            ```go
            ## not a heading inside code
            ```

            ## How to fix

            Do it.
            """)
        XCTAssertEqual(document.section("What it finds"), "First line\ncontinues here.\n\nSecond paragraph.")
        XCTAssertEqual(document.paragraphs("What it finds"), "First line continues here.\n\nSecond paragraph.")
        XCTAssertEqual(document.section("Bad"), "```go\n## not a heading inside code\n```")
        XCTAssertEqual(document.section("How to fix"), "Do it.")
        XCTAssertNil(document.section("Missing"))
        XCTAssertEqual(document.fix, "renames the thing")
        XCTAssertNil(RuleDocumentation(markdown: "# x\n").fix)
    }
}
