import TestSupport
import Foundation
import LintCore
import XCTest

/// A front end that, while linting `a.go`, deletes `b.go`: with one worker the engine has already
/// listed `b.go` and reads it next, as when an editor or `git checkout` removes a file mid-run.
private struct DeletingFrontEnd: LanguageFrontEnd {
    let victim: String
    var language: String { "go" }
    var fileExtensions: [String] { ["go"] }
    var rules: [RuleDescriptor] { [] }
    func isGenerated(_ file: SourceFile) -> Bool { false }
    func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] {
        if file.path == "a.go" { unlink(victim) }
        return []
    }
}

final class VanishingFileTests: XCTestCase {
    func testAFileThatDisappearsAfterListingIsReportedAndTheRunGoesOn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "package a\n")
        try directory.write("b.go", "package b\n")
        try directory.write("c.go", "package c\n")
        let engine = LintEngine(frontEnds: [DeletingFrontEnd(victim: directory.url("b.go"))])

        let walked = engine.run(LintRequest(paths: [], currentDirectory: directory.path, workerCount: 1))
        XCTAssertEqual(walked.pathProblems.map(\.description), ["b.go: cannot read: no such file or directory"])
        XCTAssertEqual(walked.filesLinted, 2)
        XCTAssertEqual(walked.exitStatus, .success)

        try directory.write("b.go", "package b\n")
        let named = engine.run(LintRequest(paths: ["a.go", "b.go", "c.go"], currentDirectory: directory.path, workerCount: 1))
        XCTAssertEqual(named.pathProblems.map(\.description), ["b.go: cannot read: no such file or directory"])
        XCTAssertEqual(named.filesLinted, 2)
        XCTAssertEqual(named.exitStatus, .usageOrInputError)
    }
}
