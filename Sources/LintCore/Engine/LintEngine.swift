/// Finds, reads and lints files with the given front ends. Language-neutral: it only knows
/// extensions, bytes and diagnostics. Holds no mutable state, so one engine can serve many runs.
public struct LintEngine: Sendable {
    public let frontEnds: [any LanguageFrontEnd]
    private let table: FrontEndTable

    public init(frontEnds: [any LanguageFrontEnd]) {
        self.frontEnds = frontEnds
        table = FrontEndTable(frontEnds: frontEnds)
    }

    /// Every rule of every front end, in front-end order, then the engine's own (`unused-suppression`)
    /// — those only when there is a language to lint. A rule several front ends report
    /// (`syntax-error`) is listed once.
    public var rules: [RuleDescriptor] {
        frontEnds.isEmpty ? [] : RuleDescriptor.uniqued(frontEnds.flatMap { $0.rules }) + EngineRules.all
    }

    /// What a configuration may name with these front ends.
    public var configurationSchema: ConfigurationSchema { ConfigurationSchema(frontEnds: frontEnds) }

    /// The front end that reads files with this name or path, by extension.
    public func frontEnd(forPath path: String) -> (any LanguageFrontEnd)? {
        table.frontEndIndex(forName: PathText.lastComponent(path)).map { frontEnds[$0] }
    }

    /// Lints text that did not come from the file system (an editor buffer, standard input),
    /// honouring its suppression comments; nil when no front end reads a file with this path's extension.
    public func lint(_ file: SourceFile, settings: LintSettings, strictSuppressions: Bool = false) -> [Diagnostic]? {
        guard let frontEnd = frontEnd(forPath: file.path) else { return nil }
        let policy = SuppressionPolicy(ruleIDs: rules.map(\.id), strict: strictSuppressions)
        return Self.lintFile(file, frontEnd: frontEnd, settings: settings, policy: policy)
            .sorted(by: Diagnostic.outputOrder)
    }

    /// How a file at `path` (which need not exist) would be linted under `request`'s configuration,
    /// for text that does not come from disk, such as an editor's unsaved buffer: its settings, or
    /// nil when no front end reads it or the configuration leaves it out; or the configuration's
    /// problems, which `run` would report.
    public func settings(forPath path: String, request: LintRequest) -> (settings: LintSettings?, errors: [ConfigurationError]) {
        guard let frontEndIndex = table.frontEndIndex(forName: PathText.lastComponent(path)) else { return (nil, []) }
        let file = DiscoveredFile(path: PathText.absolute(path, currentDirectory: request.currentDirectory),
                                  displayPath: PathText.display(path, currentDirectory: request.currentDirectory),
                                  frontEndIndex: frontEndIndex, origin: .named)
        let plan = LintPlan([file], request: request, frontEnds: frontEnds, schema: configurationSchema)
        guard plan.errors.isEmpty else { return (nil, plan.errors) }
        return (plan.files.first.map { plan.settings[$0.settingsIndex] }, [])
    }

    /// The per-file pipeline: the front end's findings, fingerprinted before suppression so that
    /// silencing one of two identical findings does not renumber the other, then the file's
    /// suppressions applied.
    static func lintFile(_ source: SourceFile, frontEnd: any LanguageFrontEnd, settings: LintSettings,
                         policy: SuppressionPolicy) -> [Diagnostic] {
        var output = frontEnd.lintFile(source, settings: settings)
        output.diagnostics.sort(by: Diagnostic.outputOrder)
        Fingerprints.assign(&output.diagnostics)
        return policy.apply(output, file: source, settings: settings)
    }

    public func run(_ request: LintRequest) -> LintResult {
        let discovery = FileDiscovery(table: table)
            .discover(paths: request.paths, currentDirectory: request.currentDirectory)
        let plan = LintPlan(discovery.files, request: request, frontEnds: frontEnds, schema: configurationSchema)
        guard plan.errors.isEmpty else {
            // Nothing is linted with a half-read configuration.
            var result = LintResult(diagnostics: [], pathProblems: [], filesLinted: 0, generatedFilesSkipped: 0,
                                    failOn: plan.failOn)
            result.configurationErrors = plan.errors
            return result
        }
        let policy = SuppressionPolicy(ruleIDs: rules.map(\.id), strict: request.strictSuppressions)
        let outcomes = lintInParallel(plan, policy: policy,
                                      workerCount: request.workerCount ?? ParallelWorkers.processorCount)
        var result = collect(discovery, plan: plan, outcomes, failOn: plan.failOn)
        result.filesExcluded = plan.excludedCount
        return result
    }

    private enum FileOutcome {
        /// The source is kept only when there are diagnostics, so clean files' bytes are freed at once.
        case linted([Diagnostic], FileIdentity, source: SourceFile?, bytes: Int)
        case generated(FileIdentity)
        /// `failsRun`: a file too large to lint fails the run wherever it was found. An unreadable
        /// file deep in a tree is often not the user's (a socket, a lock); a source file of 2 GiB
        /// is, and would never be linted: silence would pass a gap off as a clean run.
        case unreadable(reason: String, failsRun: Bool)
    }

    private func lintInParallel(_ plan: LintPlan, policy: SuppressionPolicy,
                                workerCount: Int) -> ResultSlots<FileOutcome> {
        let files = plan.files
        let outcomes = ResultSlots<FileOutcome>(count: files.count)
        let frontEnds = self.frontEnds
        ParallelWorkers.forEachIndex(files.count, workerCount: workerCount) { index in
            let file = files[index].file
            switch FileReader.read(file.path) {
            case .failure(let error):
                outcomes.store(.unreadable(reason: error.reason, failsRun: error.isTooLarge), at: index)
            case .success(let contents):
                let frontEnd = frontEnds[file.frontEndIndex]
                let source = SourceFile(path: file.displayPath, bytes: contents.bytes)
                let settings = plan.settings[files[index].settingsIndex]
                if file.origin == .found, !files[index].lintsGenerated, frontEnd.isGenerated(source) {
                    outcomes.store(.generated(contents.identity), at: index)
                } else {
                    let diagnostics = Self.lintFile(source, frontEnd: frontEnd, settings: settings, policy: policy)
                    outcomes.store(.linted(diagnostics, contents.identity, source: diagnostics.isEmpty ? nil : source,
                                           bytes: source.bytes.count), at: index)
                }
            }
        }
        return outcomes
    }

    /// Gathers outcomes in discovery order, which makes the result independent of thread timing.
    /// A file reached twice (named and found, or through a symlink) counts once; named occurrences
    /// are taken first because a named file is linted even when generated.
    private func collect(_ discovery: Discovery, plan: LintPlan, _ outcomes: ResultSlots<FileOutcome>,
                         failOn: Severity) -> LintResult {
        var diagnostics: [Diagnostic] = []
        var problems = discovery.problems
        var filesLinted = 0
        var bytesRead = 0
        var generatedFilesSkipped = 0
        var seen = Set<FileIdentity>()
        var sources: [String: LintedSource] = [:]
        let indices = plan.files.indices
        let namedFirst = indices.filter { plan.files[$0].file.origin == .named }
            + indices.filter { plan.files[$0].file.origin == .found }
        for index in namedFirst {
            let file = plan.files[index].file
            switch outcomes.value(at: index) {
            case .linted(let fileDiagnostics, let identity, let source, let bytes)?:
                guard seen.insert(identity).inserted else { continue }
                diagnostics.append(contentsOf: fileDiagnostics)
                if let source { sources[source.path] = LintedSource(file: source, location: file.path) }
                filesLinted += 1
                bytesRead += bytes
            case .generated(let identity)?:
                guard seen.insert(identity).inserted else { continue }
                generatedFilesSkipped += 1
            case .unreadable(let reason, let failsRun)?:
                problems.append(PathProblem(path: file.displayPath, message: "cannot read: \(reason)",
                                            origin: failsRun ? .named : file.origin))
            case nil:
                // Every index is stored before the workers are joined; this only guards the invariant.
                problems.append(PathProblem(path: file.displayPath, message: "cannot read: not processed", origin: file.origin))
            }
        }
        diagnostics.sort(by: Diagnostic.outputOrder)
        problems.sort(by: PathProblem.reportOrder)
        var result = LintResult(diagnostics: diagnostics, pathProblems: problems, filesLinted: filesLinted,
                                generatedFilesSkipped: generatedFilesSkipped, failOn: failOn)
        result.bytesRead = bytesRead
        result.sources = sources
        result.readFiles = seen
        result.namedRealPaths = discovery.namedRealPaths
        return result
    }
}
