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
        var failure = bytes.withUnsafeBytes { buffer in SystemIO.writeAll(descriptor, buffer) }
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
