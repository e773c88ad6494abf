import SwiftLangSyntax

/// How a loop ends, as far as its header tells. Every Swift loop rule decides from this one
/// classification, so a loop is bounded or endless for all of them alike.
public enum LoopShape: Equatable {
    /// `while true`, `repeat { } while true`: only a `break`, `return` or `throw` ends it.
    case forever
    /// `while !Task.isCancelled`: ends only when the task is cancelled.
    case untilCancelled
    /// `for await x in sequence`: ends when the sequence does, which may be never.
    case asyncSequence
    /// `for x in collection`, `for _ in 0..<3`, and `for await` over a stream this code finishes:
    /// a fixed number of rounds, however cancellation goes.
    case finite
    /// `while condition`, `repeat { } while condition`: ends when the condition turns false.
    case conditional

    /// Whether only cancellation or a jump out of the body can end the loop.
    public var isOpenEnded: Bool {
        switch self {
        case .forever, .untilCancelled, .asyncSequence: return true
        case .finite, .conditional: return false
        }
    }
}

extension SwiftFile {
    public func isLoop(_ node: SwiftNode) -> Bool {
        switch tree.kind(node) {
        case .whileStmt, .repeatStmt, .forInStmt: return true
        default: return false
        }
    }

    public func loopBody(_ loop: SwiftNode) -> SwiftNode {
        switch tree.kind(loop) {
        case .whileStmt: return tree.child(loop, 1)
        case .repeatStmt: return tree.child(loop, 0)
        case .forInStmt: return tree.child(loop, 3)
        default: return .none
        }
    }

    /// The loop's condition (`while`, `repeat`) or sequence (`for`).
    public func loopHeader(_ loop: SwiftNode) -> SwiftNode {
        switch tree.kind(loop) {
        case .whileStmt: return tree.child(loop, 0)
        case .repeatStmt: return tree.child(loop, 1)
        case .forInStmt: return tree.child(loop, 1)
        default: return .none
        }
    }

    public func loopShape(_ loop: SwiftNode) -> LoopShape {
        switch tree.kind(loop) {
        case .forInStmt:
            guard tree.hasFlag(loop, SwiftNodeFlags.isAwait) else { return .finite }
            return isFinishedStream(loopHeader(loop), before: loop) ? .finite : .asyncSequence
        case .whileStmt, .repeatStmt:
            var condition = loopHeader(loop)
            // `while let x = await source.next()`: a `for await` written by hand (a plain
            // `while await flag` is a condition like any other).
            if tree.kind(loop) == .whileStmt, tree.kind(condition) == .conditionList,
               tree.children(condition).contains(where: { tree.kind($0) == .optionalBinding && bodyAwaits($0) }) {
                return .asyncSequence
            }
            if tree.kind(condition) == .conditionList {
                guard tree.children(condition).count == 1 else { return .conditional }
                condition = tree.child(condition, 0)
            }
            condition = tree.stripped(condition)
            if tree.kind(condition) == .literal && tree.op(condition) == .kwTrue { return .forever }
            if tree.kind(condition) == .prefixOperator, tree.source.bytes[Int(tree.range(condition).start)] == UInt8(ascii: "!"),
               isCancellationFlag(tree.child(condition, 0)) {
                return .untilCancelled
            }
            return .conditional
        default:
            return .conditional
        }
    }

    /// Whether the open-ended loop can end otherwise than by cancellation: a `break`, `return` or
    /// `throw` in its body. (A `for await` over a finished stream is `.finite` already.)
    public func loopIsEndless(_ loop: SwiftNode) -> Bool {
        loopShape(loop).isOpenEnded && !loopHasExit(loop)
    }

    /// `Task.isCancelled`, `isCancelled`, `x.isCancelled`.
    func isCancellationFlag(_ node: SwiftNode) -> Bool {
        let name = lastName(tree.stripped(node))
        return name.exists && tree.hasText(name, "isCancelled")
    }

    /// Whether a `break` (to this loop), `return` or `throw` in the loop's own body can end it.
    public func loopHasExit(_ loop: SwiftNode) -> Bool {
        let label = tree.kind(tree.parent(loop)) == .labeledStmt ? tree.child(tree.parent(loop), 0) : .none
        var exits = false
        walkSameContext(loopBody(loop)) { node in
            switch tree.kind(node) {
            case .returnStmt, .throwStmt:
                exits = true
            case .jumpStmt where tree.op(node) == .kwBreak:
                let target = tree.child(node, 0)
                if target.exists {
                    if label.exists && tree.sameText(target, label) { exits = true }
                } else if innermostBreakTarget(of: node) == loop {
                    exits = true
                }
            default:
                break
            }
        }
        return exits
    }

    /// The loop or `switch` an unlabeled `break` leaves.
    private func innermostBreakTarget(of jump: SwiftNode) -> SwiftNode {
        var current = tree.parent(jump)
        while current.exists {
            if isLoop(current) || tree.kind(current) == .switchStmt { return current }
            current = tree.parent(current)
        }
        return .none
    }

    /// Whether the code consults cancellation: reads `isCancelled`, calls `checkCancellation()`,
    /// installs `withTaskCancellationHandler`, or lets an awaited call's error propagate
    /// (`try await`, `for try await`) — cancellable waits throw `CancellationError`. Nodes below
    /// `excluded` (a swallowing `do` body, say) do not count.
    public func consultsCancellation(_ node: SwiftNode, excluding excluded: Set<SwiftNode> = []) -> Bool {
        var found = false
        tree.walk(node) { current in
            if found || excluded.contains(current) { return false }
            switch tree.kind(current) {
            case .identifier:
                if tree.hasText(current, "isCancelled") || tree.hasText(current, "checkCancellation")
                    || tree.hasText(current, "withTaskCancellationHandler") {
                    found = true
                }
            case .tryExpr where tree.flags(current) == 0:
                if propagatesAwaitedError(current) { found = true }
            case .forInStmt where tree.hasFlag(current, SwiftNodeFlags.isTry) && tree.hasFlag(current, SwiftNodeFlags.isAwait):
                found = true
            default:
                break
            }
            return !found
        }
        return found
    }

    /// `try await f()`, `try f(await x)`: a plain `try` over an `await` in the same context.
    private func propagatesAwaitedError(_ tryExpression: SwiftNode) -> Bool {
        var awaits = false
        walkSameContext(tryExpression) { node in
            if tree.kind(node) == .awaitExpr { awaits = true }
        }
        return awaits
    }

    /// Whether the loop's own body (nested closures aside) waits: `await`, `for await`.
    public func bodyAwaits(_ node: SwiftNode) -> Bool {
        var awaits = false
        walkSameContext(node) { current in
            if tree.kind(current) == .awaitExpr || (tree.kind(current) == .forInStmt && tree.hasFlag(current, SwiftNodeFlags.isAwait)) {
                awaits = true
            }
        }
        return awaits
    }

    /// The loops that enclose `node` within its function or closure, innermost first.
    public func enclosingLoops(of node: SwiftNode) -> [SwiftNode] {
        var loops: [SwiftNode] = []
        var current = tree.parent(node)
        while current.exists {
            switch tree.kind(current) {
            case .closure, .functionDecl, .accessor, .typeDecl:
                return loops
            case .whileStmt, .repeatStmt, .forInStmt:
                // The header of a loop is not inside it.
                if tree.isAncestor(loopBody(current), of: node) { loops.append(current) }
            default:
                break
            }
            current = tree.parent(current)
        }
        return loops
    }

    /// The keyword a loop starts with, for messages: `while true`, `repeat`, `for await`.
    public func loopDescription(_ loop: SwiftNode) -> String {
        switch (tree.kind(loop), loopShape(loop)) {
        case (.whileStmt, .forever): return "while true"
        case (.repeatStmt, .forever): return "repeat { } while true"
        case (.whileStmt, .untilCancelled), (.repeatStmt, .untilCancelled): return "while !Task.isCancelled"
        case (.forInStmt, .asyncSequence): return "for await"
        case (.whileStmt, .asyncSequence): return "while ... await"
        case (.forInStmt, _): return "for"
        case (.repeatStmt, _): return "repeat"
        default: return "while"
        }
    }
}
