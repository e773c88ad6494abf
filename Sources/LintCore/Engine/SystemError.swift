#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns an `errno` into the short reason users see. The common ones are spelled out so the
/// text is the same on every C library (glibc capitalises, Go's tools and ours do not).
enum SystemError {
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES: return "permission denied"
        case EPERM: return "operation not permitted"
        case ELOOP: return "too many levels of symbolic links"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "not a directory"
        case ENAMETOOLONG: return "file name too long"
        case EMFILE, ENFILE: return "too many open files"
        case EIO: return "input/output error"
        default:
            guard let text = strerror(code) else { return "error \(code)" }
            let message = String(cString: text)
            return message.prefix(1).lowercased() + message.dropFirst()
        }
    }
}
