import Foundation
import GoRules
import LintCore
import XCTest

/// Every input the fuzzer flagged (scripts/fuzz.sh: crash, timeout or slow unit) is kept in
/// FuzzRegressions/ and must lint quickly, with at most its one syntax-error finding.
final class FuzzRegressionTests: XCTestCase {
    func testEveryFlaggedInputLintsQuickly() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/GoRulesTests/FuzzRegressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let started = Date()
            let found = GoFrontEnd().lint(SourceFile(path: name, bytes: bytes), settings: LintSettings())
            XCTAssertLessThan(Date().timeIntervalSince(started), 1, "\(name) took too long")
            XCTAssertLessThanOrEqual(found.filter { $0.ruleID == "syntax-error" }.count, 1, name)
        }
    }
}
