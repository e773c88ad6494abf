#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents for `--fix`, changing nothing else about it:
///
/// - the new text goes to a temporary file in the same folder first, is flushed to disk, and gets
///   the old file's permissions, owner and group; it is then renamed over the old one, so a reader
///   sees the old file or the new one, never half of either, and a crash leaves at worst a stray
///   temporary file;
/// - a file with several hard links, or whose owner and group cannot be given back (only root and
///   the owner may), is instead rewritten in place through its own inode once the whole new text
///   is safely in the temporary file, so the links stay one file and it keeps its owner;
/// - a read-only file (no write permission for anyone, or none for us) is refused, not replaced;
/// - a symbolic link is followed — its target is rewritten and the link stays a link — but only
///   when the target lies inside `allowedRoots`, the paths the user named.
public enum FileRewriter {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file no longer holds the text that was linted: the fix's offsets would be wrong.
        case changedSinceLinted
        /// Its real path (given) is outside every path the user named.
        case outsideNamedPaths(realPath: String)
        case readOnly
        case system(operation: String, reason: String)

        public var isOutsideNamedPaths: Bool {
            if case .outsideNamedPaths = self { return true }
            return false
        }

        public var description: String {
            switch self {
            case .changedSinceLinted: return "it changed since it was linted; not rewritten"
            case .outsideNamedPaths(let realPath):
                return "it leads to \(TextEscaping.quotedIfNeeded(realPath)), outside the paths being linted; not rewritten"
            case .readOnly: return "it is read-only; not rewritten"
            case .system(let operation, let reason): return "cannot \(operation): \(reason)"
            }
        }
    }

    /// Writes `contents` to `path` if the file still holds `expected`. `allowedRoots` (real paths;
    /// nil for no limit) are the folders or files the rewritten file's real path must lie in.
    public static func replace(_ path: String, expected: [UInt8], with contents: [UInt8],
                               allowedRoots: [String]? = nil) -> Result<Void, Failure> {
        guard let resolved = FileName.withSystemPath(path, { realpath($0, nil) }) else {
            return .failure(systemFailure("resolve the path"))
        }
        let target = FileName.fromSystem(resolved)
        free(resolved)
        if let allowedRoots, !allowedRoots.contains(where: { Self.path(target, isInside: $0) }) {
            return .failure(.outsideNamedPaths(realPath: target))
        }
        switch FileReader.read(target) {
        case .failure(let error): return .failure(.system(operation: "read it again", reason: error.reason))
        case .success(let current): if current.bytes != expected { return .failure(.changedSinceLinted) }
        }
        var status = stat()
        guard FileName.withSystemPath(target, { stat($0, &status) }) == 0 else { return .failure(systemFailure("stat it")) }
        // Root may write anything, so the permission bits themselves are asked too.
        if status.st_mode & 0o222 == 0 || FileName.withSystemPath(target, { access($0, W_OK) }) != 0 { return .failure(.readOnly) }

        let temporary: TemporaryFile
        switch TemporaryFile.create(beside: target) {
        case .failure(let error): return .failure(.system(operation: "create a temporary file beside it", reason: error.reason))
        case .success(let created): temporary = created
        }
        var closed = false
        func abandon(_ failure: Failure) -> Result<Void, Failure> {
            if !closed { close(temporary.descriptor) }
            temporary.remove()
            return .failure(failure)
        }
        if let code = contents.withUnsafeBytes({ SystemIO.writeAll(temporary.descriptor, $0) }) {
            return abandon(.system(operation: "write it", reason: SystemError.reason(code)))
        }
        guard fchmod(temporary.descriptor, status.st_mode & 0o7777) == 0 else { return abandon(systemFailure("keep its permissions")) }
        let ownerKept = fchown(temporary.descriptor, status.st_uid, status.st_gid) == 0
        guard fsync(temporary.descriptor) == 0 else { return abandon(systemFailure("flush it to disk")) }
        closed = true
        guard close(temporary.descriptor) == 0 else { return abandon(systemFailure("write it")) }
        if status.st_nlink > 1 || !ownerKept {
            let result = rewriteInPlace(target, contents, original: expected)
            temporary.remove()
            return result
        }
        guard temporary.rename(to: target) else { return abandon(systemFailure("replace it")) }
        return .success(())
    }

    /// Whether `path` is `root` or below it; both are real (absolute, resolved) paths.
    public static func path(_ path: String, isInside root: String) -> Bool {
        if path == root || root == "/" { return true }
        return path.utf8.starts(with: root.utf8) && path.utf8.dropFirst(root.utf8.count).first == UInt8(ascii: "/")
    }

    /// Overwrites the file through its inode and cuts it to the new length. Only reached once the
    /// whole text was written elsewhere (so the disk had room); if writing fails all the same, the
    /// original text is put back.
    private static func rewriteInPlace(_ target: String, _ contents: [UInt8], original: [UInt8]) -> Result<Void, Failure> {
        guard let failure = InPlaceWrite.overwrite(target, with: contents, restoring: original) else { return .success(()) }
        return .failure(.system(operation: "rewrite it in place",
                                reason: failure.error.reason + (failure.restored ? "; its text was restored" : "")))
    }

    private static func systemFailure(_ operation: String) -> Failure {
        .system(operation: operation, reason: SystemError.reason(errno))
    }
}
