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
    public var failOn: Severity
    /// Leave out the summary line on standard error (problems with paths are still printed).
    public var quiet: Bool

    public init(paths: [String] = [], failOn: Severity = .warning, quiet: Bool = false) {
        self.paths = paths
        self.failOn = failOn
        self.quiet = quiet
    }
}

/// A command line that cannot be run; `message` is shown after `cancellint: `.
public struct UsageError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
