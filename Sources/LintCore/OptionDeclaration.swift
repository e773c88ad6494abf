/// The type of a configurable option; the configuration is validated against it, so a rule
/// never sees a value of the wrong type.
public enum OptionType: Hashable, Sendable {
    case bool
    case int
    case string
    case stringList
    /// A list of names, each written as a string or as a mapping that also says how to reach
    /// something from a value of that name: `nameKey` holds the name, `accessorKey` (optional) a
    /// chain of member accesses and calls such as `.Request().Context()`. Read as `.accessors`.
    case namesWithAccessors(nameKey: String, accessorKey: String)

    /// How the type is named in error messages and documentation.
    public var description: String {
        switch self {
        case .bool: return "true or false"
        case .int: return "an integer"
        case .string: return "a string"
        case .stringList: return "a list of strings"
        case .namesWithAccessors(let nameKey, let accessorKey):
            return "a list of strings or of `\(nameKey):`/`\(accessorKey):` mappings"
        }
    }
}

/// One option a rule (or a language front end) accepts in the configuration: its name, type,
/// default and a one-line description. Declared next to the code that reads it.
public struct OptionDeclaration: Hashable, Sendable {
    /// Kebab-case, e.g. `stop-channels`.
    public var name: String
    public var type: OptionType
    /// What the code sees when the configuration does not set it; must be of `type`.
    public var defaultValue: OptionValue
    /// One line, lower-case start, no final period.
    public var summary: String

    public init(name: String, type: OptionType, defaultValue: OptionValue, summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// A list-of-strings option, the common case (names of channels, calls, types).
    public static func stringList(_ name: String, default values: [String] = [], summary: String) -> OptionDeclaration {
        OptionDeclaration(name: name, type: .stringList, defaultValue: .list(values), summary: summary)
    }
}
