import LintCore

/// What the command line asked for, fully validated.
public enum Command: Equatable, Sendable {
    /// `cancellint [options] [paths...]`
    case lint(LintOptions)
    /// `cancellint rules`
    case listRules
    /// `cancellint --help`
    case showHelp
    /// `cancellint --version`
    case showVersion
}

/// The options of a lint run. Options other issues add (`--format`, `--output`, `--config`,
/// `--baseline`, ...) become fields here, set by their line in `OptionTable`.
public struct LintOptions: Equatable, Sendable {
    /// As written on the command line; empty means the current directory.
    public var paths: [String]
    /// `--fail-on`; nil leaves it to the configuration (default `warning`).
    public var failOn: Severity?
    /// Leave out the summary line on standard error (problems with paths are still printed).
    public var quiet: Bool
    /// `--config FILE`, `--no-config`, or neither (discover `.lintconfig.yml` files).
    public var configuration: ConfigurationChoice
    /// `--baseline FILE`: hide the findings it lists.
    public var baseline: String?
    /// `--write-baseline FILE`: record today's findings instead of reporting them.
    public var writeBaseline: String?
    /// `--strict-suppressions`: `unused-suppression` findings are warnings.
    public var strictSuppressions: Bool

    public init(paths: [String] = [], failOn: Severity? = nil, quiet: Bool = false,
                configuration: ConfigurationChoice = .discover, baseline: String? = nil,
                writeBaseline: String? = nil, strictSuppressions: Bool = false) {
        self.paths = paths
        self.failOn = failOn
        self.quiet = quiet
        self.configuration = configuration
        self.baseline = baseline
        self.writeBaseline = writeBaseline
        self.strictSuppressions = strictSuppressions
    }
}

/// A command line that cannot be run; `message` is shown after `cancellint: `.
public struct UsageError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
