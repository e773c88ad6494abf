/// One line per diagnostic, `path:line:col: severity: message [rule-id]`, the shape compilers
/// print and editors' problem matchers parse. On a terminal (`ReportContext.terminal`) the same
/// line is coloured and followed by the source line with a caret under the column.
public struct TextReporter: Reporter {
    public init() {}

    public func report(_ result: LintResult, context: ReportContext) -> String {
        context.terminal ? TerminalText.render(result) : Self.render(result.diagnostics)
    }

    /// The lines for `diagnostics`, in the order given, each ending in a newline.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var text = ""
        text.reserveCapacity(diagnostics.count * 96)
        for diagnostic in diagnostics {
            text += line(for: diagnostic)
            text += "\n"
        }
        return text
    }

    /// The line for one diagnostic, without a newline. A path with control characters is quoted
    /// and a message's control characters escaped, so one finding stays one line that blames the
    /// right file and sends nothing to a terminal.
    public static func line(for diagnostic: Diagnostic) -> String {
        "\(TextEscaping.quotedIfNeeded(diagnostic.path)):\(diagnostic.start.line):\(diagnostic.start.column): "
            + "\(diagnostic.severity): \(printableMessage(diagnostic.message)) [\(diagnostic.ruleID)]"
    }

    /// The message on one line with its control characters escaped.
    static func printableMessage(_ message: String) -> String {
        TextEscaping.escapingControlCharacters(singleLine(message))
    }

    /// A line break inside a message would split it into a second, unparseable "finding".
    static func singleLine(_ message: String) -> String {
        guard message.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return message
        }
        return message.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
    }
}
