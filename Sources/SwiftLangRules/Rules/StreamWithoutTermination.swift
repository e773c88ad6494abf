import LintCore
import SwiftLangSyntax

/// `AsyncStream { continuation in Task { ... } }` (or `.init { }`, or `makeStream` followed by a
/// producer task that yields into the continuation) that never sets `continuation.onTermination`:
/// the consumer's cancellation never reaches the producer.
enum StreamWithoutTermination {
    static let rule = SwiftRule(
        id: "swift-stream-without-termination",
        summary: "an AsyncStream's producer starts work but never sets `onTermination` to stop it",
        severity: .info, category: "lifecycle", triggers: ["AsyncStream", "AsyncThrowingStream"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        let tree = file.tree
        for call in file.nodes(.call) {
            guard let stream = file.streamConstruction(call) else { continue }
            let scope = file.producerScope(of: stream)
            let continuation = file.continuation(of: stream)
            guard scope.exists, !file.contains(scope, where: { tree.isName($0, "onTermination") }) else { continue }
            let work: Work?
            if stream.buildClosure.exists {
                work = startedWork(in: scope, file: file)
            } else {
                // `makeStream`: the producer is the work started after it that yields into the continuation.
                work = continuation.exists ? producerTask(in: scope, after: call, feeding: continuation, file: file) : nil
            }
            guard let work else { continue }
            let continuationText = continuation.exists ? tree.text(continuation) : "$0"
            context.report(stream.anchor,
                           "this \(stream.typeName)'s producer starts \(work.description) but never sets `\(continuationText).onTermination`: "
                           + "when the consumer stops or is cancelled the work goes on; stop it in `onTermination`",
                           related: [context.relatedLocation(work.node, "the work that outlives the consumer")])
        }
    }

    /// A task started in `scope` after `start` whose body uses the continuation.
    static func producerTask(in scope: SwiftNode, after start: SwiftNode, feeding continuation: SwiftNode,
                             file: SwiftFile) -> Work? {
        let tree = file.tree
        var found: Work?
        file.walkSameContext(scope) { node in
            guard found == nil, tree.range(node).start > tree.range(start).end, let task = file.taskCreation(node),
                  file.mentions(task.closure, name: continuation) else { return }
            found = loopingProducer(task, file: file)
        }
        return found
    }

    /// A producer task that outlives the consumer: its handle is not kept (a kept one is its
    /// holder's to cancel) and its body runs a loop that only cancellation ends. A task that
    /// yields a few values and finishes ends by itself.
    static func loopingProducer(_ task: TaskCreation, file: SwiftFile) -> Work? {
        guard file.isDiscarded(task.call), UnstructuredTaskDiscarded.unboundedLoop(in: task.closure, file: file) != nil
        else { return nil }
        return Work(node: task.anchor, description: "a task")
    }

    struct Work {
        var node: SwiftNode
        var description: String
    }

    /// Work that goes on after the build closure's body returns: a task, a timer, a dispatch
    /// source, a subscription, or a loop that only ends when it is told to.
    static func startedWork(in body: SwiftNode, file: SwiftFile) -> Work? {
        let tree = file.tree
        var found: Work?
        tree.walk(body) { node in
            guard found == nil else { return false }
            switch tree.kind(node) {
            case .call:
                if let task = file.taskCreation(node) {
                    // The task is the work, or (kept, or ending by itself) no work of this stream.
                    found = loopingProducer(task, file: file)
                    return false
                } else if let subscription = subscription(node, file: file) {
                    found = Work(node: tree.child(node, 0), description: subscription)
                }
            case .whileStmt, .repeatStmt:
                if file.loopIsEndless(node) {
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
