/// Everything one lint run needs, as a value: the command line (and later the configuration) builds it.
public struct LintRequest: Sendable {
    /// Files and directories as the user wrote them; empty means the current directory.
    public var paths: [String]
    /// Absolute path that relative `paths` are resolved against and display paths are made relative to.
    public var currentDirectory: String
    /// Passed unchanged to every front end.
    public var settings: LintSettings
    /// Diagnostics at or above this severity make the run fail with `ExitStatus.findings`.
    public var failOn: Severity
    /// How many worker threads lint files; nil means one per active processor.
    public var workerCount: Int?

    public init(paths: [String], currentDirectory: String, settings: LintSettings = LintSettings(),
                failOn: Severity = .warning, workerCount: Int? = nil) {
        self.paths = paths
        self.currentDirectory = currentDirectory
        self.settings = settings
        self.failOn = failOn
        self.workerCount = workerCount
    }
}
