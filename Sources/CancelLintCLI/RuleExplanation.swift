import LintCore

/// `cancellint explain RULE`: the rule's document, as in `Rules/RULE.md`.
enum RuleExplanation {
    static func explain(_ ruleID: String, rules: [RuleDescriptor], documents: [String: String],
                        output: inout CommandOutput) -> ExitStatus {
        guard rules.contains(where: { $0.id == ruleID }) else {
            var message = "\(ToolInfo.name): unknown rule '\(ruleID)'"
            if let suggestion = Suggestion.closest(to: ruleID, among: rules.map(\.id)) {
                message += "; did you mean \(suggestion)?"
            }
            output.standardError = message + "\n'\(ToolInfo.name) rules' lists every rule.\n"
            return .usageOrInputError
        }
        guard let document = documents[ruleID] else {
            output.standardError = "\(ToolInfo.name): rule '\(ruleID)' has no document\n"
            return .usageOrInputError
        }
        output.standardOutput = document
        return .success
    }
}
