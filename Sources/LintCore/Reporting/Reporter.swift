/// What a reporter may need besides the result: formats like SARIF and checkstyle describe the
/// tool and every rule, not only the ones that fired.
public struct ReportContext: Sendable {
    public var toolName: String
    public var toolVersion: String
    public var rules: [RuleDescriptor]

    public init(toolName: String = ToolInfo.name, toolVersion: String = ToolInfo.version, rules: [RuleDescriptor]) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.rules = rules
    }
}

/// Turns a run's diagnostics into the text written to standard output (or to `--output`).
/// Pure: no I/O, so the caller writes the whole report in one call and tests compare strings.
public protocol Reporter: Sendable {
    func report(_ result: LintResult, context: ReportContext) -> String
}
