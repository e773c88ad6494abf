import LintCore

/// Helpers for building text edits that respect the file's lines and indentation.
enum LineEdits {
    /// The leading whitespace of the line containing `offset`.
    static func indentation(_ source: SourceFile, at offset: Int32) -> String {
        let line = source.position(of: offset).line
        let start = Int(source.lineStarts[line - 1])
        var end = start
        let bytes = source.bytes
        while end < bytes.count && (bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t")) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// An edit inserting `text` as a new line after the line containing `offset`, with that line's
    /// indentation and line ending — or nil when code other than whitespace, `;` or a line comment
    /// follows `offset` on its line.
    static func insertLine(_ text: String, after offset: Int32, in source: SourceFile, indentation: String) -> TextEdit? {
        let bytes = source.bytes
        var index = Int(offset)
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") {
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                break
            }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                    || byte == UInt8(ascii: ";") else { return nil }
            index += 1
        }
        guard index < bytes.count else {
            let end = Int32(bytes.count)
            return TextEdit(range: ByteRange(start: end, end: end), replacement: "\n\(indentation)\(text)")
        }
        let lineBreak = index > 0 && bytes[index - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        let insertion = Int32(index + 1)
        return TextEdit(range: ByteRange(start: insertion, end: insertion), replacement: "\(indentation)\(text)\(lineBreak)")
    }
}
