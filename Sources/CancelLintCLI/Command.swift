import LintCore

/// What the command line asked for, fully validated.
public enum Command: Equatable, Sendable {
    /// `cancellint [options] [paths...]`
    case lint(LintOptions)
    /// `cancellint rules [--format text|json|markdown]`
    case listRules(RulesFormat)
    /// `cancellint explain RULE`: print the rule's document.
    case explain(ruleID: String)
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
    /// `--format`, `--output`, `--no-color`: how and where the report is written.
    public var report = ReportOptions()
    /// `--fix`, `--fix --diff`.
    public var fix: FixMode = .off
    /// `--new-from-rev`, `--new-from-patch`: report only findings on changed lines.
    public var changedLines: ChangedLinesSource?
    /// `--stdin-filename PATH`: lint standard input as if it were the file at PATH.
    public var stdinFilename: String?

    public init(paths: [String] = [], failOn: Severity = .warning, quiet: Bool = false) {
        self.paths = paths
        self.failOn = failOn
        self.quiet = quiet
    }
}

/// How and where the report of a lint run is written.
public struct ReportOptions: Equatable, Sendable {
    public var format: OutputFormat = .text
    /// Write the report to this file instead of standard output (the summary stays on standard error).
    public var outputPath: String?
    /// `--no-color`: never colour or quote source, even on a terminal.
    public var noColor = false

    public init(format: OutputFormat = .text, outputPath: String? = nil, noColor: Bool = false) {
        self.format = format
        self.outputPath = outputPath
        self.noColor = noColor
    }
}

public enum FixMode: Equatable, Sendable {
    case off
    /// Rewrite files with the fixes applied.
    case apply
    /// Print the fixes as a unified diff and write nothing.
    case diff
}

/// Where the changed lines come from.
public enum ChangedLinesSource: Equatable, Sendable {
    /// `git diff REV`, plus files git does not track yet.
    case revision(String)
    /// A unified diff in a file.
    case patch(String)
}

/// The formats of `cancellint rules`.
public enum RulesFormat: String, CaseIterable, Equatable, Sendable {
    /// Aligned columns for people.
    case text
    case json
    /// The Markdown table the README embeds.
    case markdown
}

/// A command line that cannot be run; `message` is shown after `cancellint: `.
public struct UsageError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
