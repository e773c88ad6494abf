/// Everything one lint run needs, as a value: the command line (and later the configuration) builds it.
public struct LintRequest: Sendable {
    /// Files and directories as the user wrote them; empty means the current directory.
    public var paths: [String]
    /// Absolute path that relative `paths` are resolved against and display paths are made relative to.
    public var currentDirectory: String
    /// The settings of files no configuration applies to (every file with `.fixed`).
    public var settings: LintSettings
    /// Where per-file settings come from: fixed, discovered `.lintconfig.yml` files, or one file.
    public var configuration: ConfigurationChoice
    /// Diagnostics at or above this severity make the run fail with `ExitStatus.findings`;
    /// nil means the configuration's `fail-on`, else `warning`.
    public var failOn: Severity?
    /// `--strict-suppressions`: `unused-suppression` findings are at least warnings.
    public var strictSuppressions: Bool
    /// How many worker threads lint files; nil means one per active processor.
    public var workerCount: Int?

    public init(paths: [String], currentDirectory: String, settings: LintSettings = LintSettings(),
                configuration: ConfigurationChoice = .fixed, failOn: Severity? = nil,
                strictSuppressions: Bool = false, workerCount: Int? = nil) {
        self.paths = paths
        self.currentDirectory = currentDirectory
        self.settings = settings
        self.configuration = configuration
        self.failOn = failOn
        self.strictSuppressions = strictSuppressions
        self.workerCount = workerCount
    }
}
