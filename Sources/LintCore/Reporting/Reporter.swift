/// What a reporter may need besides the result: formats like SARIF and checkstyle describe the
/// tool and every rule, not only the ones that fired.
public struct ReportContext: Sendable {
    public var toolName: String
    public var toolVersion: String
    public var rules: [RuleDescriptor]
    /// Each rule's Markdown document by id (SARIF's full description and help).
    public var documents: [String: String]
    /// How display paths map to the repository (GitHub annotations and SARIF want repository paths).
    public var paths: RepositoryPaths?
    /// The report goes to a terminal: the text format may use colour and show source excerpts.
    public var terminal: Bool

    public init(toolName: String = ToolInfo.name, toolVersion: String = ToolInfo.version, rules: [RuleDescriptor],
                documents: [String: String] = [:], paths: RepositoryPaths? = nil, terminal: Bool = false) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.rules = rules
        self.documents = documents
        self.paths = paths
        self.terminal = terminal
    }

    /// The path to show a repository-aware consumer: relative to the repository root when the file
    /// is inside it, else the display path unchanged.
    func repositoryPath(_ displayPath: String) -> String {
        paths?.relative(displayPath) ?? displayPath
    }
}

/// Turns a run's diagnostics into the text written to standard output (or to `--output`).
/// Pure: no I/O, so the caller writes the whole report in one call and tests compare strings.
public protocol Reporter: Sendable {
    func report(_ result: LintResult, context: ReportContext) -> String
}
