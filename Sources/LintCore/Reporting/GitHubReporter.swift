/// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
/// the pull request and the run summary:
///
///     ::error file=pkg/a.go,line=12,col=7,endLine=12,endColumn=8,title=lost-cancel-discarded::the cancel ...
///
/// Paths are relative to the repository root (what the runner resolves annotations against), so
/// the command can run from any folder of the checkout. Info findings become notices.
public struct GitHubReporter: Reporter {
    public init() {}

    public func report(_ result: LintResult, context: ReportContext) -> String {
        var text = ""
        for diagnostic in result.diagnostics {
            let properties = [
                ("file", context.repositoryPath(diagnostic.path)),
                ("line", String(diagnostic.start.line)),
                ("col", String(diagnostic.start.column)),
                ("endLine", String(diagnostic.end.line)),
                ("endColumn", String(diagnostic.end.column)),
                ("title", diagnostic.ruleID),
            ].map { "\($0.0)=\(Self.escapeProperty($0.1))" }
            text += "::\(Self.command(for: diagnostic.severity)) \(properties.joined(separator: ","))::"
                + "\(Self.escapeData(diagnostic.message))\n"
        }
        return text
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// The runner's escaping for a command's message: `%`, carriage return and line feed.
    public static func escapeData(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "%": return "%25"
            case "\r": return "%0D"
            case "\n": return "%0A"
            default: return nil
            }
        }
    }

    /// Property values also escape `:` and `,`, which would otherwise end the value.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingScalars { $0 == ":" ? "%3A" : $0 == "," ? "%2C" : nil }
    }
}
