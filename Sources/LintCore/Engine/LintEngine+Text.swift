extension LintEngine {
    /// Lints text that did not come from a file (an editor's unsaved buffer on standard input)
    /// as a whole run: the result is what linting a file at `path` holding `bytes` would give —
    /// the configuration that would apply to that path, its suppressions, `path` shown as it would
    /// be and fingerprints assigned. A path no front end reads is a problem with a named path,
    /// as on the command line; a path the configuration leaves out is linted as nothing.
    public func run(text bytes: [UInt8], path: String, request: LintRequest) -> LintResult {
        let display = PathText.display(path, currentDirectory: request.currentDirectory)
        guard let frontEndIndex = FrontEndTable(frontEnds: frontEnds).frontEndIndex(forName: PathText.lastComponent(path)) else {
            let problem = PathProblem(path: display, message: FrontEndTable(frontEnds: frontEnds).unsupportedFileMessage,
                                      origin: .named)
            return LintResult(diagnostics: [], pathProblems: [problem], filesLinted: 0, generatedFilesSkipped: 0,
                              failOn: request.failOn ?? .warning)
        }
        let file = DiscoveredFile(path: PathText.absolute(path, currentDirectory: request.currentDirectory),
                                  displayPath: display, frontEndIndex: frontEndIndex, origin: .named)
        let plan = LintPlan([file], request: request, frontEnds: frontEnds, schema: configurationSchema)
        var result = LintResult(diagnostics: [], pathProblems: [], filesLinted: 0, generatedFilesSkipped: 0,
                                failOn: plan.failOn)
        guard plan.errors.isEmpty else {
            result.configurationErrors = plan.errors
            return result
        }
        guard let planned = plan.files.first else {
            result.filesExcluded = plan.excludedCount
            return result
        }
        let source = SourceFile(path: display, bytes: bytes)
        let policy = SuppressionPolicy(ruleIDs: rules.map(\.id), strict: request.strictSuppressions)
        let frontEnd = frontEnds[frontEndIndex]
        let settings = plan.settings[planned.settingsIndex]
        // On a worker with the engine's large stack, like files from disk: the caller's thread
        // (often the main one) may be too small for the deepest input the parsers accept.
        let slot = ResultSlots<[Diagnostic]>(count: 1)
        ParallelWorkers.forEachIndex(1, workerCount: 1) { _ in
            slot.store(Self.lintFile(source, frontEnd: frontEnd, settings: settings, policy: policy), at: 0)
        }
        let diagnostics = slot.value(at: 0) ?? []
        result.diagnostics = diagnostics.sorted(by: Diagnostic.outputOrder)
        result.filesLinted = 1
        result.bytesRead = bytes.count
        if !diagnostics.isEmpty { result.sources[display] = LintedSource(file: source, location: nil) }
        return result
    }
}
