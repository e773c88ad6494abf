public enum Severity: Int, Comparable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case info = 0
    case warning = 1
    case error = 2

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    public init?(name: String) {
        switch name {
        case "info": self = .info
        case "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }
}

/// Replace the bytes of `range` with `replacement`.
public struct TextEdit: Hashable, Sendable {
    public var range: ByteRange
    public var replacement: String

    public init(range: ByteRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A titled set of non-overlapping edits that together fix one diagnostic.
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [TextEdit]

    public init(title: String, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }
}

/// A second place a diagnostic points at, e.g. the return that leaks a cancel.
public struct RelatedLocation: Hashable, Sendable {
    public var range: ByteRange
    public var start: SourcePosition
    public var message: String

    public init(range: ByteRange, start: SourcePosition, message: String) {
        self.range = range
        self.start = start
        self.message = message
    }
}

public struct Diagnostic: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var path: String
    public var range: ByteRange
    public var start: SourcePosition
    public var end: SourcePosition
    public var message: String
    public var related: [RelatedLocation]
    public var fixes: [Fix]
    /// Hash of the flagged line's text with all white space removed; what a fingerprint is made of.
    public var codeHash: UInt64 = 0
    /// Identity of the finding that survives unrelated edits (set by the engine, see `Fingerprints`).
    public var fingerprint: String = ""

    public init(ruleID: String, severity: Severity, path: String, range: ByteRange,
                start: SourcePosition, end: SourcePosition, message: String,
                related: [RelatedLocation] = [], fixes: [Fix] = []) {
        self.ruleID = ruleID
        self.severity = severity
        self.path = path
        self.range = range
        self.start = start
        self.end = end
        self.message = message
        self.related = related
        self.fixes = fixes
    }

    /// Makes a diagnostic for `range` in `file`, resolving positions through its line table.
    public init(ruleID: String, severity: Severity, file: SourceFile, range: ByteRange, message: String,
                related: [RelatedLocation] = [], fixes: [Fix] = []) {
        self.init(ruleID: ruleID, severity: severity, path: file.path, range: range,
                  start: file.position(of: range.start), end: file.position(of: range.end),
                  message: message, related: related, fixes: fixes)
        codeHash = Fingerprints.hashOfLine(start.line, in: file)
    }

    /// The deterministic output order: path, line, column, rule, then message.
    public static func outputOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.start.line != rhs.start.line { return lhs.start.line < rhs.start.line }
        if lhs.start.column != rhs.start.column { return lhs.start.column < rhs.start.column }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
