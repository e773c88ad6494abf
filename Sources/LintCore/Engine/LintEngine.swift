/// Finds, reads and lints files with the given front ends. Language-neutral: it only knows
/// extensions, bytes and diagnostics. Holds no mutable state, so one engine can serve many runs.
public struct LintEngine: Sendable {
    public let frontEnds: [any LanguageFrontEnd]
    private let table: FrontEndTable

    public init(frontEnds: [any LanguageFrontEnd]) {
        self.frontEnds = frontEnds
        table = FrontEndTable(frontEnds: frontEnds)
    }

    /// Every rule of every front end, in front-end order.
    public var rules: [RuleDescriptor] { frontEnds.flatMap { $0.rules } }

    /// The front end that reads files with this name or path, by extension.
    public func frontEnd(forPath path: String) -> (any LanguageFrontEnd)? {
        table.frontEndIndex(forName: PathText.lastComponent(path)).map { frontEnds[$0] }
    }

    /// Lints text that did not come from the file system (an editor buffer, standard input);
    /// nil when no front end reads a file with this path's extension.
    public func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic]? {
        frontEnd(forPath: file.path).map { $0.lint(file, settings: settings).sorted(by: Diagnostic.outputOrder) }
    }

    public func run(_ request: LintRequest) -> LintResult {
        let discovery = FileDiscovery(table: table)
            .discover(paths: request.paths, currentDirectory: request.currentDirectory)
        let outcomes = lintInParallel(discovery.files, settings: request.settings,
                            workerCount: request.workerCount ?? ParallelWorkers.processorCount)
        return collect(discovery, outcomes, failOn: request.failOn)
    }

    private enum FileOutcome {
        /// The source is kept only when there are diagnostics, so clean files' bytes are freed at once.
        case linted([Diagnostic], FileIdentity, source: SourceFile?, bytes: Int)
        case generated(FileIdentity)
        case unreadable(reason: String)
    }

    private func lintInParallel(_ files: [DiscoveredFile], settings: LintSettings,
                                workerCount: Int) -> ResultSlots<FileOutcome> {
        let outcomes = ResultSlots<FileOutcome>(count: files.count)
        let frontEnds = self.frontEnds
        ParallelWorkers.forEachIndex(files.count, workerCount: workerCount) { index in
            let file = files[index]
            switch FileReader.read(file.path) {
            case .failure(let error):
                outcomes.store(.unreadable(reason: error.reason), at: index)
            case .success(let contents):
                let frontEnd = frontEnds[file.frontEndIndex]
                let source = SourceFile(path: file.displayPath, bytes: contents.bytes)
                if file.origin == .found, frontEnd.isGenerated(source) {
                    outcomes.store(.generated(contents.identity), at: index)
                } else {
                    let diagnostics = frontEnd.lint(source, settings: settings)
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
    private func collect(_ discovery: Discovery, _ outcomes: ResultSlots<FileOutcome>, failOn: Severity) -> LintResult {
        var diagnostics: [Diagnostic] = []
        var problems = discovery.problems
        var filesLinted = 0
        var bytesRead = 0
        var generatedFilesSkipped = 0
        var seen = Set<FileIdentity>()
        var sources: [String: LintedSource] = [:]
        let indices = discovery.files.indices
        let namedFirst = indices.filter { discovery.files[$0].origin == .named }
            + indices.filter { discovery.files[$0].origin == .found }
        for index in namedFirst {
            let file = discovery.files[index]
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
            case .unreadable(let reason)?:
                problems.append(PathProblem(path: file.displayPath, message: "cannot read: \(reason)", origin: file.origin))
            case nil:
                // Every index is stored before the workers are joined; this only guards the invariant.
                problems.append(PathProblem(path: file.displayPath, message: "cannot read: not processed", origin: file.origin))
            }
        }
        diagnostics.sort(by: Diagnostic.outputOrder)
        Fingerprints.assign(&diagnostics)
        problems.sort(by: PathProblem.reportOrder)
        var result = LintResult(diagnostics: diagnostics, pathProblems: problems, filesLinted: filesLinted,
                                generatedFilesSkipped: generatedFilesSkipped, failOn: failOn)
        result.bytesRead = bytesRead
        result.sources = sources
        return result
    }
}
