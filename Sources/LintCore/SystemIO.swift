#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-buffer `write(2)` and friends, with `errno` captured where it is set.
public enum SystemIO {
    /// The largest input read: byte offsets are `Int32`, so 2 GiB or more is refused.
    public static let fileSizeLimit = Int(Int32.max)

    /// Writes every byte, retrying short writes and interruptions; the errno of a failure, or nil.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = systemWrite(descriptor, base + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return written < 0 ? errno : EIO
            }
        }
        return nil
    }

    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    /// Everything readable from `descriptor` until end of file, or why reading stopped; more than
    /// `sizeLimit` bytes (by default the limit for files, 2 GiB less one byte) is refused.
    public static func readAll(_ descriptor: Int32, sizeLimit: Int = fileSizeLimit) -> Result<[UInt8], ReadFailure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in systemRead(descriptor, buffer.baseAddress, buffer.count) }
            if count > 0 {
                guard count <= sizeLimit - bytes.count else {
                    return .failure(ReadFailure(reason: FileReader.tooLargeReason(limit: sizeLimit)))
                }
                bytes += chunk[0..<count]
            } else if count == 0 {
                return .success(bytes)
            } else if errno != EINTR {
                return .failure(ReadFailure(reason: SystemError.reason(errno)))
            }
        }
    }

    /// The reason for an errno, in the words the rest of the output uses.
    public static func reason(_ code: Int32) -> String { SystemError.reason(code) }

    /// The reason for the current `errno`.
    public static func reasonForErrno() -> String { SystemError.reason(errno) }

    public struct ReadFailure: Error, Equatable, Sendable {
        public var reason: String

        public init(reason: String) {
            self.reason = reason
        }
    }

    /// `read(2)` and `write(2)`, named apart from the many Swift functions called `read` and `write`.
    static let systemRead: (Int32, UnsafeMutableRawPointer?, Int) -> Int = platformRead
    static let systemWrite: (Int32, UnsafeRawPointer?, Int) -> Int = platformWrite
}

#if canImport(Darwin)
private let platformRead = Darwin.read
private let platformWrite = Darwin.write
#elseif canImport(Musl)
private let platformRead = Musl.read
private let platformWrite = Musl.write
#else
private let platformRead = Glibc.read
private let platformWrite = Glibc.write
#endif
