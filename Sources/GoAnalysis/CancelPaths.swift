import GoSyntax

/// A path on which a cancel function held in a local variable is neither called nor handed over.
public struct CancelLeak: Sendable {
    public enum Place: Sendable {
        /// A return statement reaches the function's exit.
        case returnStatement(NodeID)
        /// Falling off the end of the body: the offset of its closing brace.
        case endOfFunction(Int32)
        /// The variable is assigned again (another constructor call, or any assignment).
        case reassignment(NodeID)
        /// The defining `:=` or `var` runs again (a loop iteration), dropping the previous value.
        case redefinition(NodeID)
    }

    public var place: Place
    /// Whether the function never calls the variable anywhere.
    public var neverCalled: Bool

    /// The offset to point at for `place`.
    public func offset(in tree: SyntaxTree) -> Int32 {
        switch place {
        case .returnStatement(let node), .reassignment(let node), .redefinition(let node): return tree[node].start
        case .endOfFunction(let offset): return offset
        }
    }
}

/// Which uses of a cancel function end its creator's duty to call it, for `leak(of:settledBy:)`.
public enum CancelDuty: Hashable, Sendable {
    /// Any hand-off (returned, stored, sent, passed, captured) settles it.
    case anyHandOffSettles
    /// Storing or sending it does not: the creator keeps its duty (cancel-escapes asks this).
    case storingOrSendingKeepsIt

    func isSettled(by use: CancelUse) -> Bool {
        switch self {
        case .anyHandOffSettles: return use.handsOff
        case .storingOrSendingKeepsIt: return use.kind != .stored && use.kind != .sent && use.handsOff
        }
    }
}

/// What the paths from any definition of one cancel variable in one function meet: the same for
/// every definition of the variable, so computed once, not once per definition.
struct CancelPathFacts {
    struct Key: Hashable {
        var symbol: SymbolID
        var function: NodeID
        var duty: CancelDuty
    }

    var steps: ControlFlowGraph.PathSteps
    var neverCalled: Bool
    /// Blocks reachable after a deferred literal that calls the variable, and per block the
    /// earliest such call in it: a definition there is covered at exit.
    var blocksAfterDeferredCalls: Set<Int32>
    var earliestDeferredCallInBlock: [Int32: Int32]

    func isExitCovered(from start: FlowLocation) -> Bool {
        if let earliest = earliestDeferredCallInBlock[start.block], earliest < start.index { return true }
        return blocksAfterDeferredCalls.contains(start.block)
    }
}

extension CancelFacts {
    /// The first leak of the cancel function stored by `definition` in a local variable, following
    /// the control flow of the defining function, or nil when every path from the definition calls
    /// it (directly, deferred, or in a literal called or deferred on that path), hands it over
    /// (as `duty` counts hand-offs), or never returns. A deferred literal calling the variable
    /// covers every later assignment it can precede (it calls whatever the variable holds at exit).
    public func leak(of definition: CancelDefinition, settledBy duty: CancelDuty = .anyHandOffSettles) -> CancelLeak? {
        guard let symbol = definition.symbol, definition.function.exists else { return nil }
        let tree = file.tree
        let function = definition.function
        let graph = file.controlFlowGraph(for: function)
        guard let start = graph.location(containing: definition.statement, in: tree) else { return nil }
        let facts = pathFacts(of: symbol, in: function, duty: duty, graph: graph)

        let ends = graph.unsettledPathEnds(after: start, steps: facts.steps) { block, successor in
            self.isNilCheckBranchNotTaken(graph.blocks[Int(block)].condition, successor: successor, symbol: symbol)
        }
        let exitCovered = facts.isExitCovered(from: start)
        var best: CancelLeak?
        var bestRank = (Int.max, Int32.max)
        for end in ends {
            let leak: CancelLeak
            let kind: Int
            switch end {
            case .exit(let block):
                guard !exitCovered else { continue }
                let returnNode = graph.returnStatement(endingBlock: block, in: tree)
                leak = CancelLeak(place: returnNode.exists ? .returnStatement(returnNode)
                                    : .endOfFunction(max(tree[graph.body].end - 1, 0)), neverCalled: facts.neverCalled)
                kind = 1
            case .lost(let location):
                let isRedefinition = location == start
                leak = CancelLeak(place: isRedefinition ? .redefinition(definition.statement)
                                    : .reassignment(graph.node(at: location)), neverCalled: facts.neverCalled)
                kind = isRedefinition && definition.declares ? 0 : 2
            }
            // A variable declared in a loop is best described per iteration; otherwise the exit
            // (the common leak) comes first, then an overwrite; the earliest place breaks ties.
            let rank = (kind, leak.offset(in: tree))
            if rank < bestRank {
                best = leak
                bestRank = rank
            }
        }
        return best
    }

    /// The steps (definitions and assignments lose the value; calls and hand-offs settle it) of
    /// `symbol` in `function`, built on first request for the three and kept.
    private func pathFacts(of symbol: SymbolID, in function: NodeID, duty: CancelDuty,
                           graph: ControlFlowGraph) -> CancelPathFacts {
        let key = CancelPathFacts.Key(symbol: symbol, function: function, duty: duty)
        if let known = memo.pathFacts[key] { return known }
        let tree = file.tree
        var steps: [FlowLocation: ControlFlowGraph.PathStep] = [:]
        var deferredLiteralCalls: [FlowLocation] = []
        var neverCalled = true
        for other in definitions(of: symbol) where other.function == function {
            if let location = graph.location(containing: other.statement, in: tree) { steps[location] = .loses }
        }
        var settling: [FlowLocation] = []
        for use in uses(of: symbol, within: function) {
            guard let location = graph.location(containing: use.node, in: tree) else { continue }
            switch use.kind {
            case .call:
                neverCalled = false
                settling.append(location)
                if use.isDeferred && use.literal.exists { deferredLiteralCalls.append(location) }
            case .assignment:
                if use.literal.isNone && steps[location] == nil { steps[location] = .loses }
            case .neutral:
                break
            case .passed where calleeDropsArgument(of: use.destination, at: use.argumentIndex):
                break
            default:
                if duty.isSettled(by: use) { settling.append(location) }
            }
        }
        if file.bindings[symbol].kind == .result {
            // A naked return hands the named result to the caller.
            for (index, block) in graph.blocks.enumerated() {
                for (position, node) in block.nodes.enumerated()
                where tree.kind(node) == .returnStmt && tree.childCount(node) == 0 {
                    settling.append(FlowLocation(block: Int32(index), index: Int32(position)))
                }
            }
        }
        for location in settling { steps[location] = .settles }
        // Everything reachable from a deferred call's successors, in one walk for all of them.
        var earliest: [Int32: Int32] = [:]
        var afterCalls: Set<Int32> = []
        var stack: [Int32] = []
        for call in deferredLiteralCalls {
            earliest[call.block] = min(earliest[call.block] ?? Int32.max, call.index)
            stack += graph.blocks[Int(call.block)].successors
        }
        while let block = stack.popLast() {
            guard afterCalls.insert(block).inserted else { continue }
            stack += graph.blocks[Int(block)].successors
        }
        let facts = CancelPathFacts(steps: ControlFlowGraph.PathSteps(steps), neverCalled: neverCalled,
                                    blocksAfterDeferredCalls: afterCalls, earliestDeferredCallInBlock: earliest)
        memo.pathFacts[key] = facts
        return facts
    }

    /// A constructor never returns a nil cancel function, so after it `cancel != nil` holds: the
    /// branch that assumes otherwise is not taken.
    private func isNilCheckBranchNotTaken(_ condition: NodeID, successor: Int, symbol: SymbolID) -> Bool {
        let tree = file.tree
        let expression = tree.unparen(condition)
        guard expression.exists, tree.kind(expression) == .binaryExpr else { return false }
        let left = tree.unparen(tree.child(expression, 0)), right = tree.unparen(tree.child(expression, 1))
        let variable = tree.isIdentifier(left, "nil") ? right : left
        let other = variable == left ? right : left
        guard tree.isIdentifier(other, "nil"), tree.kind(variable) == .identifier,
              file.bindings.symbol(of: variable) == symbol else { return false }
        switch tree.op(expression) {
        case .notEqual: return successor == 1
        case .equal: return successor == 0
        default: return false
        }
    }
}
