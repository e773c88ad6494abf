/// A rule's Markdown document (`Rules/<id>.md`), read for the parts other outputs reuse: SARIF's
/// full description and help, the `rules` listing's fix column. The documents themselves are
/// compiled into the binary (`RuleDocuments`), so a copied executable still explains its rules.
public struct RuleDocumentation: Sendable {
    public let markdown: String

    public init(markdown: String) {
        self.markdown = markdown
    }

    /// The text under `## heading`, up to the next `## ` heading, without surrounding blank lines;
    /// nil when the document has no such section.
    public func section(_ heading: String) -> String? {
        var collected: [Substring]?
        var inCodeBlock = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCodeBlock.toggle() }
            if !inCodeBlock, line.hasPrefix("## ") {
                if collected != nil { break }
                if line.dropFirst(3).trimmingSpaces() == heading { collected = [] }
                continue
            }
            collected?.append(line)
        }
        guard let lines = collected else { return nil }
        let trimmed = lines.drop(while: { $0.trimmingSpaces().isEmpty })
            .reversed().drop(while: { $0.trimmingSpaces().isEmpty }).reversed()
        return trimmed.joined(separator: "\n")
    }

    /// The section as plain paragraphs: the lines of each paragraph joined with spaces,
    /// paragraphs separated by a blank line (Markdown's hard wrapping means nothing in plain text).
    public func paragraphs(_ heading: String) -> String? {
        guard let text = section(heading) else { return nil }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingSpaces().isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line.trimmingSpaces())
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// What the `- **Fix:**` line says the rule's fix does; nil for rules without a fix.
    public var fix: String? {
        let marker = "- **Fix:** "
        for line in markdown.split(separator: "\n") where line.hasPrefix(marker) {
            return String(line.dropFirst(marker.count)).trimmingSpaces()
        }
        return nil
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
