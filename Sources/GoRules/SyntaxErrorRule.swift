import LintCore

/// Syntax errors are reported like findings so that one bad file never stops a run.
/// The parser produces them; this descriptor gives them an id, a severity and a document.
public enum SyntaxErrorRule {
    public static let descriptor = RuleDescriptor(
        id: "syntax-error", summary: "the file is not valid Go; the rest of it is still checked where possible",
        defaultSeverity: .error, category: "syntax", language: "go")
}
