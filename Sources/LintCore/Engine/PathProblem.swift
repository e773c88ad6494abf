/// A path that could not be linted (unreadable, vanished, dangling link, unsupported file type).
/// These are not diagnostics: they say nothing about the code, only about the run.
public struct PathProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where the path came from, which decides whether the problem fails the run.
    public enum Origin: Hashable, Sendable {
        /// Named on the command line: the user asked for exactly this, so failing to lint it is an input error.
        case named
        /// Found while walking a directory: reported, but the walk goes on and the exit status is unaffected.
        case found
    }

    /// The display path (relative to the current directory when below it).
    public var path: String
    /// What went wrong, e.g. "cannot read: permission denied" or "not a Go file".
    public var message: String
    public var origin: Origin

    public init(path: String, message: String, origin: Origin) {
        self.path = path
        self.message = message
        self.origin = origin
    }

    /// `path: message`, the form the reporters print; a path with control characters is quoted
    /// (Go's `%q`) so the line cannot split or blame another file.
    public var description: String {
        "\(TextEscaping.quotedIfNeeded(path)): \(TextEscaping.escapingControlCharacters(message))"
    }

    /// Deterministic order for reporting: by path bytes, then message.
    static func reportOrder(_ lhs: PathProblem, _ rhs: PathProblem) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        return lhs.message < rhs.message
    }
}
