import LintCore

/// One lint command after its settings are known: gathers the findings (from files or standard
/// input), keeps those on changed lines, applies or shows fixes, and writes the report where
/// it belongs, with the summary on standard error.
struct LintSession {
    let options: LintOptions
    let engine: LintEngine
    let request: LintRequest
    let environment: RunEnvironment
    /// Standard output is a terminal that may be coloured (`NO_COLOR` and `TERM` already consulted).
    let colourTerminal: Bool
    /// Set by `collect` in changed-lines mode.
    private(set) var changed: ChangedLinesLoader.Loaded?
    /// Findings `collect` left out because they are on unchanged lines.
    private(set) var leftOut = 0

    init(options: LintOptions, engine: LintEngine, request: LintRequest, environment: RunEnvironment,
         colourTerminal: Bool) {
        self.options = options
        self.engine = engine
        self.request = request
        self.environment = environment
        self.colourTerminal = colourTerminal
    }

    /// The run's findings, already narrowed to changed lines when asked; nil (with the reason on
    /// standard error) when the run cannot go ahead.
    mutating func collect(output: inout CommandOutput) -> LintResult? {
        if let source = options.changedLines {
            switch ChangedLinesLoader.load(source, currentDirectory: request.currentDirectory) {
            case .failure(let failure):
                output.standardError += "\(ToolInfo.name): \(failure.message)\n"
                return nil
            case .success(let loaded):
                changed = loaded
            }
        }
        var result: LintResult
        if let name = options.stdinFilename {
            switch environment.readStandardInput() {
            case .failure(let failure):
                output.standardError += "\(ToolInfo.name): cannot read standard input: \(failure.reason)\n"
                return nil
            case .success(let bytes):
                result = engine.run(text: bytes, path: name, request: request)
            }
        } else {
            result = engine.run(request)
        }
        if let keep = keepLine {
            let kept = result.diagnostics.filter { keep($0.path, $0.start.line) }
            leftOut = result.diagnostics.count - kept.count
            result.diagnostics = kept
        }
        return result
    }

    /// In changed-lines mode, whether a finding on this line of this (display) path is reported.
    var keepLine: (@Sendable (String, Int) -> Bool)? {
        guard let changed else { return nil }
        return { path, line in
            changed.paths.relative(path).map { changed.lines.contains(path: $0, line: line) } ?? false
        }
    }

    /// Applies or shows fixes, writes the report and the summary; the exit status.
    func finish(_ collected: LintResult, output: inout CommandOutput) -> ExitStatus {
        var result = collected
        var report: String
        var notes: [String] = []
        var fixSummary: String?
        let outputFile = options.report.outputPath.map { $0.hasPrefix("/") ? $0 : request.currentDirectory + "/" + $0 }
        // Refused before any fix is written: `--fix --output v.go v.go` must leave v.go as it was.
        if let outputFile, let outputPath = options.report.outputPath,
           case .failure(let failure) = OutputFile.check(outputFile, linted: result.readFiles) {
            output.standardError += RunSummary.text(for: result, includeSummaryLine: false)
                + "\(ToolInfo.name): cannot write the report to \(TextEscaping.quotedIfNeeded(outputPath)): \(failure)\n"
            return .usageOrInputError
        }
        switch options.fix {
        case .off:
            report = reporter(result)
        case .apply, .diff:
            let outcome = FixRun.run(result, engine: engine, settings: request.settings,
                                     mode: options.fix == .diff ? .diff : .apply, keepLine: keepLine)
            notes = outcome.messages
            if options.fix == .diff {
                report = outcome.diff
                fixSummary = outcome.fixedCount == 0 ? "nothing to fix"
                    : "\(counted(outcome.fixedCount, "fix")) in \(counted(outcome.fixedFiles, "file")) shown as a diff; no file was changed"
            } else {
                result = outcome.result
                report = reporter(result)
                let failed = outcome.failedFiles == 0 ? ""
                    : "\(counted(outcome.failedFiles, "file")) could not be rewritten"
                switch (outcome.fixedCount, failed.isEmpty) {
                case (0, true): fixSummary = "nothing to fix"
                case (0, false): fixSummary = "fixed nothing: \(failed)"
                case (_, let allWritten):
                    fixSummary = "fixed \(counted(outcome.fixedCount, "problem")) in \(counted(outcome.fixedFiles, "file"))"
                        + (allWritten ? "" : "; \(failed)")
                }
            }
        }

        var status = result.exitStatus
        if let outputFile, let outputPath = options.report.outputPath {
            if case .failure(let failure) = OutputFile.write(Array(report.utf8), to: outputFile, linted: result.readFiles) {
                notes.append("cannot write the report to \(TextEscaping.quotedIfNeeded(outputPath)): \(failure)")
                status = .usageOrInputError
            }
        } else {
            output.standardOutput += report
        }

        var summary = RunSummary.text(for: result, includeSummaryLine: false)
        summary += notes.map { "\(ToolInfo.name): \($0)\n" }.joined()
        // With an invalid configuration nothing was linted: its errors are the whole story.
        if !options.quiet && result.configurationErrors.isEmpty {
            if let fixSummary { summary += "\(ToolInfo.name): \(fixSummary)\n" }
            if leftOut > 0, let changed {
                summary += "\(ToolInfo.name): \(counted(leftOut, "finding")) on lines not changed \(changed.origin) left out\n"
            }
            summary += RunSummary.summaryLine(for: result) + "\n"
        }
        output.standardError += summary
        return status
    }

    private func reporter(_ result: LintResult) -> String {
        let format = options.report.format
        let needsRepository = format == .sarif || format == .github
        let context = ReportContext(
            rules: engine.rules, documents: RuleDocuments.byID,
            paths: needsRepository ? (changed?.paths ?? RepositoryPaths.discover(from: request.currentDirectory)) : nil,
            terminal: format == .text && colourTerminal && options.report.outputPath == nil && !options.report.noColor)
        return format.reporter.report(result, context: context)
    }

    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : noun.hasSuffix("x") ? "es" : "s")"
    }
}
