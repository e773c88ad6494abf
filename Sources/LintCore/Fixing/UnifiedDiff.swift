/// A unified diff (as `diff -u` and `git diff` print it, three lines of context) between two
/// versions of a file, computed line by line with Myers' algorithm.
public enum UnifiedDiff {
    /// Empty when the texts are equal. `oldLabel` and `newLabel` (paths) go on the `---` and
    /// `+++` lines, quoted as git quotes them when needed, so `patch` and `git apply` read them back.
    public static func render(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let oldLines = Lines(old)
        let newLines = Lines(new)
        let operations = LineDiff.operations(oldLines, newLines)
        var text = "--- \(TextEscaping.diffHeaderPath(oldLabel))\n+++ \(TextEscaping.diffHeaderPath(newLabel))\n"
        for hunk in hunks(operations, context: context) {
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            let oldStart = hunk.first.map { $0.oldIndex } ?? 0
            let newStart = hunk.first.map { $0.newIndex } ?? 0
            text += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for operation in hunk {
                switch operation.kind {
                case .equal: text += " " + oldLines.text(operation.oldIndex)
                case .delete: text += "-" + oldLines.text(operation.oldIndex)
                case .insert: text += "+" + newLines.text(operation.newIndex)
                }
            }
        }
        return text
    }

    /// For each line of `new` (index 0 is line 1), the 1-based line of `old` it is an unchanged
    /// copy of, or nil for a line the change added or modified.
    public static func originalLines(old: [UInt8], new: [UInt8]) -> [Int?] {
        let newLines = Lines(new)
        var mapping = [Int?](repeating: nil, count: newLines.count)
        for operation in LineDiff.operations(Lines(old), newLines) where operation.kind == .equal {
            mapping[operation.newIndex] = operation.oldIndex + 1
        }
        return mapping
    }

    /// `start,count` with diff's conventions: a count of one is left out, and an empty range
    /// names the line before it.
    static func range(_ index: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(index),0"
        case 1: return "\(index + 1)"
        default: return "\(index + 1),\(count)"
        }
    }

    /// Groups changes with up to `context` equal lines around them; changes closer than twice the
    /// context share a hunk.
    static func hunks(_ operations: [LineDiff.Operation], context: Int) -> [[LineDiff.Operation]] {
        var hunks: [[LineDiff.Operation]] = []
        var index = 0
        while index < operations.count {
            guard let firstChange = operations[index...].firstIndex(where: { $0.kind != .equal }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            var cursor = firstChange
            while cursor < operations.count {
                if operations[cursor].kind != .equal {
                    end = cursor
                    cursor += 1
                    continue
                }
                let nextChange = operations[cursor...].firstIndex(where: { $0.kind != .equal })
                if let nextChange, nextChange - end - 1 <= 2 * context {
                    cursor = nextChange
                } else {
                    break
                }
            }
            let stop = min(operations.count, end + context + 1)
            hunks.append(Array(operations[start..<stop]))
            index = stop
        }
        return hunks
    }
}

/// A file's lines as byte slices, each with its line break; the last may lack one.
struct Lines {
    let bytes: [UInt8]
    /// Start offset of each line, then the end of the file.
    let bounds: [Int]
    let hashes: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var bounds = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") && index + 1 < bytes.count {
            bounds.append(index + 1)
        }
        bounds.append(bytes.count)
        if bytes.isEmpty { bounds = [0] }
        self.bounds = bounds
        hashes = (0..<max(0, bounds.count - 1)).map { line in
            var hasher = Hasher()
            bytes[bounds[line]..<bounds[line + 1]].withUnsafeBytes { hasher.combine(bytes: $0) }
            return hasher.finalize()
        }
    }

    var count: Int { bounds.count - 1 }

    func slice(_ line: Int) -> ArraySlice<UInt8> { bytes[bounds[line]..<bounds[line + 1]] }

    func equal(_ line: Int, _ other: Lines, _ otherLine: Int) -> Bool {
        hashes[line] == other.hashes[otherLine] && slice(line) == other.slice(otherLine)
    }

    /// The line as printed in a diff: always ending in a line break, followed by diff's marker
    /// when the file's last line has none.
    func text(_ line: Int) -> String {
        let slice = slice(line)
        let text = String(decoding: slice, as: UTF8.self)
        return slice.last == UInt8(ascii: "\n") ? text : text + "\n\\ No newline at end of file\n"
    }
}

enum LineDiff {
    struct Operation: Equatable {
        enum Kind { case equal, delete, insert }
        let kind: Kind
        /// Index in the old file (for inserts: the old line that follows).
        let oldIndex: Int
        /// Index in the new file (for deletes: the new line that follows).
        let newIndex: Int
    }

    /// Beyond this many differing lines the middle is shown as one replacement: Myers' trace
    /// grows with the square of the difference, and fixes change a handful of lines.
    static let largestExactDifference = 2000

    /// The shortest edit script from `old` to `new`, common prefix and suffix trimmed first.
    static func operations(_ old: Lines, _ new: Lines) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old.equal(prefix, new, prefix) { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old.equal(old.count - 1 - suffix, new, new.count - 1 - suffix) { suffix += 1 }
        var operations = (0..<prefix).map { Operation(kind: .equal, oldIndex: $0, newIndex: $0) }
        operations += middle(old, new, oldRange: prefix..<(old.count - suffix), newRange: prefix..<(new.count - suffix))
        operations += (0..<suffix).map {
            Operation(kind: .equal, oldIndex: old.count - suffix + $0, newIndex: new.count - suffix + $0)
        }
        return operations
    }

    /// Myers' O((N+M)·D) algorithm with the frontier saved at each step for the way back. Step
    /// `d` reaches only diagonals -d...d, so only those (and one on each side) are saved: the
    /// trace holds O(D²) numbers, not O(D·(N+M)) — a long file with a few thousand changed lines
    /// would otherwise need gigabytes.
    private static func middle(_ old: Lines, _ new: Lines, oldRange: Range<Int>, newRange: Range<Int>) -> [Operation] {
        let n = oldRange.count
        let m = newRange.count
        let maximum = n + m
        guard maximum > 0 else { return [] }
        let offset = maximum + 1
        var frontier = [Int](repeating: 0, count: 2 * maximum + 3)
        var trace: [[Int]] = []
        var finalStep: Int?
        search: for step in 0...min(maximum, largestExactDifference) {
            trace.append(Array(frontier[(offset - step - 1)...(offset + step + 1)]))
            for diagonal in stride(from: -step, through: step, by: 2) {
                var x: Int
                if diagonal == -step || (diagonal != step && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1]) {
                    x = frontier[offset + diagonal + 1]
                } else {
                    x = frontier[offset + diagonal - 1] + 1
                }
                var y = x - diagonal
                while x < n, y < m, old.equal(oldRange.lowerBound + x, new, newRange.lowerBound + y) {
                    x += 1
                    y += 1
                }
                frontier[offset + diagonal] = x
                if x >= n && y >= m {
                    finalStep = step
                    break search
                }
            }
        }
        guard let finalStep else {
            return oldRange.map { Operation(kind: .delete, oldIndex: $0, newIndex: newRange.lowerBound) }
                + newRange.map { Operation(kind: .insert, oldIndex: oldRange.upperBound, newIndex: $0) }
        }
        var reversed: [Operation] = []
        var x = n
        var y = m
        for step in stride(from: finalStep, through: 0, by: -1) {
            // `saved[k]` is the frontier on diagonal k - step - 1.
            let saved = trace[step]
            let diagonal = x - y
            let previousDiagonal: Int
            if diagonal == -step
                || (diagonal != step && saved[diagonal - 1 + step + 1] < saved[diagonal + 1 + step + 1]) {
                previousDiagonal = diagonal + 1
            } else {
                previousDiagonal = diagonal - 1
            }
            let previousX = step == 0 ? 0 : saved[previousDiagonal + step + 1]
            let previousY = step == 0 ? 0 : previousX - previousDiagonal
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                reversed.append(Operation(kind: .equal, oldIndex: oldRange.lowerBound + x, newIndex: newRange.lowerBound + y))
            }
            if step > 0 {
                if x == previousX {
                    y -= 1
                    reversed.append(Operation(kind: .insert, oldIndex: oldRange.lowerBound + x, newIndex: newRange.lowerBound + y))
                } else {
                    x -= 1
                    reversed.append(Operation(kind: .delete, oldIndex: oldRange.lowerBound + x, newIndex: newRange.lowerBound + y))
                }
            }
            x = previousX
            y = previousY
        }
        return reversed.reversed()
    }
}
