/// Every Swift rule, in the order they run. One line per rule.
public enum SwiftRuleRegistry {
    public static let all: [SwiftRule] = [
    ]
}
