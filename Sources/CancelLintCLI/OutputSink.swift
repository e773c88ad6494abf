#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LintCore

/// Where `run` writes text. The command collects all of a stream's text first and writes it
/// with one call, so a sink sees at most one write per run.
public struct OutputSink: Sendable {
    private let writeText: @Sendable (String) -> Void

    /// A sink that hands the text to `write`, e.g. to capture it in a test.
    public init(_ write: @escaping @Sendable (String) -> Void) {
        writeText = write
    }

    public func write(_ text: String) {
        writeText(text)
    }

    public static let standardOutput = OutputSink(fileDescriptor: STDOUT_FILENO)
    public static let standardError = OutputSink(fileDescriptor: STDERR_FILENO)

    /// Writes straight to the descriptor, unbuffered, so nothing is left in a buffer at `exit`.
    public init(fileDescriptor: Int32) {
        self.init { text in
            var text = text
            // A closed pipe or full disk: nothing more can be said, and the exit status still tells.
            text.withUTF8 { FileDescriptorOutput.writeAll(fileDescriptor, UnsafeRawBufferPointer($0)) }
        }
    }
}

/// The process's working directory, which `run` resolves relative paths against.
public func currentWorkingDirectory() -> String {
    guard let pointer = getcwd(nil, 0) else { return "." }
    defer { free(pointer) }
    return String(cString: pointer)
}
