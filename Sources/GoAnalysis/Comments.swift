import GoSyntax

extension GoFile {
    /// The statement containing `node` directly in a block or clause (the node itself if it is one).
    public func enclosingStatement(of node: NodeID) -> NodeID {
        var current = node
        while current.exists {
            let parent = tree.parent(current)
            switch tree.kind(parent) {
            case .blockStmt, .caseClause, .commClause, .file: return current
            case .none: return current
            default: current = parent
            }
        }
        return node
    }

    /// The text of the comments that explain the statement around `node`: the block of comment
    /// lines right above it, and comments on its lines up to `node`'s (a trailing `// ...`).
    public func explainingComments(of node: NodeID) -> String {
        let statement = enclosingStatement(of: node)
        let comments = tree.comments
        guard !comments.isEmpty else { return "" }
        let source = tree.source
        let firstLine = source.position(of: tree[statement].start).line
        let lastLine = source.position(of: tree[node].end).line
        // The first comment starting after the statement's start; those before it are candidates.
        var low = 0, high = comments.count
        while low < high {
            let middle = (low + high) / 2
            if comments[middle].start < tree[statement].start { low = middle + 1 } else { high = middle }
        }
        var text = ""
        var index = low
        while index < comments.count, source.position(of: comments[index].start).line <= lastLine {
            text += source.text(comments[index].range) + "\n"
            index += 1
        }
        var expectedLine = firstLine - 1
        index = low - 1
        while index >= 0 {
            let comment = comments[index]
            let endLine = source.position(of: comment.end).line
            if endLine == firstLine && index == low - 1 {
                // A comment earlier on the statement's first line (after other code) also explains it.
                text += source.text(comment.range) + "\n"
                index -= 1
                continue
            }
            guard endLine == expectedLine, startsItsLine(comment.start) else { break }
            text += source.text(comment.range) + "\n"
            expectedLine = source.position(of: comment.start).line - 1
            index -= 1
        }
        return text
    }

    /// Whether only blanks precede `offset` on its line.
    private func startsItsLine(_ offset: Int32) -> Bool {
        let bytes = tree.source.bytes
        var index = Int(offset) - 1
        while index >= 0 && bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] != UInt8(ascii: " ") && bytes[index] != UInt8(ascii: "\t") { return false }
            index -= 1
        }
        return true
    }
}
