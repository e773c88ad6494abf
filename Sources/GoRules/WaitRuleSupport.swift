import GoAnalysis
import GoSyntax
import LintCore

/// What the wait rules (loop-ignores-cancel, goroutine-ignores-cancel, select-missing-done,
/// done-case-no-exit, sleep-ignores-cancel, time-after-in-loop) share: their ids, the options
/// that shape the shared `WaitFacts`, and the cheap preconditions they check first.
enum WaitRules {
    static let loopRuleID = "loop-ignores-cancel"
    static let goroutineRuleID = "goroutine-ignores-cancel"
    static let selectRuleID = "select-missing-done"

    /// Built from the rules that own each option, so that every wait rule asks for the same facts
    /// and one rule's options mean the same thing when another rule defers to it.
    static func options(_ context: GoRuleContext) -> WaitOptions {
        let blockingCalls = context.lintSettings.settings(for: loopRuleID).strings("blocking-calls")
        let stopNames = context.lintSettings.settings(for: selectRuleID).strings("stop-channels")
        return WaitOptions(blockingCalls: blockingCalls,
                           stopSignalNames: stopNames.isEmpty ? WaitOptions.defaultStopSignalNames : stopNames)
    }

    /// The shared facts, or nil when no function of the file can have a context in scope.
    static func factsWhereContextsExist(_ context: GoRuleContext) -> WaitFacts? {
        let file = context.file
        guard file.imports.importsContext || file.imports.imports("net/http") || !file.extraContextTypes.isEmpty,
              !file.contexts.contextSymbols.isEmpty || !file.contexts.requestSymbols.isEmpty else { return nil }
        return file.waitFacts(options(context))
    }

    /// The range of a statement's leading keyword (`for`, `go`, `select`), where findings point.
    static func keywordRange(_ node: NodeID, length: Int32, in tree: SyntaxTree) -> ByteRange {
        let start = tree[node].start
        return ByteRange(start: start, end: min(start + length, tree[node].end))
    }
}
