@testable import LintCore
import XCTest

final class FixPlanTests: XCTestCase {
    private let file = SourceFile(path: "a.go", text: "0123456789\nabcdefghij\n")

    private func edit(_ start: Int32, _ end: Int32, _ text: String) -> TextEdit {
        TextEdit(range: ByteRange(start: start, end: end), replacement: text)
    }

    private func diagnostic(at offset: Int32, rule: String = "r", _ edits: [TextEdit]) -> Diagnostic {
        Diagnostic(ruleID: rule, severity: .warning, file: file, range: ByteRange(start: offset, end: offset + 1),
                   message: "m", fixes: edits.isEmpty ? [] : [Fix(title: "t", edits: edits)])
    }

    private func applied(_ plan: FixPlan) -> String {
        String(decoding: plan.apply(to: file.bytes), as: UTF8.self)
    }

    func testNonOverlappingFixesAreAllApplied() {
        let plan = FixPlan([diagnostic(at: 12, [edit(11, 12, "A")]), diagnostic(at: 0, [edit(0, 1, "Z"), edit(10, 10, "!")])],
                           fileSize: file.bytes.count)
        XCTAssertEqual(plan.fixed.map(\.start.line), [1, 2])
        XCTAssertEqual(plan.skipped, [])
        XCTAssertEqual(applied(plan), "Z123456789!\nAbcdefghij\n")
    }

    func testTheLaterOfTwoOverlappingFixesIsSkippedWhole() {
        let first = diagnostic(at: 1, rule: "first", [edit(2, 5, "xx")])
        let second = diagnostic(at: 4, rule: "second", [edit(4, 6, "yy"), edit(15, 16, "never")])
        let plan = FixPlan([second, first], fileSize: file.bytes.count)
        XCTAssertEqual(plan.fixed, [first])
        XCTAssertEqual(plan.skipped, [SkippedFix(diagnostic: second, reason: .overlaps(first))])
        XCTAssertEqual(plan.skipped.first?.description,
                       "a.go:1:5: fix for [second] skipped: it overlaps the fix for 1:2 [first]; run --fix again to apply it")
        XCTAssertEqual(applied(plan), "01xx56789\nabcdefghij\n")
    }

    func testConflictRules() {
        XCTAssertFalse(FixPlan.conflict(edit(0, 3, "a"), edit(3, 5, "b")), "touching ranges")
        XCTAssertTrue(FixPlan.conflict(edit(0, 3, "a"), edit(2, 5, "b")), "shared byte")
        XCTAssertTrue(FixPlan.conflict(edit(0, 3, "a"), edit(1, 1, "b")), "insertion strictly inside")
        XCTAssertFalse(FixPlan.conflict(edit(0, 3, "a"), edit(0, 0, "b")), "insertion at the start")
        XCTAssertFalse(FixPlan.conflict(edit(0, 3, "a"), edit(3, 3, "b")), "insertion at the end")
        XCTAssertTrue(FixPlan.conflict(edit(4, 4, "a"), edit(4, 4, "b")), "two insertions at one place")
    }

    func testAnInsertionBeforeAReplacementAtTheSameOffsetKeepsItsPlace() {
        let plan = FixPlan([diagnostic(at: 0, [edit(0, 0, "<")]), diagnostic(at: 1, [edit(0, 2, "AB")])], fileSize: file.bytes.count)
        XCTAssertEqual(applied(plan), "<AB23456789\nabcdefghij\n")
    }

    func testIdenticalEditsFromTwoFindingsAreAppliedOnce() {
        let shared = edit(11, 11, "// added\n")
        let plan = FixPlan([diagnostic(at: 0, [shared]), diagnostic(at: 5, [shared, edit(5, 6, "F")])], fileSize: file.bytes.count)
        XCTAssertEqual(plan.fixed.count, 2)
        XCTAssertEqual(applied(plan), "01234F6789\n// added\nabcdefghij\n")
    }

    func testMalformedFixesAreSkipped() {
        let outside = diagnostic(at: 0, [edit(20, 40, "x")])
        let backwards = diagnostic(at: 1, [edit(5, 3, "x")])
        let selfOverlapping = diagnostic(at: 2, [edit(1, 4, "x"), edit(2, 3, "y")])
        let plan = FixPlan([outside, backwards, selfOverlapping], fileSize: file.bytes.count)
        XCTAssertEqual(plan.fixed, [])
        XCTAssertEqual(plan.skipped.map(\.reason), [.malformed, .malformed, .malformed])
        XCTAssertEqual(plan.skipped.first?.description,
                       "a.go:1:1: fix for [r] skipped: its edits fall outside the file or overlap each other")
        XCTAssertEqual(applied(plan), "0123456789\nabcdefghij\n")
    }

    func testDiagnosticsWithoutFixesAreIgnored() {
        let plan = FixPlan([diagnostic(at: 0, [])], fileSize: file.bytes.count)
        XCTAssertEqual(plan.fixed, [])
        XCTAssertEqual(plan.skipped, [])
        XCTAssertEqual(plan.edits, [])
    }
}
