/// Everything a configuration may name, gathered from the front ends and the engine: rules with
/// their declared options, categories, and each language's own options. Validation is against
/// this, so a new rule or option is configurable the moment it is registered.
public struct ConfigurationSchema: Sendable {
    /// The configuration file discovered by walking up from each linted file's folder.
    public static let fileName = ".lintconfig.yml"

    /// Keys of the top level other than the language sections, in documentation order.
    public static let topLevelKeys = ["fail-on", "enable", "disable", "rules", "include", "exclude",
                                      "test-files", "generated-files"]
    /// Keys of a rule's entry besides its declared options.
    public static let ruleKeys = ["enabled", "severity"]
    /// Keys of a language section besides the front end's declared options.
    public static let languageKeys = ["version"]
    /// The selector in `enable`/`disable` that means every rule.
    public static let allRules = "all"

    public let rules: [RuleDescriptor]
    public let rulesByID: [String: RuleDescriptor]
    /// Sorted.
    public let categories: [String]
    /// Each front end's language and its declared options, in front-end order.
    public let languages: [(name: String, options: [OptionDeclaration])]

    public init(rules: [RuleDescriptor], languages: [(name: String, options: [OptionDeclaration])]) {
        self.rules = rules
        var byID: [String: RuleDescriptor] = [:]
        for rule in rules where byID[rule.id] == nil { byID[rule.id] = rule }
        rulesByID = byID
        categories = Array(Set(rules.map(\.category))).sorted()
        self.languages = languages
    }

    /// The schema for these front ends plus the engine's own rules.
    public init(frontEnds: [any LanguageFrontEnd]) {
        var languages: [(name: String, options: [OptionDeclaration])] = []
        for frontEnd in frontEnds where !languages.contains(where: { $0.name == frontEnd.language }) {
            languages.append((frontEnd.language, frontEnd.languageOptions))
        }
        self.init(rules: RuleDescriptor.uniqued(frontEnds.flatMap(\.rules)) + EngineRules.all, languages: languages)
    }

    func languageOptions(_ language: String) -> [OptionDeclaration]? {
        languages.first { $0.name == language }?.options
    }
}

/// A configuration that cannot be used. The message names the file, line and column and, for a
/// misspelling, the closest valid name: "unknown rule `lost-cancle` at .lintconfig.yml:7:5; did
/// you mean `lost-cancel`?"
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The configuration file as shown to users.
    public var path: String

    public init(message: String, path: String) {
        self.message = message
        self.path = path
    }

    /// `problem at path:line:col` followed by `; hint` when there is one.
    public init(_ problem: String, path: String, line: Int, column: Int, hint: String? = nil) {
        self.init(message: "\(problem) at \(path):\(line):\(column)" + (hint.map { "; \($0)" } ?? ""), path: path)
    }

    public var description: String { message }
}
