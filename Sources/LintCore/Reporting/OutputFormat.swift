/// The formats `--format` chooses among. Adding one is a case here, its reporter file,
/// and a line in `reporter`.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// `path:line:col: severity: message [rule]`, for people and editor problem matchers.
    case text
    /// One JSON document with a version field, every diagnostic and the counts (see `JSONReporter`).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands, which the runner turns into annotations.
    case github
    /// Checkstyle XML, for reviewdog, Jenkins and GitLab tooling.
    case checkstyle

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubReporter()
        case .checkstyle: return CheckstyleReporter()
        }
    }
}
