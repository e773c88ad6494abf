import LintCore
import SwiftLangSyntax

/// A Swift rule: its descriptor and its check over one file. Rules are values registered in
/// `SwiftRuleRegistry.all`; adding one touches its own file, its `Rules/` document and that list.
public struct SwiftRule: Sendable {
    public let descriptor: RuleDescriptor
    /// Words of which the file must contain at least one for the rule to have anything to find;
    /// a file containing none of any enabled rule's words is not even parsed.
    public let triggers: [[UInt8]]
    public let check: @Sendable (inout SwiftRuleContext) -> Void

    public init(id: String, summary: String, severity: Severity, category: String, triggers: [String],
                check: @escaping @Sendable (inout SwiftRuleContext) -> Void) {
        descriptor = RuleDescriptor(id: id, summary: summary, defaultSeverity: severity,
                                    category: category, language: "swift")
        self.triggers = triggers.map { Array($0.utf8) }
        self.check = check
    }

    public var id: String { descriptor.id }
}

/// What a Swift rule sees while checking one file, and where its findings go.
public struct SwiftRuleContext {
    public let file: SwiftFile
    public let descriptor: RuleDescriptor
    public let settings: RuleSettings
    /// The whole run's settings, for the options of the `swift:` section.
    public let lintSettings: LintSettings
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: SwiftFile, descriptor: RuleDescriptor, settings: RuleSettings,
                lintSettings: LintSettings = LintSettings()) {
        self.file = file
        self.descriptor = descriptor
        self.settings = settings
        self.lintSettings = lintSettings
    }

    public var tree: SwiftSyntaxTree { file.tree }

    /// Reports at `range`; the configured severity wins over the rule's default.
    public mutating func report(_ range: ByteRange, _ message: String, related: [RelatedLocation] = [],
                                fixes: [Fix] = []) {
        let severity = settings.severity ?? descriptor.defaultSeverity
        diagnostics.append(Diagnostic(ruleID: descriptor.id, severity: severity, file: file.source,
                                      range: range, message: message, related: related, fixes: fixes))
    }

    public mutating func report(_ node: SwiftNode, _ message: String, related: [RelatedLocation] = [],
                                fixes: [Fix] = []) {
        report(tree.range(node), message, related: related, fixes: fixes)
    }

    public func relatedLocation(_ node: SwiftNode, _ message: String) -> RelatedLocation {
        let span = tree.range(node)
        return RelatedLocation(range: span, start: file.source.position(of: span.start), message: message)
    }
}
