/// Every Go rule, in the order they run. One line per rule.
public enum GoRuleRegistry {
    public static let all: [GoRule] = [
        LostCancelDiscarded.rule,
        LostCancel.rule,
        CancelEscapes.rule,
        ContextPointer.rule,
        DeferCancelInLoop.rule,
        BackgroundInScope.rule,
        HTTPRequestWithoutContext.rule,
        SQLWithoutContext.rule,
        NilContext.rule,
        ContextKeyBuiltin.rule,
        ContextInStruct.rule,
        ContextNotFirst.rule,
        WaitGroupAddInGoroutine.rule,
        ShutdownWithoutDeadline.rule,
        ErrgroupContextUnused.rule,
        LoopIgnoresCancel.rule,
        GoroutineIgnoresCancel.rule,
        SelectMissingDone.rule,
        DoneCaseNoExit.rule,
        SleepIgnoresCancel.rule,
        TimeAfterInLoop.rule,
    ]
}
