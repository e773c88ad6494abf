/// Every Swift rule, in the order they run. One line per rule.
public enum SwiftRuleRegistry {
    public static let all: [SwiftRule] = [
        TaskNeverCancelled.rule,
        UnstructuredTaskDiscarded.rule,
        LoopIgnoresCancellation.rule,
        SwallowedCancellation.rule,
        BlockingWaitInAsync.rule,
        StreamWithoutTermination.rule,
        DetachedInAsync.rule,
    ]
}
