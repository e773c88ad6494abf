import LintCore

/// Runs the command line `arguments` (without the program name) and returns the exit status.
///
/// Everything the command prints goes through `stdout` and `stderr`, each written at most once,
/// after the work is done; nothing else is written anywhere. `currentDirectory` (absolute) is
/// what relative paths are resolved against, so tests can run in-process in any directory.
public func run(arguments: [String], frontEnds: [any LanguageFrontEnd],
                stdout: OutputSink, stderr: OutputSink, currentDirectory: String) -> Int32 {
    var output = CommandOutput()
    let status: ExitStatus
    switch parseCommandLine(arguments) {
    case .failure(let error):
        output.standardError += "\(ToolInfo.name): \(error.message)\n"
            + "Run '\(ToolInfo.name) --help' for usage.\n"
        status = .usageOrInputError
    case .success(let command):
        status = execute(command, frontEnds: frontEnds, currentDirectory: currentDirectory, output: &output)
    }
    if !output.standardOutput.isEmpty { stdout.write(output.standardOutput) }
    if !output.standardError.isEmpty { stderr.write(output.standardError) }
    return status.rawValue
}

/// The text a command produces, held until the end so each stream is written in one call.
struct CommandOutput {
    var standardOutput = ""
    var standardError = ""
}

func execute(_ command: Command, frontEnds: [any LanguageFrontEnd], currentDirectory: String,
             output: inout CommandOutput) -> ExitStatus {
    switch command {
    case .showHelp:
        output.standardOutput = HelpText.text(languages: frontEnds.map(\.language))
        return .success
    case .showVersion:
        output.standardOutput = "\(ToolInfo.name) \(ToolInfo.version)\n"
        return .success
    case .listRules:
        output.standardOutput = RulesTable.text(rules: frontEnds.flatMap(\.rules))
        return .success
    case .lint(let options):
        return lint(options, frontEnds: frontEnds, currentDirectory: currentDirectory, output: &output)
    }
}

/// The lint pipeline. Later stages slot in where marked: configuration builds `settings`,
/// a baseline filters `result.diagnostics`, and `--format` picks the reporter.
func lint(_ options: LintOptions, frontEnds: [any LanguageFrontEnd], currentDirectory: String,
          output: inout CommandOutput) -> ExitStatus {
    let engine = LintEngine(frontEnds: frontEnds)
    let request = LintRequest(paths: options.paths, currentDirectory: currentDirectory,
                              settings: LintSettings(), failOn: options.failOn)
    let result = engine.run(request)
    let reporter = OutputFormat.text.reporter
    output.standardOutput = reporter.report(result, context: ReportContext(rules: engine.rules))
    output.standardError = RunSummary.text(for: result, includeSummaryLine: !options.quiet)
    return result.exitStatus
}
