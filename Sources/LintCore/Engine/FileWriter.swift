#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the files the user names for output (`--output`, `--write-baseline`), replacing only
/// what may be replaced:
///
/// - an absent path or a regular file gets a new file written beside it and renamed over it, so a
///   reader (or a crash) never sees half a file; an existing file keeps its permissions, and one
///   with several hard links is then written in place, so the links stay one file;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`, `>(...)`) is opened and written in
///   place, never replaced: writing there is what the user asked for;
/// - anything else is refused: a symbolic link to a regular file (replacing the link would cut it,
///   writing through it would change a file the user did not name), a directory, a socket or a
///   block device, a read-only file, and a file being linted (compared by device and inode, so no
///   spelling of its name gets past).
public enum OutputFile {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case symbolicLink
        case notRegularFile
        case beingLinted
        case readOnly
        case system(SystemErrorCode)

        public var description: String {
            switch self {
            case .symbolicLink: return "it is a symbolic link; only regular files are replaced"
            case .notRegularFile: return "not a regular file"
            case .beingLinted: return "it is one of the files being linted"
            case .readOnly: return "it is read-only"
            case .system(let error): return error.reason
            }
        }
    }

    /// How a destination is written, decided before anything is.
    enum Destination: Equatable {
        /// Absent or a regular file: a new file is renamed over it; `mode` is the old file's, if any.
        /// A file with several hard links is written in place once the new file holds everything.
        case replace(mode: mode_t?, hardLinked: Bool)
        /// A character device or FIFO: opened and written as it is.
        case writeInPlace
    }

    /// What writing to `path` would do, or why it is refused; nothing is written.
    public static func check(_ path: String, linted: Set<FileIdentity>) -> Result<Void, Failure> {
        destination(path, linted: linted).map { _ in () }
    }

    static func destination(_ path: String, linted: Set<FileIdentity>) -> Result<Destination, Failure> {
        let status: stat
        switch FileStatus.noFollow(path) {
        case .failure(let error) where error.code == ENOENT: return .success(.replace(mode: nil, hardLinked: false))
        case .failure(let error): return .failure(.system(error))
        case .success(let found): status = found
        }
        switch status.st_mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG):
            if linted.contains(FileIdentity(status)) { return .failure(.beingLinted) }
            // As for `--fix`: a file without write permission is not replaced, even by root.
            if status.st_mode & 0o222 == 0 || FileName.withSystemPath(path, { access($0, W_OK) }) != 0 {
                return .failure(.readOnly)
            }
            return .success(.replace(mode: status.st_mode & 0o7777, hardLinked: status.st_nlink > 1))
        case mode_t(S_IFCHR), mode_t(S_IFIFO):
            return .success(.writeInPlace)
        case mode_t(S_IFLNK):
            // `/dev/stdout` and `/dev/fd/N` are links to the stream: those are written, other links are not.
            guard case .success(let target) = FileStatus.follow(path) else { return .failure(.symbolicLink) }
            let kind = target.st_mode & mode_t(S_IFMT)
            return kind == mode_t(S_IFCHR) || kind == mode_t(S_IFIFO) ? .success(.writeInPlace) : .failure(.symbolicLink)
        case mode_t(S_IFDIR):
            return .failure(.system(SystemErrorCode(EISDIR)))
        default:
            return .failure(.notRegularFile)
        }
    }

    /// Writes `bytes` to `path` (absolute) as described above; `linted` are the files it must not be.
    public static func write(_ bytes: [UInt8], to path: String, linted: Set<FileIdentity>) -> Result<Void, Failure> {
        switch destination(path, linted: linted) {
        case .failure(let failure): return .failure(failure)
        case .success(.writeInPlace):
            let descriptor = FileName.withSystemPath(path) { open($0, O_WRONLY | O_CLOEXEC) }
            guard descriptor >= 0 else { return .failure(.system(SystemErrorCode(errno))) }
            var failure = bytes.withUnsafeBytes { SystemIO.writeAll(descriptor, $0) }.map(SystemErrorCode.init)
            if close(descriptor) != 0, failure == nil { failure = SystemErrorCode(errno) }
            return failure.map { .failure(.system($0)) } ?? .success(())
        case .success(.replace(let mode, let hardLinked)):
            let temporary: TemporaryFile
            switch TemporaryFile.create(beside: path) {
            case .failure(let error): return .failure(.system(error))
            case .success(let created): temporary = created
            }
            // mkstemp makes the file 0600; a new report gets the usual 0666 less the umask.
            var failure = bytes.withUnsafeBytes { SystemIO.writeAll(temporary.descriptor, $0) }.map(SystemErrorCode.init)
            if failure == nil, fchmod(temporary.descriptor, mode ?? (0o666 & ~currentUmask())) != 0 {
                failure = SystemErrorCode(errno)
            }
            if close(temporary.descriptor) != 0, failure == nil { failure = SystemErrorCode(errno) }
            if failure == nil, hardLinked {
                // The temporary file proved there is room; the links stay one file.
                failure = InPlaceWrite.overwrite(path, with: bytes, restoring: nil)?.error
                temporary.remove()
            } else if failure == nil, !temporary.rename(to: path) {
                failure = SystemErrorCode(errno)
            }
            if let failure {
                temporary.remove()
                return .failure(.system(failure))
            }
            return .success(())
        }
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}

/// Overwrites a file through its own inode (keeping its hard links, owner and group) and cuts it to
/// the new length. Callers first write the whole text to a temporary file, so a full disk shows
/// there, before the file is touched.
enum InPlaceWrite {
    struct Failure {
        let error: SystemErrorCode
        /// `restoring` was given and put back after the failure.
        let restored: Bool
    }

    /// Nil on success. If writing fails part way, `original` (when given) is written back.
    static func overwrite(_ path: String, with contents: [UInt8], restoring original: [UInt8]?) -> Failure? {
        let descriptor = FileName.withSystemPath(path) { open($0, O_WRONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return Failure(error: SystemErrorCode(errno), restored: false) }
        defer { close(descriptor) }
        func write(_ bytes: [UInt8]) -> Int32? {
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { return errno }
            if let code = bytes.withUnsafeBytes({ SystemIO.writeAll(descriptor, $0) }) { return code }
            guard ftruncate(descriptor, off_t(bytes.count)) == 0, fsync(descriptor) == 0 else { return errno }
            return nil
        }
        guard let code = write(contents) else { return nil }
        return Failure(error: SystemErrorCode(code), restored: original.map { write($0) == nil } ?? false)
    }
}

/// A new, uniquely named file beside another (`mkstemp`: created exclusively, so nothing planted
/// at the name is followed), open for writing. The caller closes and renames or unlinks it.
struct TemporaryFile {
    let descriptor: Int32
    let path: String

    /// In the folder of `path`, named `.NAME.cancellint-XXXXXX` after its last component.
    static func create(beside path: String) -> Result<TemporaryFile, SystemErrorCode> {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let directory = slash.map { String(path[..<$0]) + "/" } ?? ""
        var template = FileName.bytes("\(directory).\(PathText.lastComponent(path)).cancellint-XXXXXX").map { CChar(bitPattern: $0) } + [0]
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { return .failure(SystemErrorCode(errno)) }
        let created = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { FileName.fromSystem($0) } ?? "" }
        return .success(TemporaryFile(descriptor: descriptor, path: created))
    }

    /// Renames the file to `destination`; false (with `errno` set) when that failed.
    func rename(to destination: String) -> Bool {
        FileName.withSystemPath(path) { from in FileName.withSystemPath(destination) { to in systemRename(from, to) } } == 0
    }

    func remove() {
        _ = FileName.withSystemPath(path) { unlink($0) }
    }
}

#if canImport(Darwin)
private let systemRename = Darwin.rename
#elseif canImport(Musl)
private let systemRename = Musl.rename
#else
private let systemRename = Glibc.rename
#endif
