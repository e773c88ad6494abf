/// Decides which of a file's errors are worth recording, so that memory stays bounded whatever
/// the input: a 100 MB file of NUL bytes has a hundred million lexical errors, and keeping each
/// (a message string per byte) once cost about 120 bytes of memory per input byte.
///
/// Only the first error of each of the first `GoParser.maximumErrorCount` lines with errors is
/// ever shown (`Parser.finishedErrors`), so a budget of that many lines, each with a few errors,
/// loses nothing that is reported: an error on a later line has ten lines with errors before it.
/// Up to `perLineLimit` errors per line are kept for the lexer's own callers and tests. An error
/// found after errors on later lines (an unterminated literal is reported at its start once its
/// end is known) is kept while the total stays under `totalLimit`.
struct ErrorBudget {
    private let lineStarts: [Int32]
    private let lineLimit: Int
    private let perLineLimit: Int
    private let totalLimit: Int
    /// Index of the line of the last offset looked up; offsets mostly grow, so lookups walk forward.
    private var cursor = 0
    private var linesWithErrors = 0
    /// The last line (0-based) with a kept error, and how many errors it has.
    private var lastLine = -1
    private var keptOnLastLine = 0
    private(set) var keptCount = 0

    init(lineStarts: [Int32], lineLimit: Int = GoParser.maximumErrorCount, perLineLimit: Int = 10) {
        self.lineStarts = lineStarts.isEmpty ? [0] : lineStarts
        self.lineLimit = lineLimit
        self.perLineLimit = perLineLimit
        self.totalLimit = 2 * lineLimit * perLineLimit
    }

    /// Whether an error at `offset` should be recorded; counts it if so.
    mutating func admits(_ offset: Int32) -> Bool {
        guard keptCount < totalLimit else { return false }
        let line = lineIndex(of: offset)
        if line == lastLine {
            guard keptOnLastLine < perLineLimit else { return false }
            keptOnLastLine += 1
        } else if line > lastLine {
            guard linesWithErrors < lineLimit else { return false }
            linesWithErrors += 1
            lastLine = line
            keptOnLastLine = 1
        }
        keptCount += 1
        return true
    }

    /// The 0-based line of `offset`: a forward walk from the last lookup, a binary search backwards.
    private mutating func lineIndex(of offset: Int32) -> Int {
        if offset >= lineStarts[cursor] {
            while cursor + 1 < lineStarts.count && lineStarts[cursor + 1] <= offset { cursor += 1 }
            return cursor
        }
        var low = 0
        var high = cursor
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
