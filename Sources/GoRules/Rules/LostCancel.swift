import GoAnalysis
import GoSyntax
import LintCore

/// The cancel function of a derived context, held in a local variable, is not called on every path
/// from its definition to the end of the function.
enum LostCancel {
    static let rule = GoRule(
        id: "lost-cancel",
        summary: "the cancel function of a derived context is not called on every path",
        severity: .error, category: "lifecycle", check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.importsContext || file.imports.imports("os/signal") else { return }
        for definition in file.cancels.definitions where definition.symbol != nil {
            guard !isMainFunction(definition.function, in: file),
                  let leak = file.cancels.leak(of: definition) else { continue }
            report(leak, of: definition, context: &context)
        }
    }

    /// `main.main`: the process exits when it returns, taking every context with it.
    static func isMainFunction(_ function: NodeID, in file: GoFile) -> Bool {
        let tree = file.tree
        return tree.kind(function) == .funcDecl && tree.child(function, 0).isNone
            && tree.hasText(tree.child(function, 1), "main") && file.packageName == "main"
    }

    static func report(_ leak: CancelLeak, of definition: CancelDefinition, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let name = tree.text(definition.target)
        let line = file.source.position(of: leak.offset(in: tree)).line
        let subject = "the \(definition.role) function returned by \(definition.constructor)"
        let consequence = definition.hasTimer ? "the context and its timer leak" : "the context leaks"
        let message: String
        let related: RelatedLocation
        let notOnAllPaths = { (place: String) in
            "\(subject) is not called on all paths; \(consequence) until its parent is cancelled: \(place) is reached "
                + "without calling \(name) (call it on every path, usually with `defer \(name)()`)"
        }
        switch leak.place {
        case .returnStatement(let node):
            message = notOnAllPaths("the return on line \(line)")
            related = context.relatedLocation(node, "returns without calling \(name)")
        case .endOfFunction(let offset):
            message = notOnAllPaths("the end of the function on line \(line)")
            related = RelatedLocation(range: ByteRange(start: offset, end: offset + 1),
                                      start: file.source.position(of: offset),
                                      message: "the function ends without calling \(name)")
        case .reassignment(let node):
            message = "\(subject) is not called before \(name) is assigned again on line \(line); "
                + "\(consequence) until its parent is cancelled (call \(name) before reassigning it)"
            related = context.relatedLocation(node, "\(name) is overwritten here")
        case .redefinition(let node):
            message = "\(subject) is not called before the loop comes back to its definition; every iteration's "
                + "context leaks until its parent is cancelled (call \(name) before the iteration ends)"
            related = context.relatedLocation(node, "the next iteration overwrites \(name) here")
        }
        let fixes = leak.neverCalled ? deferFix(for: definition, name: name, file: file).map { [$0] } ?? [] : []
        context.report(definition.target, message, related: [related], fixes: fixes)
    }

    /// Inserts `defer cancel()` after the definition, when that is certainly safe: a `:=` statement
    /// alone on its line, directly in a block outside any loop, whose context is not handed to
    /// anything that may outlive the function (a goroutine, a literal, a return, a field).
    static func deferFix(for definition: CancelDefinition, name: String, file: GoFile) -> Fix? {
        let tree = file.tree
        let statement = definition.statement
        guard definition.declares, tree.kind(statement) == .assignStmt, tree.op(statement) == .define,
              tree.kind(tree.parent(statement)) == .blockStmt else { return nil }
        var current = tree.parent(statement)
        while current.exists && current != definition.function {
            if tree.kind(current) == .forStmt || tree.kind(current) == .rangeStmt { return nil }
            current = tree.parent(current)
        }
        guard contextStaysLocal(definition, file: file) else { return nil }
        let source = file.source
        let start = tree[statement].start
        let lineStart = source.lineStarts[source.position(of: start).line - 1]
        guard source.bytes[Int(lineStart)..<Int(start)].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        else { return nil }
        let indentation = LineEdits.indentation(source, at: start)
        guard let edit = LineEdits.insertLine("defer \(name)()", after: tree[statement].end, in: source,
                                              indentation: indentation) else { return nil }
        return Fix(title: "defer \(name)() after the call", edits: [edit])
    }

    /// Whether the derived context is only used by this function and calls it makes.
    static func contextStaysLocal(_ definition: CancelDefinition, file: GoFile) -> Bool {
        let tree = file.tree
        let target = tree.unparen(definition.contextTarget)
        if tree.isIdentifier(target, "_") { return true }
        guard tree.kind(target) == .identifier, let symbol = file.bindings.symbol(of: target) else { return false }
        for reference in file.bindings.uses(of: symbol) {
            let use = file.cancels.use(reference, within: definition.function)
            guard use.goStatement.isNone, use.kind != .captured else { return false }
            if use.literal.isNone && tree.kind(tree.parent(reference)) == .selectorExpr { continue }
            switch use.kind {
            case .passed, .neutral, .call, .assignment: continue
            case .stored where tree.kind(use.destination) == .identifier && file.bindings.isLocal(use.destination): continue
            default: return false
            }
        }
        return true
    }
}
