import LintCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `run` takes from the process besides arguments and output streams: standard input (for
/// `--stdin-filename`) and environment variables (`NO_COLOR`, `TERM`). Tests pass their own.
public struct RunEnvironment: Sendable {
    private let readInput: @Sendable () -> Result<[UInt8], SystemIO.ReadFailure>
    private let lookUp: @Sendable (String) -> String?

    public init(readStandardInput: @escaping @Sendable () -> Result<[UInt8], SystemIO.ReadFailure>,
                variable: @escaping @Sendable (String) -> String?) {
        readInput = readStandardInput
        lookUp = variable
    }

    /// Fixed input and variables, for tests.
    public init(standardInput: [UInt8] = [], variables: [String: String] = [:]) {
        self.init(readStandardInput: { .success(standardInput) }, variable: { variables[$0] })
    }

    /// The process's own standard input and environment.
    public static let process = RunEnvironment(readStandardInput: { SystemIO.readAll(STDIN_FILENO) },
                                               variable: { name in getenv(name).map { String(cString: $0) } })

    func readStandardInput() -> Result<[UInt8], SystemIO.ReadFailure> { readInput() }

    func variable(_ name: String) -> String? { lookUp(name) }

    /// Colour and excerpts are for people: only on a terminal, and only when neither `NO_COLOR`
    /// (https://no-color.org: set and not empty) nor a dumb terminal says otherwise.
    func allowsColour(onTerminal isTerminal: Bool) -> Bool {
        isTerminal && (variable("NO_COLOR") ?? "").isEmpty && variable("TERM") != "dumb"
    }
}
