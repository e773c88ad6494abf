#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity on disk, so one file reached by two paths (a symlink, a repeated argument)
/// is linted once, a directory reached twice (a symlink loop) is walked once, and no output
/// overwrites a file being linted.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    init(_ status: stat) {
        device = UInt64(truncatingIfNeeded: status.st_dev)
        inode = UInt64(truncatingIfNeeded: status.st_ino)
    }
}

/// The kinds of directory entry discovery cares about.
enum FileKind: Sendable {
    case directory
    case regularFile
    /// FIFOs, sockets, devices: treated like files so reading them reports why they cannot be linted.
    case other

    init(mode: mode_t) {
        switch mode & mode_t(S_IFMT) {
        case mode_t(S_IFDIR): self = .directory
        case mode_t(S_IFREG): self = .regularFile
        default: self = .other
        }
    }
}

/// `stat` and `lstat` with the errno captured, instead of read from a global later.
enum FileStatus {
    static func follow(_ path: String) -> Result<stat, SystemErrorCode> {
        var status = stat()
        return FileName.withSystemPath(path, { stat($0, &status) }) == 0 ? .success(status) : .failure(SystemErrorCode(errno))
    }

    static func noFollow(_ path: String) -> Result<stat, SystemErrorCode> {
        var status = stat()
        return FileName.withSystemPath(path, { lstat($0, &status) }) == 0 ? .success(status) : .failure(SystemErrorCode(errno))
    }
}

public struct SystemErrorCode: Error, Hashable, Sendable {
    public let code: Int32
    public init(_ code: Int32) { self.code = code }
    public var reason: String { SystemError.reason(code) }
}
