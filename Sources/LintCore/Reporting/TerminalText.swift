/// The text format for a person at a terminal: the usual line in colour, then the flagged source
/// line with a caret (and tildes across the flagged range), then any related locations.
///
///     watch.go:12:7: error: the stop function ... [lost-cancel-discarded]
///       12 | 	ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt)
///          | 	     ^
enum TerminalText {
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"

    static func colour(of severity: Severity) -> String {
        switch severity {
        case .error: return "\u{1B}[1;31m"
        case .warning: return "\u{1B}[1;33m"
        case .info: return "\u{1B}[1;36m"
        }
    }

    /// Lines longer than this (minified or generated code) are not quoted: they would wrap into noise.
    static let longestQuotedLine = 400

    static func render(_ result: LintResult) -> String {
        var text = ""
        for diagnostic in result.diagnostics {
            let severityColour = colour(of: diagnostic.severity)
            let path = TextEscaping.quotedIfNeeded(diagnostic.path)
            text += "\(bold)\(path):\(diagnostic.start.line):\(diagnostic.start.column):\(reset) "
                + "\(severityColour)\(diagnostic.severity):\(reset) \(TextReporter.printableMessage(diagnostic.message)) "
                + "\(dim)[\(diagnostic.ruleID)]\(reset)\n"
            if let source = result.sources[diagnostic.path]?.file {
                text += excerpt(of: diagnostic, in: source, caretColour: severityColour)
            }
            for related in diagnostic.related {
                text += "  \(bold)\(path):\(related.start.line):\(related.start.column):\(reset) "
                    + "\(colour(of: .info))note:\(reset) \(TextReporter.printableMessage(related.message))\n"
            }
        }
        return text
    }

    /// The flagged line and the caret line under it; empty when the line cannot be shown.
    static func excerpt(of diagnostic: Diagnostic, in source: SourceFile, caretColour: String) -> String {
        let lineNumber = diagnostic.start.line
        guard lineNumber >= 1, lineNumber <= source.lineCount else { return "" }
        let lineStart = Int(source.lineStarts[lineNumber - 1])
        let line = source.lineText(lineNumber)
        guard line.utf8.count <= longestQuotedLine else { return "" }
        let column = max(0, min(diagnostic.start.column - 1, line.utf8.count))
        let flaggedEnd = diagnostic.end.line == lineNumber ? max(column, min(diagnostic.end.offset - lineStart, line.utf8.count))
            : line.utf8.count
        let utf8 = Array(line.utf8)
        let before = String(decoding: utf8[0..<column], as: UTF8.self)
        let flagged = String(decoding: utf8[column..<flaggedEnd], as: UTF8.self)
        // Tabs are kept so the caret lands under the same column the terminal shows.
        let padding = String(before.map { $0 == "\t" ? "\t" : " " })
        let marker = "^" + String(repeating: "~", count: max(0, flagged.count - 1))
        let gutter = String(lineNumber)
        let blankGutter = String(repeating: " ", count: gutter.count)
        return "  \(dim)\(gutter) |\(reset) \(printable(line))\n"
            + "  \(dim)\(blankGutter) |\(reset) \(padding)\(caretColour)\(marker)\(reset)\n"
    }

    /// The line with control characters (other than tab) replaced, so source text cannot send
    /// escape sequences to the terminal.
    static func printable(_ line: Substring) -> String {
        guard line.unicodeScalars.contains(where: isControl) else { return String(line) }
        return String(line).replacingScalars { isControl($0) ? "\u{FFFD}" : nil }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }
}
