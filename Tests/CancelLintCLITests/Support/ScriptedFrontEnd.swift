import LintCore

/// A `.go` front end driven by marker words, for what the Go rules do not (yet) produce:
///
/// - `old`: warning `rename`, fixed by replacing it with `new`
/// - `pair`: two findings, `pair-a` and `pair-b`, whose fixes replace the same word (they overlap)
/// - `break`: warning `breaker`, whose fix writes `BROKEN` — which the syntax rule reports
/// - `BROKEN`: error `syntax` (category `syntax`), like a parse error
/// - `outside`: warning `outside`, whose fix edits past the end of the file
/// - `note`: info `noted`, with a related location at the start of the file and a message full of
///   characters formats must escape
struct ScriptedFrontEnd: LanguageFrontEnd {
    static let trickyMessage = "a \"quoted\" <tag> & 100% sure, really: yes"

    var language: String { "go" }
    var fileExtensions: [String] { ["go"] }
    var rules: [RuleDescriptor] {
        [("rename", Severity.warning, "style"), ("pair-a", .warning, "style"), ("pair-b", .warning, "style"),
         ("breaker", .warning, "style"), ("syntax", .error, "syntax"), ("outside", .warning, "style"),
         ("noted", .info, "style")].map {
            RuleDescriptor(id: $0.0, summary: "the \($0.0) marker", defaultSeverity: $0.1, category: $0.2, language: "go")
        }
    }

    func isGenerated(_ file: SourceFile) -> Bool { false }

    func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ rule: String, _ severity: Severity, at range: ByteRange, _ message: String,
                    related: [RelatedLocation] = [], fix edits: [TextEdit] = []) {
            diagnostics.append(Diagnostic(ruleID: rule, severity: severity, file: file, range: range, message: message,
                                          related: related, fixes: edits.isEmpty ? [] : [Fix(title: "fix \(rule)", edits: edits)]))
        }
        for (word, range) in words(in: file.bytes) {
            switch word {
            case "old":
                report("rename", .warning, at: range, "old is old; call it new", fix: [TextEdit(range: range, replacement: "new")])
            case "pair":
                report("pair-a", .warning, at: range, "pair wants A", fix: [TextEdit(range: range, replacement: "PA")])
                report("pair-b", .warning, at: range, "pair wants B", fix: [TextEdit(range: range, replacement: "PB")])
            case "break":
                report("breaker", .warning, at: range, "break breaks", fix: [TextEdit(range: range, replacement: "BROKEN")])
            case "BROKEN":
                report("syntax", .error, at: range, "expected something else, found BROKEN")
            case "outside":
                let end = Int32(file.bytes.count)
                report("outside", .warning, at: range, "outside reaches too far",
                       fix: [TextEdit(range: ByteRange(start: end, end: end + 5), replacement: "x")])
            case "note":
                let related = RelatedLocation(range: ByteRange(start: 0, end: 1), start: file.position(of: 0),
                                              message: "the file starts here")
                report("noted", .info, at: range, Self.trickyMessage, related: [related])
            default:
                break
            }
        }
        return diagnostics
    }

    /// Runs of ASCII letters and their byte ranges.
    private func words(in bytes: [UInt8]) -> [(String, ByteRange)] {
        var words: [(String, ByteRange)] = []
        var index = 0
        let isLetter: (UInt8) -> Bool = { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        while index < bytes.count {
            guard isLetter(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count && isLetter(bytes[index]) { index += 1 }
            words.append((String(decoding: bytes[start..<index], as: UTF8.self),
                          ByteRange(start: Int32(start), end: Int32(index))))
        }
        return words
    }
}
