/// A value read from YAML, with the 1-based line and byte column where it starts.
///
/// Scalars keep their text: whether `1.20` is a version, a string or a number is decided by
/// the code that knows what the key means, so nothing is misread as a float or a boolean.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        /// A plain or quoted scalar; `quoted` tells `"true"` (a string) from `true`.
        case scalar(String, quoted: Bool)
        /// No value at all (`key:` with nothing after it), `~` or `null`.
        case null
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public var value: Value
    public var line: Int
    public var column: Int

    public init(value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// One `key: value` of a mapping, in file order.
public struct YAMLEntry: Sendable {
    public var key: String
    public var line: Int
    public var column: Int
    public var value: YAMLNode
}

/// Why a document could not be read; `message` names the construct, then after `; ` what to do
/// instead when there is something to say; the position says where.
public struct YAMLError: Error, Equatable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// The part of `message` before `; `.
    public var problem: String { String(message.split(separator: "; ", maxSplits: 1).first ?? Substring(message)) }

    /// The part of `message` after `; `, if any.
    public var hint: String? {
        let parts = message.split(separator: "; ", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : nil
    }
}

/// A strict reader for the subset of YAML a configuration needs: block mappings and sequences,
/// flow sequences (`[a, b]`), plain, single- and double-quoted scalars, and comments.
///
/// Everything else — anchors, aliases, tags, flow mappings, block scalars, multi-line plain or
/// quoted scalars, several documents, tabs in indentation, duplicate keys — is an error at its
/// position, never guessed at: a configuration that is read differently from how it was meant is
/// worse than one that is refused.
public enum YAMLReader {
    /// Reads one document; nil when it holds nothing but comments and blank lines.
    public static func read(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode? {
        var scanner = YAMLScanner(bytes: bytes)
        return try scanner.readDocument()
    }

    public static func read(_ text: String) throws(YAMLError) -> YAMLNode? {
        try read(Array(text.utf8))
    }
}

private struct YAMLScanner {
    static let maximumDepth = 64

    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var lineStart = 0
    /// The indentation of the content line the scanner stands on; nil at the end of the input.
    var currentIndent: Int?
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A byte order mark is not content.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3; lineStart = 3 }
    }

    // MARK: Characters

    var column: Int { offset - lineStart + 1 }

    func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    var current: UInt8? { byte(at: offset) }

    static func isSpace(_ byte: UInt8?) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    static func isLineEnd(_ byte: UInt8?) -> Bool {
        byte == nil || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func isBlankOrEnd(_ byte: UInt8?) -> Bool { isSpace(byte) || isLineEnd(byte) }

    func error(_ message: String, at position: (line: Int, column: Int)? = nil) -> YAMLError {
        YAMLError(message, line: position?.line ?? line, column: position?.column ?? column)
    }

    var position: (line: Int, column: Int) { (line, column) }

    /// The character at `offset` for messages: `&`, or the UTF-8 sequence starting there.
    func characterText(at index: Int) -> String {
        guard index < bytes.count else { return "end of file" }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    // MARK: Lines

    /// Moves past the end of the current line (`\n`, `\r\n` or `\r`).
    mutating func skipLineBreak() {
        if current == UInt8(ascii: "\r") { offset += 1 }
        if current == UInt8(ascii: "\n") { offset += 1 }
        line += 1
        lineStart = offset
    }

    /// After a value: only spaces and a comment may follow on its line. Then moves to the next
    /// content line.
    mutating func finishLine() throws(YAMLError) {
        while Self.isSpace(current) { offset += 1 }
        if current == UInt8(ascii: "#") {
            if offset > lineStart, !Self.isSpace(byte(at: offset - 1)) {
                throw error("a comment needs a space before `#`")
            }
            while !Self.isLineEnd(current) { offset += 1 }
        }
        guard Self.isLineEnd(current) else {
            throw error("unexpected `\(characterText(at: offset))` after the value; a value ends at the end of its line or at a comment")
        }
        if current != nil { skipLineBreak() }
        try advanceToContent()
    }

    /// From the start of a line, skips blank and comment-only lines and stops at the first
    /// character of the next content line, setting `currentIndent` (nil at the end of the input).
    mutating func advanceToContent(documentStartAllowed: Bool = false) throws(YAMLError) {
        while offset < bytes.count {
            var indent = 0
            while current == UInt8(ascii: " ") { offset += 1; indent += 1 }
            if current == UInt8(ascii: "\t") {
                let tabColumn = column
                while Self.isSpace(current) { offset += 1 }
                if Self.isLineEnd(current) || current == UInt8(ascii: "#") {
                    while !Self.isLineEnd(current) { offset += 1 }
                    if current != nil { skipLineBreak() }
                    continue
                }
                throw error("tab in indentation; indent with spaces", at: (line, tabColumn))
            }
            if Self.isLineEnd(current) || current == UInt8(ascii: "#") {
                while !Self.isLineEnd(current) { offset += 1 }
                if current != nil { skipLineBreak() }
                continue
            }
            if indent == 0 {
                if startsMarker("---") {
                    if documentStartAllowed {
                        offset += 3
                        try finishLine()
                        return
                    }
                    throw error("a second document (`---`); a configuration is a single document")
                }
                if startsMarker("...") {
                    throw error("document end marker (`...`); a configuration is a single document")
                }
                if current == UInt8(ascii: "%") {
                    throw error("directives (`%`) are not supported")
                }
            }
            currentIndent = indent
            return
        }
        currentIndent = nil
    }

    func startsMarker(_ marker: StaticString) -> Bool {
        let length = marker.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        for index in 0..<length where bytes[offset + index] != marker.utf8Start[index] { return false }
        return Self.isBlankOrEnd(byte(at: offset + length))
    }

    // MARK: Document

    mutating func readDocument() throws(YAMLError) -> YAMLNode? {
        try advanceToContent(documentStartAllowed: true)
        guard let indent = currentIndent else { return nil }
        let node = try blockNode(indent: indent)
        if let next = currentIndent {
            // The top-level node ended but the input did not.
            throw error(next < indent ? "this line is indented less than the start of the document"
                                      : "this line does not continue the list or mapping above it")
        }
        return node
    }

    // MARK: Block structure

    var atSequenceEntry: Bool {
        current == UInt8(ascii: "-") && Self.isBlankOrEnd(byte(at: offset + 1))
    }

    /// A node starting at the current content position, whose lines are indented by `indent`.
    mutating func blockNode(indent: Int) throws(YAMLError) -> YAMLNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        if atSequenceEntry { return try blockSequence(indent: indent) }
        if try keyAhead() { return try blockMapping(indent: indent) }
        let node = try inlineValue(afterKey: false)
        try finishLine()
        return node
    }

    mutating func blockMapping(indent: Int) throws(YAMLError) -> YAMLNode {
        let start = position
        var entries: [YAMLEntry] = []
        var firstPosition: [String: (line: Int, column: Int)] = [:]
        while true {
            if atSequenceEntry { throw error("expected `key: value`, found a list entry") }
            let keyPosition = position
            let key = try mappingKey()
            // Checked here rather than in `mappingKey` so that these lines still read as keys.
            guard !key.isEmpty else { throw error("empty key", at: keyPosition) }
            if key == "<<" { throw error("merge keys (`<<`) are not supported", at: keyPosition) }
            if let first = firstPosition[key] {
                throw error("duplicate key `\(key)` (first at \(first.line):\(first.column))", at: keyPosition)
            }
            firstPosition[key] = keyPosition
            while Self.isSpace(current) { offset += 1 }
            let value: YAMLNode
            if Self.isLineEnd(current) || current == UInt8(ascii: "#") {
                let afterColon = position
                try finishLine()
                if let next = currentIndent, next > indent {
                    value = try blockNode(indent: next)
                } else if currentIndent == indent, atSequenceEntry {
                    // `key:` followed by `- item` lines at the key's own indentation is valid YAML.
                    value = try blockSequence(indent: indent)
                } else {
                    value = YAMLNode(value: .null, line: afterColon.line, column: afterColon.column)
                }
            } else {
                value = try inlineValue(afterKey: true)
                try finishLine()
            }
            entries.append(YAMLEntry(key: key, line: keyPosition.line, column: keyPosition.column, value: value))
            guard let next = currentIndent, next >= indent else { break }
            if next > indent { throw error("unexpected indentation") }
        }
        return YAMLNode(value: .mapping(entries), line: start.line, column: start.column)
    }

    mutating func blockSequence(indent: Int) throws(YAMLError) -> YAMLNode {
        let start = position
        var items: [YAMLNode] = []
        while currentIndent == indent, atSequenceEntry {
            let entryPosition = position
            offset += 1
            while Self.isSpace(current) { offset += 1 }
            if Self.isLineEnd(current) || current == UInt8(ascii: "#") {
                try finishLine()
                if let next = currentIndent, next > indent {
                    items.append(try blockNode(indent: next))
                } else {
                    items.append(YAMLNode(value: .null, line: entryPosition.line, column: entryPosition.column))
                }
            } else {
                // `- key: value` or `- - item`: a block node whose indentation is its column.
                let itemIndent = offset - lineStart
                currentIndent = itemIndent
                items.append(try blockNode(indent: itemIndent))
            }
            if let next = currentIndent, next > indent { throw error("unexpected indentation") }
        }
        return YAMLNode(value: .sequence(items), line: start.line, column: start.column)
    }

    // MARK: Keys

    /// Whether the current line starts with `key:` (without moving).
    mutating func keyAhead() throws(YAMLError) -> Bool {
        var probe = self
        do {
            _ = try probe.mappingKey()
            return true
        } catch {
            // Only a well-formed key makes a mapping; anything else is read as a value, which
            // reports its own error if it has one.
            return false
        }
    }

    /// Reads `key:` and returns the key, leaving the scanner after the colon.
    mutating func mappingKey() throws(YAMLError) -> String {
        let keyPosition = position
        let key: String
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            key = try quotedScalar()
            while Self.isSpace(current) { offset += 1 }
        case UInt8(ascii: "?") where Self.isBlankOrEnd(byte(at: offset + 1)):
            throw error("complex keys (`?`) are not supported")
        case UInt8(ascii: "["):
            throw error("expected `key: value`")
        default:
            try rejectIndicator()
            let keyStart = offset
            while !Self.isLineEnd(current) {
                if current == UInt8(ascii: ":"), Self.isBlankOrEnd(byte(at: offset + 1)) { break }
                if current == UInt8(ascii: "#"), Self.isSpace(byte(at: offset - 1)) { break }
                offset += 1
            }
            var keyEnd = offset
            while keyEnd > keyStart, Self.isSpace(bytes[keyEnd - 1]) { keyEnd -= 1 }
            key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
        }
        guard current == UInt8(ascii: ":"), Self.isBlankOrEnd(byte(at: offset + 1)) else {
            throw error("expected `key: value`", at: keyPosition)
        }
        offset += 1
        return key
    }

    // MARK: Values

    /// A value on the current line: a scalar or a flow sequence (which may span lines).
    mutating func inlineValue(afterKey: Bool) throws(YAMLError) -> YAMLNode {
        if afterKey, current == UInt8(ascii: "-"), Self.isBlankOrEnd(byte(at: offset + 1)) {
            throw error("a list cannot start on the line of its key; put each `- item` on a line of its own below it")
        }
        return try scalarOrList(inFlow: false)
    }

    /// A quoted or plain scalar, or a flow sequence; `inFlow` inside `[ ]`, where `,` and brackets end
    /// a plain scalar.
    mutating func scalarOrList(inFlow: Bool) throws(YAMLError) -> YAMLNode {
        let start = position
        switch current {
        case UInt8(ascii: "["):
            return try flowSequence()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return YAMLNode(value: .scalar(try quotedScalar(), quoted: true), line: start.line, column: start.column)
        default:
            try rejectIndicator()
            let text = plainScalar(inFlow: inFlow)
            if let colon = Self.mappingColon(in: text) {
                throw error(inFlow ? "`key: value` pairs inside `[ ]` are not supported"
                                   : "unexpected `: ` inside a value; quote the value if it contains `: `",
                            at: (start.line, start.column + colon))
            }
            return YAMLNode(value: Self.plainValue(text), line: start.line, column: start.column)
        }
    }

    /// Rejects the characters that start YAML constructs outside the subset.
    func rejectIndicator() throws(YAMLError) {
        guard let byte = current else { return }
        switch byte {
        case UInt8(ascii: "&"): throw error("anchors (`&`) are not supported; write the value out")
        case UInt8(ascii: "*"): throw error("aliases (`*`) are not supported; write the value out")
        case UInt8(ascii: "!"): throw error("tags (`!`) are not supported")
        case UInt8(ascii: "{"): throw error("flow mappings (`{ }`) are not supported; use an indented block")
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            throw error("block scalars (`\(characterText(at: offset))`) are not supported; write the value on one line")
        case UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "%"):
            throw error("a plain value cannot start with `\(characterText(at: offset))`; quote the value")
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
            throw error("unexpected `\(characterText(at: offset))`")
        case UInt8(ascii: "?") where Self.isBlankOrEnd(self.byte(at: offset + 1)):
            throw error("complex keys (`?`) are not supported")
        default:
            return
        }
    }

    /// The text of a plain scalar up to the end of the line or a comment (and, in a flow
    /// sequence, up to `,` `[` `]` `{` `}`), without trailing spaces.
    mutating func plainScalar(inFlow: Bool) -> String {
        let start = offset
        var end = offset
        while !Self.isLineEnd(current) {
            if current == UInt8(ascii: "#"), offset > start, Self.isSpace(bytes[offset - 1]) { break }
            if inFlow, let byte = current,
               byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") { break }
            offset += 1
            if !Self.isSpace(bytes[offset - 1]) { end = offset }
        }
        offset = end
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The byte offset of a `: ` (or a final `:`) in a plain scalar, which YAML reads as a mapping.
    static func mappingColon(in text: String) -> Int? {
        let utf8 = Array(text.utf8)
        for index in utf8.indices where utf8[index] == UInt8(ascii: ":") {
            if index + 1 == utf8.count || isSpace(utf8[index + 1]) { return index }
        }
        return nil
    }

    static func plainValue(_ text: String) -> YAMLNode.Value {
        switch text {
        case "~", "null", "Null", "NULL": return .null
        default: return .scalar(text, quoted: false)
        }
    }

    mutating func flowSequence() throws(YAMLError) -> YAMLNode {
        let start = position
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        offset += 1
        var items: [YAMLNode] = []
        while true {
            try skipFlowSpace(openedAt: start)
            if current == UInt8(ascii: "]") { offset += 1; break }
            if current == UInt8(ascii: ",") { throw error("empty entry in a list") }
            items.append(try scalarOrList(inFlow: true))
            try skipFlowSpace(openedAt: start)
            if current == UInt8(ascii: ",") {
                offset += 1
            } else if current == UInt8(ascii: "]") {
                offset += 1
                break
            } else {
                throw error("expected `,` or `]` in the list opened at \(start.line):\(start.column)")
            }
        }
        return YAMLNode(value: .sequence(items), line: start.line, column: start.column)
    }

    /// Spaces, line breaks and comments between the items of a flow sequence.
    mutating func skipFlowSpace(openedAt start: (line: Int, column: Int)) throws(YAMLError) {
        while true {
            if Self.isSpace(current) {
                offset += 1
            } else if current == UInt8(ascii: "#"), offset == lineStart || Self.isSpace(byte(at: offset - 1)) {
                while !Self.isLineEnd(current) { offset += 1 }
            } else if current == nil {
                throw error("unterminated list: `[` at \(start.line):\(start.column) has no `]`")
            } else if Self.isLineEnd(current) {
                skipLineBreak()
            } else {
                return
            }
        }
    }

    /// A single- or double-quoted scalar, which must end on its line.
    mutating func quotedScalar() throws(YAMLError) -> String {
        let start = position
        let quote = bytes[offset]
        let double = quote == UInt8(ascii: "\"")
        let kind = double ? "double-quoted" : "single-quoted"
        offset += 1
        var text: [UInt8] = []
        while true {
            guard let byte = current, !Self.isLineEnd(byte) else {
                throw error("unterminated \(kind) string; quoted values must end on their line", at: start)
            }
            if byte == quote {
                if !double, self.byte(at: offset + 1) == quote {
                    text.append(quote)
                    offset += 2
                    continue
                }
                offset += 1
                return String(decoding: text, as: UTF8.self)
            }
            if double, byte == UInt8(ascii: "\\") {
                try escape(into: &text)
                continue
            }
            text.append(byte)
            offset += 1
        }
    }

    /// One escape sequence of a double-quoted scalar, starting at the backslash.
    mutating func escape(into text: inout [UInt8]) throws(YAMLError) {
        let escapePosition = position
        offset += 1
        guard let letter = current, !Self.isLineEnd(letter) else {
            throw error("unterminated double-quoted string; quoted values must end on their line")
        }
        offset += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "0"): 0, UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9,
            UInt8(ascii: "\t"): 9, UInt8(ascii: "n"): 10, UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12,
            UInt8(ascii: "r"): 13, UInt8(ascii: "e"): 27, UInt8(ascii: " "): 32, UInt8(ascii: "\""): 34,
            UInt8(ascii: "/"): 47, UInt8(ascii: "\\"): 92,
        ]
        if let value = simple[letter] {
            text.append(value)
            return
        }
        let digits: Int
        switch letter {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default:
            throw error("unknown escape `\\\(characterText(at: offset - 1))` in a double-quoted string", at: escapePosition)
        }
        var scalar: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = current.flatMap(Self.hexValue) else {
                throw error("`\\\(Character(Unicode.Scalar(letter)))` needs \(digits) hexadecimal digits", at: escapePosition)
            }
            scalar = scalar << 4 | UInt32(digit)
            offset += 1
        }
        guard let unicode = Unicode.Scalar(scalar) else {
            throw error("escape names no Unicode character", at: escapePosition)
        }
        text.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
