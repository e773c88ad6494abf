import LintCore

/// The `--help` text, built from the option and subcommand tables so it cannot fall out of date.
enum HelpText {
    static func text(languages: [String]) -> String {
        let name = ToolInfo.name
        let code = languages.isEmpty ? "source" : LanguageNames.list(languages, conjunction: "and")
        var lines = ["usage: \(name) [options] [path ...]"]
        for subcommand in OptionTable.subcommands {
            lines.append("       \(name) \(subcommand.synopsis)")
        }
        lines += [
            "",
            "Finds misuse of context and cancellation in \(code) code. Directories are searched",
            "recursively, skipping vendor, testdata, node_modules, hidden and generated files;",
            "files named explicitly are linted even if generated. No paths means the current directory.",
            "Put -- before paths that look like options or commands.",
            "",
            "commands:",
        ]
        let commandRows = OptionTable.subcommands.map { ($0.synopsis, $0.summary) }
        let optionRows = OptionTable.all.map { option -> (String, String) in
            let names = option.shortName.map { "\($0), \(option.name)" } ?? "    \(option.name)"
            return (option.valueName.map { "\(names) \($0)" } ?? names, option.summary)
        }
        // One width for both tables so their descriptions line up.
        let width = (commandRows + optionRows).map(\.0.count).max() ?? 0
        lines += aligned(commandRows, width: width)
        lines += ["", "options:"]
        lines += aligned(optionRows, width: width)
        lines += [
            "",
            "exit status: 0 if nothing at or above --fail-on was found, 1 if something was,",
            "2 for usage errors, invalid configuration and named paths that could not be linted.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Two columns, the second starting two spaces after `width`.
    private static func aligned(_ rows: [(String, String)], width: Int) -> [String] {
        rows.map { "  " + $0.0.padding(to: width) + "  " + $0.1 }
    }
}

extension String {
    /// Pads with spaces on the right to `width` characters (never truncates).
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
