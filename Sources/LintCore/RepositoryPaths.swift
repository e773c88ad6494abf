#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns display paths (relative to the working directory) into paths relative to the
/// repository root, which is what GitHub annotations, SARIF and `git diff` speak.
public struct RepositoryPaths: Hashable, Sendable {
    /// Absolute, cleaned: what relative display paths are relative to.
    public let currentDirectory: String
    /// Absolute, cleaned; nil outside a repository, where paths stay relative to `currentDirectory`.
    public let root: String?

    public init(currentDirectory: String, root: String?) {
        self.currentDirectory = PathText.clean(currentDirectory)
        self.root = root.map(PathText.clean)
    }

    /// Finds the root by looking for `.git` (a folder, or the file of a worktree or submodule) in
    /// `currentDirectory` and its parents; no `git` command needed.
    public static func discover(from currentDirectory: String) -> RepositoryPaths {
        var candidate = PathText.clean(currentDirectory)
        while true {
            if case .success = FileStatus.noFollow(PathText.join(candidate, ".git")) {
                return RepositoryPaths(currentDirectory: currentDirectory, root: candidate)
            }
            let parent = PathText.clean(PathText.join(candidate, ".."))
            if parent == candidate { return RepositoryPaths(currentDirectory: currentDirectory, root: nil) }
            candidate = parent
        }
    }

    /// The absolute, cleaned path of a display path.
    public func absolute(_ displayPath: String) -> String {
        PathText.clean(PathText.absolute(displayPath, currentDirectory: currentDirectory))
    }

    /// The path relative to the root (or, outside a repository, to the working directory), or
    /// nil when the file lies outside it.
    public func relative(_ displayPath: String) -> String? {
        let base = root ?? currentDirectory
        let path = absolute(displayPath)
        let prefix = base == "/" ? "/" : base + "/"
        guard path.utf8.starts(with: prefix.utf8) else { return nil }
        return String(decoding: path.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
    }

    /// A `file://` URI for an absolute path, percent-encoded as RFC 3986 requires.
    public static func fileURI(_ absolutePath: String, directory: Bool = false) -> String {
        var uri = "file://" + percentEncoded(absolutePath)
        if directory && uri.utf8.last != UInt8(ascii: "/") { uri += "/" }
        return uri
    }

    /// Percent-encodes everything but unreserved characters and `/`, so a relative path is a
    /// valid URI reference (spaces, `%`, `#`, `?` and non-ASCII would otherwise change its meaning).
    public static func percentEncoded(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return encoded
    }
}
