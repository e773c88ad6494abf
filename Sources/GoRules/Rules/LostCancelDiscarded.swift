import GoAnalysis
import GoSyntax
import LintCore

/// `ctx, _ := context.WithTimeout(parent, d)`: the cancel function is thrown away.
enum LostCancelDiscarded {
    static let rule = GoRule(
        id: "lost-cancel-discarded",
        summary: "the cancel function of a derived context is discarded with `_`",
        severity: .error, category: "lifecycle", check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.importsContext || file.imports.imports("os/signal") else { return }
        let tree = file.tree
        var namesInUse = NamesInUse()
        tree.walk(tree.root) { node in
            switch tree.kind(node) {
            case .assignStmt:
                let left = tree.children(tree.child(node, 0))
                let right = tree.children(tree.child(node, 1))
                if left.count == 2, right.count == 1, let call = right.first, let blank = left.last {
                    inspect(call: call, blank: blank, statement: node, namesInUse: &namesInUse, context: &context)
                }
            case .valueSpec:
                let left = tree.children(tree.child(node, 0))
                let valuesNode = tree.child(node, 2)
                if valuesNode.exists, left.count == 2, let call = tree.children(valuesNode).first,
                   tree.childCount(valuesNode) == 1, let blank = left.last {
                    inspect(call: call, blank: blank, statement: node, namesInUse: &namesInUse, context: &context)
                }
            default:
                break
            }
            return true
        }
    }

    static func inspect(call: NodeID, blank: NodeID, statement: NodeID, namesInUse: inout NamesInUse,
                        context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        guard tree.isIdentifier(blank, "_"), let constructor = file.contexts.cancelConstructor(of: call) else { return }
        let what = constructor == "signal.NotifyContext" ? "stop" : "cancel"
        let hasTimer = constructor.contains("Timeout") || constructor.contains("Deadline")
        let message = "the \(what) function returned by \(constructor) is discarded; "
            + (hasTimer ? "the context and its timer live" : "the context lives")
            + " until the parent is cancelled: name it and call it (`defer \(what)()`)"
        let fixes = fix(blank: blank, statement: statement, name: what, file: file, namesInUse: &namesInUse)
            .map { [$0] } ?? []
        context.report(blank, message, fixes: fixes)
    }

    /// Names the cancel and defers it on the next line, when that is certainly safe: a `:=`
    /// statement alone at the end of its line, directly in a block outside any loop, in a function
    /// that nowhere uses the chosen name.
    static func fix(blank: NodeID, statement: NodeID, name: String, file: GoFile, namesInUse: inout NamesInUse) -> Fix? {
        let tree = file.tree
        guard tree.kind(statement) == .assignStmt, tree.op(statement) == .define,
              tree.kind(tree.parent(statement)) == .blockStmt else { return nil }
        let function = file.enclosingFunction(of: statement)
        guard function.exists else { return nil }
        var current = tree.parent(statement)
        while current.exists && current != function {
            if tree.kind(current) == .forStmt || tree.kind(current) == .rangeStmt { return nil }
            current = tree.parent(current)
        }
        guard !namesInUse.uses(name, in: function, of: file) else { return nil }
        let source = file.source
        let indentation = LineEdits.indentation(source, at: tree[statement].start)
        guard let deferLine = LineEdits.insertLine("defer \(name)()", after: tree[statement].end, in: source,
                                                   indentation: indentation) else { return nil }
        return Fix(title: "name the \(name) function and defer it",
                   edits: [TextEdit(range: tree.range(blank), replacement: name), deferLine])
    }
}

/// Whether a function uses an identifier spelled `name` anywhere (nested literals included),
/// remembered per function and name: every discarded cancel of a function asks the same question.
struct NamesInUse {
    private struct Key: Hashable {
        var function: NodeID
        var name: String
    }

    private var known: [Key: Bool] = [:]

    mutating func uses(_ name: String, in function: NodeID, of file: GoFile) -> Bool {
        let key = Key(function: function, name: name)
        if let answer = known[key] { return answer }
        let tree = file.tree
        let nameBytes = Array(name.utf8)
        var found = false
        tree.walk(function) { node in
            if tree.kind(node) == .identifier
                && tree.source.bytes[Int(tree[node].start)..<Int(tree[node].end)].elementsEqual(nameBytes) {
                found = true
            }
            return !found
        }
        known[key] = found
        return found
    }
}
