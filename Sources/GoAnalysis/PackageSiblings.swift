import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The other `.go` files in a file's directory — its package, build tags aside — read only when a
/// rule asks, to confirm that a name used by the file is mentioned nowhere else in the package
/// (a field written here may be read by a method in another file). A file with no directory on
/// disk (standard input, tests) has no siblings.
///
/// The files of a directory are read and indexed once per `PackageSiblingIndex` (one serves the
/// whole run), not once per file asking: a package of n files costs n reads, not n².
public struct PackageSiblings {
    private let path: String
    private let index: PackageSiblingIndex

    /// `index` is shared by every file of a run; a fresh one reads the directory again.
    public init(path: String, index: PackageSiblingIndex = PackageSiblingIndex()) {
        self.path = path
        self.index = index
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
        guard !word.isEmpty, word.allSatisfy(PackageSiblings.isIdentifierByte) else { return false }
        let url = URL(fileURLWithPath: path)
        let words = index.words(ofDirectory: url.deletingLastPathComponent().path)
        let files = afterDot ? words.selectors[word] : words.words[word]
        return files?.containsOther(than: url.lastPathComponent) ?? false
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte >= 0x80
    }
}

/// Which files of a directory contain a word: enough to answer "another file than this one".
struct SiblingFiles {
    var first: String
    var moreThanOne = false

    func containsOther(than name: String) -> Bool { moreThanOne || first != name }
}

/// The words of a directory's `.go` files: every maximal run of identifier bytes (a word as
/// `mentionWord` means it: no identifier byte on either side), and those right after a `.`.
struct DirectoryWords {
    var words: [[UInt8]: SiblingFiles] = [:]
    var selectors: [[UInt8]: SiblingFiles] = [:]

    mutating func add(_ bytes: [UInt8], file: String) {
        var seenWords: Set<[UInt8]> = []
        var seenSelectors: Set<[UInt8]> = []
        var index = 0
        while index < bytes.count {
            guard PackageSiblings.isIdentifierByte(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count && PackageSiblings.isIdentifierByte(bytes[index]) { index += 1 }
            let word = Array(bytes[start..<index])
            if seenWords.insert(word).inserted { Self.note(word, in: file, into: &words) }
            if start > 0 && bytes[start - 1] == UInt8(ascii: "."), seenSelectors.insert(word).inserted {
                Self.note(word, in: file, into: &selectors)
            }
        }
    }

    private static func note(_ word: [UInt8], in file: String, into table: inout [[UInt8]: SiblingFiles]) {
        if table[word] == nil {
            table[word] = SiblingFiles(first: file)
        } else {
            table[word]?.moreThanOne = true
        }
    }
}

/// The indexed words of each directory asked about, shared by the files of a run (thread-safe:
/// the engine lints files on several threads). A directory whose modification time changed
/// since it was indexed (a file added, removed or renamed over, as an atomic rewrite does) is
/// read again.
public final class PackageSiblingIndex: @unchecked Sendable {
    private struct Entry {
        var modified: timespec
        var words: DirectoryWords
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    func words(ofDirectory directory: String) -> DirectoryWords {
        let modified = Self.modificationTime(of: directory)
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[directory], let modified,
           entry.modified.tv_sec == modified.tv_sec, entry.modified.tv_nsec == modified.tv_nsec {
            return entry.words
        }
        // Read under the lock: the other threads asking want this very directory's words, and
        // reading it once is the point.
        let words = Self.read(directory)
        if let modified { entries[directory] = Entry(modified: modified, words: words) }
        return words
    }

    private static func read(_ directory: String) -> DirectoryWords {
        var words = DirectoryWords()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return words }
        for name in names.sorted() where name.hasSuffix(".go") {
            if let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) {
                words.add([UInt8](data), file: name)
            }
        }
        return words
    }

    private static func modificationTime(of directory: String) -> timespec? {
        var status = stat()
        guard stat(directory, &status) == 0 else { return nil }
        #if canImport(Darwin)
        return status.st_mtimespec
        #else
        return status.st_mtim
        #endif
    }
}
