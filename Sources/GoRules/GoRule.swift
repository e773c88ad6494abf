import GoAnalysis
import GoSyntax
import LintCore

/// A Go rule: its descriptor and its check over one file. Rules are values registered in
/// `GoRuleRegistry.all`; adding one touches its own file, its `Rules/` document and that list.
public struct GoRule: Sendable {
    public let descriptor: RuleDescriptor
    public let check: @Sendable (inout GoRuleContext) -> Void

    /// `options` declares what the configuration may set under `rules: <id>:`; the rule reads
    /// them with `context.settings.strings(name)` and sees the declared default when unset.
    public init(id: String, summary: String, severity: Severity, category: String, options: [OptionDeclaration] = [],
                check: @escaping @Sendable (inout GoRuleContext) -> Void) {
        self.descriptor = RuleDescriptor(id: id, summary: summary, defaultSeverity: severity,
                                         category: category, language: "go", options: options)
        self.check = check
    }

    public var id: String { descriptor.id }
}

/// What a rule sees while checking one file, and where it reports.
public struct GoRuleContext {
    public let file: GoFile
    public let descriptor: RuleDescriptor
    /// The rule's configuration (options, severity override).
    public let settings: RuleSettings
    public private(set) var diagnostics: [Diagnostic] = []
    /// The ids of the rules enabled in this run: a rule leaves to another what that one reports,
    /// and reports it itself when the other is disabled.
    public let enabledRuleIDs: Set<String>
    /// The whole run's settings, for options another rule owns that this one must agree with.
    public let lintSettings: LintSettings

    public init(file: GoFile, descriptor: RuleDescriptor, settings: RuleSettings,
                enabledRuleIDs: Set<String> = [], lintSettings: LintSettings = LintSettings()) {
        self.file = file
        self.descriptor = descriptor
        self.settings = settings
        self.enabledRuleIDs = enabledRuleIDs
        self.lintSettings = lintSettings
    }

    public func isRuleEnabled(_ id: String) -> Bool { enabledRuleIDs.contains(id) }

    public var tree: SyntaxTree { file.tree }

    /// Reports a finding. `severity` lowers or raises this finding from the rule's default
    /// (e.g. `info` for a one-off sleep); a severity set in the configuration wins over both.
    public mutating func report(_ range: ByteRange, _ message: String, severity: Severity? = nil,
                                related: [RelatedLocation] = [], fixes: [Fix] = []) {
        let effective = settings.severity ?? severity ?? descriptor.defaultSeverity
        diagnostics.append(Diagnostic(ruleID: descriptor.id, severity: effective, file: file.source,
                                      range: range, message: message, related: related, fixes: fixes))
    }

    public mutating func report(_ node: NodeID, _ message: String, severity: Severity? = nil,
                                related: [RelatedLocation] = [], fixes: [Fix] = []) {
        report(tree.range(node), message, severity: severity, related: related, fixes: fixes)
    }

    /// A related location at `node`, e.g. the return statement that leaks.
    public func relatedLocation(_ node: NodeID, _ message: String) -> RelatedLocation {
        let range = tree.range(node)
        return RelatedLocation(range: range, start: file.source.position(of: range.start), message: message)
    }
}
