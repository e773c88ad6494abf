import LintCore
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
    /// Returns why the text could not be written, or nil.
    private let writeText: @Sendable (String) -> String?
    /// Whether the text lands on a terminal, where the text report may use colour and excerpts.
    public let isTerminal: Bool

    /// A sink that hands the text to `write`, e.g. to capture it in a test; it never fails.
    public init(_ write: @escaping @Sendable (String) -> Void, isTerminal: Bool = false) {
        self.init(failable: { text in
            write(text)
            return nil
        }, isTerminal: isTerminal)
    }

    /// A sink whose `write` returns why the text could not be written, or nil.
    public init(failable write: @escaping @Sendable (String) -> String?, isTerminal: Bool = false) {
        writeText = write
        self.isTerminal = isTerminal
    }

    /// Writes `text`; the reason it could not be written (a full disk, a closed pipe), or nil.
    @discardableResult
    public func write(_ text: String) -> String? {
        writeText(text)
    }

    public static let standardOutput = OutputSink(fileDescriptor: STDOUT_FILENO)
    public static let standardError = OutputSink(fileDescriptor: STDERR_FILENO)

    /// Writes straight to the descriptor, unbuffered, so nothing is left in a buffer at `exit`.
    public init(fileDescriptor: Int32) {
        self.init(failable: { text in SystemIO.writeAll(fileDescriptor, text).map(SystemIO.reason) },
                  isTerminal: isatty(fileDescriptor) == 1)
    }
}

/// The process's arguments after the program name, byte for byte: a file name that is not UTF-8
/// is carried as `FileName` describes (`CommandLine.arguments` would replace its bytes).
public func processArguments() -> [String] {
    (1..<Int(CommandLine.argc)).compactMap { index in CommandLine.unsafeArgv[index].map { FileName.fromSystem($0) } }
}

/// The process's working directory, which `run` resolves relative paths against.
public func currentWorkingDirectory() -> String {
    guard let pointer = getcwd(nil, 0) else { return "." }
    defer { free(pointer) }
    return FileName.fromSystem(pointer)
}
