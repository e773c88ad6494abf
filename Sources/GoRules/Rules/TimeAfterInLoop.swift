import GoAnalysis
import GoSyntax
import LintCore

/// `for { select { case <-time.After(d): ... } }`: a new timer every iteration.
enum TimeAfterInLoop {
    static let rule = GoRule(
        id: "time-after-in-loop",
        summary: "time.After in a select inside a loop makes a new timer every iteration",
        severity: .info, category: "lifecycle", check: check)

    /// Since Go 1.23 unreferenced timers are collected before they fire.
    static let collectedTimersVersion = GoVersion(major: 1, minor: 23)

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.imports("time") else { return }
        let facts = file.waitFacts(WaitRules.options(context))
        let syntax = facts.syntax
        let version = file.languageVersion
        let parsed = version.flatMap(GoVersion.init)
        let remedy = "create one time.NewTimer before the loop and Reset it each iteration"
        for select in facts.selects {
            guard let loop = facts.enclosingLoops(of: select).first else { continue }
            let clauses = syntax.cases(of: select)
            // Timers pile up only when another case wins and the loop goes round again; when every
            // other case leaves the loop, each timer has fired (and is gone) before the next is made.
            let othersLeave = clauses.filter { !syntax.isTimeAfterCall(syntax.receivedChannel(ofCase: $0)) }
                .allSatisfy { clause in
                    context.tree.children(clause).dropFirst().contains { syntax.containsExit($0, loop: loop) }
                }
            if othersLeave { continue }
            for clause in clauses {
                let channel = syntax.receivedChannel(ofCase: clause)
                guard syntax.isTimeAfterCall(channel) else { continue }
                let call = context.tree.unparen(channel)
                if let parsed, parsed >= collectedTimersVersion {
                    context.report(call, "time.After in a select inside a loop makes a new timer every iteration "
                        + "(collected early since Go 1.23, but still allocated); \(remedy)", severity: .info)
                } else {
                    let module = version.map { "go \($0)" } ?? "no go.mod found"
                    context.report(call, "time.After in a select inside a loop makes a new timer every iteration, and "
                        + "before Go 1.23 none is freed until it fires (\(module)); \(remedy)", severity: .warning)
                }
            }
        }
    }
}
