import LintCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `run` writes text. The command collects all of a stream's text first and writes it
/// with one call, so a sink sees at most one write per run.
public struct OutputSink: Sendable {
    private let writeText: @Sendable (String) -> Void
    /// Whether the text lands on a terminal, where the text report may use colour and excerpts.
    public let isTerminal: Bool

    /// A sink that hands the text to `write`, e.g. to capture it in a test.
    public init(_ write: @escaping @Sendable (String) -> Void, isTerminal: Bool = false) {
        writeText = write
        self.isTerminal = isTerminal
    }

    public func write(_ text: String) {
        writeText(text)
    }

    public static let standardOutput = OutputSink(fileDescriptor: STDOUT_FILENO)
    public static let standardError = OutputSink(fileDescriptor: STDERR_FILENO)

    /// Writes straight to the descriptor, unbuffered, so nothing is left in a buffer at `exit`.
    /// A closed pipe or full disk ends the write: nothing more can be said, and the exit status still tells.
    public init(fileDescriptor: Int32) {
        self.init({ text in SystemIO.writeAll(fileDescriptor, text) }, isTerminal: isatty(fileDescriptor) == 1)
    }
}

/// The process's working directory, which `run` resolves relative paths against.
public func currentWorkingDirectory() -> String {
    guard let pointer = getcwd(nil, 0) else { return "." }
    defer { free(pointer) }
    return String(cString: pointer)
}
