import CancelLintCLI
import LintCore

/// Collects what `run` writes, keeping each write apart so tests can check there was only one.
final class CapturedStream: @unchecked Sendable {
    private(set) var writes: [String] = []
    var text: String { writes.joined() }
    var sink: OutputSink { sink(terminal: false) }
    func sink(terminal: Bool) -> OutputSink { OutputSink({ self.writes.append($0) }, isTerminal: terminal) }
}

struct CommandLineRun {
    let status: Int32
    let stdout: CapturedStream
    let stderr: CapturedStream
}

/// Runs the command in-process, as `cancellint arguments...` would in `directory`, with
/// `environment` as standard input and environment variables (none by default), and standard
/// output a terminal when `terminal` is set.
func runCommand(_ arguments: [String], in directory: String = "/",
                frontEnds: [any LanguageFrontEnd] = [FakeFrontEnd()],
                environment: RunEnvironment = RunEnvironment(), terminal: Bool = false) -> CommandLineRun {
    let stdout = CapturedStream()
    let stderr = CapturedStream()
    let status = run(arguments: arguments, frontEnds: frontEnds, stdout: stdout.sink(terminal: terminal),
                     stderr: stderr.sink, currentDirectory: directory, environment: environment)
    return CommandLineRun(status: status, stdout: stdout, stderr: stderr)
}
