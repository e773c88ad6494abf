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

extension CancelFacts {
    /// The first leak of the cancel function stored by `definition` in a local variable, following
    /// the control flow of the defining function, or nil when every path from the definition calls
    /// it (directly, deferred, or in a literal called or deferred on that path), hands it over
    /// (`isHandOff`), or never returns. A deferred literal calling the variable covers every later
    /// assignment it can precede (it calls whatever the variable holds at exit).
    public func leak(of definition: CancelDefinition,
                     isHandOff: (CancelUse) -> Bool = { $0.handsOff }) -> CancelLeak? {
        guard let symbol = definition.symbol, definition.function.exists else { return nil }
        let file = self.file
        let tree = file.tree
        let function = definition.function
        let graph = file.controlFlowGraph(for: function)
        guard let start = graph.location(containing: definition.statement, in: tree) else { return nil }

        var steps: [FlowLocation: ControlFlowGraph.PathStep] = [:]
        var deferredLiteralCalls: [FlowLocation] = []
        var neverCalled = true
        for other in definitions(of: symbol) where other.function == function {
            if let location = graph.location(containing: other.statement, in: tree) { steps[location] = .loses }
        }
        var settling: [FlowLocation] = []
        for reference in file.bindings.uses(of: symbol) {
            guard let location = graph.location(containing: reference, in: tree) else { continue }
            let use = use(reference, within: function)
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
                if isHandOff(use) { settling.append(location) }
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

        let ends = graph.unsettledPathEnds(after: start, steps: steps) { block, successor in
            self.isNilCheckBranchNotTaken(graph.blocks[Int(block)].condition, successor: successor, symbol: symbol)
        }
        let exitCovered = deferredLiteralCalls.contains { graph.canReach(start, from: $0) }
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
                                    : .endOfFunction(max(tree[graph.body].end - 1, 0)), neverCalled: neverCalled)
                kind = 1
            case .lost(let location):
                let isRedefinition = location == start
                leak = CancelLeak(place: isRedefinition ? .redefinition(definition.statement)
                                    : .reassignment(graph.node(at: location)), neverCalled: neverCalled)
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
