/// A path pattern of the configuration: `*` matches within one path component, `?` one
/// character other than `/`, and a `**` component any number of components (none included).
///
/// Patterns are matched against `/`-separated paths relative to the configuration's folder. A
/// pattern that matches a folder matches everything inside it, so `legacy`, `legacy/` and
/// `legacy/**` all mean the whole `legacy` tree.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    /// As written in the configuration.
    public let pattern: String
    private let components: [[UInt8]]

    /// Throws when the pattern uses syntax outside `*`, `?` and `**`.
    public init(_ pattern: String) throws(GlobError) {
        self.pattern = pattern
        let bytes = Array(pattern.utf8)
        guard !bytes.isEmpty else { throw GlobError(message: "empty pattern", offset: 0) }
        if bytes.first == UInt8(ascii: "/") {
            throw GlobError(message: "patterns are relative to the configuration's folder and cannot start with `/`",
                            offset: 0)
        }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\\"):
                throw GlobError(message: "`\(Character(Unicode.Scalar(byte)))` is not supported in patterns (only `*`, `?` and `**`)",
                                offset: index)
            default:
                continue
            }
        }
        var components: [[UInt8]] = []
        var offset = 0
        for component in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            let text = Array(component)
            if text != [42, 42], let star = text.indices.first(where: { text[$0...].starts(with: [42, 42]) }) {
                throw GlobError(message: "`**` must be a whole path component, as in `a/**/b`", offset: offset + star)
            }
            offset += text.count + 1
            if text.isEmpty || text == [UInt8(ascii: ".")] { continue }
            components.append(text)
        }
        guard !components.isEmpty else { throw GlobError(message: "the pattern names no path", offset: 0) }
        self.components = components
    }

    public var description: String { pattern }

    /// Whether `path` (relative, `/`-separated, already cleaned) or one of its parent folders matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map(Array.init)
        return Self.match(components[...], parts[...], allowingPrefix: true)
    }

    /// Component-wise matching. With `allowingPrefix`, the pattern may match leading components
    /// only (a folder containing the path).
    private static func match(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>, allowingPrefix: Bool) -> Bool {
        guard let first = pattern.first else { return path.isEmpty || allowingPrefix }
        if first == [42, 42] {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var remaining = path
            while true {
                if match(rest, remaining, allowingPrefix: allowingPrefix) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let component = path.first, matchComponent(first[...], component[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst(), allowingPrefix: allowingPrefix)
    }

    /// `*` and `?` within one component, by backtracking on the last `*` (linear in practice).
    private static func matchComponent(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        var patternIndex = pattern.startIndex
        var nameIndex = name.startIndex
        var starPattern: Int?
        var starName = nameIndex
        while nameIndex < name.endIndex {
            if patternIndex < pattern.endIndex {
                let byte = pattern[patternIndex]
                if byte == UInt8(ascii: "*") {
                    starPattern = patternIndex
                    starName = nameIndex
                    patternIndex += 1
                    continue
                }
                if byte == UInt8(ascii: "?") || byte == name[nameIndex] {
                    // `?` is one character: skip a whole UTF-8 sequence.
                    if byte == UInt8(ascii: "?") {
                        nameIndex += 1
                        while nameIndex < name.endIndex, name[nameIndex] & 0xC0 == 0x80 { nameIndex += 1 }
                    } else {
                        nameIndex += 1
                    }
                    patternIndex += 1
                    continue
                }
            }
            guard let star = starPattern else { return false }
            patternIndex = star + 1
            starName += 1
            nameIndex = starName
        }
        while patternIndex < pattern.endIndex, pattern[patternIndex] == UInt8(ascii: "*") { patternIndex += 1 }
        return patternIndex == pattern.endIndex
    }

    /// Whether a file name matches a single-component pattern such as `*_test.go`.
    public static func matchesName(_ pattern: String, _ name: String) -> Bool {
        matchComponent(Array(pattern.utf8)[...], Array(name.utf8)[...])
    }
}

public struct GlobError: Error, Equatable, Sendable {
    public var message: String
    /// Byte offset in the pattern.
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}
