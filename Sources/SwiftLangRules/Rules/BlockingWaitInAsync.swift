import LintCore
import SwiftLangSyntax

/// `Thread.sleep`, `sleep`/`usleep`, `DispatchSemaphore.wait()`, `DispatchGroup.wait()`,
/// `EventLoopFuture.wait()` and the calls configured under `swift: extra-blocking-calls`, in async
/// code or in a closure that async code runs in place: a cooperative-pool thread is blocked and the
/// wait cannot be cancelled.
enum BlockingWaitInAsync {
    static let rule = SwiftRule(
        id: "swift-blocking-wait-in-async",
        summary: "a blocking sleep or wait in async code holds a cooperative thread and ignores cancellation",
        severity: .info, category: "blocking", triggers: ["sleep", "wait"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        let extra = ExtraBlockingCalls(context.lintSettings.value(of: SwiftFrontEnd.extraBlockingCalls).strings)
        for call in file.nodes(.call) {
            guard let (what, remedy) = blockingWait(call, extra: extra, file: file),
                  file.runsOnCooperativeThread(call) else { continue }
            context.report(file.tree.child(call, 0),
                           "\(what) blocks a thread of the cooperative pool in async code and cannot be cancelled; \(remedy)")
        }
    }

    static let sleepRemedy = "use `try await Task.sleep(for:)`"
    static let waitRemedy = "await an async primitive instead (a continuation, an `AsyncStream`, a task group)"
    static let futureRemedy = "await the future's `get()` instead"

    /// Types whose `wait()` blocks the calling thread until something else happens.
    static let blockingWaitTypes = ["DispatchSemaphore", "DispatchGroup", "DispatchWorkItem", "NSCondition",
                                    "NSConditionLock", "EventLoopFuture"]

    /// `swift: extra-blocking-calls`: `Type.method` entries by method name, and function names.
    struct ExtraBlockingCalls {
        var typesByMethod: [String: [String]] = [:]
        var functions: Set<String> = []

        init(_ entries: [String]) {
            for entry in entries {
                if let period = entry.lastIndex(of: "."), period != entry.startIndex, entry.index(after: period) != entry.endIndex {
                    typesByMethod[String(entry[entry.index(after: period)...]), default: []]
                        .append(TypeHints.baseTypeName(String(entry[..<period])))
                } else if !entry.isEmpty {
                    functions.insert(entry)
                }
            }
        }
    }

    /// What the call is, for the message, and what to use instead; nil when it does not block.
    static func blockingWait(_ call: SwiftNode, extra: ExtraBlockingCalls = ExtraBlockingCalls([]),
                             file: SwiftFile) -> (String, String)? {
        let tree = file.tree
        guard !file.isAwaited(call) else { return nil }
        let callee = file.callee(call)
        let arguments = file.arguments(call)
        if file.isMember(callee, of: "Thread", named: "sleep") {
            return ("`Thread.sleep`", sleepRemedy)
        }
        if tree.kind(callee) == .identifier {
            // Bytes first: making a String of every callee's name costs more than the rule.
            let isSleep = tree.hasText(callee, "sleep") || tree.hasText(callee, "usleep") || tree.hasText(callee, "nanosleep")
            guard isSleep || !extra.functions.isEmpty else { return nil }
            let name = tree.text(callee)
            guard !file.declaresFunction(name) else { return nil }
            if extra.functions.contains(name) { return ("`\(name)`", waitRemedy) }
            guard isSleep, arguments.count == 1, !tree.child(arguments.first ?? .none, 0).exists else { return nil }
            return ("`\(name)`", sleepRemedy)
        }
        guard tree.kind(callee) == .memberAccess else { return nil }
        let methodNode = tree.child(callee, 1)
        guard tree.hasText(methodNode, "wait") || !extra.typesByMethod.isEmpty else { return nil }
        let method = tree.text(methodNode)
        guard method == "wait" || extra.typesByMethod[method] != nil else { return nil }
        let receiver = tree.child(callee, 0)
        // Futures of an embedded channel or event loop (NIO's test doubles) complete inline:
        // `inEventLoop` is always true there, so `wait()` returns at once and blocks nothing.
        if !file.declaredTypes(of: chainRoot(receiver, file: file)).isDisjoint(with: inlineEventLoopTypes) { return nil }
        let types = file.declaredTypes(of: receiver)
        for type in extra.typesByMethod[method] ?? [] where types.contains(type) {
            return ("`\(compactText(receiver, file: file)).\(method)()` on \(article(for: type)) \(type)", waitRemedy)
        }
        guard method == "wait", arguments.allSatisfy({ argument in
            let label = tree.child(argument, 0)
            return label.exists && (tree.hasText(label, "timeout") || tree.hasText(label, "wallTimeout"))
        }) else { return nil }
        for type in blockingWaitTypes where types.contains(type) {
            return ("`\(compactText(receiver, file: file)).wait()` on \(article(for: type)) \(type)",
                    type == "EventLoopFuture" ? futureRemedy : waitRemedy)
        }
        // `try x.wait()` with no arguments: a synchronous `wait()` that throws is an
        // EventLoopFuture's (semaphores and groups do not throw), whatever the receiver's type.
        if arguments.isEmpty, isTried(call, file: file) {
            return ("`\(compactText(receiver, file: file)).wait()`, a synchronous throwing wait (an EventLoopFuture's),", futureRemedy)
        }
        return nil
    }

    /// NIO's embedded test doubles: everything they return is completed before it is returned.
    static let inlineEventLoopTypes: Set<String> = ["EmbeddedChannel", "EmbeddedEventLoop"]

    /// Where a chain of member reads and calls starts: `channel` in `channel.pipeline.addHandler(h)`,
    /// `self.channel` in `self.channel.close()`.
    static func chainRoot(_ node: SwiftNode, file: SwiftFile) -> SwiftNode {
        let tree = file.tree
        var current = tree.stripped(node)
        for _ in 0..<256 {
            switch tree.kind(current) {
            case .memberAccess where tree.isName(tree.stripped(tree.child(current, 0)), "self"):
                return current
            case .memberAccess, .call, .optionalChain, .forceUnwrap:
                let base = tree.child(current, 0)
                guard base.exists else { return current }
                current = tree.stripped(base)
            default:
                return current
            }
        }
        return current
    }

    /// The receiver as a message quotes it: a call's arguments become `...`, so a call spread over
    /// lines (`client.execute(request: ..., delegate: ...)`) reads `client.execute(...)`.
    static func compactText(_ node: SwiftNode, file: SwiftFile) -> String {
        let tree = file.tree
        switch tree.kind(node) {
        case .call:
            let callee = tree.child(node, 0)
            return compactText(callee, file: file) + (file.arguments(node).isEmpty ? "()" : "(...)")
        case .memberAccess where tree.child(node, 0).exists:
            return compactText(tree.child(node, 0), file: file) + "." + tree.text(tree.child(node, 1))
        default:
            let text = tree.text(node)
            return text.contains("\n") || text.count > 60 ? "..." : text
        }
    }

    /// "an EventLoopFuture", "an NSCondition", "a DispatchGroup": by how the name is spoken.
    static func article(for type: String) -> String {
        type.hasPrefix("NS") || "AEIOU".contains(type.first ?? "D") ? "an" : "a"
    }

    /// `try x.wait()`, `try? x.wait()`: the call's value is taken by a `try` (through member reads).
    static func isTried(_ call: SwiftNode, file: SwiftFile) -> Bool {
        var current = file.tree.parent(call)
        while current.exists {
            switch file.tree.kind(current) {
            case .tryExpr: return true
            case .memberAccess, .optionalChain, .forceUnwrap, .call: current = file.tree.parent(current)
            default: return false
            }
        }
        return false
    }
}
