import LintCore

/// A front end for `.go` files that knows no Go: it reports each marker word it finds
/// (`BAD` warning, `WORSE` error, `NOTE` info), calls files with the generated-code comment
/// generated, and recurses deeply on `RECURSE` to prove workers have big stacks.
///
/// It honours its settings as a real front end would: disabled rules, severity overrides, each
/// rule's `words` option (default: its marker), the language options `extra-words` (reported as
/// `bad-line`) and the language version (reported on a line containing `VERSION`). `//` starts a
/// comment to the end of the line, and a line ending in `{` starts a node that ends at the next
/// line holding only `}`.
struct FakeFrontEnd: LanguageFrontEnd {
    static let generatedMarker = "// Code generated x DO NOT EDIT."
    static let markers: [(word: String, ruleID: String, severity: Severity)] = [
        ("BAD", "bad-line", .warning),
        ("WORSE", "worse-line", .error),
        ("NOTE", "note-line", .info),
    ]

    var language: String { "go" }
    var fileExtensions: [String] { ["go"] }
    var rules: [RuleDescriptor] {
        Self.markers.map {
            RuleDescriptor(id: $0.ruleID, summary: "a line contains \($0.word)", defaultSeverity: $0.severity,
                           category: $0.ruleID == "worse-line" ? "serious" : "test", language: "go",
                           options: [.stringList("words", default: [$0.word], summary: "the words reported")])
        }
    }

    static let extraWords = OptionDeclaration.stringList("extra-words", summary: "more words reported as bad-line")

    var languageOptions: [OptionDeclaration] { [Self.extraWords] }

    var testFilePatterns: [String] { ["*_test.go"] }

    func isGenerated(_ file: SourceFile) -> Bool {
        !offsets(of: Self.generatedMarker, in: file.bytes).isEmpty
    }

    func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] {
        if !offsets(of: "RECURSE", in: file.bytes).isEmpty, recurse(50_000) != 50_000 { return [] }
        var diagnostics: [Diagnostic] = []
        for rule in rules where settings.isEnabled(rule) {
            var words = settings.settings(for: rule.id).fillingDefaults(rule.options).strings("words")
            if rule.id == "bad-line" { words += settings.value(of: Self.extraWords).strings }
            for word in words {
                for offset in offsets(of: word, in: file.bytes) {
                    diagnostics.append(Diagnostic(ruleID: rule.id, severity: settings.severity(of: rule), file: file,
                                                  range: ByteRange(start: Int32(offset), end: Int32(offset + word.utf8.count)),
                                                  message: "line contains \(word)"))
                }
            }
        }
        for offset in offsets(of: "VERSION", in: file.bytes) {
            diagnostics.append(Diagnostic(ruleID: "note-line", severity: .info, file: file,
                                          range: ByteRange(start: Int32(offset), end: Int32(offset + 7)),
                                          message: "language version \(settings.defaultLanguageVersion ?? "unset")"))
        }
        return diagnostics
    }

    func lintFile(_ file: SourceFile, settings: LintSettings) -> FileLintOutput {
        let bytes = file.bytes
        let comments = offsets(of: "//", in: bytes).reduce(into: [ByteRange]()) { comments, start in
            // `///` or a second `//` on the line belongs to the first comment.
            if let last = comments.last, last.end > Int32(start) { return }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            comments.append(ByteRange(start: Int32(start), end: Int32(end)))
        }
        return FileLintOutput(diagnostics: lint(file, settings: settings), comments: comments, nodeEnd: { offset in
            let line = file.position(of: offset).line
            guard file.lineText(line).hasSuffix("{") else { return nil }
            for next in (line + 1)..<(file.lineCount + 1) where file.lineText(next) == "}" {
                return file.lineStarts[next - 1] + 1
            }
            return nil
        })
    }

    private func offsets(of word: String, in bytes: [UInt8]) -> [Int] {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return [] }
        return (0...(bytes.count - needle.count)).filter { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Not tail-recursive, so each level really takes a stack frame.
    @inline(never)
    private func recurse(_ depth: Int) -> Int {
        depth == 0 ? 0 : 1 + recurse(depth - 1)
    }
}
