/// What goes to standard error after the report: the paths that could not be linted, then one
/// summary line. Kept apart from the reporters so machine-readable output on stdout stays clean.
public enum RunSummary {
    /// Each path problem as `cancellint: path: message`, then the summary line unless `includeSummaryLine` is false.
    /// An invalid configuration stops the run before anything is linted, so then only its errors are printed.
    public static func text(for result: LintResult, includeSummaryLine: Bool = true) -> String {
        var text = ""
        if !result.configurationErrors.isEmpty {
            return result.configurationErrors.map { "\(ToolInfo.name): \($0)\n" }.joined()
        }
        for problem in result.pathProblems {
            text += "\(ToolInfo.name): \(problem)\n"
        }
        if includeSummaryLine {
            text += summaryLine(for: result) + "\n"
        }
        return text
    }

    /// `cancellint: 3 problems (1 error, 2 warnings) in 12 files` or `cancellint: no problems in 12 files`,
    /// with `(N generated files skipped, N excluded by configuration, N baselined findings hidden)`
    /// appended, each part only when there are any.
    public static func summaryLine(for result: LintResult) -> String {
        var line = "\(ToolInfo.name): "
        if result.diagnostics.isEmpty {
            line += "no problems"
        } else {
            let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = result.count(of: severity)
                guard count > 0 else { return nil }
                return severity == .info ? "\(count) info" : counted(count, "\(severity)")
            }
            line += "\(counted(result.diagnostics.count, "problem")) (\(bySeverity.joined(separator: ", ")))"
        }
        line += " in \(counted(result.filesLinted, "file"))"
        var notes: [String] = []
        if result.generatedFilesSkipped > 0 {
            notes.append("\(counted(result.generatedFilesSkipped, "generated file")) skipped")
        }
        if result.filesExcluded > 0 {
            notes.append("\(counted(result.filesExcluded, "file")) excluded by configuration")
        }
        if result.baselinedFindings > 0 {
            notes.append("\(counted(result.baselinedFindings, "baselined finding")) hidden")
        }
        if !notes.isEmpty { line += " (\(notes.joined(separator: ", ")))" }
        return line
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
