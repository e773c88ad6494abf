import LintCore

/// What options write into while the command line is read; turned into a `Command` at the end.
struct ParsedArguments {
    var options = LintOptions()
    var helpRequested = false
    var versionRequested = false
    /// `--format` as typed: its choices depend on the command, so it is checked once that is known.
    var formatName: String?
    var fixRequested = false
    var diffRequested = false
    var newFromRevision: String?
    var newFromPatch: String?
}

/// One command-line option. Adding an option is one entry in `OptionTable.all` plus the field it sets.
struct OptionSpec: Sendable {
    /// `--fail-on`; the name users type and the one suggestions offer.
    let name: String
    /// `-q`, for the few options typed often enough to deserve one.
    let shortName: String?
    /// The placeholder shown in help (`SEVERITY`), or nil for a flag that takes no value.
    let valueName: String?
    /// When set, the only values accepted; the parser checks them so `apply` need not.
    let choices: [String]?
    /// One line for `--help`.
    let summary: String
    /// Records the option; `value` is nil exactly when `valueName` is nil.
    let apply: @Sendable (inout ParsedArguments, String?) -> Void

    init(_ name: String, short shortName: String? = nil, value valueName: String? = nil, choices: [String]? = nil,
         summary: String, apply: @escaping @Sendable (inout ParsedArguments, String?) -> Void) {
        self.name = name
        self.shortName = shortName
        self.valueName = valueName
        self.choices = choices
        self.summary = summary
        self.apply = apply
    }
}

/// A word that selects a command instead of naming a path. Only the first argument can be one.
struct SubcommandSpec: Sendable {
    let name: String
    /// Shown in the usage synopsis, e.g. `rules` or `explain RULE`.
    let synopsis: String
    let summary: String
    /// The placeholder of the one argument the command needs (`RULE`), or nil if it takes none.
    let operandName: String?
    /// Builds the command from its argument (present exactly when `operandName` is set) and the options.
    let make: @Sendable (String?, ParsedArguments) throws(UsageError) -> Command
}

enum OptionTable {
    /// Every option, in the order `--help` lists them.
    /// Still to come, each as one more entry here: --config, --no-config, --baseline, --write-baseline.
    static let all: [OptionSpec] = [
        OptionSpec("--fail-on", value: "SEVERITY", choices: ["error", "warning", "info"],
                   summary: "fail on findings this severe or worse: error, warning (default) or info") {
            arguments, value in
            arguments.options.failOn = value.flatMap(Severity.init(name:)) ?? .warning
        },
        OptionSpec("--quiet", short: "-q", summary: "do not print the summary line") { arguments, _ in
            arguments.options.quiet = true
        },
        OptionSpec("--format", value: "FORMAT",
                   summary: "report as text (default), json, sarif, github or checkstyle") { arguments, value in
            arguments.formatName = value
        },
        OptionSpec("--output", value: "FILE", summary: "write the report to FILE; the summary stays on stderr") {
            arguments, value in
            arguments.options.report.outputPath = value
        },
        OptionSpec("--no-color", summary: "no colour or source excerpts on a terminal (also NO_COLOR=1)") {
            arguments, _ in
            arguments.options.report.noColor = true
        },
        OptionSpec("--fix", summary: "apply the fixes findings suggest, then report what remains") { arguments, _ in
            arguments.fixRequested = true
        },
        OptionSpec("--diff", summary: "with --fix: print the fixes as a unified diff, change nothing") { arguments, _ in
            arguments.diffRequested = true
        },
        OptionSpec("--new-from-rev", value: "REV", summary: "report only findings on lines changed since git revision REV") {
            arguments, value in
            arguments.newFromRevision = value
        },
        OptionSpec("--new-from-patch", value: "FILE", summary: "report only findings on lines a unified diff adds") {
            arguments, value in
            arguments.newFromPatch = value
        },
        OptionSpec("--stdin-filename", value: "PATH", summary: "lint standard input, reported as the file PATH") {
            arguments, value in
            arguments.options.stdinFilename = value
        },
        OptionSpec("--help", short: "-h", summary: "print this help and exit") { arguments, _ in
            arguments.helpRequested = true
        },
        OptionSpec("--version", summary: "print the version and exit") { arguments, _ in
            arguments.versionRequested = true
        },
    ]

    /// Every subcommand.
    static let subcommands: [SubcommandSpec] = [
        SubcommandSpec(name: "rules", synopsis: "rules [--format FORMAT]",
                       summary: "list the rules as text (default), json or markdown",
                       operandName: nil) {
            _, arguments throws(UsageError) in
            .listRules(try OptionResolution.rulesFormat(arguments.formatName))
        },
        SubcommandSpec(name: "explain", synopsis: "explain RULE",
                       summary: "print a rule's document: what it finds, why, how to fix it", operandName: "RULE") {
            rule, _ in
            .explain(ruleID: rule ?? "")
        },
    ]

    static func option(named name: String) -> OptionSpec? {
        all.first { $0.name == name || $0.shortName == name }
    }
}
