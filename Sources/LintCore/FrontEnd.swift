/// A value in a rule's options, as read from the configuration.
public enum OptionValue: Hashable, Sendable {
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([String])
    case accessors([NameWithAccessor])
}

/// One item of a `namesWithAccessors` option: a name, and how to reach something from a value
/// of it when the configuration says (e.g. `echo.Context` and `.Request().Context()`).
public struct NameWithAccessor: Hashable, Sendable {
    public var name: String
    /// Member accesses and calls, each `.name` or `.name()`; empty for "the value itself".
    public var accessor: String?

    public init(name: String, accessor: String? = nil) {
        self.name = name
        self.accessor = accessor
    }
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
        options[key]?.strings ?? []
    }

    /// These settings with each declared option the configuration left unset at its default,
    /// so code reading an option sees the documented default whether or not a configuration exists.
    public func fillingDefaults(_ declarations: [OptionDeclaration]) -> RuleSettings {
        guard declarations.contains(where: { options[$0.name] == nil }) else { return self }
        var filled = self
        for declaration in declarations where filled.options[declaration.name] == nil {
            filled.options[declaration.name] = declaration.defaultValue
        }
        return filled
    }
}

extension OptionValue {
    /// The value as a list of strings: a list as is, a single string as a one-element list.
    public var strings: [String] {
        switch self {
        case .list(let values): return values
        case .string(let value): return [value]
        case .accessors(let items): return items.map(\.name)
        case .bool, .int: return []
        }
    }

    /// For a `namesWithAccessors` value, the accessor configured for each name that has one.
    public var accessorsByName: [String: String] {
        guard case .accessors(let items) = self else { return [:] }
        var accessors: [String: String] = [:]
        for item in items { if let accessor = item.accessor { accessors[item.name] = accessor } }
        return accessors
    }
}

/// The settings a front end needs to lint one file; a value, passed down, never global.
public struct LintSettings: Hashable, Sendable {
    public var rules: [String: RuleSettings]
    /// The language version to assume when the file's module does not state one (e.g. "1.22").
    public var defaultLanguageVersion: String?
    /// The front end's own options (`LanguageFrontEnd.languageOptions`), as configured.
    public var options: [String: OptionValue]

    public init(rules: [String: RuleSettings] = [:], defaultLanguageVersion: String? = nil,
                options: [String: OptionValue] = [:]) {
        self.rules = rules
        self.defaultLanguageVersion = defaultLanguageVersion
        self.options = options
    }

    /// A language option's configured value, else its declared default.
    public func value(of option: OptionDeclaration) -> OptionValue {
        options[option.name] ?? option.defaultValue
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
    /// Lints one file and also returns its comments, which the engine reads suppression
    /// directives from. The default returns no comments (so nothing can be suppressed inline).
    func lintFile(_ file: SourceFile, settings: LintSettings) -> FileLintOutput
    /// Options of the language as a whole (not of one rule), set in the configuration's section
    /// named after `language`, e.g. `go: { extra-context-types: [echo.Context] }`. Default: none.
    var languageOptions: [OptionDeclaration] { get }
    /// File-name globs (`*`, `?`) of test files, which the configuration's `test-files: false`
    /// leaves out, e.g. `*_test.go`. Default: none.
    var testFilePatterns: [String] { get }
    /// Whether `--fix` may write `fixed`, the text of `original` with the chosen fixes applied,
    /// judged by what the language needs beyond syntax (the engine itself refuses a text with
    /// more syntax errors): fixes that are right one by one can together break the build, e.g.
    /// by removing the last use of an import. Default: accepted.
    func judgeFixedText(_ fixed: SourceFile, original: SourceFile, settings: LintSettings) -> FixedTextVerdict
}

/// What a front end says about a file's text after `--fix` applied its fixes.
public enum FixedTextVerdict: Equatable, Sendable {
    case accepted
    /// Write `text` instead: the fixed text with what the fixes broke repaired, as `note` says
    /// (one line for standard error, e.g. `removed import "context": the fixes removed its last use`).
    case repaired(text: [UInt8], note: String)
    /// Leave the file as it is; `reason` completes "fixes not applied: ...".
    case rejected(reason: String)
}

extension LanguageFrontEnd {
    public func lintFile(_ file: SourceFile, settings: LintSettings) -> FileLintOutput {
        FileLintOutput(diagnostics: lint(file, settings: settings))
    }

    public var languageOptions: [OptionDeclaration] { [] }

    public var testFilePatterns: [String] { [] }

    public func judgeFixedText(_ fixed: SourceFile, original: SourceFile, settings: LintSettings) -> FixedTextVerdict {
        .accepted
    }
}

/// What a front end produces for one file.
public struct FileLintOutput {
    public var diagnostics: [Diagnostic]
    /// The range of every comment, delimiters included; suppression directives are read from
    /// line comments (`// ...`).
    public var comments: [ByteRange]
    /// Given the offset of the first token on a line, the end offset of the largest declaration or
    /// statement starting there, if any. golangci-lint's `//nolint` alone on the line above a
    /// declaration covers all of it, and ours does too when the front end can say where it ends.
    /// Only called for such directives, so it may be slow.
    public var nodeEnd: ((Int32) -> Int32?)?

    public init(diagnostics: [Diagnostic], comments: [ByteRange] = [], nodeEnd: ((Int32) -> Int32?)? = nil) {
        self.diagnostics = diagnostics
        self.comments = comments
        self.nodeEnd = nodeEnd
    }
}
