import GoSyntax

/// A loop that waits and never looks at the context in scope: the loop-ignores-cancel finding.
public struct LoopIgnoringCancel: Sendable {
    public var loop: NodeID
    /// The context the loop ignores (the innermost one in scope).
    public var context: ContextInScope
    /// The first way the loop waits.
    public var wait: WaitSite
}

/// A `go func() { ... }()` whose body waits without consulting any context.
public struct GoroutineIgnoringCancel: Sendable {
    public var statement: NodeID
    public var literal: NodeID
    public var context: ContextInScope
    public var wait: WaitSite
    /// Whether a loop in the literal is itself a loop-ignores-cancel finding (then that finding
    /// stands for the goroutine, when its rule is enabled).
    public var containsLoopIgnoringCancel: Bool
}

/// Where a file waits and whether those waits can see cancellation: the loops, selects, sleeps
/// and goroutine literals of the file, collected in one walk, and the verdicts that several
/// lifecycle rules share (each rule reads them; none re-derives another's).
public final class WaitFacts {
    public let options: WaitOptions
    public let syntax: WaitSyntax
    /// `for` and `range` statements, in source order (outer before inner).
    public private(set) var loops: [NodeID] = []
    /// Select statements, in source order.
    public private(set) var selects: [NodeID] = []
    /// `time.Sleep` calls, in source order.
    public private(set) var sleeps: [NodeID] = []
    /// `go` statements that launch a function literal, in source order.
    public private(set) var goStatements: [NodeID] = []
    /// Calls shaped like `x.Err()` or `pkg.Cause(x)`, in source order: where code may check
    /// cancellation (`syntax.isErrCall` tells which really do).
    public private(set) var errCalls: [NodeID] = []
    private unowned let file: GoFile
    private var launcherMatches: [LauncherMatchKey: [Int32]] = [:]

    init(file: GoFile, options: WaitOptions) {
        self.file = file
        self.options = options
        let syntax = WaitSyntax(file: file, options: options)
        self.syntax = syntax
        let tree = file.tree
        var loops: [NodeID] = [], selects: [NodeID] = [], sleeps: [NodeID] = [], goStatements: [NodeID] = []
        var errCalls: [NodeID] = [], doneWaits: [NodeID] = []
        // One pass over the node arena (cheaper than a tree walk); attached nodes only, then
        // sorted into source order so that outer statements come before inner ones.
        for index in 1..<max(1, tree.nodes.count) {
            let node = NodeID(Int32(index))
            guard tree.parent(node).exists else { continue }
            switch tree.kind(node) {
            case .forStmt, .rangeStmt:
                loops.append(node)
            case .selectStmt:
                selects.append(node)
            case .goStmt:
                let call = tree.unparen(tree.child(node, 0))
                if tree.kind(call) == .callExpr, tree.kind(tree.unparen(tree.child(call, 0))) == .funcLit {
                    goStatements.append(node)
                }
            case .sendStmt:
                syntax.noteChannelUse(node)
            case .exprStmt:
                if syntax.isDoneCall(syntax.receiveOperand(tree.child(node, 0))) { doneWaits.append(node) }
            case .callExpr:
                // Dispatch on the called name first: most calls are none of these.
                let function = tree.unparen(tree.child(node, 0))
                if tree.kind(function) == .identifier {
                    if tree.hasText(function, "close") { syntax.noteChannelUse(node) }
                } else if tree.kind(function) == .selectorExpr {
                    let name = tree.child(function, 1)
                    if tree.hasText(name, "Sleep") {
                        if syntax.isSleepCall(node) { sleeps.append(node) }
                    } else if tree.hasText(name, "Err") || tree.hasText(name, "Cause") {
                        if syntax.hasErrCallShape(node) { errCalls.append(node) }
                    } else if tree.hasText(name, "Notify") {
                        syntax.noteChannelUse(node)
                    }
                }
            case .structType:
                syntax.noteStructType(node)
            default:
                break
            }
        }
        let inSourceOrder: (NodeID, NodeID) -> Bool = { tree[$0].start < tree[$1].start }
        loops.sort(by: inSourceOrder)
        selects.sort(by: inSourceOrder)
        sleeps.sort(by: inSourceOrder)
        goStatements.sort(by: inSourceOrder)
        errCalls.sort(by: inSourceOrder)
        doneWaits.sort(by: inSourceOrder)
        self.loops = loops
        self.selects = selects
        self.sleeps = sleeps
        self.goStatements = goStatements
        self.errCalls = errCalls
        syntax.cancellationBranchCandidates = (selects, errCalls, doneWaits)
    }

    // MARK: Scope

    /// The innermost live context in scope at `node` (the latest declared that is visible and not
    /// already cancelled by straight-line code before `node`), if any.
    public func nearestContext(at node: NodeID) -> ContextInScope? {
        file.contexts.latestContext(at: node) { !isCancelled($0, before: node) }
    }

    /// `ctx, cancel := context.WithCancel(p); ...; cancel(); <node>`: the context is already done,
    /// so looking at it around `node` would tell nothing.
    private func isCancelled(_ context: ContextInScope, before node: NodeID) -> Bool {
        context.kind == .variable && isCancelled(context.symbol, before: node)
    }

    /// Whether the context variable's cancel function is called (`cancel()`) in straight-line
    /// code before `node`.
    public func isCancelled(_ contextSymbol: SymbolID, before node: NodeID) -> Bool {
        let tree = file.tree
        let bindings = file.bindings
        let declaration = bindings[contextSymbol].declaration
        let offset = tree[node].start
        for cancel in file.contexts.cancelSymbols(declaredBy: declaration) {
            for use in bindings.uses(of: cancel) where tree[use].end <= offset {
                let call = tree.parent(use)
                let statement = tree.parent(call)
                guard tree.kind(call) == .callExpr, tree.child(call, 0) == use, tree.kind(statement) == .exprStmt,
                      tree.isAncestor(tree.parent(statement), of: node) else { continue }
                return true
            }
        }
        return false
    }

    /// The `for`/`range` statements around `node` within its own function, innermost first.
    public func enclosingLoops(of node: NodeID) -> [NodeID] {
        let tree = file.tree
        var found: [NodeID] = []
        var current = tree.parent(node)
        while current.exists {
            switch tree.kind(current) {
            case .funcLit, .funcDecl: return found
            case .forStmt, .rangeStmt: found.append(current)
            default: break
            }
            current = tree.parent(current)
        }
        return found
    }

    // MARK: loop-ignores-cancel

    /// Loops that wait and never consult the context in scope. A loop inside one already listed
    /// is left out: the outer loop is the finding.
    public private(set) lazy var loopsIgnoringCancel: [LoopIgnoringCancel] = {
        var found: [LoopIgnoringCancel] = []
        var listed = Set<NodeID>()
        for loop in loops {
            if enclosingLoops(of: loop).contains(where: listed.contains) { continue }
            guard let verdict = loopVerdict(loop) else { continue }
            found.append(verdict)
            listed.insert(loop)
        }
        return found
    }()

    private lazy var loopsIgnoringCancelSet: Set<NodeID> = Set(loopsIgnoringCancel.map(\.loop))

    public func isLoopIgnoringCancel(_ loop: NodeID) -> Bool { loopsIgnoringCancelSet.contains(loop) }

    /// Whether a loop around `node` (same function) is a loop-ignores-cancel finding.
    public func isInsideLoopIgnoringCancel(_ node: NodeID) -> Bool {
        guard !loopsIgnoringCancelSet.isEmpty else { return false }
        return enclosingLoops(of: node).contains { loopsIgnoringCancelSet.contains($0) }
    }

    private func loopVerdict(_ loop: NodeID) -> LoopIgnoringCancel? {
        let tree = file.tree
        var headerWait: WaitSite?
        var mayRunForever = false
        if tree.kind(loop) == .forStmt {
            let condition = tree.child(loop, 1)
            if condition.isNone {
                mayRunForever = true
            } else if tree.child(loop, 2).exists {
                // A counting loop (`for i := 0; i < n; i++`) is bounded by its count.
                return nil
            }
        } else {
            let ranged = tree.child(loop, 2)
            guard syntax.isChannel(ranged), !syntax.isEndedByItsProducer(ranged) else { return nil }
            headerWait = WaitSite(node: loop, kind: .rangeOverChannel(channel: ranged))
        }
        guard let context = nearestContext(at: loop) else { return nil }
        let body = tree.child(loop, 3)
        var wait = headerWait ?? syntax.waits(in: body).first
        if wait == nil, mayRunForever, !syntax.containsExit(body, loop: loop) {
            wait = WaitSite(node: loop, kind: .endless)
        }
        guard let wait, !syntax.consultsCancellation(loop) else { return nil }
        return LoopIgnoringCancel(loop: loop, context: context, wait: wait)
    }

    // MARK: goroutine-ignores-cancel

    /// Goroutine literals that wait without consulting any context, in source order.
    public private(set) lazy var goroutinesIgnoringCancel: [GoroutineIgnoringCancel] = {
        goStatements.compactMap(goroutineVerdict)
    }()

    private lazy var goroutineByLiteral: [NodeID: GoroutineIgnoringCancel] = {
        Dictionary(goroutinesIgnoringCancel.map { ($0.literal, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// Whether the function directly containing `node` is a goroutine literal reported by
    /// goroutine-ignores-cancel (given whether loop-ignores-cancel stands for it instead).
    public func isInsideGoroutineIgnoringCancel(_ node: NodeID, loopRuleEnabled: Bool) -> Bool {
        guard let verdict = goroutineByLiteral[file.enclosingFunction(of: node)] else { return false }
        return !(loopRuleEnabled && verdict.containsLoopIgnoringCancel)
    }

    private func goroutineVerdict(_ statement: NodeID) -> GoroutineIgnoringCancel? {
        let tree = file.tree
        let literal = tree.unparen(tree.child(tree.unparen(tree.child(statement, 0)), 0))
        let body = tree.child(literal, 1)
        guard tree.kind(literal) == .funcLit, body.exists, let context = nearestContext(at: body) else { return nil }
        let blocking = syntax.waits(in: body).first { site in
            !isBufferedSendOutsideLoop(site, in: literal) && !isMatchedByLauncher(site, literal: literal)
                && !isWaitForSiblingGoroutines(site, literal: literal) && !isShortOneOffSleep(site)
        }
        guard let wait = blocking, !syntax.consultsCancellation(body) else { return nil }
        let containsLoop = loopsIgnoringCancel.contains { file.enclosingFunction(of: $0.loop) == literal }
        return GoroutineIgnoringCancel(statement: statement, literal: literal, context: context, wait: wait,
                                       containsLoopIgnoringCancel: containsLoop)
    }

    /// A sleep shorter than this (100ms), outside any loop, ends before cancellation could matter.
    public static let shortestMeaningfulSleep: Double = 100e6

    private func isShortOneOffSleep(_ site: WaitSite) -> Bool {
        guard case .sleep = site.kind, enclosingLoops(of: site.node).isEmpty,
              let nanoseconds = syntax.constantDuration(file.tree.child(site.node, 1)) else { return false }
        return nanoseconds < WaitFacts.shortestMeaningfulSleep
    }

    /// The local channel variable a wait sends on, receives from or ranges over.
    private func channelSymbol(of site: WaitSite) -> SymbolID? {
        let channel: NodeID
        switch site.kind {
        case .send(let target), .receive(let target), .rangeOverChannel(let target): channel = target
        default: return nil
        }
        let inner = file.tree.unparen(channel)
        guard file.tree.kind(inner) == .identifier else { return nil }
        return file.bindings.symbol(of: inner)
    }

    /// A send, outside any loop of the goroutine, on a channel made with a buffer: it does not block.
    private func isBufferedSendOutsideLoop(_ site: WaitSite, in literal: NodeID) -> Bool {
        guard case .send = site.kind, let symbol = channelSymbol(of: site), enclosingLoops(of: site.node).isEmpty else {
            return false
        }
        let made = syntax.assignedValues(of: symbol).filter { syntax.isMakeChan($0) }
        return !made.isEmpty && made.allSatisfy { syntax.isBufferedMakeChan($0) }
    }

    /// A send the launching code receives, or a receive it sends or closes, outside any select:
    /// the launcher commits to the other side, so the goroutine is not left waiting.
    private func isMatchedByLauncher(_ site: WaitSite, literal: NodeID) -> Bool {
        guard let symbol = channelSymbol(of: site) else { return false }
        let isSend: Bool
        if case .send = site.kind { isSend = true } else { isSend = false }
        // Any matching use outside the literal will do: with the uses' offsets in order, the
        // first and the last tell, whichever goroutine asks.
        let offsets = matchingLauncherUses(of: symbol, matchingSend: isSend)
        let range = file.tree.range(literal)
        guard let first = offsets.first, let last = offsets.last else { return false }
        return first < range.start || last >= range.end
    }

    private struct LauncherMatchKey: Hashable {
        var channel: SymbolID
        var matchingSend: Bool
    }

    /// The start offsets, in order, of the uses of `channel` outside goroutines and selects that
    /// match a send (a receive, a range) or a receive (a send, a close); computed once per channel.
    private func matchingLauncherUses(of channel: SymbolID, matchingSend isSend: Bool) -> [Int32] {
        let key = LauncherMatchKey(channel: channel, matchingSend: isSend)
        if let known = launcherMatches[key] { return known }
        let tree = file.tree
        var offsets: [Int32] = []
        for use in file.bindings.uses(of: channel) {
            if syntax.launchingGoStatement(file.enclosingFunction(of: use)).exists || isSelectCommunication(use) {
                continue
            }
            let parent = tree.parent(use)
            let matches: Bool
            if isSend {
                matches = syntax.receiveOperand(parent) == use || (tree.kind(parent) == .rangeStmt && tree.child(parent, 2) == use)
            } else {
                matches = (tree.kind(parent) == .sendStmt && tree.child(parent, 0) == use) || syntax.isCloseCall(parent, of: use)
            }
            if matches { offsets.append(tree[use].start) }
        }
        offsets.sort()
        launcherMatches[key] = offsets
        return offsets
    }

    private func isSelectCommunication(_ node: NodeID) -> Bool {
        let tree = file.tree
        var current = node
        var parent = tree.parent(node)
        while parent.exists {
            switch tree.kind(parent) {
            case .commClause: return tree.child(parent, 0) == current
            case .funcLit, .funcDecl, .blockStmt: return false
            default: break
            }
            current = parent
            parent = tree.parent(parent)
        }
        return false
    }

    /// `wg.Wait()` for goroutines this function launches (they call `wg.Done()`): the wait lasts
    /// as long as they do, and each of them is checked on its own.
    private func isWaitForSiblingGoroutines(_ site: WaitSite, literal: NodeID) -> Bool {
        guard case .syncWait(let call) = site.kind else { return false }
        let tree = file.tree
        let receiver = tree.unparen(tree.child(tree.unparen(tree.child(call, 0)), 0))
        guard tree.kind(receiver) == .identifier, let symbol = file.bindings.symbol(of: receiver) else { return false }
        return file.bindings.uses(of: symbol).contains { use in
            let selector = tree.parent(use)
            guard tree.kind(selector) == .selectorExpr, tree.hasText(tree.child(selector, 1), "Done"),
                  !tree.isAncestor(literal, of: use) else { return false }
            var function = file.enclosingFunction(of: use)
            while function.exists {
                if syntax.launchingGoStatement(function).exists { return true }
                function = file.enclosingFunction(of: function)
            }
            return false
        }
    }
}
