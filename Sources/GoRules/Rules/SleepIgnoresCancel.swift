import GoAnalysis
import GoSyntax
import LintCore

/// `time.Sleep(d)` with a context in scope: the wait cannot be interrupted by cancellation.
enum SleepIgnoresCancel {
    static let rule = GoRule(
        id: "sleep-ignores-cancel",
        summary: "time.Sleep with a context in scope cannot be interrupted by cancellation",
        severity: .warning, category: "lifecycle", check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        guard let facts = WaitRules.factsWhereContextsExist(context), !facts.sleeps.isEmpty else { return }
        let file = context.file
        let syntax = facts.syntax
        let loopRuleEnabled = context.isRuleEnabled(WaitRules.loopRuleID)
        let goroutineRuleEnabled = context.isRuleEnabled(WaitRules.goroutineRuleID)
        for sleep in facts.sleeps {
            let argument = context.tree.child(sleep, 1)
            if let nanoseconds = syntax.constantDuration(argument), nanoseconds < WaitFacts.shortestMeaningfulSleep {
                continue
            }
            guard let inScope = facts.nearestContext(at: sleep), !isFollowedByCancel(sleep, syntax: syntax) else { continue }
            let loops = facts.enclosingLoops(of: sleep)
            // One finding per problem: the loop or goroutine finding already covers this sleep.
            if loopRuleEnabled && loops.contains(where: facts.isLoopIgnoringCancel) { continue }
            if goroutineRuleEnabled && facts.isInsideGoroutineIgnoringCancel(sleep, loopRuleEnabled: loopRuleEnabled) {
                continue
            }
            let inGoroutine = syntax.launchingGoStatement(file.enclosingFunction(of: sleep)).exists
            let name = inScope.expression
            let duration = argument.exists ? syntax.shortText(argument, limit: 30) : "d"
            let remedy = "use `select { case <-\(name).Done(): return \(name).Err(); case <-time.After(\(duration)): }` "
                + "or a reusable timer"
            if !loops.isEmpty {
                context.report(sleep, "time.Sleep in a loop ignores \(name): each iteration waits the full \(duration) "
                    + "even after \(name) is cancelled; \(remedy)", severity: .warning)
            } else if inGoroutine {
                context.report(sleep, "time.Sleep in a goroutine ignores \(name): the goroutine waits the full "
                    + "\(duration) even after \(name) is cancelled; \(remedy)", severity: .warning)
            } else {
                context.report(sleep, "time.Sleep cannot be interrupted: cancelling \(name) takes effect only after "
                    + "\(duration); \(remedy)", severity: .info)
            }
        }
    }

    /// `time.Sleep(d); cancel()`: the sleep times a cancellation rather than ignoring one.
    static func isFollowedByCancel(_ sleep: NodeID, syntax: WaitSyntax) -> Bool {
        let tree = syntax.tree
        let statement = tree.parent(sleep)
        guard tree.kind(statement) == .exprStmt else { return false }
        return syntax.cancelCallAfter(statement, in: tree.parent(statement))
    }
}
