import LintCore

/// A front end for `.go` files that knows no Go: it reports each marker word it finds
/// (`BAD` warning, `WORSE` error, `NOTE` info), calls files with the generated-code comment
/// generated, and recurses deeply on `RECURSE` to prove workers have big stacks.
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
                           category: "test", language: "go")
        }
    }

    func isGenerated(_ file: SourceFile) -> Bool {
        !offsets(of: Self.generatedMarker, in: file.bytes).isEmpty
    }

    func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] {
        if !offsets(of: "RECURSE", in: file.bytes).isEmpty, recurse(300_000) != 300_000 { return [] }
        return Self.markers.flatMap { marker in
            offsets(of: marker.word, in: file.bytes).map { offset in
                Diagnostic(ruleID: marker.ruleID, severity: marker.severity, file: file,
                           range: ByteRange(start: Int32(offset), end: Int32(offset + marker.word.utf8.count)),
                           message: "line contains \(marker.word)")
            }
        }
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
