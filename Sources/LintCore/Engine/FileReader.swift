#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with plain POSIX calls: `open`, `fstat`, and usually two `read`s (the bytes, then end of file).
enum FileReader {
    struct Contents {
        let bytes: [UInt8]
        let identity: FileIdentity
    }

    enum Failure: Error {
        case system(SystemErrorCode)
        /// A FIFO, socket or device: reading it could block or never end.
        case notRegularFile
        /// Larger than `sizeLimit`: offsets into it would not fit the 32 bits every position uses.
        case tooLarge(limit: Int)

        var reason: String {
            switch self {
            case .system(let error): return error.reason
            case .notRegularFile: return "not a regular file"
            case .tooLarge(let limit): return FileReader.tooLargeReason(limit: limit)
            }
        }

        var isTooLarge: Bool {
            if case .tooLarge = self { return true }
            return false
        }
    }

    static let sizeLimit = SystemIO.fileSizeLimit

    static func tooLargeReason(limit: Int) -> String {
        limit == sizeLimit ? "file too large (2 GiB or more; the limit is 2 GiB less one byte)"
            : "file too large (more than \(limit) bytes)"
    }

    /// `sizeLimit` is a parameter only so tests can lower it.
    static func read(_ path: String, sizeLimit: Int = sizeLimit) -> Result<Contents, Failure> {
        // O_NONBLOCK so a FIFO named `x.go` cannot hang the run; it does not affect regular files.
        let descriptor = retryingOnInterrupt { FileName.withSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) } }
        guard descriptor >= 0 else { return .failure(.system(SystemErrorCode(errno))) }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.system(SystemErrorCode(errno))) }
        switch FileKind(mode: status.st_mode) {
        case .directory: return .failure(.system(SystemErrorCode(EISDIR)))
        case .other: return .failure(.notRegularFile)
        case .regularFile: break
        }
        // Checked before reading, so a 2 GiB file (even a sparse one) costs no memory.
        guard Int(status.st_size) <= sizeLimit else { return .failure(.tooLarge(limit: sizeLimit)) }
        switch readAll(descriptor, expectedSize: Int(status.st_size), sizeLimit: sizeLimit) {
        case .success(let bytes): return .success(Contents(bytes: bytes, identity: FileIdentity(status)))
        case .failure(let error): return .failure(error)
        }
    }

    /// Reads to end of file. The size from `fstat` is only a hint: the file may change while we read,
    /// so reading goes on until `read` says end of file. One byte of slack lets the usual case end
    /// in a single buffer.
    /// The file may also grow while it is read: more than `sizeLimit` bytes is refused then too.
    private static func readAll(_ descriptor: Int32, expectedSize: Int, sizeLimit: Int) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunkSize = max(expectedSize, 0) + 1
        while true {
            var failure: SystemErrorCode?
            var reachedEnd = false
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, initializedCount in
                guard let base = buffer.baseAddress else { return }
                while initializedCount < chunkSize {
                    let count = SystemIO.systemRead(descriptor, base + initializedCount, chunkSize - initializedCount)
                    if count > 0 {
                        initializedCount += count
                    } else if count == 0 {
                        reachedEnd = true
                        return
                    } else if errno != EINTR {
                        failure = SystemErrorCode(errno)
                        return
                    }
                }
            }
            if let failure { return .failure(.system(failure)) }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if bytes.count > sizeLimit { return .failure(.tooLarge(limit: sizeLimit)) }
            if reachedEnd { return .success(bytes) }
            chunkSize = max(chunkSize, 64 * 1024)
        }
    }

    private static func retryingOnInterrupt(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
