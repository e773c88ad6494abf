import TestSupport
import Foundation
@testable import LintCore
import XCTest

final class UnifiedDiffTests: XCTestCase {
    private func diff(_ old: String, _ new: String, context: Int = 3) -> String {
        UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a/f.go", newLabel: "b/f.go", context: context)
    }

    private func numbered(_ range: ClosedRange<Int>) -> String {
        range.map { "line \($0)\n" }.joined()
    }

    func testEqualTextsHaveNoDiff() {
        XCTAssertEqual(diff("a\nb\n", "a\nb\n"), "")
        XCTAssertEqual(diff("", ""), "")
    }

    func testOneInsertedLineWithThreeLinesOfContext() {
        let old = numbered(1...10)
        let new = old.replacingOccurrences(of: "line 5\n", with: "line 5\ninserted\n")
        XCTAssertEqual(diff(old, new), """
            --- a/f.go
            +++ b/f.go
            @@ -3,6 +3,7 @@
             line 3
             line 4
             line 5
            +inserted
             line 6
             line 7
             line 8

            """)
    }

    func testChangeAtTheStartAndAtTheEnd() {
        XCTAssertEqual(diff("one\ntwo\n", "zero\none\ntwo\nthree\n"), """
            --- a/f.go
            +++ b/f.go
            @@ -1,2 +1,4 @@
            +zero
             one
             two
            +three

            """)
    }

    func testDistantChangesGetSeparateHunksAndCloseOnesShareOne() {
        let old = numbered(1...20)
        let far = old.replacingOccurrences(of: "line 2\n", with: "LINE 2\n").replacingOccurrences(of: "line 18\n", with: "LINE 18\n")
        XCTAssertEqual(diff(old, far), """
            --- a/f.go
            +++ b/f.go
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +LINE 2
             line 3
             line 4
             line 5
            @@ -15,6 +15,6 @@
             line 15
             line 16
             line 17
            -line 18
            +LINE 18
             line 19
             line 20

            """)
        // Six unchanged lines between changes: exactly twice the context, so one hunk.
        let near = old.replacingOccurrences(of: "line 5\n", with: "LINE 5\n").replacingOccurrences(of: "line 12\n", with: "LINE 12\n")
        XCTAssertEqual(diff(old, near).components(separatedBy: "@@ -").count - 1, 1)
        let apart = old.replacingOccurrences(of: "line 5\n", with: "LINE 5\n").replacingOccurrences(of: "line 13\n", with: "LINE 13\n")
        XCTAssertEqual(diff(old, apart).components(separatedBy: "@@ -").count - 1, 2)
    }

    func testDeletionOnlyAndEmptyFiles() {
        XCTAssertEqual(diff("a\nb\nc\n", "a\nc\n", context: 0), """
            --- a/f.go
            +++ b/f.go
            @@ -2 +1,0 @@
            -b

            """)
        XCTAssertEqual(diff("", "new\n"), "--- a/f.go\n+++ b/f.go\n@@ -0,0 +1 @@\n+new\n")
        XCTAssertEqual(diff("old\n", ""), "--- a/f.go\n+++ b/f.go\n@@ -1 +0,0 @@\n-old\n")
    }

    func testMissingFinalLineBreakIsMarked() {
        XCTAssertEqual(diff("a\nb", "a\nb\nc"), """
            --- a/f.go
            +++ b/f.go
            @@ -1,2 +1,3 @@
             a
            -b
            \\ No newline at end of file
            +b
            +c
            \\ No newline at end of file

            """)
    }

    func testMatchesGNUDiffOnSimpleEdits() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/diff"), "GNU diff not installed")
        let old = numbered(1...40)
        let new = old.replacingOccurrences(of: "line 7\n", with: "line 7\n\tdefer cancel()\n")
            .replacingOccurrences(of: "line 30\n", with: "LINE 30\n")
            .replacingOccurrences(of: "line 33\n", with: "")
        let directory = try TemporaryDirectory()
        try directory.write("old", old)
        try directory.write("new", new)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", "--label", "a/f.go", "--label", "b/f.go", directory.url("old"), directory.url("new")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(diff(old, new), String(decoding: output, as: UTF8.self))
    }

    /// Applying the diff to the old text gives the new text, for many random edits.
    func testRandomEditsRoundTrip() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            var lines = (0..<Int.random(in: 0...30, using: &generator)).map { _ in "l\(Int.random(in: 0...6, using: &generator))" }
            let old = lines.map { $0 + "\n" }.joined()
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0...lines.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: lines.insert("new\(Int.random(in: 0...3, using: &generator))", at: position)
                case 1 where position < lines.count: lines.remove(at: position)
                default: if position < lines.count { lines[position] += "x" }
                }
            }
            let new = lines.map { $0 + "\n" }.joined()
            let patch = diff(old, new, context: Int.random(in: 0...3, using: &generator))
            XCTAssertEqual(apply(patch, to: old), new, "\(old)\n=>\n\(new)\n\(patch)")
            let mapping = UnifiedDiff.originalLines(old: Array(old.utf8), new: Array(new.utf8))
            let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in new.split(separator: "\n").enumerated() {
                if let original = mapping[index] { XCTAssertEqual(oldLines[original - 1], line) }
            }
        }
    }

    /// A minimal `patch`: enough to check hunks are self-consistent.
    private func apply(_ patch: String, to text: String) -> String {
        var old = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if old.last == "" { old.removeLast() }
        var result: [String] = []
        var cursor = 0
        for line in patch.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("@@ -") {
                let range = line.dropFirst(4).prefix { $0 != " " }
                let parts = range.split(separator: ",").compactMap { Int($0) }
                let count = parts.count > 1 ? parts[1] : 1
                let start = count == 0 ? parts[0] : parts[0] - 1
                result += old[cursor..<start]
                cursor = start
            } else if line.hasPrefix(" ") {
                result.append(String(line.dropFirst()))
                cursor += 1
            } else if line.hasPrefix("-"), !line.hasPrefix("--- ") {
                cursor += 1
            } else if line.hasPrefix("+"), !line.hasPrefix("+++ ") {
                result.append(String(line.dropFirst()))
            }
        }
        result += old[cursor...]
        return result.map { $0 + "\n" }.joined()
    }
}

/// SplitMix64, so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
