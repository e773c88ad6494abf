import GoAnalysis
import GoSyntax
import LintCore

/// `defer cancel()` inside a loop body that creates the context: the deferred calls pile up until
/// the function returns, keeping every iteration's context (and timer) alive.
enum DeferCancelInLoop {
    static let rule = GoRule(
        id: "defer-cancel-in-loop",
        summary: "a cancel function created in a loop body is deferred, so it runs only when the function returns",
        severity: .warning, category: "lifecycle", check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.importsContext || file.imports.imports("os/signal") else { return }
        let tree = file.tree
        var reported: Set<NodeID> = []
        // Definitions of one variable in one loop find the same deferred calls (the first one
        // reports them): each such group is examined once, not once per reassignment.
        var examined: Set<[NodeID]> = []
        for definition in file.cancels.definitions {
            guard let symbol = definition.symbol, let loop = innermostLoop(around: definition.statement, in: file),
                  examined.insert([file.bindings[symbol].name, definition.function, loop]).inserted
            else { continue }
            let graph = file.controlFlowGraph(for: definition.function)
            for reference in file.bindings.uses(of: symbol) {
                let use = file.cancels.use(reference, within: definition.function)
                guard use.kind == .call, use.isDeferred,
                      let statement = deferStatement(running: reference, in: definition.function, file: file),
                      tree.isAncestor(tree.child(loop, 3), of: statement),
                      let location = graph.location(of: statement), graph.canReach(location, from: location),
                      reported.insert(statement).inserted else { continue }
                let name = tree.text(reference)
                let timer = definition.hasTimer ? " (and its timer)" : ""
                context.report(statement, "`defer \(name)()` in a loop runs only when the function returns, so the "
                    + "context from \(definition.constructor) that this loop body creates\(timer) stays alive until then "
                    + "for every iteration; call \(name)() at the end of the iteration or move the loop body into a function")
            }
        }
    }

    /// The innermost for/range statement of the same function whose body contains `node`.
    static func innermostLoop(around node: NodeID, in file: GoFile) -> NodeID? {
        let tree = file.tree
        var child = node
        var current = tree.parent(node)
        while current.exists {
            switch tree.kind(current) {
            case .funcDecl, .funcLit:
                return nil
            case .forStmt, .rangeStmt:
                if tree.child(current, 3) == child { return current }
            default:
                break
            }
            child = current
            current = tree.parent(current)
        }
        return nil
    }

    /// The defer statement of `function` whose deferred call runs `reference` as its function:
    /// `defer cancel()`, or `defer func() { ...; cancel() }()`. Nil when the defer belongs to a
    /// literal that runs on its own (its defers run when it returns).
    static func deferStatement(running reference: NodeID, in function: NodeID, file: GoFile) -> NodeID? {
        let tree = file.tree
        var current = reference
        while current.exists && current != function {
            let parent = tree.parent(current)
            if tree.kind(parent) == .deferStmt {
                return file.enclosingFunction(of: parent) == function ? parent : nil
            }
            if tree.kind(current) == .funcLit {
                // Only a literal deferred right here passes its call on to the enclosing function.
                guard let call = tree.callCalling(current), tree.kind(tree.parent(call)) == .deferStmt else { return nil }
            }
            current = parent
        }
        return nil
    }
}
