#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents atomically: the new text goes to a temporary file in the same
/// folder, gets the old file's permissions (and owner, where allowed), is flushed to disk, and is
/// renamed over the old one — so a reader sees the old file or the new one, never half of either,
/// and a crash leaves at worst a stray temporary file. A symlink is followed: its target is
/// rewritten and the link stays a link.
public enum FileRewriter {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file no longer holds the text that was linted: the fix's offsets would be wrong.
        case changedSinceLinted
        case system(operation: String, reason: String)

        public var description: String {
            switch self {
            case .changedSinceLinted: return "it changed since it was linted; not rewritten"
            case .system(let operation, let reason): return "cannot \(operation): \(reason)"
            }
        }
    }

    /// Writes `contents` to `path` if the file still holds `expected`.
    public static func replace(_ path: String, expected: [UInt8], with contents: [UInt8]) -> Result<Void, Failure> {
        guard let resolved = realpath(path, nil) else { return .failure(systemFailure("resolve the path")) }
        let target = String(cString: resolved)
        free(resolved)
        switch FileReader.read(target) {
        case .failure(let error): return .failure(.system(operation: "read it again", reason: error.reason))
        case .success(let current): if current.bytes != expected { return .failure(.changedSinceLinted) }
        }
        var status = stat()
        guard stat(target, &status) == 0 else { return .failure(systemFailure("stat it")) }

        // realpath's answer is absolute, so it has a slash; the temporary file goes beside the target.
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")) ?? target.utf8.startIndex
        let directory = String(target[..<slash])
        var template = Array("\(directory)/.\(PathText.lastComponent(target)).cancellint-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { return .failure(systemFailure("create a temporary file beside it")) }
        let temporary = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        var closed = false
        func abandon(_ failure: Failure) -> Result<Void, Failure> {
            if !closed { close(descriptor) }
            unlink(temporary)
            return .failure(failure)
        }
        if let code = contents.withUnsafeBytes({ SystemIO.writeAll(descriptor, $0) }) {
            return abandon(.system(operation: "write it", reason: SystemError.reason(code)))
        }
        guard fchmod(descriptor, status.st_mode & 0o7777) == 0 else { return abandon(systemFailure("keep its permissions")) }
        // Only root or the owner can give the file back its owner and group; failing that, the
        // rewritten file belongs to whoever ran the fix, as with any editor's save.
        _ = fchown(descriptor, status.st_uid, status.st_gid)
        guard fsync(descriptor) == 0 else { return abandon(systemFailure("flush it to disk")) }
        closed = true
        guard close(descriptor) == 0 else { return abandon(systemFailure("write it")) }
        guard rename(temporary, target) == 0 else { return abandon(systemFailure("replace it")) }
        return .success(())
    }

    private static func systemFailure(_ operation: String) -> Failure {
        .system(operation: operation, reason: SystemError.reason(errno))
    }
}
