/// Rules the engine itself reports, whatever the language.
public enum EngineRules {
    public static let unusedSuppression = RuleDescriptor(
        id: "unused-suppression",
        summary: "a suppression comment names an unknown rule, gives no reason, or silences nothing",
        defaultSeverity: .info, category: "suppression", language: "any")

    public static let all: [RuleDescriptor] = [unusedSuppression]
}

/// Inline suppression, read from a file's line comments:
///
/// - `//cancellint:ignore RULE[,RULE...] reason` silences those rules on its own line when it
///   follows code, else on the next line holding code (comment-only lines in between are skipped);
/// - `//cancellint:file-ignore RULE[,RULE...] reason` silences them in the whole file;
/// - golangci-lint's `//nolint`, `//nolint:cancellint` and `//nolint:RULE[,RULE]` silence on their
///   line, or — alone on a line — the declaration or statement that starts on the next one.
///
/// `all` stands for every rule. Language-neutral: the front end only supplies comment ranges.
public struct SuppressionPolicy: Sendable {
    /// Every rule id of every front end and of the engine, sorted, to recognise and suggest names.
    public let ruleIDs: [String]
    private let known: Set<String>
    /// `--strict-suppressions`: `unused-suppression` findings are at least warnings.
    public let strict: Bool

    public init(ruleIDs: [String], strict: Bool) {
        self.ruleIDs = ruleIDs.sorted()
        known = Set(ruleIDs)
        self.strict = strict
    }

    /// The diagnostics left after the file's suppressions, plus `unused-suppression` findings.
    public func apply(_ output: FileLintOutput, file: SourceFile, settings: LintSettings) -> [Diagnostic] {
        // Almost no comment is a directive: a look at two bytes rules most out without a parse.
        let candidates = file.bytes.withUnsafeBufferPointer { bytes in
            output.comments.filter { Self.mayBeDirective($0, bytes) }
        }
        guard !candidates.isEmpty else { return output.diagnostics }
        var directives = candidates.compactMap { parse($0, in: file) }
        guard !directives.isEmpty else { return output.diagnostics }
        let commentStarts = Set(output.comments.map(\.start))
        for index in directives.indices {
            directives[index].resolveLines(in: file, commentStarts: commentStarts, nodeEnd: output.nodeEnd)
        }
        var kept: [Diagnostic] = []
        kept.reserveCapacity(output.diagnostics.count)
        for diagnostic in output.diagnostics {
            var silenced = false
            for index in directives.indices where directives[index].silences(diagnostic) {
                silenced = true
            }
            if !silenced { kept.append(diagnostic) }
        }
        let rule = EngineRules.unusedSuppression
        guard settings.isEnabled(rule) else { return kept }
        let severity = strict ? max(settings.severity(of: rule), .warning) : settings.severity(of: rule)
        for directive in directives {
            for problem in directive.problems(policy: self, settings: settings) {
                kept.append(Diagnostic(ruleID: rule.id, severity: severity, file: file, range: problem.range,
                                       message: problem.message))
            }
        }
        return kept
    }

    func isKnown(_ ruleID: String) -> Bool { known.contains(ruleID) }

    /// Whether a name in a `//nolint:` list is one of our rule ids mistyped rather than another
    /// linter's name. golangci-lint's linters have one-word names (`unused`, `errcheck`), ours are
    /// kebab-case, so only a hyphenated name within two edits of one of ours counts; a prefix
    /// (`unused` of `unused-suppression`) does not.
    func isMisspelledRuleID(_ name: String) -> Bool {
        guard name.contains("-") else { return false }
        // Rule ids are short; a longer name cannot be within two edits (and is not compared).
        let typed = Array(name.prefix(64))
        guard typed.count < 64 else { return false }
        return ruleIDs.contains { Suggestion.distance(typed, Array($0), atMost: Suggestion.maximumDistance) != nil }
    }

    // MARK: Reading directives

    /// The directive in a comment, or nil when the comment is not one (most are not).
    func parse(_ range: ByteRange, in file: SourceFile) -> SuppressionDirective? {
        let bytes = file.bytes
        var index = Int(range.start)
        let end = min(Int(range.end), bytes.count)
        guard end - index >= 2, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") else { return nil }
        index += 2
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        if Self.hasPrefix("cancellint:", bytes, at: index, end: end) {
            return parseOwnDirective(range, wordStart: index + "cancellint:".utf8.count, end: end, bytes: bytes)
        }
        if Self.hasPrefix("nolint", bytes, at: index, end: end) {
            return parseNolint(range, after: index + "nolint".utf8.count, end: end, bytes: bytes)
        }
        return nil
    }

    /// Whether a comment starts `//`, optional blanks, then `c` or `n` (`cancellint:`, `nolint`).
    static func mayBeDirective(_ range: ByteRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = Int(range.start)
        let end = min(Int(range.end), bytes.count)
        guard end - index >= 8, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") else { return false }
        index += 2
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index < end && (bytes[index] == UInt8(ascii: "c") || bytes[index] == UInt8(ascii: "n"))
    }

    static func hasPrefix(_ prefix: StaticString, _ bytes: [UInt8], at index: Int, end: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard end - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != prefix.utf8Start[offset] { return false }
        return true
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// The end of the run of non-space bytes starting at `index`.
    static func wordEnd(_ bytes: [UInt8], from index: Int, end: Int) -> Int {
        var position = index
        while position < end, !isSpace(bytes[position]) { position += 1 }
        return position
    }

    static func text(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> String {
        String(decoding: bytes[lower..<max(lower, upper)], as: UTF8.self)
    }

    /// Comma-separated names with their offsets; empty items (`a,,b`) are skipped.
    static func names(_ bytes: [UInt8], from start: Int, to end: Int) -> [SuppressionDirective.Name] {
        var names: [SuppressionDirective.Name] = []
        var itemStart = start
        for position in start...end where position == end || bytes[position] == UInt8(ascii: ",") {
            var lower = itemStart
            var upper = position
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { names.append(.init(text: text(bytes, lower, upper), offset: Int32(lower))) }
            itemStart = position + 1
        }
        return names
    }

    func parseOwnDirective(_ range: ByteRange, wordStart: Int, end: Int, bytes: [UInt8]) -> SuppressionDirective? {
        let wordEnd = Self.wordEnd(bytes, from: wordStart, end: end)
        // `// cancellint: it is great` is prose, not a directive.
        guard wordEnd > wordStart else { return nil }
        let word = Self.text(bytes, wordStart, wordEnd)
        let form: SuppressionDirective.Form
        switch word {
        case "ignore": form = .ignore
        case "file-ignore": form = .fileIgnore
        default:
            var directive = SuppressionDirective(form: .ignore, comment: range)
            directive.unknownDirective = "cancellint:\(word)"
            return directive
        }
        var directive = SuppressionDirective(form: form, comment: range)
        var listStart = wordEnd
        while listStart < end, Self.isSpace(bytes[listStart]) { listStart += 1 }
        let listEnd = Self.wordEnd(bytes, from: listStart, end: end)
        for name in Self.names(bytes, from: listStart, to: listEnd) {
            if name.text == ConfigurationSchema.allRules {
                directive.coversAll = true
                directive.names.append(name)
            } else if isKnown(name.text) {
                directive.names.append(name)
            } else {
                directive.unknownNames.append(name)
            }
        }
        var reasonStart = listEnd
        while reasonStart < end, Self.isSpace(bytes[reasonStart]) || bytes[reasonStart] == UInt8(ascii: "/") {
            reasonStart += 1
        }
        directive.hasReason = reasonStart < end
        return directive
    }

    func parseNolint(_ range: ByteRange, after index: Int, end: Int, bytes: [UInt8]) -> SuppressionDirective? {
        var directive = SuppressionDirective(form: .nolint, comment: range)
        directive.hasReason = true
        if index == end || Self.isSpace(bytes[index]) {
            // Bare `//nolint` silences every linter; it may be there for another one, so it is never
            // reported as unused.
            directive.coversAll = true
            directive.reportsUnused = false
            return directive
        }
        guard bytes[index] == UInt8(ascii: ":") else { return nil }
        let listEnd = Self.wordEnd(bytes, from: index + 1, end: end)
        for name in Self.names(bytes, from: index + 1, to: listEnd) {
            if name.text == "cancellint" {
                directive.coversAll = true
                directive.names.append(name)
            } else if name.text == ConfigurationSchema.allRules {
                directive.coversAll = true
                directive.reportsUnused = false
            } else if isKnown(name.text) {
                directive.names.append(name)
            } else if isMisspelledRuleID(name.text) {
                directive.unknownNames.append(name)
            }
        }
        if directive.names.isEmpty && directive.unknownNames.isEmpty && !directive.coversAll { return nil }
        return directive
    }
}

/// One suppression comment and what it silenced.
struct SuppressionDirective {
    enum Form {
        case ignore
        case fileIgnore
        case nolint
    }

    struct Name {
        let text: String
        let offset: Int32
    }

    let form: Form
    let comment: ByteRange
    /// Known rule ids (and `all`/`cancellint`) as written.
    var names: [Name] = []
    var unknownNames: [Name] = []
    var coversAll = false
    var hasReason = false
    var reportsUnused = true
    var unknownDirective: String?
    /// The lines it applies to; nil for the whole file.
    var lines: ClosedRange<Int>? = 0...0
    /// The names that silenced at least one finding.
    var usedNames = Set<String>()
    var usedAll = false

    init(form: Form, comment: ByteRange) {
        self.form = form
        self.comment = comment
    }

    /// Sets `lines` from where the comment stands.
    mutating func resolveLines(in file: SourceFile, commentStarts: Set<Int32>, nodeEnd: ((Int32) -> Int32?)?) {
        guard form != .fileIgnore, unknownDirective == nil else {
            lines = form == .fileIgnore ? nil : 0...0
            return
        }
        let line = file.position(of: comment.start).line
        let lineStart = Int(file.lineStarts[line - 1])
        let bytes = file.bytes
        let followsCode = bytes[lineStart..<Int(comment.start)].contains { !SuppressionPolicy.isSpace($0) }
        if followsCode {
            lines = line...line
            return
        }
        // Alone on its line: the next line holding code, skipping lines that hold only comments.
        var target = line + 1
        while target <= file.lineCount {
            var first = Int(file.lineStarts[target - 1])
            while first < bytes.count, SuppressionPolicy.isSpace(bytes[first]) { first += 1 }
            let isBlank = first >= bytes.count || bytes[first] == UInt8(ascii: "\n")
            if isBlank || !commentStarts.contains(Int32(first)) {
                var last = target
                if form == .nolint, !isBlank, let end = nodeEnd?(Int32(first)) {
                    last = max(target, file.position(of: max(Int32(first), end - 1)).line)
                }
                lines = target...last
                return
            }
            target += 1
        }
        lines = 0...0
    }

    /// Whether this directive silences `diagnostic`, recording the use.
    mutating func silences(_ diagnostic: Diagnostic) -> Bool {
        guard unknownDirective == nil, diagnostic.ruleID != EngineRules.unusedSuppression.id else { return false }
        if let lines, !lines.contains(diagnostic.start.line) { return false }
        if let name = names.first(where: { $0.text == diagnostic.ruleID }) {
            usedNames.insert(name.text)
            return true
        }
        if coversAll {
            usedAll = true
            return true
        }
        return false
    }

    struct Problem {
        let range: ByteRange
        let message: String
    }

    /// What `unused-suppression` says about this directive, if anything.
    func problems(policy: SuppressionPolicy, settings: LintSettings) -> [Problem] {
        if let unknownDirective {
            let forms = ["cancellint:ignore", "cancellint:file-ignore"]
            let hint = Suggestion.closest(to: unknownDirective, among: forms).map { "did you mean `\($0)`?" }
                ?? "expected `cancellint:ignore` or `cancellint:file-ignore`"
            return [Problem(range: comment, message: "unknown directive `\(Suggestion.excerpt(unknownDirective))`; \(hint)")]
        }
        var problems: [Problem] = unknownNames.map { name in
            let hint = Suggestion.closest(to: name.text, among: policy.ruleIDs).map { "did you mean `\($0)`?" }
                ?? "`cancellint rules` lists the rule ids"
            return Problem(range: ByteRange(start: name.offset, end: name.offset + Int32(name.text.utf8.count)),
                           message: "unknown rule `\(Suggestion.excerpt(name.text))` in suppression; \(hint)")
        }
        if form != .nolint && names.isEmpty && unknownNames.isEmpty {
            let example = form == .fileIgnore ? "//cancellint:file-ignore RULE reason" : "//cancellint:ignore RULE reason"
            return [Problem(range: comment, message: "suppression names no rule; write `\(example)`")]
        }
        guard reportsUnused, !names.isEmpty else { return problems }
        let unused = names.filter { name in
            if usedNames.contains(name.text) { return false }
            if Self.coversAll(name.text, form: form) { return !usedAll }
            // A rule the configuration turns off here cannot fire: its suppression is dormant, not stale.
            return settings.rules[name.text]?.enabled ?? true
        }.map(\.text)
        if !unused.isEmpty {
            let names = Self.prose(unused.map { "`\($0)`" })
            problems.append(Problem(range: comment, message: "suppression of \(names) silenced nothing; remove \(unused.count == 1 ? "it" : "them")"))
        } else if !hasReason {
            let names = Self.prose(self.names.map { "`\($0.text)`" })
            problems.append(Problem(range: comment,
                                    message: "suppression of \(names) gives no reason; say after the rule list why the finding does not apply"))
        }
        return problems
    }

    static func coversAll(_ name: String, form: Form) -> Bool {
        name == ConfigurationSchema.allRules || (form == .nolint && name == "cancellint")
    }

    /// `a`, `a and b`, `a, b and c`.
    static func prose(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
