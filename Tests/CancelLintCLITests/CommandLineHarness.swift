import CancelLintCLI
import LintCore

/// Collects what `run` writes, keeping each write apart so tests can check there was only one.
final class CapturedStream: @unchecked Sendable {
    private(set) var writes: [String] = []
    var text: String { writes.joined() }
    var sink: OutputSink { OutputSink { self.writes.append($0) } }
}

struct CommandLineRun {
    let status: Int32
    let stdout: CapturedStream
    let stderr: CapturedStream
}

/// Runs the command in-process, as `cancellint arguments...` would in `directory`.
func runCommand(_ arguments: [String], in directory: String = "/",
                frontEnds: [any LanguageFrontEnd] = [FakeFrontEnd()]) -> CommandLineRun {
    let stdout = CapturedStream()
    let stderr = CapturedStream()
    let status = run(arguments: arguments, frontEnds: frontEnds, stdout: stdout.sink, stderr: stderr.sink,
                     currentDirectory: directory)
    return CommandLineRun(status: status, stdout: stdout, stderr: stderr)
}
