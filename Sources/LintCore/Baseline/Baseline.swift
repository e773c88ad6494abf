/// Findings recorded once (`--write-baseline`) so that later runs (`--baseline`) report only new
/// ones: how a linter is switched on in a codebase with hundreds of old findings.
///
/// A finding is identified by its file (relative to the baseline's folder, so the baseline works
/// from any working directory), its rule and its fingerprint (the flagged line's text and its
/// ordinal, not its line number: see `Fingerprints`). Inserting lines above a finding or moving its
/// function keeps it baselined; fixing it or deleting its code leaves an entry that matches nothing;
/// renaming its file makes it new, by design — a renamed file is reviewed like a new one.
///
/// The file is plain text, one finding per line, sorted, so it reviews well in a pull request:
///
///     # cancellint baseline 1
///     internal/fetch/client.go<TAB>lost-cancel-discarded<TAB>9f3a2c1b7e0d4a55<TAB>the cancel function ...
///
/// The message is for reviewers only; matching ignores it.
public struct Baseline: Sendable {
    public static let header = "# cancellint baseline 1"

    public struct Entry: Hashable, Sendable {
        public var path: String
        public var ruleID: String
        public var fingerprint: String

        public init(path: String, ruleID: String, fingerprint: String) {
            self.path = path
            self.ruleID = ruleID
            self.fingerprint = fingerprint
        }
    }

    /// The absolute, cleaned folder holding the baseline; entry paths are relative to it.
    public let directory: String
    public let entries: Set<Entry>

    public init(directory: String, entries: Set<Entry>) {
        self.directory = PathText.clean(directory)
        self.entries = entries
    }

    /// The entry a diagnostic would have, its display path taken relative to `currentDirectory`.
    public func entry(for diagnostic: Diagnostic, currentDirectory: String) -> Entry {
        Self.entry(for: diagnostic, directory: directory, currentDirectory: currentDirectory)
    }

    static func entry(for diagnostic: Diagnostic, directory: String, currentDirectory: String) -> Entry {
        let absolute = PathText.clean(PathText.absolute(diagnostic.path, currentDirectory: PathText.clean(currentDirectory)))
        return Entry(path: PathText.relative(absolute, from: PathText.clean(directory)),
                     ruleID: diagnostic.ruleID, fingerprint: diagnostic.fingerprint)
    }

    /// Removes the diagnostics the baseline lists, counting them in `baselinedFindings`.
    public func filter(_ result: inout LintResult, currentDirectory: String) {
        let before = result.diagnostics.count
        result.diagnostics.removeAll { entries.contains(entry(for: $0, currentDirectory: currentDirectory)) }
        result.baselinedFindings += before - result.diagnostics.count
    }

    // MARK: Text

    /// The baseline file for `diagnostics`, entries relative to `directory`, sorted by path, rule
    /// and fingerprint, so writing it twice over the same findings gives the same bytes.
    public static func render(_ diagnostics: [Diagnostic], directory: String, currentDirectory: String) -> String {
        var lines: [(entry: Entry, message: String)] = []
        var seen = Set<Entry>()
        for diagnostic in diagnostics {
            let entry = entry(for: diagnostic, directory: directory, currentDirectory: currentDirectory)
            if seen.insert(entry).inserted { lines.append((entry, diagnostic.message)) }
        }
        lines.sort { lhs, rhs in
            if lhs.entry.path != rhs.entry.path { return lhs.entry.path.utf8.lexicographicallyPrecedes(rhs.entry.path.utf8) }
            if lhs.entry.ruleID != rhs.entry.ruleID { return lhs.entry.ruleID < rhs.entry.ruleID }
            return lhs.entry.fingerprint < rhs.entry.fingerprint
        }
        var text = Self.header + "\n"
        text += "# Findings recorded by `cancellint --write-baseline`; `cancellint --baseline FILE` reports only others.\n"
        text += "# One per line: path (relative to this file), rule, fingerprint, message (for reviewers; not matched).\n"
        for line in lines {
            text += [line.entry.path, line.entry.ruleID, line.entry.fingerprint, line.message]
                .map(escape).joined(separator: "\t") + "\n"
        }
        return text
    }

    /// Reads a baseline written by `render`; `path` is only for messages.
    public static func parse(_ bytes: [UInt8], path: String, directory: String) throws(BaselineError) -> Baseline {
        // Some Windows editors start a UTF-8 file with a byte-order mark; it is not part of the header.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, String(decoding: first, as: UTF8.self).trimmingCarriageReturn == header else {
            throw BaselineError(message: "\(path) is not a cancellint baseline: its first line is not `\(header)`")
        }
        var entries = Set<Entry>()
        for (index, rawLine) in lines.enumerated().dropFirst() {
            let line = String(decoding: rawLine, as: UTF8.self).trimmingCarriageReturn
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else {
                throw BaselineError(message: "invalid baseline entry at \(path):\(index + 1): expected path, rule, "
                                    + "fingerprint and message separated by tabs")
            }
            entries.insert(Entry(path: unescape(fields[0]), ruleID: unescape(fields[1]), fingerprint: unescape(fields[2])))
        }
        return Baseline(directory: directory, entries: entries)
    }

    /// Reads the baseline at `path` (relative to `currentDirectory` unless absolute).
    public static func load(_ path: String, currentDirectory: String) -> Result<Baseline, BaselineError> {
        let absolute = PathText.clean(PathText.absolute(path, currentDirectory: PathText.clean(currentDirectory)))
        let shown = PathText.display(path, currentDirectory: currentDirectory)
        switch FileReader.read(absolute) {
        case .failure(let failure):
            return .failure(BaselineError(message: "cannot read baseline \(shown): \(failure.reason)"))
        case .success(let contents):
            return Result { () throws(BaselineError) -> Baseline in
                try parse(contents.bytes, path: shown, directory: PathText.parent(absolute))
            }
        }
    }

    /// Writes the baseline of `diagnostics` to `path` the way `OutputFile` writes (a new file renamed
    /// over a regular one, never over a link, a device or one of the `linted` files).
    public static func write(_ diagnostics: [Diagnostic], to path: String, currentDirectory: String,
                             linted: Set<FileIdentity> = []) -> Result<Void, BaselineError> {
        let absolute = PathText.clean(PathText.absolute(path, currentDirectory: PathText.clean(currentDirectory)))
        let text = render(diagnostics, directory: PathText.parent(absolute), currentDirectory: currentDirectory)
        return OutputFile.write(Array(text.utf8), to: absolute, linted: linted).mapError { error in
            BaselineError(message: "cannot write baseline "
                          + "\(TextEscaping.quotedIfNeeded(PathText.display(path, currentDirectory: currentDirectory))): \(error)")
        }
    }

    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 || $0 == 13 }) else { return field }
        var escaped = ""
        for character in field.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var text = ""
        var escaping = false
        for character in field.unicodeScalars {
            if escaping {
                switch character {
                case "t": text += "\t"
                case "n": text += "\n"
                case "r": text += "\r"
                default: text.unicodeScalars.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                text.unicodeScalars.append(character)
            }
        }
        return text
    }
}

/// A baseline that cannot be read or written; the run stops with exit status 2.
public struct BaselineError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension String {
    fileprivate var trimmingCarriageReturn: String {
        hasSuffix("\r") ? String(dropLast()) : self
    }
}
