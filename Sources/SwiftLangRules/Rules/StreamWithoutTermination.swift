import LintCore
import SwiftLangSyntax

/// `AsyncStream { continuation in Task { ... } }` that never sets `continuation.onTermination`:
/// the consumer's cancellation never reaches the producer.
enum StreamWithoutTermination {
    static let rule = SwiftRule(
        id: "swift-stream-without-termination",
        summary: "an AsyncStream's producer starts work but never sets `onTermination` to stop it",
        severity: .warning, category: "lifecycle", triggers: ["AsyncStream", "AsyncThrowingStream"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        let tree = file.tree
        for call in file.nodes(.call) {
            let callee = file.callee(call)
            let typeName = tree.kind(callee) == .memberAccess && tree.hasText(tree.child(callee, 1), "init")
                ? file.lastName(tree.child(callee, 0)) : callee
            guard tree.isName(typeName, "AsyncStream") || tree.isName(typeName, "AsyncThrowingStream") else { continue }
            let closure = file.closureArgument(call, label: nil)
            guard closure.exists, !file.contains(closure, where: { tree.isName($0, "onTermination") }),
                  let work = startedWork(in: closure, file: file) else { continue }
            let stream = tree.text(typeName)
            let continuation = continuationName(of: closure, file: file)
            context.report(typeName,
                           "this \(stream)'s producer starts \(work.description) but never sets `\(continuation).onTermination`: "
                           + "when the consumer stops or is cancelled the work goes on; stop it in `onTermination`",
                           related: [context.relatedLocation(work.node, "the work that outlives the consumer")])
        }
    }

    static func continuationName(of closure: SwiftNode, file: SwiftFile) -> String {
        let tree = file.tree
        let parameter = tree.child(tree.child(closure, 1), 0)
        let name = tree.child(parameter, 0)
        return name.exists ? tree.text(name) : "$0"
    }

    struct Work {
        var node: SwiftNode
        var description: String
    }

    /// Work that goes on after the build closure returns: a task, a timer, a dispatch source, a
    /// subscription, or a loop that only ends when it is told to.
    static func startedWork(in closure: SwiftNode, file: SwiftFile) -> Work? {
        let tree = file.tree
        var found: Work?
        tree.walk(tree.child(closure, 2)) { node in
            guard found == nil else { return false }
            switch tree.kind(node) {
            case .call:
                if let task = file.taskCreation(node) {
                    found = Work(node: task.anchor, description: "a task")
                } else if let subscription = subscription(node, file: file) {
                    found = Work(node: tree.child(node, 0), description: subscription)
                }
            case .whileStmt, .repeatStmt:
                if file.loopShape(node) != .bounded && !file.loopHasExit(node) {
                    found = Work(node: node, description: "an endless loop")
                }
            default:
                break
            }
            return found == nil
        }
        return found
    }

    static func subscription(_ call: SwiftNode, file: SwiftFile) -> String? {
        let tree = file.tree
        let callee = file.callee(call)
        // `addObserver(...)` inside a type's own method has no receiver written.
        let member = tree.kind(callee) == .memberAccess ? tree.child(callee, 1) : callee
        guard tree.kind(member) == .identifier else { return nil }
        if tree.kind(callee) == .memberAccess {
            let receiver = file.lastName(tree.stripped(tree.child(callee, 0)))
            if receiver.exists && tree.hasText(receiver, "Timer") { return "a timer" }
            if receiver.exists && tree.hasText(receiver, "DispatchSource") { return "a dispatch source" }
        }
        if tree.hasText(member, "sink") || tree.hasText(member, "addObserver") || tree.hasText(member, "observe") {
            return "a subscription (`\(tree.text(member))`)"
        }
        return nil
    }
}
