/// `--format checkstyle`: the Checkstyle XML report that reviewdog (`-f=checkstyle`), Jenkins'
/// Warnings plugin and GitLab converters read. One `<file>` per file with findings, in output order.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func report(_ result: LintResult, context: ReportContext) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        var index = result.diagnostics.startIndex
        while index < result.diagnostics.endIndex {
            let path = result.diagnostics[index].path
            text += "  <file name=\"\(Self.escape(path))\">\n"
            while index < result.diagnostics.endIndex, result.diagnostics[index].path == path {
                let diagnostic = result.diagnostics[index]
                text += "    <error line=\"\(diagnostic.start.line)\" column=\"\(diagnostic.start.column)\" "
                    + "severity=\"\(diagnostic.severity)\" message=\"\(Self.escape(diagnostic.message))\" "
                    + "source=\"\(Self.escape(context.toolName)).\(Self.escape(diagnostic.ruleID))\"/>\n"
                index += 1
            }
            text += "  </file>\n"
        }
        return text + "</checkstyle>\n"
    }

    /// Escapes text for an XML attribute value. Characters XML 1.0 cannot carry at all (most
    /// control characters) become U+FFFD; tab and line breaks become character references so
    /// attribute normalisation keeps them.
    public static func escape(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&apos;"
            case "\t": return "&#9;"
            case "\n": return "&#10;"
            case "\r": return "&#13;"
            default:
                return scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : nil
            }
        }
    }
}
