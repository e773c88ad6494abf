import LintCore
import SwiftLangSyntax

/// `await Task.detached { ... }.value` in async code whose body awaits cancellable work: the
/// caller waits anyway, and its cancellation does not reach that work. A body that cannot observe
/// cancellation (synchronous I/O moved off the main actor, a priority hop) loses nothing by being
/// detached, and running it in the caller could put it back on the caller's actor: not reported.
enum DetachedInAsync {
    static let rule = SwiftRule(
        id: "swift-detached-in-async",
        summary: "a detached task awaited right away in async code keeps the caller's cancellation from the work it awaits",
        severity: .info, category: "api", triggers: ["detached"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        for task in file.taskCreations where task.flavor == .detached {
            guard file.isInAsyncContext(task.call), let awaited = awaitedResult(of: task, file: file),
                  file.consultsCancellation(file.tree.child(task.closure, 2)) else { continue }
            context.report(task.anchor,
                           "this `Task.detached` is awaited right away, so the caller waits for it anyway, but the caller's "
                           + "cancellation does not reach the cancellable work its body awaits: a cancelled caller waits "
                           + "until that work is done; await the work in the caller (`async let` or a task group to run "
                           + "it alongside)",
                           related: [context.relatedLocation(awaited, "awaited here")])
        }
    }

    /// The `.value` (or `.result`) read that awaits the task in the same function: on the call
    /// itself, or on a local constant holding it that is used for nothing else.
    static func awaitedResult(of task: TaskCreation, file: SwiftFile) -> SwiftNode? {
        let tree = file.tree
        let parent = tree.parent(task.call)
        if isResultRead(parent, file: file) { return file.isAwaited(parent) ? parent : nil }
        let binding = parent
        guard tree.kind(binding) == .patternBinding, tree.child(binding, 2) == task.call,
              tree.kind(tree.parent(binding)) == .variableDecl, tree.op(tree.parent(binding)) == .kwLet,
              tree.kind(tree.child(binding, 0)) == .identifier else { return nil }
        let name = tree.child(binding, 0)
        let scope = tree.parent(tree.parent(binding))
        guard tree.kind(scope) == .codeBlock else { return nil }
        var reads: [SwiftNode] = []
        var otherUse = false
        for node in file.uses(of: name, within: scope) {
            let use = tree.parent(node)
            if tree.kind(use) == .memberAccess && tree.child(use, 1) == node { continue }
            if isResultRead(use, file: file) && file.isAwaited(use) { reads.append(use) } else { otherUse = true }
        }
        return otherUse ? nil : reads.first
    }

    static func isResultRead(_ node: SwiftNode, file: SwiftFile) -> Bool {
        let tree = file.tree
        guard tree.kind(node) == .memberAccess else { return false }
        let member = tree.child(node, 1)
        return tree.hasText(member, "value") || tree.hasText(member, "result")
    }
}
