import GoAnalysis
import GoSyntax
import LintCore

/// `go func() { ch <- v }()` with a context in scope: once the context is cancelled and nobody
/// receives, the goroutine blocks forever.
enum GoroutineIgnoresCancel {
    static let rule = GoRule(
        id: WaitRules.goroutineRuleID,
        summary: "a goroutine literal waits without consulting the context in scope, so it can leak after cancellation",
        severity: .warning, category: "lifecycle", check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        guard let facts = WaitRules.factsWhereContextsExist(context) else { return }
        let loopRuleEnabled = context.isRuleEnabled(WaitRules.loopRuleID)
        let tree = context.tree
        for finding in facts.goroutinesIgnoringCancel {
            if loopRuleEnabled && finding.containsLoopIgnoringCancel { continue }
            let name = finding.context.expression
            var consequence = "after \(name) is cancelled nothing may unblock it and it leaks"
            var remedy = "wait in a select with a `case <-\(name).Done():` that returns"
            switch finding.wait.kind {
            case .send: remedy += ", or give the channel a buffer"
            case .sleep: consequence = "it sleeps on after \(name) is cancelled"
            case .timer: consequence = "it waits out the timer after \(name) is cancelled"
            default: break
            }
            let message = "goroutine waits \(facts.syntax.describe(finding.wait)) without consulting \(name): "
                + "\(consequence); \(remedy)"
            context.report(WaitRules.keywordRange(finding.statement, length: 2, in: tree), message)
        }
    }
}
