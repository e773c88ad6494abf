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

    /// The plan's neighbour search must choose exactly what comparing every pair would: random
    /// fixes of one to three edits over a short text, many of them conflicting.
    func testNeighbourSearchChoosesWhatComparingEveryPairChooses() {
        var generator = SystemRandomNumberGenerator()
        let size: Int32 = 22
        for _ in 0..<300 {
            let diagnostics = (0..<Int.random(in: 1...12, using: &generator)).map { index -> Diagnostic in
                let edits = (0..<Int.random(in: 1...3, using: &generator)).map { _ -> TextEdit in
                    let start = Int32.random(in: 0...size, using: &generator)
                    let end = min(size, start + Int32.random(in: 0...3, using: &generator))
                    return edit(start, end, ["x", "y", ""][Int.random(in: 0...2, using: &generator)])
                }
                return diagnostic(at: Int32(index), edits)
            }
            let plan = FixPlan(diagnostics, fileSize: Int(size))
            let reference = Self.everyPairPlan(diagnostics, fileSize: Int(size))
            XCTAssertEqual(plan.fixed, reference.fixed)
            XCTAssertEqual(plan.edits, reference.edits)
            XCTAssertEqual(plan.skipped.map(\.diagnostic), reference.skipped.map(\.diagnostic))
        }
    }

    /// The plain quadratic choice the plan once made, kept here as the reference.
    private static func everyPairPlan(_ diagnostics: [Diagnostic], fileSize: Int)
        -> (fixed: [Diagnostic], skipped: [SkippedFix], edits: [TextEdit]) {
        var chosen: [(edit: TextEdit, owner: Diagnostic)] = []
        var fixed: [Diagnostic] = [], skipped: [SkippedFix] = []
        for diagnostic in diagnostics.sorted(by: Diagnostic.outputOrder) {
            guard let fix = diagnostic.fixes.first else { continue }
            guard FixPlan.isWellFormed(fix, fileSize: fileSize) else {
                skipped.append(SkippedFix(diagnostic: diagnostic, reason: .malformed))
                continue
            }
            let newEdits = fix.edits.filter { edit in !chosen.contains { $0.edit == edit } }
            if let conflict = chosen.first(where: { existing in newEdits.contains { FixPlan.conflict(existing.edit, $0) } }) {
                skipped.append(SkippedFix(diagnostic: diagnostic, reason: .overlaps(conflict.owner)))
                continue
            }
            chosen += newEdits.map { ($0, diagnostic) }
            fixed.append(diagnostic)
        }
        let edits = chosen.map(\.edit).sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        return (fixed, skipped, edits)
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
