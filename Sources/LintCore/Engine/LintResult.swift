/// The outcome of a lint run: everything the reporters and the exit status are computed from.
public struct LintResult: Sendable {
    /// Sorted by `Diagnostic.outputOrder`.
    public var diagnostics: [Diagnostic]
    /// Sorted by path, then message.
    public var pathProblems: [PathProblem]
    /// Files handed to a front end.
    public var filesLinted: Int
    /// The bytes of those files.
    public var bytesRead = 0
    /// Files found while walking that their front end called generated, and so were not linted.
    public var generatedFilesSkipped: Int
    /// The severity the run fails at (from the request or the configuration, so the result explains itself).
    public var failOn: Severity
    /// The files that have diagnostics, by display path, as they were linted: reporters quote
    /// their lines and count their columns, `--fix` edits and rewrites them.
    public var sources: [String: LintedSource] = [:]
    /// Invalid or unreadable configurations; when there are any, nothing was linted.
    public var configurationErrors: [ConfigurationError] = []
    /// Files left out by the configuration (`include`, `exclude`, `test-files`).
    public var filesExcluded = 0
    /// Findings hidden because the baseline lists them.
    public var baselinedFindings = 0
    /// Every file read (linted, or skipped as generated), by device and inode: what `--output`
    /// and `--write-baseline` must never overwrite, however it is spelled.
    public var readFiles: Set<FileIdentity> = []
    /// The real paths (symbolic links resolved) of the paths named on the command line: `--fix`
    /// rewrites only files whose real path lies inside one of them.
    public var namedRealPaths: [String] = []

    public init(diagnostics: [Diagnostic], pathProblems: [PathProblem], filesLinted: Int,
                generatedFilesSkipped: Int, failOn: Severity) {
        self.diagnostics = diagnostics
        self.pathProblems = pathProblems
        self.filesLinted = filesLinted
        self.generatedFilesSkipped = generatedFilesSkipped
        self.failOn = failOn
    }

    /// 2 if a configuration is invalid or a named path could not be linted; else 1 if a diagnostic is at or above `failOn`; else 0.
    /// Problems with paths found while walking are reported but do not change the status: a CI gate
    /// should not break because of one unreadable file deep in a tree the user did not name.
    public var exitStatus: ExitStatus {
        if !configurationErrors.isEmpty || pathProblems.contains(where: { $0.origin == .named }) {
            return .usageOrInputError
        }
        if diagnostics.contains(where: { $0.severity >= failOn }) { return .findings }
        return .success
    }

    /// How many diagnostics there are of each severity.
    public func count(of severity: Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}

/// A linted file kept with the result: its text exactly as linted, and where it lives on disk.
public struct LintedSource: Sendable {
    /// Path is the display path; the bytes are those the diagnostics' offsets refer to.
    public let file: SourceFile
    /// The path to open or rewrite: absolute, or nil when the text did not come from a file (standard input).
    public let location: String?

    public init(file: SourceFile, location: String?) {
        self.file = file
        self.location = location
    }
}
