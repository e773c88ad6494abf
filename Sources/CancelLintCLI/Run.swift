import LintCore

/// Runs the command line `arguments` (without the program name) and returns the exit status.
///
/// Everything the command prints goes through `stdout` and `stderr`, each written at most once,
/// after the work is done; nothing else is written anywhere. `currentDirectory` (absolute) is
/// what relative paths are resolved against, so tests can run in-process in any directory.
/// `environment` supplies standard input and environment variables (tests pass their own).
/// Besides the two streams, only `--output` and `--fix` write anything, and only where asked.
public func run(arguments: [String], frontEnds: [any LanguageFrontEnd],
                stdout: OutputSink, stderr: OutputSink, currentDirectory: String,
                environment: RunEnvironment = .process) -> Int32 {
    var output = CommandOutput()
    let status: ExitStatus
    switch parseCommandLine(arguments) {
    case .failure(let error):
        output.standardError += "\(ToolInfo.name): \(error.message)\n"
            + "Run '\(ToolInfo.name) --help' for usage.\n"
        status = .usageOrInputError
    case .success(let command):
        let terminal = environment.allowsColour(onTerminal: stdout.isTerminal)
        status = execute(command, frontEnds: frontEnds, currentDirectory: currentDirectory,
                         environment: environment, colourTerminal: terminal, output: &output)
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
             environment: RunEnvironment = .process, colourTerminal: Bool = false,
             output: inout CommandOutput) -> ExitStatus {
    switch command {
    case .showHelp:
        output.standardOutput = HelpText.text(languages: frontEnds.map(\.language))
        return .success
    case .showVersion:
        output.standardOutput = "\(ToolInfo.name) \(ToolInfo.version)\n"
        return .success
    case .listRules(let format):
        output.standardOutput = RulesListing.render(frontEnds.flatMap(\.rules), format: format,
                                                    documents: RuleDocuments.byID)
        return .success
    case .explain(let ruleID):
        return RuleExplanation.explain(ruleID, rules: frontEnds.flatMap(\.rules), documents: RuleDocuments.byID,
                                       output: &output)
    case .lint(let options):
        return lint(options, frontEnds: frontEnds, currentDirectory: currentDirectory, environment: environment,
                    colourTerminal: colourTerminal, output: &output)
    }
}

/// The lint pipeline. Later stages slot in where marked: configuration builds `settings`,
/// a baseline filters `result.diagnostics`. `LintSession` does the rest: standard input,
/// changed lines, fixes, the report in its format and place, the summary.
func lint(_ options: LintOptions, frontEnds: [any LanguageFrontEnd], currentDirectory: String,
          environment: RunEnvironment, colourTerminal: Bool, output: inout CommandOutput) -> ExitStatus {
    let engine = LintEngine(frontEnds: frontEnds)
    let request = LintRequest(paths: options.paths, currentDirectory: currentDirectory,
                              settings: LintSettings(), failOn: options.failOn)
    var session = LintSession(options: options, engine: engine, request: request, environment: environment,
                              colourTerminal: colourTerminal)
    guard let result = session.collect(output: &output) else { return .usageOrInputError }
    return session.finish(result, output: &output)
}
