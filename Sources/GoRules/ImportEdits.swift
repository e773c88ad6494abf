import GoAnalysis
import GoSyntax
import LintCore

/// Edits that remove imports a fix leaves unused: Go refuses to build a file with an unused
/// import, so a fix that deletes the last `context.` of a file must delete `import "context"` too.
public enum ImportEdits {
    /// The edits removing each import whose every use is among `removedQualifiers` (the `pkg`
    /// identifiers of `pkg.Member` selectors that a fix deletes); empty when none is left unused,
    /// nil when one would be and cannot be removed cleanly — then the fix must not be offered.
    public static func removingUnused(afterRemoving removedQualifiers: [NodeID], in file: GoFile) -> [TextEdit]? {
        let tree = file.tree
        var removedCounts: [String: Int] = [:]
        for qualifier in removedQualifiers { removedCounts[tree.text(qualifier), default: 0] += 1 }
        var edits: [TextEdit] = []
        for (name, removed) in removedCounts where removed >= file.importUses.count(of: name) {
            for anImport in file.imports.imports(named: name) where ImportUses.isCounted(anImport) {
                guard let edit = removal(of: anImport.spec, in: tree) else { return nil }
                edits.append(edit)
            }
        }
        return disjoint(edits) ? edits.sorted { $0.range.start < $1.range.start } : nil
    }

    /// The edit deleting the import `spec` — with its declaration when it is the only spec, so no
    /// empty `import ()` is left — as whole lines, and a blank line with them where two would
    /// otherwise meet (or one would follow `(` or precede `)`), so the result is as gofmt writes it.
    /// Nil when other code than a line comment shares those lines.
    public static func removal(of spec: NodeID, in tree: SyntaxTree) -> TextEdit? {
        let declaration = tree.parent(spec)
        guard tree.kind(spec) == .importSpec, tree.kind(declaration) == .genDecl else { return nil }
        let specs = tree.children(declaration).filter { tree.kind($0) == .importSpec }
        let target = specs.count == 1 ? tree.range(declaration) : tree.range(spec)
        let lines = ByteLines(tree.source.bytes)
        guard lines.isBlank(lines.start(of: Int(target.start))..<Int(target.start)),
              lines.isBlankOrLineComment(Int(target.end)..<lines.end(of: Int(target.end))) else { return nil }
        var start = lines.start(of: Int(target.start))
        var end = lines.endIncludingBreak(of: Int(target.end))
        let previous = start > 0 ? lines.start(of: start - 1)..<(start - 1) : nil
        let next = end < lines.bytes.count ? end..<lines.end(of: end) : nil
        let previousIsBlank = previous.map(lines.isBlank) ?? false
        let nextIsBlank = next.map(lines.isBlank) ?? false
        let previousOpens = previous.map { lines.trimmed($0).last == UInt8(ascii: "(") } ?? false
        let nextCloses = next.map { lines.trimmed($0).first == UInt8(ascii: ")") } ?? false
        if nextIsBlank, previousIsBlank || previousOpens || previous == nil, let next {
            end = lines.endIncludingBreak(of: next.lowerBound)
        } else if previousIsBlank, nextCloses || next == nil, let previous {
            start = previous.lowerBound
        }
        return TextEdit(range: ByteRange(start: Int32(start), end: Int32(end)), replacement: "")
    }

    /// `--fix`'s last check of a file: fixes that each keep an import in use can together remove
    /// its last use (two `context.Background()` replaced in one file), and one fix can remove an
    /// import another still needs. The first is repaired by removing the import; the second, or
    /// an import that cannot be removed cleanly, rejects the fixes.
    public static func verdict(on fixed: SourceFile, original: SourceFile) -> FixedTextVerdict {
        let before = GoFile(tree: GoParser.parse(original))
        let after = GoFile(tree: GoParser.parse(fixed))
        for anImport in before.imports.imports where ImportUses.isCounted(anImport) {
            let name = anImport.localName
            guard before.importUses.count(of: name) > 0, after.importUses.count(of: name) > 0,
                  after.imports.imports(named: name).isEmpty else { continue }
            return .rejected(reason: "they remove import \"\(anImport.path)\", which the fixed text still uses")
        }
        var edits: [TextEdit] = []
        var removedPaths: [String] = []
        for anImport in after.imports.imports where ImportUses.isCounted(anImport) {
            let name = anImport.localName
            guard after.importUses.count(of: name) == 0, before.importUses.count(of: name) > 0,
                  before.imports.imports(named: name).contains(where: { $0.path == anImport.path })
            else { continue }
            guard let edit = removal(of: anImport.spec, in: after.tree) else {
                return .rejected(reason: "they remove the last use of import \"\(anImport.path)\", "
                                 + "which cannot be removed: other code shares its line")
            }
            edits.append(edit)
            removedPaths.append("\"\(anImport.path)\"")
        }
        guard !edits.isEmpty else { return .accepted }
        let listed = removedPaths.count == 1 ? removedPaths[0]
            : removedPaths.dropLast().joined(separator: ", ") + " and " + (removedPaths.last ?? "")
        guard disjoint(edits) else {
            return .rejected(reason: "they remove the last uses of imports \(listed), which cannot be removed together")
        }
        let note = removedPaths.count == 1 ? "removed import \(listed): the fixes removed its last use"
            : "removed imports \(listed): the fixes removed their last uses"
        return .repaired(text: apply(edits, to: fixed.bytes), note: note)
    }

    /// `bytes` with `edits` (not overlapping) applied.
    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var copied = 0
        for edit in edits.sorted(by: { $0.range.start < $1.range.start }) {
            result += bytes[copied..<Int(edit.range.start)]
            result += edit.replacement.utf8
            copied = Int(edit.range.end)
        }
        return result + bytes[copied...]
    }

    /// Whether no two edits share or touch a byte (two removals of neighbouring lines could each
    /// take the blank line between them).
    static func disjoint(_ edits: [TextEdit]) -> Bool {
        let sorted = edits.sorted { $0.range.start < $1.range.start }
        return zip(sorted, sorted.dropFirst()).allSatisfy { $0.range.end < $1.range.start }
    }
}

/// Line arithmetic over a file's bytes; a line's end is the offset of its `\n` (or of the end).
private struct ByteLines {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func start(of offset: Int) -> Int {
        var index = min(offset, bytes.count)
        while index > 0 && bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index
    }

    func end(of offset: Int) -> Int {
        var index = offset
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    func endIncludingBreak(of offset: Int) -> Int {
        min(end(of: offset) + 1, bytes.count)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    func isBlank(_ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy(Self.isSpace)
    }

    /// Whitespace, `;` (the parser's implicit one may be written), then nothing or a `//` comment.
    func isBlankOrLineComment(_ range: Range<Int>) -> Bool {
        let rest = bytes[range].drop { Self.isSpace($0) || $0 == UInt8(ascii: ";") }
        return rest.isEmpty || rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")])
    }

    func trimmed(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let slice = bytes[range]
        guard let first = slice.firstIndex(where: { !Self.isSpace($0) }),
              let last = slice.lastIndex(where: { !Self.isSpace($0) }) else { return [] }
        return bytes[first...last]
    }
}
