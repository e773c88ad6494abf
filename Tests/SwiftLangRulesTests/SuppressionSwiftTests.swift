import LintCore
import SwiftLangRules
import XCTest

/// Suppression comments work the same in Swift: the Swift front end hands its comments to the engine.
final class SuppressionSwiftTests: XCTestCase {
    private func lint(_ source: String, path: String = "Server.swift") -> [String] {
        let diagnostics = LintEngine(frontEnds: [SwiftFrontEnd()])
            .lint(SourceFile(path: path, text: source), settings: LintSettings()) ?? []
        return diagnostics.map { "\($0.start.line):\($0.start.column): \($0.severity): [\($0.ruleID)]" }
    }

    static let blocking = """
        import Foundation

        func waitForServer(_ isUp: () async -> Bool) async {
            while !(await isUp()) {
                Thread.sleep(forTimeInterval: 0.5)
            }
        }

        """

    func testIgnoreSilencesASwiftFinding() {
        XCTAssertEqual(lint(Self.blocking), ["5:9: info: [swift-blocking-wait-in-async]"])
        let suppressed = Self.blocking.replacingOccurrences(
            of: "0.5)\n", with: "0.5) //cancellint:ignore swift-blocking-wait-in-async runs on a dedicated thread\n")
        XCTAssertEqual(lint(suppressed), [])
    }

    func testAStaleSuppressionIsReportedEvenWhereNoRuleCouldFire() {
        XCTAssertEqual(lint("let x = 1 //cancellint:ignore swift-detached-in-async old\n"),
                       ["1:11: info: [unused-suppression]"])
        XCTAssertEqual(lint("let x = 1 // an ordinary comment\n"), [])
    }

    func testTestFilesArePatternsOfTheFrontEnd() {
        XCTAssertEqual(SwiftFrontEnd().testFilePatterns, ["*Tests.swift"])
    }
}
