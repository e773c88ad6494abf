/// Reads the command line into a `Command`, driven by `OptionTable`.
///
/// Conventions: `--name value` and `--name=value`; `--` ends options, so a path that looks like an
/// option or a command can follow it; `-` alone is an argument, not an option; a command word
/// (`rules`) counts only as the first argument.
public func parseCommandLine(_ arguments: [String]) -> Result<Command, UsageError> {
    var parser = ArgumentParser(arguments: arguments)
    return Result { () throws(UsageError) -> Command in try parser.parse() }
}

private struct ArgumentParser {
    let arguments: [String]
    var index = 0
    var parsed = ParsedArguments()
    /// Arguments that are not options, and whether each came after `--`.
    var operands: [(text: String, afterDoubleDash: Bool)] = []

    init(arguments: [String]) {
        self.arguments = arguments
    }

    mutating func parse() throws(UsageError) -> Command {
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !Self.looksLikeOption(argument) {
                operands.append((argument, optionsEnded))
            } else if argument == "--" {
                optionsEnded = true
            } else {
                try parseOption(argument)
            }
        }
        return try resolve()
    }

    static func looksLikeOption(_ argument: String) -> Bool {
        argument.utf8.first == UInt8(ascii: "-") && argument != "-"
    }

    private mutating func parseOption(_ argument: String) throws(UsageError) {
        let (name, inlineValue) = Self.splitInlineValue(argument)
        guard let spec = OptionTable.option(named: name) else {
            var message = "unknown option \(name)"
            if let suggestion = Suggestion.closest(to: name, among: OptionTable.all.map(\.name)) {
                message += "; did you mean \(suggestion)?"
            }
            throw UsageError(message)
        }
        guard let valueName = spec.valueName else {
            if inlineValue != nil { throw UsageError("\(spec.name) does not take a value") }
            spec.apply(&parsed, nil)
            return
        }
        let value: String
        if let inlineValue {
            value = inlineValue
        } else if index < arguments.count, !Self.looksLikeOption(arguments[index]) {
            value = arguments[index]
            index += 1
        } else {
            throw UsageError("\(spec.name) needs a value: \(Self.describeValues(of: spec, valueName: valueName))")
        }
        if let choices = spec.choices, !choices.contains(value) {
            throw UsageError("invalid value '\(value)' for \(spec.name); expected \(Self.describeValues(of: spec, valueName: valueName))")
        }
        spec.apply(&parsed, value)
    }

    /// `--fail-on=error` → (`--fail-on`, `error`). Short options take no inline value.
    static func splitInlineValue(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// "error, warning or info" for options with choices, else the placeholder, e.g. "FILE".
    static func describeValues(of spec: OptionSpec, valueName: String) -> String {
        guard let choices = spec.choices, !choices.isEmpty else { return valueName }
        return OptionResolution.alternatives(choices)
    }

    private func resolve() throws(UsageError) -> Command {
        if parsed.helpRequested { return .showHelp }
        if parsed.versionRequested { return .showVersion }
        if let first = operands.first, !first.afterDoubleDash,
           let subcommand = OptionTable.subcommands.first(where: { $0.name == first.text }) {
            let rest = operands.dropFirst()
            if let operandName = subcommand.operandName, rest.isEmpty {
                throw UsageError("'\(subcommand.name)' needs \(operandName)")
            }
            if let extra = rest.dropFirst(subcommand.operandName == nil ? 0 : 1).first {
                throw UsageError("unexpected argument '\(extra.text)' after '\(subcommand.name)'")
            }
            return try subcommand.make(rest.first?.text, parsed)
        }
        if operands.contains(where: { $0.text.isEmpty }) {
            throw UsageError("empty path argument")
        }
        return .lint(try OptionResolution.lintOptions(parsed, paths: operands.map(\.text)))
    }
}
