import LintCore

/// The `rules` listing: id, default severity and summary of every rule, sorted by id.
enum RulesTable {
    static func text(rules: [RuleDescriptor]) -> String {
        let header = (id: "RULE", severity: "SEVERITY", summary: "SUMMARY")
        let rows = rules.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            .map { (id: $0.id, severity: "\($0.defaultSeverity)", summary: $0.summary) }
        let idWidth = ([header] + rows).map(\.id.count).max() ?? 0
        let severityWidth = ([header] + rows).map(\.severity.count).max() ?? 0
        return ([header] + rows).map { row in
            row.id.padding(to: idWidth) + "  " + row.severity.padding(to: severityWidth) + "  " + row.summary + "\n"
        }.joined()
    }
}
