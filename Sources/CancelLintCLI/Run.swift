import LintCore

/// Runs the command line `arguments` (without the program name) and returns the exit status.
///
/// Everything the command prints goes through `stdout` and `stderr`, each written at most once,
/// after the work is done; nothing else is written anywhere. `currentDirectory` (absolute) is
/// what relative paths are resolved against, so tests can run in-process in any directory.
/// `environment` supplies standard input and environment variables (tests pass their own).
/// Besides the two streams, only `--output`, `--write-baseline` and `--fix` write anything, and
/// only where asked (README, "Guarantees"). A failed write to standard output makes the status 2.
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
    var finalStatus = status
    // A report that did not reach standard output (`> /dev/full`, a closed pipe) is a failed run.
    if !output.standardOutput.isEmpty, let reason = stdout.write(output.standardOutput) {
        output.standardError += "\(ToolInfo.name): cannot write to standard output: \(reason)\n"
        finalStatus = max(finalStatus, .usageOrInputError)
    }
    if !output.standardError.isEmpty { stderr.write(output.standardError) }
    return finalStatus.rawValue
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
        output.standardOutput = RulesListing.render(LintEngine(frontEnds: frontEnds).rules, format: format,
                                                    documents: RuleDocuments.byID)
        return .success
    case .explain(let ruleID):
        return RuleExplanation.explain(ruleID, rules: LintEngine(frontEnds: frontEnds).rules, documents: RuleDocuments.byID,
                                       output: &output)
    case .lint(let options):
        return lint(options, frontEnds: frontEnds, currentDirectory: currentDirectory, environment: environment,
                    colourTerminal: colourTerminal, output: &output)
    }
}

/// The lint pipeline: the engine (which reads the configuration), the baseline, then `LintSession`
/// for the rest: standard input, changed lines, fixes, the report in its format and place, the summary.
func lint(_ options: LintOptions, frontEnds: [any LanguageFrontEnd], currentDirectory: String,
          environment: RunEnvironment, colourTerminal: Bool, output: inout CommandOutput) -> ExitStatus {
    let engine = LintEngine(frontEnds: frontEnds)
    var baseline: Baseline?
    if let path = options.baseline {
        // Read before linting: a run whose baseline is unusable would report everything as new.
        switch Baseline.load(path, currentDirectory: currentDirectory) {
        case .success(let loaded): baseline = loaded
        case .failure(let error):
            output.standardError = "\(ToolInfo.name): \(error)\n"
            return .usageOrInputError
        }
    }
    let request = LintRequest(paths: options.paths, currentDirectory: currentDirectory, settings: LintSettings(),
                              configuration: options.configuration, failOn: options.failOn,
                              strictSuppressions: options.strictSuppressions)
    var session = LintSession(options: options, engine: engine, request: request, environment: environment,
                              colourTerminal: colourTerminal)
    guard var result = session.collect(output: &output) else { return .usageOrInputError }
    if let path = options.writeBaseline, result.configurationErrors.isEmpty {
        return writeBaseline(result, to: path, options: options, currentDirectory: currentDirectory, output: &output)
    }
    baseline?.filter(&result, currentDirectory: currentDirectory)
    return session.finish(result, output: &output)
}

/// `--write-baseline`: records every finding, prints none, and succeeds unless a named path could
/// not be linted — then nothing is written, since the baseline would silently miss that file.
func writeBaseline(_ result: LintResult, to path: String, options: LintOptions, currentDirectory: String,
                   output: inout CommandOutput) -> ExitStatus {
    output.standardError = RunSummary.text(for: result, includeSummaryLine: false)
    if result.exitStatus == .usageOrInputError {
        output.standardError += "\(ToolInfo.name): baseline not written: a named path could not be linted\n"
        return .usageOrInputError
    }
    switch Baseline.write(result.diagnostics, to: path, currentDirectory: currentDirectory, linted: result.readFiles) {
    case .failure(let error):
        output.standardError += "\(ToolInfo.name): \(error)\n"
        return .usageOrInputError
    case .success:
        if !options.quiet {
            let count = result.diagnostics.count
            output.standardError += "\(ToolInfo.name): wrote \(count) finding\(count == 1 ? "" : "s") "
                + "in \(result.filesLinted) file\(result.filesLinted == 1 ? "" : "s") to "
                + "\(TextEscaping.quotedIfNeeded(path))\n"
        }
        return .success
    }
}
