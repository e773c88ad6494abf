import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `go` directive of the nearest go.mod above a file, looked up once per directory and
/// shared by every file of a run (many files share a directory, and directories share parents).
/// Thread-safe: the engine lints files on several threads.
public final class ModuleVersions: @unchecked Sendable {
    private let lock = NSLock()
    /// Directory → the version its nearest go.mod declares; `.some(nil)` when there is none
    /// or it states no `go` directive.
    private var versionByDirectory: [String: String?] = [:]
    private let currentDirectory: String

    /// `currentDirectory` resolves relative file paths (the engine's display paths).
    public init(currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.currentDirectory = currentDirectory
    }

    /// The `go` directive governing the file at `path`, or nil when the file is not on disk
    /// (standard input, tests) or no go.mod lies above it.
    public func version(forFile path: String) -> String? {
        guard !path.isEmpty else { return nil }
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        // One system call per file; the directory walk above it is cached.
        guard access(absolute, F_OK) == 0 else { return nil }
        return version(forDirectory: ModuleVersions.directory(of: absolute))
    }

    private func version(forDirectory directory: String) -> String? {
        lock.lock()
        if let cached = versionByDirectory[directory] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        // Walk up to the first cached directory or go.mod; remember the answer for every step.
        var visited: [String] = []
        var current = directory
        var found: String?
        while true {
            lock.lock()
            let cached = versionByDirectory[current]
            lock.unlock()
            if let cached {
                found = cached
                break
            }
            visited.append(current)
            if let contents = FileManager.default.contents(atPath: current + "/go.mod") {
                found = ModuleVersions.goDirective(in: String(decoding: contents, as: UTF8.self))
                break
            }
            let parent = ModuleVersions.directory(of: current)
            if parent == current || parent.isEmpty { break }
            current = parent
        }
        lock.lock()
        for step in visited { versionByDirectory[step] = .some(found) }
        lock.unlock()
        return found
    }

    /// `/a/b` for `/a/b/c`, `/` for `/a`.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The version of the first `go` directive (`go 1.21`, `go 1.22.3`), comments ignored.
    public static func goDirective(in goMod: String) -> String? {
        for rawLine in goMod.split(whereSeparator: \.isNewline) {
            var line = Substring(rawLine)
            if let comment = line.range(of: "//") { line = line[..<comment.lowerBound] }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count == 2, fields[0] == "go" { return String(fields[1]) }
        }
        return nil
    }
}

/// A Go language version's major and minor numbers, for comparisons such as "before 1.23".
public struct GoVersion: Comparable, Sendable {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `1.21`, `1.21.3`, `1.21rc1`, `go1.22`; nil when there is no leading number.
    public init?(_ text: String) {
        var rest = Substring(text)
        if rest.hasPrefix("go") { rest = rest.dropFirst(2) }
        let parts = rest.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard let first = parts.first, let major = Int(first.prefix(while: \.isNumber)) else { return nil }
        let minorDigits = parts.count > 1 ? parts[1].prefix(while: \.isNumber) : ""
        self.major = major
        self.minor = Int(minorDigits) ?? 0
    }

    public static func < (lhs: GoVersion, rhs: GoVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
