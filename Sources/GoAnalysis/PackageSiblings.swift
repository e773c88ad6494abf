import Foundation

/// The other `.go` files in a file's directory — its package, build tags aside — read only when a
/// rule asks, to confirm that a name used by the file is mentioned nowhere else in the package
/// (a field written here may be read by a method in another file). A file with no directory on
/// disk (standard input, tests) has no siblings.
public final class PackageSiblings {
    private let path: String
    private var contents: [[UInt8]]?

    public init(path: String) {
        self.path = path
    }

    /// Whether another file of the package contains `.name` not followed by an identifier byte.
    public func mentionSelector(_ name: String) -> Bool {
        mention(Array(name.utf8), afterDot: true)
    }

    /// Whether another file of the package contains the word `name`.
    public func mentionWord(_ name: String) -> Bool {
        mention(Array(name.utf8), afterDot: false)
    }

    private func mention(_ word: [UInt8], afterDot: Bool) -> Bool {
        guard !word.isEmpty else { return false }
        for bytes in load() where PackageSiblings.contains(bytes, word, afterDot: afterDot) { return true }
        return false
    }

    private func load() -> [[UInt8]] {
        if let contents { return contents }
        var loaded: [[UInt8]] = []
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for entry in entries where entry.hasSuffix(".go") && entry != name {
                if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(entry).path) {
                    loaded.append([UInt8](data))
                }
            }
        }
        contents = loaded
        return loaded
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte >= 0x80
    }

    static func contains(_ bytes: [UInt8], _ word: [UInt8], afterDot: Bool) -> Bool {
        let count = word.count
        guard bytes.count >= count else { return false }
        var index = 0
        while index + count <= bytes.count {
            if bytes[index] == word[0] && bytes[index..<index + count].elementsEqual(word) {
                let before: UInt8? = index > 0 ? bytes[index - 1] : nil
                let after: UInt8? = index + count < bytes.count ? bytes[index + count] : nil
                let startOK = afterDot ? before == UInt8(ascii: ".") : before.map { !isIdentifierByte($0) } ?? true
                let endOK = after.map { !isIdentifierByte($0) } ?? true
                if startOK && endOK { return true }
            }
            index += 1
        }
        return false
    }
}
