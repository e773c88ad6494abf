import LintCore
import SwiftLangSyntax

/// `Task { while true { ... } }` with the handle thrown away: nothing can ever cancel it.
enum UnstructuredTaskDiscarded {
    static let rule = SwiftRule(
        id: "swift-unstructured-task-discarded",
        summary: "a task running an unbounded loop is created and its handle discarded, so nothing can cancel it",
        severity: .warning, category: "lifecycle", triggers: ["Task"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        for task in file.taskCreations where file.isDiscarded(task.call) {
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

    /// The first loop of the task's own body that only cancellation could end.
    static func unboundedLoop(in closure: SwiftNode, file: SwiftFile) -> SwiftNode? {
        var found: SwiftNode?
        file.walkSameContext(file.tree.child(closure, 2)) { node in
            guard found == nil, file.isLoop(node) else { return }
            switch file.loopShape(node) {
            case .forever, .asyncSequence:
                if !file.loopHasExit(node) { found = node }
            case .untilCancelled:
                found = node
            case .bounded:
                break
            }
        }
        return found
    }
}
