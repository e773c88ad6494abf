/// The formats `--format` will choose among. Adding one is a case here, its reporter file,
/// and a line in `reporter`.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// `path:line:col: severity: message [rule]`, for people and editor problem matchers.
    case text

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        }
    }
}
