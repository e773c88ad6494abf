import LintCore

/// Turns what the options recorded into a command's settings, checking the combinations that
/// only make sense together (or not at all) once the whole command line has been read.
enum OptionResolution {
    /// "a, b or c".
    static func alternatives(_ choices: [String]) -> String {
        guard let last = choices.last else { return "" }
        return choices.count == 1 ? last : "\(choices.dropLast().joined(separator: ", ")) or \(last)"
    }

    static func rulesFormat(_ name: String?) throws(UsageError) -> RulesFormat {
        guard let name else { return .text }
        guard let format = RulesFormat(rawValue: name) else {
            throw UsageError("invalid value '\(name)' for --format with rules; expected "
                             + alternatives(RulesFormat.allCases.map(\.rawValue)))
        }
        return format
    }

    static func lintOptions(_ parsed: ParsedArguments, paths: [String]) throws(UsageError) -> LintOptions {
        var options = parsed.options
        options.paths = paths
        if parsed.configGiven && parsed.noConfigGiven {
            throw UsageError("--config and --no-config cannot be used together")
        }
        if options.baseline != nil && options.writeBaseline != nil {
            throw UsageError("--baseline and --write-baseline cannot be used together")
        }
        for (name, value) in [("--config", options.configuration.filePath), ("--baseline", options.baseline),
                              ("--write-baseline", options.writeBaseline)] where value?.isEmpty == true {
            throw UsageError("\(name) needs a file name")
        }
        if let name = parsed.formatName {
            guard let format = OutputFormat(rawValue: name) else {
                throw UsageError("invalid value '\(name)' for --format; expected "
                                 + alternatives(OutputFormat.allCases.map(\.rawValue)))
            }
            options.report.format = format
        }
        if options.report.outputPath?.isEmpty == true { throw UsageError("--output needs a file name") }

        switch (parsed.fixRequested, parsed.diffRequested) {
        case (false, true): throw UsageError("--diff goes with --fix: --fix --diff shows the fixes without applying them")
        case (true, true): options.fix = .diff
        case (true, false): options.fix = .apply
        case (false, false): options.fix = .off
        }
        if options.fix == .diff, options.report.format != .text {
            throw UsageError("--fix --diff prints a unified diff; it cannot be combined with --format \(options.report.format.rawValue)")
        }

        switch (parsed.newFromRevision, parsed.newFromPatch) {
        case (.some, .some): throw UsageError("--new-from-rev and --new-from-patch cannot be used together")
        case (.some(let revision), nil):
            guard !revision.isEmpty else { throw UsageError("--new-from-rev needs a revision") }
            options.changedLines = .revision(revision)
        case (nil, .some(let patch)):
            guard !patch.isEmpty else { throw UsageError("--new-from-patch needs a file name") }
            options.changedLines = .patch(patch)
        case (nil, nil): break
        }

        if options.writeBaseline != nil {
            // The baseline is all such a run writes; an option that would change or show anything else would be ignored.
            let ignored = [("--fix", parsed.fixRequested && !parsed.diffRequested), ("--fix --diff", parsed.diffRequested),
                           ("--output", options.report.outputPath != nil), ("--format", parsed.formatName != nil)]
            if let (name, _) = ignored.first(where: { $0.1 }) {
                throw UsageError("--write-baseline records the findings and writes nothing else; it cannot be combined with \(name)")
            }
        }

        if let name = options.stdinFilename {
            guard !name.isEmpty else { throw UsageError("--stdin-filename needs a path") }
            guard paths.isEmpty else {
                throw UsageError("--stdin-filename lints standard input; it cannot be combined with paths")
            }
            if options.fix == .apply {
                throw UsageError("--fix cannot rewrite standard input; --fix --diff shows the fixes instead")
            }
        }
        return options
    }
}
