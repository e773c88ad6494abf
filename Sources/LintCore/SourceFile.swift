/// A file's bytes and the table that turns byte offsets into lines and columns.
///
/// Everything downstream works on byte offsets (`Int32`); line and column are only
/// computed when a diagnostic is made. Columns are 1-based byte counts, as in the Go tools.
public final class SourceFile: Sendable {
    /// The path as it is shown to users (relative to the working directory when possible).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int32]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = SourceFile.computeLineStarts(bytes)
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    private static func computeLineStarts(_ bytes: [UInt8]) -> [Int32] {
        var starts: [Int32] = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count where buffer[index] == UInt8(ascii: "\n") {
                // The readers refuse files of 2 GiB or more; text from elsewhere must not trap either.
                starts.append(Int32(clamping: index + 1))
            }
        }
        return starts
    }

    /// The 1-based line and byte column of `offset` (clamped to the file).
    public func position(of offset: Int32) -> SourcePosition {
        let clamped = max(0, min(offset, Int32(clamping: bytes.count)))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        return SourcePosition(line: low + 1, column: Int(clamped - lineStarts[low]) + 1, offset: Int(clamped))
    }

    /// The 1-based column of `offset` counted in UTF-16 code units (for SARIF consumers that want them).
    public func utf16Column(of offset: Int32) -> Int {
        let position = position(of: offset)
        let lineStart = Int(lineStarts[position.line - 1])
        var units = 0
        var index = lineStart
        let end = Int(max(0, min(offset, Int32(clamping: bytes.count))))
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 { units += 1; index += 1 }
            else if byte >= 0xF0 { units += 2; index += 4 }
            else if byte >= 0xE0 { units += 1; index += 3 }
            else if byte >= 0xC0 { units += 1; index += 2 }
            else { units += 1; index += 1 }
        }
        return units + 1
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of line `line` (1-based) without its line terminator.
    public func lineText(_ line: Int) -> Substring {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Substring(String(decoding: bytes[start..<max(start, end)], as: UTF8.self))
    }

    /// The text of a byte range, decoded leniently (invalid UTF-8 becomes U+FFFD).
    public func text(_ range: ByteRange) -> String {
        let lower = Int(max(0, min(range.start, Int32(clamping: bytes.count))))
        let upper = Int(max(Int32(lower), min(range.end, Int32(clamping: bytes.count))))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range of byte offsets into a file.
public struct ByteRange: Hashable, Sendable {
    public var start: Int32
    public var end: Int32

    public init(start: Int32, end: Int32) {
        self.start = start
        self.end = end
    }

    public var length: Int32 { end - start }
}
