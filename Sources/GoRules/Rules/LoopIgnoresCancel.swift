import GoAnalysis
import GoSyntax
import LintCore

/// A wait loop that never looks at the context in scope: cancelling it does not stop the loop.
enum LoopIgnoresCancel {
    static let rule = GoRule(
        id: WaitRules.loopRuleID,
        summary: "a loop waits (select, channel, sleep, wait group) but never checks the context in scope",
        severity: .warning, category: "lifecycle",
        options: [.stringList("blocking-calls", summary: "extra calls that block, as written (`conn.Read`, `queue.Pop`)")],
        check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        guard let facts = WaitRules.factsWhereContextsExist(context) else { return }
        let tree = context.tree
        for finding in facts.loopsIgnoringCancel {
            let name = finding.context.expression
            let message: String
            if case .endless = finding.wait.kind {
                message = "loop never exits and never checks \(name): it keeps running after \(name) is cancelled; "
                    + "check \(name).Err() or select on \(name).Done() and return"
            } else {
                message = "loop waits \(facts.syntax.describe(finding.wait)) but never checks \(name): "
                    + "it keeps waiting after \(name) is cancelled; "
                    + "select on \(name).Done() and return, or check \(name).Err() each iteration"
            }
            context.report(WaitRules.keywordRange(finding.loop, length: 3, in: tree), message)
        }
    }
}
