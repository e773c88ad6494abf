/// One `.lintconfig.yml`, read and validated: typed values only, so nothing downstream parses.
public struct Configuration: Sendable {
    /// Language settings: the version to assume and the front end's declared options.
    public struct LanguageSection: Hashable, Sendable {
        public var version: String?
        public var options: [String: OptionValue]

        public init(version: String? = nil, options: [String: OptionValue] = [:]) {
            self.version = version
            self.options = options
        }
    }

    /// The file as shown to users.
    public var path: String
    /// The absolute folder holding the file; `include`/`exclude` patterns are relative to it.
    public var directory: String
    /// The failing severity for the exit status (`--fail-on` overrides it).
    public var failOn: Severity?
    /// Selectors (`all`, a category, a rule id) from `enable` and `disable`.
    public var enable: Set<String> = []
    public var disable: Set<String> = []
    /// Per-rule settings from `rules`.
    public var rules: [String: RuleSettings] = [:]
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    /// Whether files the front end calls tests (`_test.go`) are linted.
    public var testFiles = true
    /// Whether generated files found while walking are linted.
    public var generatedFiles = false
    public var languages: [String: LanguageSection] = [:]

    public init(path: String, directory: String) {
        self.path = path
        self.directory = directory
    }

    /// Reads and validates `text` against `schema`; throws the first problem found.
    public static func parse(_ bytes: [UInt8], path: String, directory: String,
                             schema: ConfigurationSchema) throws(ConfigurationError) -> Configuration {
        let root: YAMLNode?
        do {
            root = try YAMLReader.read(bytes)
        } catch {
            throw ConfigurationError(error.problem, path: path, line: error.line, column: error.column, hint: error.hint)
        }
        var validator = ConfigurationValidator(path: path, schema: schema,
                                               configuration: Configuration(path: path, directory: directory))
        if let root { try validator.readTopLevel(root) }
        return validator.configuration
    }

    public static func parse(_ text: String, path: String, directory: String,
                             schema: ConfigurationSchema) throws(ConfigurationError) -> Configuration {
        try parse(Array(text.utf8), path: path, directory: directory, schema: schema)
    }

    // MARK: What it means

    /// Whether `rule` runs. The most specific word wins: the rule's own `enabled`, then its id in
    /// `enable`/`disable`, then its category there, then `all` there; by default every rule runs.
    public func isEnabled(_ rule: RuleDescriptor) -> Bool {
        if let enabled = rules[rule.id]?.enabled { return enabled }
        for selector in [rule.id, rule.category, ConfigurationSchema.allRules] {
            if enable.contains(selector) { return true }
            if disable.contains(selector) { return false }
        }
        return true
    }

    /// The settings a front end of `language` gets for files under this configuration.
    public func lintSettings(language: String, rules descriptors: [RuleDescriptor]) -> LintSettings {
        var settings = LintSettings()
        for rule in descriptors {
            var ruleSettings = rules[rule.id] ?? RuleSettings()
            ruleSettings.enabled = isEnabled(rule)
            settings.rules[rule.id] = ruleSettings
        }
        settings.defaultLanguageVersion = languages[language]?.version
        settings.options = languages[language]?.options ?? [:]
        return settings
    }

    /// Whether a file at `relativePath` (from `directory`, `/`-separated) is linted under
    /// `include`, `exclude` and `test-files`.
    public func selects(relativePath: String, isTestFile: Bool) -> Bool {
        if isTestFile && !testFiles { return false }
        if !include.isEmpty && !include.contains(where: { $0.matches(relativePath) }) { return false }
        return !exclude.contains { $0.matches(relativePath) }
    }
}

/// Walks the YAML tree once, checking every key and value against the schema and recording typed
/// values; the first problem ends the walk.
private struct ConfigurationValidator {
    let path: String
    let schema: ConfigurationSchema
    var configuration: Configuration

    func error(_ problem: String, at node: YAMLNode, hint: String? = nil) -> ConfigurationError {
        ConfigurationError(problem, path: path, line: node.line, column: node.column, hint: hint)
    }

    func error(_ problem: String, at entry: YAMLEntry, hint: String? = nil) -> ConfigurationError {
        ConfigurationError(problem, path: path, line: entry.line, column: entry.column, hint: hint)
    }

    /// "did you mean `x`?" for the closest candidate, else `otherwise`.
    static func hint(for typed: String, among candidates: [String], otherwise: String?) -> String? {
        if let suggestion = Suggestion.closest(to: typed, among: candidates) { return "did you mean `\(suggestion)`?" }
        return otherwise
    }

    static func quotedList(_ names: [String]) -> String {
        names.map { "`\($0)`" }.joined(separator: ", ")
    }

    // MARK: Sections

    mutating func readTopLevel(_ root: YAMLNode) throws(ConfigurationError) {
        guard case .mapping(let entries) = root.value else {
            throw error("expected a mapping of settings, found \(Self.describe(root))", at: root)
        }
        let languageNames = schema.languages.map(\.name)
        let validKeys = ConfigurationSchema.topLevelKeys + languageNames
        for entry in entries {
            switch entry.key {
            case "fail-on":
                configuration.failOn = try severity(entry.value)
            case "enable":
                configuration.enable = try selectors(entry.value, key: entry.key)
            case "disable":
                configuration.disable = try selectors(entry.value, key: entry.key)
            case "rules":
                try readRules(entry.value)
            case "include":
                configuration.include = try globs(entry.value, key: entry.key)
            case "exclude":
                configuration.exclude = try globs(entry.value, key: entry.key)
            case "test-files":
                configuration.testFiles = try bool(entry.value, key: entry.key)
            case "generated-files":
                configuration.generatedFiles = try bool(entry.value, key: entry.key)
            default:
                if let options = schema.languageOptions(entry.key) {
                    configuration.languages[entry.key] = try languageSection(entry.value, language: entry.key,
                                                                             options: options)
                } else {
                    throw error("unknown key `\(Suggestion.excerpt(entry.key))`", at: entry,
                                hint: Self.hint(for: entry.key, among: validKeys,
                                                otherwise: "valid keys: \(Self.quotedList(validKeys))"))
                }
            }
        }
        try checkSelectorConflicts(entries)
    }

    /// A selector both enabled and disabled says two things at once; refuse rather than pick one.
    func checkSelectorConflicts(_ entries: [YAMLEntry]) throws(ConfigurationError) {
        let both = configuration.enable.intersection(configuration.disable)
        guard !both.isEmpty,
              let later = entries.last(where: { $0.key == "enable" || $0.key == "disable" }),
              case .sequence(let items) = later.value.value else { return }
        for item in items {
            if case .scalar(let text, _) = item.value, both.contains(text) {
                throw error("`\(Suggestion.excerpt(text))` is both enabled and disabled", at: item)
            }
        }
    }

    mutating func readRules(_ node: YAMLNode) throws(ConfigurationError) {
        for entry in try mapping(node, key: "rules") {
            guard let rule = schema.rulesByID[entry.key] else {
                throw error("unknown rule `\(Suggestion.excerpt(entry.key))`", at: entry,
                            hint: Self.hint(for: entry.key, among: schema.rules.map(\.id),
                                            otherwise: "`cancellint rules` lists the rule ids"))
            }
            var settings = RuleSettings()
            let validKeys = ConfigurationSchema.ruleKeys + rule.options.map(\.name)
            for setting in try mapping(entry.value, key: entry.key) {
                switch setting.key {
                case "enabled":
                    settings.enabled = try bool(setting.value, key: setting.key)
                case "severity":
                    settings.severity = try severity(setting.value)
                default:
                    guard let option = rule.options.first(where: { $0.name == setting.key }) else {
                        throw error("unknown option `\(Suggestion.excerpt(setting.key))` for rule `\(rule.id)`", at: setting,
                                    hint: Self.hint(for: setting.key, among: validKeys,
                                                    otherwise: "valid keys: \(Self.quotedList(validKeys))"))
                    }
                    settings.options[option.name] = try value(setting.value, of: option)
                }
            }
            configuration.rules[rule.id] = settings
        }
    }

    func languageSection(_ node: YAMLNode, language: String,
                         options: [OptionDeclaration]) throws(ConfigurationError) -> Configuration.LanguageSection {
        var section = Configuration.LanguageSection()
        let validKeys = ConfigurationSchema.languageKeys + options.map(\.name)
        for entry in try mapping(node, key: language) {
            if entry.key == "version" {
                section.version = try version(entry.value)
            } else if let option = options.first(where: { $0.name == entry.key }) {
                section.options[option.name] = try value(entry.value, of: option)
            } else {
                throw error("unknown key `\(Suggestion.excerpt(entry.key))` in `\(language)`", at: entry,
                            hint: Self.hint(for: entry.key, among: validKeys,
                                            otherwise: "valid keys: \(Self.quotedList(validKeys))"))
            }
        }
        return section
    }

    // MARK: Values

    static func describe(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, let quoted):
            let shown = Suggestion.excerpt(text)
            return quoted ? "`\"\(shown)\"`" : "`\(shown)`"
        case .null: return "nothing"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// The entries of a mapping; nothing at all (a section whose entries are commented out) is empty.
    func mapping(_ node: YAMLNode, key: String) throws(ConfigurationError) -> [YAMLEntry] {
        switch node.value {
        case .mapping(let entries): return entries
        case .null: return []
        default: throw error("expected a mapping for `\(key)`, found \(Self.describe(node))", at: node)
        }
    }

    /// The scalar items of a list; nothing at all is the empty list.
    func stringItems(_ node: YAMLNode, key: String) throws(ConfigurationError) -> [(text: String, node: YAMLNode)] {
        switch node.value {
        case .null:
            return []
        case .sequence(let items):
            var strings: [(text: String, node: YAMLNode)] = []
            for item in items {
                guard case .scalar(let text, _) = item.value else {
                    throw error("expected a string in the list `\(key)`, found \(Self.describe(item))", at: item)
                }
                strings.append((text, item))
            }
            return strings
        case .scalar(let text, _):
            throw error("expected a list for `\(key)`, found \(Self.describe(node))", at: node, hint: "write `[\(text)]`")
        case .mapping:
            throw error("expected a list for `\(key)`, found \(Self.describe(node))", at: node)
        }
    }

    func bool(_ node: YAMLNode, key: String) throws(ConfigurationError) -> Bool {
        if case .scalar(let text, quoted: false) = node.value {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        throw error("expected true or false for `\(key)`, found \(Self.describe(node))", at: node)
    }

    func int(_ node: YAMLNode, key: String) throws(ConfigurationError) -> Int {
        if case .scalar(let text, quoted: false) = node.value, let value = Int(text) { return value }
        throw error("expected an integer for `\(key)`, found \(Self.describe(node))", at: node)
    }

    func string(_ node: YAMLNode, key: String) throws(ConfigurationError) -> String {
        if case .scalar(let text, _) = node.value { return text }
        throw error("expected a string for `\(key)`, found \(Self.describe(node))", at: node)
    }

    func severity(_ node: YAMLNode) throws(ConfigurationError) -> Severity {
        let names = Severity.allCases.reversed().map(\.description)
        guard case .scalar(let text, _) = node.value else {
            throw error("expected a severity (error, warning or info), found \(Self.describe(node))", at: node)
        }
        guard let severity = Severity(name: text) else {
            throw error("unknown severity `\(Suggestion.excerpt(text))`", at: node,
                        hint: Self.hint(for: text, among: names, otherwise: "expected error, warning or info"))
        }
        return severity
    }

    /// `1.21`, `1.21.3`: kept as text, never as a number (`1.20` is not `1.2`).
    func version(_ node: YAMLNode) throws(ConfigurationError) -> String {
        let text = try string(node, key: "version")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let isVersion = (1...3).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        guard isVersion else {
            throw error("expected a version such as `1.21` for `version`, found \(Self.describe(node))", at: node)
        }
        return text
    }

    func value(_ node: YAMLNode, of option: OptionDeclaration) throws(ConfigurationError) -> OptionValue {
        switch option.type {
        case .bool: return .bool(try bool(node, key: option.name))
        case .int: return .int(try int(node, key: option.name))
        case .string: return .string(try string(node, key: option.name))
        case .stringList: return .list(try stringItems(node, key: option.name).map(\.text))
        case .namesWithAccessors(let nameKey, let accessorKey):
            return .accessors(try namesWithAccessors(node, key: option.name, nameKey: nameKey, accessorKey: accessorKey))
        }
    }

    /// `[a, b]`, or block items each a string or a mapping of `nameKey` and, optionally, `accessorKey`.
    func namesWithAccessors(_ node: YAMLNode, key: String, nameKey: String,
                            accessorKey: String) throws(ConfigurationError) -> [NameWithAccessor] {
        guard case .sequence(let items) = node.value else {
            return try stringItems(node, key: key).map { NameWithAccessor(name: $0.text) }
        }
        var result: [NameWithAccessor] = []
        for item in items {
            switch item.value {
            case .scalar(let text, _):
                result.append(NameWithAccessor(name: text))
            case .mapping(let entries):
                var name: String?
                var accessor: String?
                for entry in entries {
                    switch entry.key {
                    case nameKey:
                        name = try string(entry.value, key: nameKey)
                    case accessorKey:
                        let text = try string(entry.value, key: accessorKey)
                        guard Self.isAccessor(text) else {
                            throw error("expected member calls such as `.Request().Context()` for `\(accessorKey)`, "
                                        + "found \(Self.describe(entry.value))", at: entry.value,
                                        hint: "each member starts with `.`; `\"\"` stands for the value itself")
                        }
                        accessor = text
                    default:
                        let validKeys = [nameKey, accessorKey]
                        throw error("unknown key `\(entry.key)` in an item of `\(key)`", at: entry,
                                    hint: Self.hint(for: entry.key, among: validKeys,
                                                    otherwise: "valid keys: \(Self.quotedList(validKeys))"))
                    }
                }
                guard let name else { throw error("missing `\(nameKey)` in an item of `\(key)`", at: item) }
                result.append(NameWithAccessor(name: name, accessor: accessor))
            default:
                throw error("expected a string or a mapping in the list `\(key)`, found \(Self.describe(item))", at: item)
            }
        }
        return result
    }

    /// Nothing, or `.name` and `.name()` repeated: `.Request().Context()`.
    static func isAccessor(_ text: String) -> Bool {
        var rest = Substring(text)
        while !rest.isEmpty {
            guard rest.first == "." else { return false }
            rest = rest.dropFirst()
            let name = rest.prefix { $0 == "_" || $0.isLetter || $0.isNumber }
            guard let first = name.first, first == "_" || first.isLetter else { return false }
            rest = rest.dropFirst(name.count)
            if rest.hasPrefix("()") { rest = rest.dropFirst(2) }
        }
        return true
    }

    func selectors(_ node: YAMLNode, key: String) throws(ConfigurationError) -> Set<String> {
        let valid = [ConfigurationSchema.allRules] + schema.categories + schema.rules.map(\.id)
        var selected = Set<String>()
        for item in try stringItems(node, key: key) {
            guard valid.contains(item.text) else {
                let expected = "expected `all`, a category (\(schema.categories.joined(separator: ", "))) or a rule id"
                throw error("unknown rule or category `\(Suggestion.excerpt(item.text))` in `\(key)`", at: item.node,
                            hint: Self.hint(for: item.text, among: valid, otherwise: expected))
            }
            selected.insert(item.text)
        }
        return selected
    }

    func globs(_ node: YAMLNode, key: String) throws(ConfigurationError) -> [Glob] {
        var globs: [Glob] = []
        for item in try stringItems(node, key: key) {
            do {
                globs.append(try Glob(item.text))
            } catch {
                let quoted: Bool
                if case .scalar(_, let isQuoted) = item.node.value { quoted = isQuoted } else { quoted = false }
                let column = item.node.column + (quoted ? 1 : 0) + error.offset
                throw ConfigurationError("invalid pattern `\(Suggestion.excerpt(item.text))` in `\(key)`", path: path,
                                         line: item.node.line, column: column, hint: error.message)
            }
        }
        return globs
    }
}
