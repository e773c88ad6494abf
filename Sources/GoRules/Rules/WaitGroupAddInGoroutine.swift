import GoAnalysis
import GoSyntax
import LintCore

/// `go func() { wg.Add(1); defer wg.Done(); ... }()`: the goroutine registers itself too late,
/// `wg.Wait()` may return before it has.
enum WaitGroupAddInGoroutine {
    static let rule = GoRule(
        id: "waitgroup-add-in-goroutine",
        summary: "sync.WaitGroup.Add called inside the goroutine it counts",
        severity: .error, category: "concurrency", check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.imports("sync") else { return }
        let tree = file.tree
        for statement in file.index.nodes(.goStmt) {
            let literal = tree.unparen(tree.child(tree.unparen(tree.child(statement, 0)), 0))
            if tree.kind(literal) == .funcLit { inspect(statement, literal: literal, context: &context) }
        }
    }

    static func inspect(_ goStatement: NodeID, literal: NodeID, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let body = tree.child(literal, 1)
        var adds: [(statement: NodeID, group: NodeID)] = []
        var goStatements: [NodeID] = []
        tree.walk(body) { node in
            switch tree.kind(node) {
            case .funcLit:
                return false
            case .goStmt:
                goStatements.append(node)
                return false
            case .exprStmt:
                if let group = addedGroup(node, outside: literal, file: file) { adds.append((node, group)) }
                return false
            default:
                return true
            }
        }
        var seen: Set<String> = []
        for (statement, group) in adds {
            // Only the first Add registers the goroutine; once counted, further Adds are safe.
            guard seen.insert(tree.text(group)).inserted else { continue }
            // The bug is a goroutine counting itself: it calls Done on the same group. One that
            // waits on the group itself is reusing it, not racing with its own Wait.
            let calls = methodsCalled(on: group, in: body, file: file)
            guard calls.contains("Done"), !calls.contains("Wait") else { continue }
            // An Add followed by a `go` registers a child goroutine: the parent is counted already.
            if goStatements.contains(where: { tree[$0].start > tree[statement].end }) { continue }
            let name = tree.text(group)
            let message = "\(name).Add inside the goroutine races with \(name).Wait, which may return before "
                + "the goroutine is counted: call \(name).Add before the go statement"
            let fixes = moveBefore(statement, goStatement: goStatement, literal: literal, file: file).map { [$0] } ?? []
            context.report(statement, message, fixes: fixes)
        }
    }

    /// The names of the methods called on `group` (the same expression) inside `body`.
    static func methodsCalled(on group: NodeID, in body: NodeID, file: GoFile) -> Set<String> {
        let tree = file.tree
        var names: Set<String> = []
        tree.walk(body) { node in
            if tree.kind(node) == .callExpr {
                let function = tree.unparen(tree.child(node, 0))
                if tree.kind(function) == .selectorExpr, tree.sameText(tree.child(function, 0), group) {
                    names.insert(tree.text(tree.child(function, 1)))
                }
            }
            return true
        }
        return names
    }

    /// For a statement `wg.Add(n)` (n not negative) with `wg` a WaitGroup declared outside the
    /// literal, the `wg` expression.
    static func addedGroup(_ statement: NodeID, outside literal: NodeID, file: GoFile) -> NodeID? {
        let tree = file.tree
        let call = tree.unparen(tree.child(statement, 0))
        guard tree.kind(call) == .callExpr, tree.childCount(call) == 2 else { return nil }
        let function = tree.unparen(tree.child(call, 0))
        guard tree.kind(function) == .selectorExpr, tree.hasText(tree.child(function, 1), "Add") else { return nil }
        let argument = tree.unparen(tree.child(call, 1))
        if tree.kind(argument) == .unaryExpr && tree.op(argument) == .sub { return nil }
        let group = tree.child(function, 0)
        guard let type = file.declaredType(of: group), type.isNamed(["sync"], ["WaitGroup"]),
              let root = rootIdentifier(of: group, file: file), let symbol = file.bindings.symbol(of: root),
              !tree.isAncestor(literal, of: file.bindings[symbol].name) else { return nil }
        return group
    }

    /// `wg` for `wg`, `s` for `s.wg` or `s.inner.wg`.
    static func rootIdentifier(of expression: NodeID, file: GoFile) -> NodeID? {
        let tree = file.tree
        var current = tree.unparen(expression)
        while true {
            switch tree.kind(current) {
            case .identifier: return current
            case .selectorExpr: current = tree.unparen(tree.child(current, 0))
            case .unaryExpr, .starExpr: current = tree.unparen(tree.child(current, 0))
            default: return nil
            }
        }
    }

    /// Moves the Add line to just before the `go` statement, when both stand alone on their lines,
    /// the Add is directly in the literal's body and uses nothing declared inside the literal.
    static func moveBefore(_ statement: NodeID, goStatement: NodeID, literal: NodeID, file: GoFile) -> Fix? {
        let tree = file.tree
        let source = file.source
        guard tree.parent(statement) == tree.child(literal, 1) else { return nil }
        switch tree.kind(tree.parent(goStatement)) {
        case .blockStmt, .caseClause, .commClause: break
        default: return nil
        }
        var usesInnerNames = false
        tree.walk(statement) { node in
            if tree.kind(node) == .identifier, let symbol = file.bindings.symbol(of: node),
               tree.isAncestor(literal, of: file.bindings[symbol].name) {
                usesInnerNames = true
            }
            return !usesInnerNames
        }
        guard !usesInnerNames, let removal = wholeLine(of: statement, tree: tree),
              let goLine = lineStart(of: tree[goStatement].start, source: source) else { return nil }
        let indentation = LineEdits.indentation(source, at: tree[goStatement].start)
        let crlf = removal.end >= 2 && source.bytes[Int(removal.end) - 2] == UInt8(ascii: "\r")
        return Fix(title: "move \(tree.text(statement)) before the go statement", edits: [
            TextEdit(range: ByteRange(start: goLine, end: goLine),
                     replacement: indentation + tree.text(statement) + (crlf ? "\r\n" : "\n")),
            TextEdit(range: removal, replacement: ""),
        ])
    }

    /// The start of the line of `offset`, when only blanks precede it there.
    static func lineStart(of offset: Int32, source: SourceFile) -> Int32? {
        let bytes = source.bytes
        var index = Int(offset)
        while index > 0 && bytes[index - 1] != UInt8(ascii: "\n") {
            guard bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t") else { return nil }
            index -= 1
        }
        return Int32(index)
    }

    /// The node's whole line, line break included, when nothing but blanks (or `;`) shares it.
    static func wholeLine(of node: NodeID, tree: SyntaxTree) -> ByteRange? {
        let bytes = tree.source.bytes
        guard let start = lineStart(of: tree[node].start, source: tree.source) else { return nil }
        var index = Int(tree[node].end)
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") {
            let byte = bytes[index]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                    || byte == UInt8(ascii: ";") else { return nil }
            index += 1
        }
        return ByteRange(start: start, end: Int32(min(index + 1, bytes.count)))
    }
}
