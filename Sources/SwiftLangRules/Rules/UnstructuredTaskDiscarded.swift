import LintCore
import SwiftLangSyntax

/// `Task { while true { ... } }` with the handle thrown away: nothing can ever cancel it.
enum UnstructuredTaskDiscarded {
    static let rule = SwiftRule(
        id: "swift-unstructured-task-discarded",
        summary: "a task running an unbounded loop is created and its handle discarded, so nothing can cancel it",
        severity: .info, category: "lifecycle", triggers: ["Task"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        for task in file.taskCreations where file.isDiscarded(task.call) && !runsForWholeProcess(task, file: file) {
            guard let loop = unboundedLoop(in: task.closure, file: file) else { continue }
            var message = "the task's handle is discarded while its body runs an unbounded loop "
                + "(`\(file.loopDescription(loop))`): nothing can cancel it"
            if file.capturesSelfStrongly(task.closure) {
                message += ", and it keeps `self` alive"
            }
            message += "; store the task and cancel it when its owner stops"
            context.report(task.anchor, message, related: [context.relatedLocation(loop, "the loop that never ends")])
        }
    }

    /// Top-level code (`main.swift`, a script) runs for the whole process: a task started there
    /// ends with it, so there is no owner that should cancel it.
    static func runsForWholeProcess(_ task: TaskCreation, file: SwiftFile) -> Bool {
        file.tree.kind(file.enclosingExecutable(of: task.call)) == .sourceFile
    }

    /// The first loop of the task's body (nested closures that run in the task included) that
    /// only cancellation could end.
    static func unboundedLoop(in closure: SwiftNode, file: SwiftFile) -> SwiftNode? {
        var found: SwiftNode?
        file.walkTaskBody(closure) { node in
            guard found == nil, file.isLoop(node), file.loopIsEndless(node) else { return }
            found = node
        }
        return found
    }
}
