import LintCore

/// What options write into while the command line is read; turned into a `Command` at the end.
struct ParsedArguments {
    var options = LintOptions()
    var helpRequested = false
    var versionRequested = false
    /// Options given together that contradict each other, checked once all are read.
    var configGiven = false
    var noConfigGiven = false
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
    /// Shown in the usage synopsis, e.g. `rules` or, later, `explain RULE`.
    let synopsis: String
    let summary: String
    let command: Command
}

enum OptionTable {
    /// Every option, in the order `--help` lists them.
    /// Still to come, each as one more entry here: --format, --output, --fix, --diff, --new-from-rev,
    /// --stdin-filename.
    static let all: [OptionSpec] = [
        OptionSpec("--fail-on", value: "SEVERITY", choices: ["error", "warning", "info"],
                   summary: "fail on findings this severe or worse: error, warning (default) or info") {
            arguments, value in
            arguments.options.failOn = value.flatMap(Severity.init(name:)) ?? .warning
        },
        OptionSpec("--config", value: "FILE",
                   summary: "use this configuration for every file instead of the nearest .lintconfig.yml") {
            arguments, value in
            arguments.options.configuration = .file(value ?? "")
            arguments.configGiven = true
        },
        OptionSpec("--no-config", summary: "ignore every .lintconfig.yml: all rules at their defaults") { arguments, _ in
            arguments.options.configuration = .fixed
            arguments.noConfigGiven = true
        },
        OptionSpec("--baseline", value: "FILE", summary: "report only findings not recorded in this baseline") {
            arguments, value in
            arguments.options.baseline = value
        },
        OptionSpec("--write-baseline", value: "FILE",
                   summary: "record the current findings in this baseline file instead of reporting them") {
            arguments, value in
            arguments.options.writeBaseline = value
        },
        OptionSpec("--strict-suppressions",
                   summary: "report unused or reason-less suppression comments as warnings, not info") { arguments, _ in
            arguments.options.strictSuppressions = true
        },
        OptionSpec("--quiet", short: "-q", summary: "do not print the summary line") { arguments, _ in
            arguments.options.quiet = true
        },
        OptionSpec("--help", short: "-h", summary: "print this help and exit") { arguments, _ in
            arguments.helpRequested = true
        },
        OptionSpec("--version", summary: "print the version and exit") { arguments, _ in
            arguments.versionRequested = true
        },
    ]

    /// Every subcommand. `explain RULE` will be the next.
    static let subcommands: [SubcommandSpec] = [
        SubcommandSpec(name: "rules", synopsis: "rules", summary: "list every rule with its default severity and summary",
                       command: .listRules),
    ]

    static func option(named name: String) -> OptionSpec? {
        all.first { $0.name == name || $0.shortName == name }
    }
}
