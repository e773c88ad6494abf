import GoAnalysis
import GoSyntax
import LintCore

/// Inside a loop, the branch that sees cancellation (`case <-ctx.Done():`, `if ctx.Err() != nil`)
/// does not leave the loop — classically a plain `break` that only leaves the select.
enum DoneCaseNoExit {
    static let rule = GoRule(
        id: "done-case-no-exit",
        summary: "inside a loop, the branch that sees cancellation does not leave the loop",
        severity: .error, category: "lifecycle", check: check)

    /// The branch taken on cancellation.
    struct Branch {
        /// The select or if statement whose branch it is.
        var owner: NodeID
        /// The case clause or if statement, where the finding points.
        var header: NodeID
        var statements: [NodeID]
        /// What is checked: `ctx.Done()`, `done` (from `done := ctx.Done()`), `ctx.Err()`.
        var checked: NodeID
    }

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        let facts = file.waitFacts(WaitRules.options(context))
        guard !facts.selects.isEmpty || !facts.errCalls.isEmpty else { return }
        let syntax = facts.syntax
        let tree = context.tree
        for select in facts.selects {
            guard let loop = facts.enclosingLoops(of: select).first else { continue }
            for clause in syntax.cases(of: select) {
                let channel = syntax.receivedChannel(ofCase: clause)
                guard syntax.isDoneChannel(channel) else { continue }
                let branch = Branch(owner: select, header: clause, statements: Array(tree.children(clause).dropFirst()),
                                    checked: channel)
                inspect(branch, header: "case \(syntax.shortText(tree.child(clause, 0))):", loop: loop, facts: facts,
                        context: &context)
            }
        }
        var seen = Set<NodeID>()
        for call in facts.errCalls {
            guard let statement = syntax.cancellationCheck(around: call), seen.insert(statement).inserted,
                  let loop = facts.enclosingLoops(of: statement).first else { continue }
            let branch = Branch(owner: statement, header: statement,
                                statements: Array(tree.children(tree.child(statement, 2))), checked: call)
            inspect(branch, header: "if \(syntax.shortText(tree.child(statement, 1)))", loop: loop, facts: facts,
                    context: &context)
        }
    }

    static func inspect(_ branch: Branch, header: String, loop: NodeID, facts: WaitFacts,
                        context: inout GoRuleContext) {
        let tree = context.tree
        guard !isPerIteration(branch.checked, loop: loop, facts: facts, file: context.file),
              !leavesLoop(branch, loop: loop, facts: facts, file: context.file) else { return }
        // In a loop bounded by its count or its range, a branch that does some work is a deliberate
        // "mark the rest cancelled" pass; only an empty branch or a bare break/continue is a mistake.
        if isBounded(loop, tree: tree), !branch.statements.allSatisfy({ isBareBranch($0, tree: tree) }) { return }
        let problem = describeEnding(of: branch, facts: facts, tree: tree)
        context.report(branch.header, "`\(header)` does not leave the loop: \(problem), so the loop keeps running "
            + "after the context is cancelled; return, or break to a label on the loop")
    }

    /// A context made inside the loop, or the loop's own element (`for _, ctx := range ctxs`):
    /// its cancellation ends one iteration's wait, not the loop. Or one cancelled on purpose
    /// before the loop.
    static func isPerIteration(_ checked: NodeID, loop: NodeID, facts: WaitFacts, file: GoFile) -> Bool {
        let tree = file.tree
        let syntax = facts.syntax
        var root = syntax.rootIdentifier(checked)
        let bindings = file.bindings
        if tree.kind(tree.unparen(checked)) == .identifier, let symbol = bindings.symbol(of: root),
           bindings[symbol].value.exists {
            root = syntax.rootIdentifier(bindings[symbol].value)
        }
        guard root.exists, let symbol = bindings.symbol(of: root) else { return false }
        // Already cancelled before the loop (`cancel()` above it): checking it is the point.
        return tree.isAncestor(loop, of: bindings[symbol].name) || facts.isCancelled(symbol, before: loop)
    }

    /// Whether taking the branch ends the loop: it leaves it, resets what it checked, ends the
    /// loop's condition, sets a flag the loop exits on, or the rest of the iteration leaves.
    static func leavesLoop(_ branch: Branch, loop: NodeID, facts: WaitFacts, file: GoFile) -> Bool {
        let syntax = facts.syntax
        let tree = file.tree
        if branch.statements.contains(where: { syntax.containsExit($0, loop: loop) }) { return true }
        let assigned = assignedNames(in: branch.statements, tree: tree)
        let root = syntax.rootIdentifier(branch.checked)
        if root.exists {
            if assigned.contains(tree.text(root)) { return true }
            if isReassignedElsewhere(root, file: file, syntax: syntax) { return true }
        }
        if tree.kind(loop) == .forStmt {
            let condition = tree.child(loop, 1)
            if condition.exists && (syntax.consultsCancellation(condition) || mentions(condition, assigned, tree: tree)) {
                return true
            }
        }
        if !assigned.isEmpty && exitsOnFlag(assigned, loop: loop, syntax: syntax, tree: tree) { return true }
        if let last = branch.statements.last, tree.kind(last) == .branchStmt, tree.op(last) == .kwContinue {
            return false
        }
        return restOfIterationLeaves(after: branch.owner, loop: loop, syntax: syntax, tree: tree)
    }

    /// `done = nil` somewhere else (often in a closure the branch calls): the case can be switched off.
    static func isReassignedElsewhere(_ variable: NodeID, file: GoFile, syntax: WaitSyntax) -> Bool {
        guard let symbol = file.bindings.symbol(of: variable) else { return false }
        return syntax.isAssignedWithEquals(symbol)
    }

    /// `case <-ctx.Done(): done = true` ... `if done { return }`: the loop exits on the flag.
    static func exitsOnFlag(_ names: Set<String>, loop: NodeID, syntax: WaitSyntax, tree: SyntaxTree) -> Bool {
        var found = false
        tree.walk(tree.child(loop, 3)) { node in
            if found || tree.kind(node) == .funcLit { return false }
            if tree.kind(node) == .ifStmt, mentions(tree.child(node, 1), names, tree: tree),
               syntax.containsExit(tree.child(node, 2), loop: loop) {
                found = true
            }
            return !found
        }
        return found
    }

    static func mentions(_ expression: NodeID, _ names: Set<String>, tree: SyntaxTree) -> Bool {
        guard !names.isEmpty else { return false }
        var mentioned = false
        tree.walk(expression) { node in
            if tree.kind(node) == .identifier, names.contains(tree.text(node)) { mentioned = true }
            return !mentioned
        }
        return mentioned
    }

    /// After the branch, control goes on past its select or if to the end of the loop body:
    /// a return or break there still ends the loop in the same iteration.
    static func restOfIterationLeaves(after owner: NodeID, loop: NodeID, syntax: WaitSyntax, tree: SyntaxTree) -> Bool {
        let body = tree.child(loop, 3)
        var current = owner
        while current.exists && current != body && current != loop {
            let parent = tree.parent(current)
            let grandparent = tree.parent(parent)
            let isStatementList = tree.kind(parent) == .caseClause || tree.kind(parent) == .commClause
                || (tree.kind(parent) == .blockStmt && tree.kind(grandparent) != .switchStmt
                    && tree.kind(grandparent) != .typeSwitchStmt && tree.kind(grandparent) != .selectStmt)
            if isStatementList {
                if syntax.exitAfter(current, in: parent, loop: loop) { return true }
            }
            current = parent
        }
        return false
    }

    /// A loop that ends by itself: a counting loop or a range.
    static func isBounded(_ loop: NodeID, tree: SyntaxTree) -> Bool {
        tree.kind(loop) == .rangeStmt || (tree.child(loop, 1).exists && tree.child(loop, 2).exists)
    }

    static func isBareBranch(_ statement: NodeID, tree: SyntaxTree) -> Bool {
        tree.kind(statement) == .branchStmt && tree.child(statement, 0).isNone
            && (tree.op(statement) == .kwBreak || tree.op(statement) == .kwContinue)
    }

    /// Names assigned in the statements (`stopped = true`, `s.done = nil`, `done := ...`).
    static func assignedNames(in statements: [NodeID], tree: SyntaxTree) -> Set<String> {
        var names = Set<String>()
        for statement in statements {
            tree.walk(statement) { node in
                guard tree.kind(node) != .funcLit else { return false }
                if tree.kind(node) == .assignStmt {
                    for target in tree.children(tree.child(node, 0)) {
                        var name = tree.unparen(target)
                        if tree.kind(name) == .selectorExpr { name = tree.child(name, 1) }
                        if tree.kind(name) == .identifier { names.insert(tree.text(name)) }
                    }
                }
                return true
            }
        }
        return names
    }

    /// Which statement fails to leave the loop, in words.
    static func describeEnding(of branch: Branch, facts: WaitFacts, tree: SyntaxTree) -> String {
        guard let last = branch.statements.last else { return "the branch is empty" }
        if isBareBranch(last, tree: tree) {
            if tree.op(last) == .kwContinue { return "`continue` goes on with the next iteration" }
            switch tree.kind(facts.syntax.breakTarget(of: last)) {
            case .selectStmt: return "`break` only leaves the select"
            case .switchStmt, .typeSwitchStmt: return "`break` only leaves the switch"
            default: break
            }
        }
        return "the branch ends without a return or a break out of the loop"
    }
}
