/// The lines a change added or modified, by path relative to the repository root: what
/// `--new-from-rev` and `--new-from-patch` keep findings on.
///
/// Read from a unified diff (`git diff`, `diff -u`, any context size): only lines marked `+` in
/// hunk bodies count, so context lines and deletions select nothing. Files a diff does not
/// mention have no changed lines; files marked whole (untracked, never committed) are all new.
public struct ChangedLines: Equatable, Sendable {
    /// Added line numbers (1-based, new side) by cleaned, root-relative path.
    public private(set) var lines: [String: Set<Int>] = [:]
    /// Files every line of which counts as changed.
    public private(set) var wholeFiles: Set<String> = []

    public init() {}

    public struct ParseError: Error, Equatable, Sendable {
        public var message: String
    }

    /// Parses a unified diff. Paths on `+++` lines lose git's `b/` prefix; a quoted path (git
    /// quotes unusual names) is unquoted; a timestamp after a tab (`diff -u`) is dropped.
    public init(unifiedDiff: [UInt8]) throws(ParseError) {
        var currentPath: String?
        var sawFile = false
        var remainingOld = 0
        var remainingNew = 0
        var newLine = 0
        var lineNumber = 0
        for rawLine in unifiedDiff.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine
            if remainingOld > 0 || remainingNew > 0 {
                switch line.first {
                case UInt8(ascii: "+"):
                    if let currentPath { lines[currentPath, default: []].insert(newLine) }
                    newLine += 1
                    remainingNew -= 1
                case UInt8(ascii: "-"):
                    remainingOld -= 1
                case UInt8(ascii: "\\"):
                    break
                default:
                    // Context (some tools strip the space of an empty context line).
                    newLine += 1
                    remainingOld -= 1
                    remainingNew -= 1
                }
                continue
            }
            if line.starts(with: Array("+++ ".utf8)) {
                sawFile = true
                currentPath = Self.path(fromHeader: line.dropFirst(4))
            } else if line.starts(with: Array("@@ ".utf8)) {
                guard let header = Self.hunkHeader(line) else {
                    throw ParseError(message: "line \(lineNumber): malformed hunk header")
                }
                // Counting lines on from these must not overflow; no file we read has more lines.
                guard header.newStart <= Self.largestLineNumber - header.newCount,
                      header.oldCount <= Self.largestLineNumber else {
                    throw ParseError(message: "line \(lineNumber): hunk header line numbers out of range "
                                     + "(the largest is \(Self.largestLineNumber))")
                }
                (remainingOld, remainingNew, newLine) = (header.oldCount, header.newCount, header.newStart)
            }
        }
        if !sawFile && unifiedDiff.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\t") }) {
            throw ParseError(message: "no unified diff found (expected `+++` file headers)")
        }
    }

    /// Files are under 2 GiB (`FileReader.sizeLimit`), so no line number is larger.
    static let largestLineNumber = Int(Int32.max)

    public mutating func addWholeFile(_ path: String) {
        wholeFiles.insert(PathText.clean(path))
    }

    /// Whether `line` of the file at root-relative `path` was added or changed.
    public func contains(path: String, line: Int) -> Bool {
        let cleaned = PathText.clean(path)
        return wholeFiles.contains(cleaned) || lines[cleaned]?.contains(line) == true
    }

    /// The path of a `+++` line, or nil for `/dev/null` (a deleted file).
    static func path(fromHeader header: ArraySlice<UInt8>) -> String? {
        var name: [UInt8]
        if header.first == UInt8(ascii: "\"") {
            name = unquote(header.dropFirst())
        } else {
            name = Array(header.prefix { $0 != UInt8(ascii: "\t") })
            while name.last == UInt8(ascii: " ") { name.removeLast() }
        }
        let text = FileName.decode(name)
        if text == "/dev/null" { return nil }
        return PathText.clean(text.hasPrefix("b/") ? String(text.dropFirst(2)) : text)
    }

    /// Git's C-style quoting: `\"`, `\\`, `\t`, `\n` and friends, and octal bytes (`\303\251`).
    static func unquote(_ quoted: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = quoted.startIndex
        while index < quoted.endIndex {
            let byte = quoted[index]
            index += 1
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\"), index < quoted.endIndex else {
                bytes.append(byte)
                continue
            }
            let escaped = quoted[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escaped - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < quoted.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(quoted[index]) {
                    value = value * 8 + Int(quoted[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            default: bytes.append(escaped)
            }
        }
        return bytes
    }

    /// `@@ -12,3 +14,5 @@ context`: counts default to 1 when left out.
    static func hunkHeader(_ line: ArraySlice<UInt8>) -> (oldCount: Int, newStart: Int, newCount: Int)? {
        let fields = line.split(separator: UInt8(ascii: " "))
        guard fields.count >= 3, fields[1].first == UInt8(ascii: "-"), fields[2].first == UInt8(ascii: "+"),
              let old = range(fields[1].dropFirst()), let new = range(fields[2].dropFirst()) else { return nil }
        return (old.count, new.start, new.count)
    }

    private static func range(_ text: ArraySlice<UInt8>) -> (start: Int, count: Int)? {
        let parts = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let start = Int(String(decoding: parts[0], as: UTF8.self)),
              start >= 0 else {
            return nil
        }
        guard parts.count == 2 else { return (start, 1) }
        guard let count = Int(String(decoding: parts[1], as: UTF8.self)), count >= 0 else { return nil }
        return (start, count)
    }
}
