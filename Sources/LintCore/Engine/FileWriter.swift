#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole files atomically: a temporary file in the same folder, then `rename`, so a reader
/// (or a crash) never sees half a file.
enum FileWriter {
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Result<Void, SystemErrorCode> {
        let temporary = PathText.join(PathText.parent(path), ".\(PathText.lastComponent(path)).\(getpid()).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return .failure(SystemErrorCode(errno)) }
        var failure = bytes.withUnsafeBytes { buffer in FileDescriptorOutput.writeAll(descriptor, buffer) }
            .map(SystemErrorCode.init)
        if close(descriptor) != 0, failure == nil { failure = SystemErrorCode(errno) }
        if failure == nil, rename(temporary, path) != 0 { failure = SystemErrorCode(errno) }
        if let failure {
            unlink(temporary)
            return .failure(failure)
        }
        return .success(())
    }
}

/// Writing to a file descriptor until everything is written.
public enum FileDescriptorOutput {
    /// Writes all of `buffer`, retrying after interruptions and short writes; the `errno` of a
    /// failure (a closed pipe, a full disk), or nil.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = systemWrite(descriptor, base + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return written < 0 ? errno : EIO
            }
        }
        return nil
    }

    /// `write(2)`, named apart from anything called `write` here.
    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        return Musl.write(descriptor, buffer, count)
        #else
        return Glibc.write(descriptor, buffer, count)
        #endif
    }
}
