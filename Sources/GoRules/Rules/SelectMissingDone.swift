import GoAnalysis
import GoSyntax
import LintCore

/// `select { case <-time.After(d): ...; case v := <-ch: ... }` with a context in scope and no
/// `case <-ctx.Done():` — after cancellation the select keeps waiting.
enum SelectMissingDone {
    static let rule = GoRule(
        id: WaitRules.selectRuleID,
        summary: "a blocking select has no case for the Done channel of the context in scope",
        severity: .warning, category: "lifecycle",
        options: [.stringList("stop-channels", default: WaitOptions.defaultStopSignalNames,
                              summary: "channel names that signal a stop of their own (a case on one makes the finding info); `*Ch`/`*C` variants included")],
        check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        guard let facts = WaitRules.factsWhereContextsExist(context) else { return }
        let syntax = facts.syntax
        let loopRuleEnabled = context.isRuleEnabled(WaitRules.loopRuleID)
        let goroutineRuleEnabled = context.isRuleEnabled(WaitRules.goroutineRuleID)
        let tree = context.tree
        for select in facts.selects where syntax.isBlockingSelect(select) {
            let clauses = syntax.cases(of: select)
            if clauses.contains(where: { syntax.isDoneChannel(syntax.receivedChannel(ofCase: $0)) }) { continue }
            guard let inScope = facts.nearestContext(at: select) else { continue }
            // A case fed by code that reacts to cancellation ends the wait when the context does.
            let function = context.file.enclosingFunction(of: select)
            if clauses.contains(where: { syntax.isCancellationAwareSource(syntax.receivedChannel(ofCase: $0), within: function) }) {
                continue
            }
            // One finding per problem: the loop or goroutine around the select already stands for it.
            if loopRuleEnabled && facts.isInsideLoopIgnoringCancel(select) { continue }
            if goroutineRuleEnabled && facts.isInsideGoroutineIgnoringCancel(select, loopRuleEnabled: loopRuleEnabled) {
                continue
            }
            let name = inScope.expression
            let range = WaitRules.keywordRange(select, length: 6, in: tree)
            let stopCase = clauses.first { syntax.isStopSignal(syntax.receivedChannel(ofCase: $0)) }
                ?? clauses.first { syntax.isClosingCase($0) }
            let stopSignal = stopCase.map { syntax.receivedChannel(ofCase: $0) }
            if let stopSignal {
                context.report(range, "select stops on its own signal `\(syntax.shortText(stopSignal))` but has no "
                    + "`case <-\(name).Done():`, so it does not stop when \(name) is cancelled; add that case",
                    severity: .info)
            } else {
                var waited: [String] = []
                for clause in clauses {
                    let channel = syntax.channel(ofCase: clause)
                    let text = "`\(syntax.shortText(channel))`"
                    if channel.exists && !waited.contains(text) { waited.append(text) }
                }
                let list = waited.count > 2 ? "\(waited[0]), \(waited[1]) and others" : waited.joined(separator: " and ")
                context.report(range, "select waits on \(list) with no `case <-\(name).Done():`, so it keeps waiting "
                    + "after \(name) is cancelled; add that case and return \(name).Err()")
            }
        }
    }
}
