import GoSyntax

/// A place in a control-flow graph: the `index`th node of block `block`.
public struct FlowLocation: Hashable, Sendable, Comparable {
    public var block: Int32
    public var index: Int32

    public init(block: Int32, index: Int32) {
        self.block = block
        self.index = index
    }

    public static func < (lhs: FlowLocation, rhs: FlowLocation) -> Bool {
        (lhs.block, lhs.index) < (rhs.block, rhs.index)
    }
}

/// The control flow of one function body (a funcDecl or a funcLit; a literal inside the body is
/// an expression of the enclosing graph and has a graph of its own).
///
/// Blocks hold the nodes executed in order: simple statements, and for compound statements only
/// their headers (the condition of an `if`/`for`, a switch tag, a clause's case list, a select
/// clause's communication, a range expression). Three blocks are special: `entry`, `exit` (reached
/// by a return or by falling off the end of the body) and `noReturn`, the sink of calls that never
/// return (panic, os.Exit, log.Fatal, t.FailNow...), which does not count as reaching the exit.
public struct ControlFlowGraph {
    public struct Block {
        public var nodes: [NodeID] = []
        public var successors: [Int32] = []
        /// For a two-way branch (`if`, a `for` condition): the condition; `successors[0]` is taken
        /// when it holds, `successors[1]` when it does not.
        public var condition: NodeID = .none
    }

    public static let entry: Int32 = 0
    public static let exit: Int32 = 1
    public static let noReturn: Int32 = 2

    public let function: NodeID
    public let body: NodeID
    public internal(set) var blocks: [Block]
    /// The defer statements of the body, in source order.
    public internal(set) var defers: [NodeID] = []
    var locations: [NodeID: FlowLocation] = [:]

    init(function: NodeID, body: NodeID) {
        self.function = function
        self.body = body
        blocks = [Block(), Block(), Block()]
    }

    /// Where a node of the graph (a statement or header) sits.
    public func location(of node: NodeID) -> FlowLocation? { locations[node] }

    /// Where the graph node containing `node` sits: the node itself or its nearest ancestor in the
    /// graph. A node inside a function literal maps to the statement holding the literal.
    public func location(containing node: NodeID, in tree: SyntaxTree) -> FlowLocation? {
        var current = node
        while current.exists && current != function {
            if let found = locations[current] { return found }
            current = tree.parent(current)
        }
        return nil
    }

    public func node(at location: FlowLocation) -> NodeID {
        blocks[Int(location.block)].nodes[Int(location.index)]
    }

    /// Whether block `block` reaches the exit through a return statement (its last node).
    public func returnStatement(endingBlock block: Int32, in tree: SyntaxTree) -> NodeID {
        guard let last = blocks[Int(block)].nodes.last, tree.kind(last) == .returnStmt else { return .none }
        return last
    }

    /// Blocks reachable from `start` (included), following successors.
    public func reachableBlocks(from start: Int32) -> Set<Int32> {
        var seen: Set<Int32> = [start]
        var stack = [start]
        while let block = stack.popLast() {
            for next in blocks[Int(block)].successors where seen.insert(next).inserted {
                stack.append(next)
            }
        }
        return seen
    }

    /// Whether some path leads from `from` to `to` (a location after it in the same block, or any
    /// location of a block reachable from `from`'s successors).
    public func canReach(_ to: FlowLocation, from: FlowLocation) -> Bool {
        if from.block == to.block && from.index < to.index { return true }
        var seen: Set<Int32> = []
        var stack = blocks[Int(from.block)].successors
        while let block = stack.popLast() {
            if block == to.block { return true }
            guard seen.insert(block).inserted else { continue }
            stack += blocks[Int(block)].successors
        }
        return false
    }
}

extension ControlFlowGraph {
    /// What a node means for the value followed by `unsettledPathEnds`.
    public enum PathStep: Sendable {
        /// The path is settled here (the value is used as required, or handed over).
        case settles
        /// The value is lost here (e.g. overwritten) before being settled.
        case loses
    }

    /// Where a path that was never settled ends.
    public enum PathEnd: Hashable, Sendable {
        /// At the function's exit, leaving block `block` (a return statement or the end of the body).
        case exit(fromBlock: Int32)
        /// At a node that loses the value.
        case lost(FlowLocation)
    }

    /// The steps of a value, grouped by block and sorted by position, built once and searched by
    /// every path walk that follows the same value.
    public struct PathSteps: Sendable {
        private var byBlock: [Int32: [(index: Int32, step: PathStep)]] = [:]

        public init(_ steps: [FlowLocation: PathStep]) {
            for (location, step) in steps { byBlock[location.block, default: []].append((location.index, step)) }
            for key in byBlock.keys { byBlock[key]?.sort { $0.index < $1.index } }
        }

        /// The first step of `block` at or after `index` (a binary search).
        func first(in block: Int32, from index: Int32) -> (index: Int32, step: PathStep)? {
            guard let steps = byBlock[block] else { return nil }
            var low = 0, high = steps.count
            while low < high {
                let middle = (low + high) / 2
                if steps[middle].index < index { low = middle + 1 } else { high = middle }
            }
            return low < steps.count ? steps[low] : nil
        }
    }

    /// Follows every path from just after `start` and returns the points where a path reaches the
    /// exit or a `loses` step without first passing a `settles` step. Paths into `noReturn` are
    /// settled. `isInfeasible(block, successorIndex)` prunes edges known not to be taken.
    public func unsettledPathEnds(after start: FlowLocation, steps: [FlowLocation: PathStep],
                                  isInfeasible: (Int32, Int) -> Bool = { _, _ in false }) -> [PathEnd] {
        unsettledPathEnds(after: start, steps: PathSteps(steps), isInfeasible: isInfeasible)
    }

    public func unsettledPathEnds(after start: FlowLocation, steps: PathSteps,
                                  isInfeasible: (Int32, Int) -> Bool = { _, _ in false }) -> [PathEnd] {
        var ends: [PathEnd] = []
        var visited: Set<Int32> = []
        var work: [(block: Int32, from: Int32)] = [(start.block, start.index + 1)]
        while let (block, from) = work.popLast() {
            if let first = steps.first(in: block, from: from) {
                if case .loses = first.step { ends.append(.lost(FlowLocation(block: block, index: first.index))) }
                continue
            }
            for (position, next) in blocks[Int(block)].successors.enumerated() where !isInfeasible(block, position) {
                switch next {
                case ControlFlowGraph.exit: ends.append(.exit(fromBlock: block))
                case ControlFlowGraph.noReturn: break
                default: if visited.insert(next).inserted { work.append((next, 0)) }
                }
            }
        }
        return ends
    }
}
