/// A value in a rule's options, as read from the configuration.
public enum OptionValue: Hashable, Sendable {
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([String])
}

/// What the configuration says about one rule.
public struct RuleSettings: Hashable, Sendable {
    public var enabled: Bool?
    public var severity: Severity?
    public var options: [String: OptionValue]

    public init(enabled: Bool? = nil, severity: Severity? = nil, options: [String: OptionValue] = [:]) {
        self.enabled = enabled
        self.severity = severity
        self.options = options
    }

    public func strings(_ key: String) -> [String] {
        switch options[key] {
        case .list(let values): return values
        case .string(let value): return [value]
        default: return []
        }
    }
}

/// The settings a front end needs to lint one file; a value, passed down, never global.
public struct LintSettings: Hashable, Sendable {
    public var rules: [String: RuleSettings]
    /// The language version to assume when the file's module does not state one (e.g. "1.22").
    public var defaultLanguageVersion: String?

    public init(rules: [String: RuleSettings] = [:], defaultLanguageVersion: String? = nil) {
        self.rules = rules
        self.defaultLanguageVersion = defaultLanguageVersion
    }

    public func isEnabled(_ rule: RuleDescriptor) -> Bool {
        rules[rule.id]?.enabled ?? true
    }

    public func severity(of rule: RuleDescriptor) -> Severity {
        rules[rule.id]?.severity ?? rule.defaultSeverity
    }

    public func settings(for ruleID: String) -> RuleSettings {
        rules[ruleID] ?? RuleSettings()
    }
}

/// One language the engine can lint. The engine knows nothing about Go or Swift;
/// it finds files by extension and hands each one to its front end.
public protocol LanguageFrontEnd: Sendable {
    /// Short name, e.g. "go".
    var language: String { get }
    /// File name extensions this front end reads, without the dot.
    var fileExtensions: [String] { get }
    /// Every rule this front end can report, including its syntax-error rule.
    var rules: [RuleDescriptor] { get }
    /// Whether a file found by walking a directory is machine-generated and so skipped.
    func isGenerated(_ file: SourceFile) -> Bool
    /// Lints one file. Never traps on any input.
    func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic]
}
