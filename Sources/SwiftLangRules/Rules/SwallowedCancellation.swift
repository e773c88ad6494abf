import LintCore
import SwiftLangSyntax

/// `try? await Task.sleep(...)` or a catch-all that carries on, inside a loop that only
/// cancellation or a jump ends, in async code: the `CancellationError` is swallowed and the loop
/// goes on after cancellation.
enum SwallowedCancellation {
    static let rule = SwiftRule(
        id: "swift-swallowed-cancellation",
        summary: "a loop in async code swallows the CancellationError (`try?` on a sleep, a `catch` that carries on)",
        severity: .warning, category: "loops", triggers: ["await"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        let tree = file.tree
        for attempt in file.nodes(.tryExpr) {
            guard let sleep = swallowedSleep(attempt, file: file), let loop = openLoop(around: attempt, file: file),
                  file.isInAsyncContext(attempt),
                  !loopConsultsCancellation(loop, besides: swallowedBodies(in: loop, file: file), file: file) else { continue }
            let keyword = ByteRange(start: tree.range(attempt).start, end: tree.range(attempt).start + 4)
            let what = tree.text(sleep)
            context.report(keyword, "`try?` swallows the CancellationError of `\(what)`, so after cancellation this "
                           + "`\(file.loopDescription(loop))` loop goes on without waiting; write `try await \(what)(...)` "
                           + "and let the error end the loop, or check `Task.isCancelled`")
        }
        for statement in file.nodes(.doStmt) {
            guard let loop = openLoop(around: statement, file: file),
                  let clause = swallowingCatch(of: statement, in: loop, file: file), file.isInAsyncContext(statement) else { continue }
            guard file.bodyAwaits(tree.child(statement, 0)),
                  !loopConsultsCancellation(loop, besides: swallowedBodies(in: loop, file: file), file: file) else { continue }
            let keyword = ByteRange(start: tree.range(clause).start, end: tree.range(clause).start + 5)
            context.report(keyword, "this `catch` takes every error, CancellationError included, and carries on, so after "
                           + "cancellation the `\(file.loopDescription(loop))` loop goes on; end the loop on `CancellationError` "
                           + "(`catch is CancellationError { return }`) or check `Task.isCancelled`")
        }
    }

    /// The innermost enclosing loop that only cancellation or a jump can end: a `for _ in 0..<3`
    /// retry makes its fixed number of rounds after cancellation too, and a `while` ends by its
    /// condition (a deadline, a flag), so neither can spin for ever; a `while true` around them can.
    static func openLoop(around node: SwiftNode, file: SwiftFile) -> SwiftNode? {
        file.enclosingLoops(of: node).first { file.loopShape($0).isOpenEnded }
    }

    /// The sleep whose error `try?` drops: `try? await Task.sleep(...)`, `try? await clock.sleep(for:)`
    /// (any clock's `sleep` throws CancellationError alike). Returns the callee.
    static func swallowedSleep(_ attempt: SwiftNode, file: SwiftFile) -> SwiftNode? {
        let tree = file.tree
        guard tree.kind(attempt) == .tryExpr, tree.hasFlag(attempt, SwiftNodeFlags.isOptionalTry),
              tree.kind(tree.child(attempt, 0)) == .awaitExpr else { return nil }
        let call = tree.stripped(attempt)
        guard tree.kind(call) == .call else { return nil }
        let callee = tree.child(call, 0)
        guard tree.kind(callee) == .memberAccess, tree.child(callee, 0).exists,
              tree.hasText(tree.child(callee, 1), "sleep") else { return nil }
        return callee
    }

    static func isSwallowedSleep(_ attempt: SwiftNode, file: SwiftFile) -> Bool {
        swallowedSleep(attempt, file: file) != nil
    }

    /// Whether the loop's own body swallows cancellation in one of the ways this rule reports.
    static func swallowsCancellation(_ loop: SwiftNode, file: SwiftFile) -> Bool {
        var swallows = false
        file.walkSameContext(file.loopBody(loop)) { node in
            if isSwallowedSleep(node, file: file)
                || (file.tree.kind(node) == .doStmt && swallowingCatch(of: node, in: loop, file: file) != nil) {
                swallows = true
            }
        }
        return swallows
    }

    /// The bodies of the `do` statements in the loop whose errors a catch-all swallows: a
    /// `try await` there does not end the loop.
    static func swallowedBodies(in loop: SwiftNode, file: SwiftFile) -> Set<SwiftNode> {
        var bodies = Set<SwiftNode>()
        file.walkSameContext(file.loopBody(loop)) { node in
            if file.tree.kind(node) == .doStmt && swallowingCatch(of: node, in: loop, file: file) != nil {
                bodies.insert(file.tree.child(node, 0))
            }
        }
        return bodies
    }

    /// A bare `catch` whose body neither leaves `loop` (`return`, `throw`, `break`, `fatalError()`,
    /// or setting a variable the loop's condition reads) nor looks at cancellation (an empty one,
    /// one that only logs or counts), with no earlier clause that singles out `CancellationError`.
    static func swallowingCatch(of statement: SwiftNode, in loop: SwiftNode, file: SwiftFile) -> SwiftNode? {
        let tree = file.tree
        for clause in tree.children(statement).dropFirst() where tree.kind(clause) == .catchClause {
            let patterns = tree.child(clause, 0)
            let namesCancellation = file.contains(patterns) { node in
                (tree.kind(node) == .identifier || tree.kind(node) == .typeReference) && tree.hasText(node, "CancellationError")
            }
            if namesCancellation { return nil }
            guard tree.children(patterns).isEmpty else { continue }
            let body = tree.child(clause, 1)
            let goesOn = !leavesLoop(body, file: file) && !setsCondition(of: loop, in: body, file: file)
                && !file.consultsCancellation(body)
                && !file.contains(body, where: { tree.hasText($0, "CancellationError") })
            return goesOn ? clause : nil
        }
        return nil
    }

    /// Whether the code can leave the loop around it: a `return`, `throw` or `break` of its own,
    /// or a call that never returns (`fatalError`, `preconditionFailure`, `exit`).
    static func leavesLoop(_ body: SwiftNode, file: SwiftFile) -> Bool {
        let tree = file.tree
        var leaves = false
        file.walkSameContext(body) { node in
            switch tree.kind(node) {
            case .returnStmt, .throwStmt: leaves = true
            case .jumpStmt where tree.op(node) == .kwBreak: leaves = true
            case .call:
                let callee = tree.child(node, 0)
                if tree.isName(callee, "fatalError") || tree.isName(callee, "preconditionFailure") || tree.isName(callee, "exit") {
                    leaves = true
                }
            default: break
            }
        }
        return leaves
    }

    /// `continueResolving = false` in a `while continueResolving` loop: the catch ends the loop
    /// through its condition.
    static func setsCondition(of loop: SwiftNode, in body: SwiftNode, file: SwiftFile) -> Bool {
        let tree = file.tree
        let header = file.loopHeader(loop)
        var sets = false
        file.walkSameContext(body) { node in
            guard !sets, tree.kind(node) == .assignment else { return }
            let target = file.lastName(tree.stripped(tree.child(node, 0)))
            if target.exists && file.mentions(header, name: target) { sets = true }
        }
        return sets
    }

    /// Whether the loop still notices cancellation elsewhere: in its condition, in its body outside
    /// the swallowing code, or because it pulls from an async source (`for await`, `while let x =
    /// await next()`) that ends when the task is cancelled.
    static func loopConsultsCancellation(_ loop: SwiftNode, besides excluded: Set<SwiftNode>, file: SwiftFile) -> Bool {
        let header = file.loopHeader(loop)
        if file.loopShape(loop) == .asyncSequence || file.consultsCancellation(header) { return true }
        if file.tree.kind(loop) != .forInStmt && file.bodyAwaits(header) { return true }
        return file.consultsCancellation(file.loopBody(loop), excluding: excluded)
    }
}
