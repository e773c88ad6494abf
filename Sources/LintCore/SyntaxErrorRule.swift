/// Syntax errors are reported like findings so that one bad file never stops a run. Each
/// language's parser finds them; this descriptor gives them an id, a severity and a document,
/// and `diagnostic` makes the one finding a broken file gets, the same for every language.
public enum SyntaxErrorRule {
    public static let descriptor = RuleDescriptor(
        id: "syntax-error", summary: "the file is not valid Go or Swift; the rest of it is still checked where possible",
        defaultSeverity: .error, category: "syntax", language: "any")

    /// One finding per broken file, at its first error: that is the one to fix, and the rest are
    /// often its echoes (a PNG renamed .go would otherwise fill a screen). Nil when there is no
    /// error or the rule is disabled.
    public static func diagnostic(firstAt offset: Int32?, message: String, errorCount: Int, file: SourceFile,
                                  settings: LintSettings) -> Diagnostic? {
        guard let offset, errorCount > 0, settings.isEnabled(descriptor) else { return nil }
        let more = errorCount - 1
        let text = more == 0 ? message : "\(message) (and \(more) more syntax error\(more == 1 ? "" : "s") in this file)"
        return Diagnostic(ruleID: descriptor.id, severity: settings.severity(of: descriptor), file: file,
                          range: ByteRange(start: offset, end: offset), message: text)
    }
}
