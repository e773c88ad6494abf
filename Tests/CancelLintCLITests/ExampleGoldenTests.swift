import CancelLintCLI
import Foundation
import GoRules
import XCTest

/// Each folder of Examples/ holds Go or Swift programs and `expected.txt`, the exact output of
/// `cancellint Examples/<folder>` from the repository root. Set UPDATE_GOLDEN=1 to rewrite them.
final class ExampleGoldenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryExampleMatchesItsGoldenOutput() throws {
        let examples = Self.root.appendingPathComponent("Examples")
        let folders = try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted()
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: examples.appendingPathComponent(name).path,
                                                      isDirectory: &isDirectory) && isDirectory.boolValue
            }
        XCTAssertFalse(folders.isEmpty, "no examples found")
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        for folder in folders {
            let golden = examples.appendingPathComponent(folder).appendingPathComponent("expected.txt")
            let result = runCommand(["--quiet", "Examples/\(folder)"], in: Self.root.path, frontEnds: defaultFrontEnds)
            if update {
                try result.stdout.text.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
                XCTFail("Examples/\(folder) has no expected.txt (run with UPDATE_GOLDEN=1 to create it)")
                continue
            }
            XCTAssertEqual(result.stdout.text, expected, "Examples/\(folder): output differs from expected.txt")
            XCTAssertFalse(expected.isEmpty, "Examples/\(folder): an example should show at least one finding")
            XCTAssertEqual(result.status, expected.contains(": error: ") || expected.contains(": warning: ") ? 1 : 0,
                           "Examples/\(folder): exit status")
        }
    }

    /// Every rule is shown by at least one example.
    func testEveryRuleHasAnExample() throws {
        let examples = Self.root.appendingPathComponent("Examples")
        var shown = Set<String>()
        for folder in try FileManager.default.contentsOfDirectory(atPath: examples.path) {
            let golden = examples.appendingPathComponent(folder).appendingPathComponent("expected.txt")
            guard let text = try? String(contentsOf: golden, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                if let open = line.lastIndex(of: "["), line.hasSuffix("]") {
                    shown.insert(String(line[line.index(after: open)..<line.index(before: line.endIndex)]))
                }
            }
        }
        for rule in defaultFrontEnds.flatMap(\.rules) where rule.id != "syntax-error" {
            XCTAssertTrue(shown.contains(rule.id), "no example in Examples/ shows \(rule.id)")
        }
    }
}
