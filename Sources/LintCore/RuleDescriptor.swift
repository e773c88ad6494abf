/// Everything the engine, the configuration and the reporters need to know about a rule,
/// whatever language it checks.
public struct RuleDescriptor: Hashable, Sendable {
    /// Kebab-case, unique across all languages (Swift rules are prefixed `swift-`).
    public var id: String
    /// One line, lower-case start, no final period.
    public var summary: String
    public var defaultSeverity: Severity
    /// A group for enabling rules in bulk, e.g. `lifecycle`, `api`, `syntax`.
    public var category: String
    /// The language front end that runs it (`go`, `swift`), or `any` for engine-level rules.
    public var language: String
    /// The options the configuration may set for this rule (besides `enabled` and `severity`).
    public var options: [OptionDeclaration]

    public init(id: String, summary: String, defaultSeverity: Severity, category: String, language: String,
                options: [OptionDeclaration] = []) {
        self.id = id
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.category = category
        self.language = language
        self.options = options
    }
}

extension RuleDescriptor {
    /// The descriptors in order, each id once (its first occurrence).
    public static func uniqued(_ descriptors: [RuleDescriptor]) -> [RuleDescriptor] {
        var seen = Set<String>()
        return descriptors.filter { seen.insert($0.id).inserted }
    }
}
