import LintCore
import SwiftLangSyntax

/// `Thread.sleep`, `sleep`/`usleep`, `DispatchSemaphore.wait()`, `DispatchGroup.wait()` in
/// async code: a cooperative-pool thread is blocked and the wait cannot be cancelled.
enum BlockingWaitInAsync {
    static let rule = SwiftRule(
        id: "swift-blocking-wait-in-async",
        summary: "a blocking sleep or wait in async code holds a cooperative thread and ignores cancellation",
        severity: .warning, category: "blocking", triggers: ["sleep", "wait"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        for call in file.nodes(.call) {
            guard let (what, remedy) = blockingWait(call, file: file), file.isInAsyncContext(call) else { continue }
            context.report(file.tree.child(call, 0),
                           "\(what) blocks a thread of the cooperative pool in async code and cannot be cancelled; \(remedy)")
        }
    }

    static let sleepRemedy = "use `try await Task.sleep(for:)`"
    static let waitRemedy = "await an async primitive instead (a continuation, an `AsyncStream`, a task group)"

    /// What the call is, for the message, and what to use instead; nil when it does not block.
    static func blockingWait(_ call: SwiftNode, file: SwiftFile) -> (String, String)? {
        let tree = file.tree
        guard !file.isAwaited(call) else { return nil }
        let callee = file.callee(call)
        let arguments = file.arguments(call)
        if file.isMember(callee, of: "Thread", named: "sleep") {
            return ("`Thread.sleep`", sleepRemedy)
        }
        if tree.kind(callee) == .identifier {
            let isSleep = tree.hasText(callee, "sleep") || tree.hasText(callee, "usleep") || tree.hasText(callee, "nanosleep")
            guard isSleep, arguments.count == 1, !tree.child(arguments.first ?? .none, 0).exists,
                  !file.declaresFunction(tree.text(callee)) else { return nil }
            return ("`\(tree.text(callee))`", sleepRemedy)
        }
        guard tree.kind(callee) == .memberAccess, tree.hasText(tree.child(callee, 1), "wait"),
              arguments.allSatisfy({ argument in
                  let label = tree.child(argument, 0)
                  return label.exists && (tree.hasText(label, "timeout") || tree.hasText(label, "wallTimeout"))
              }) else { return nil }
        let receiver = tree.child(callee, 0)
        let types = file.declaredTypes(of: receiver)
        for type in ["DispatchSemaphore", "DispatchGroup"] where types.contains(type) {
            return ("`\(tree.text(receiver)).wait()` on a \(type)", waitRemedy)
        }
        return nil
    }
}
