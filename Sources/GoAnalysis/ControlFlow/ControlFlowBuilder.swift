import GoSyntax

/// Builds the `ControlFlowGraph` of one function body in a single pass over its statements.
struct ControlFlowBuilder {
    private let file: GoFile
    private let tree: SyntaxTree
    private var graph: ControlFlowGraph
    private var current: Int32 = ControlFlowGraph.entry

    /// Where `break` and `continue` go inside the innermost breakable statements.
    private struct JumpTarget {
        var label: String?
        var breakBlock: Int32
        /// None for switch and select, which `continue` passes through.
        var continueBlock: Int32?
    }
    private var targets: [JumpTarget] = []
    private var labelBlocks: [String: Int32] = [:]
    /// The next clause's body while building a switch clause, for `fallthrough`. Jumps that name no
    /// target (malformed code) go to `noReturn`, so broken input never invents a path to the exit.
    private var fallthroughBlock: Int32?

    init(file: GoFile, function: NodeID) {
        self.file = file
        self.tree = file.tree
        let body = file.functionBody(function)
        graph = ControlFlowGraph(function: function, body: body)
    }

    mutating func build() -> ControlFlowGraph {
        if graph.body.exists { statementList(graph.body) }
        edge(from: current, to: ControlFlowGraph.exit)
        return graph
    }

    // MARK: Blocks and edges

    private mutating func newBlock() -> Int32 {
        graph.blocks.append(ControlFlowGraph.Block())
        return Int32(graph.blocks.count - 1)
    }

    private mutating func add(_ node: NodeID) {
        guard node.exists else { return }
        let nodes = graph.blocks[Int(current)].nodes
        graph.locations[node] = FlowLocation(block: current, index: Int32(nodes.count))
        graph.blocks[Int(current)].nodes.append(node)
    }

    private mutating func edge(from: Int32, to: Int32) {
        graph.blocks[Int(from)].successors.append(to)
    }

    /// Ends the current block with a jump; what follows until the next label is unreachable.
    private mutating func jump(to target: Int32) {
        edge(from: current, to: target)
        current = newBlock()
    }

    private mutating func labelBlock(_ name: String) -> Int32 {
        if let existing = labelBlocks[name] { return existing }
        let block = newBlock()
        labelBlocks[name] = block
        return block
    }

    // MARK: Statements

    private mutating func statementList(_ block: NodeID) {
        for statement in tree.children(block) { self.statement(statement, label: nil) }
    }

    private mutating func statement(_ statement: NodeID, label: String?) {
        guard statement.exists else { return }
        switch tree.kind(statement) {
        case .blockStmt:
            statementList(statement)
        case .labeledStmt:
            let name = tree.text(tree.child(statement, 0))
            let block = labelBlock(name)
            edge(from: current, to: block)
            current = block
            self.statement(tree.child(statement, 1), label: name)
        case .exprStmt:
            add(statement)
            if NoReturnCalls.isNoReturn(tree.unparen(tree.child(statement, 0)), in: file) {
                jump(to: ControlFlowGraph.noReturn)
            }
        case .deferStmt:
            add(statement)
            graph.defers.append(statement)
        case .returnStmt:
            add(statement)
            jump(to: ControlFlowGraph.exit)
        case .branchStmt:
            add(statement)
            branch(statement)
        case .ifStmt:
            ifStatement(statement)
        case .switchStmt, .typeSwitchStmt:
            switchStatement(statement, label: label)
        case .selectStmt:
            selectStatement(statement, label: label)
        case .forStmt:
            forStatement(statement, label: label)
        case .rangeStmt:
            rangeStatement(statement, label: label)
        case .emptyStmt:
            break
        default:
            add(statement)
        }
    }

    private mutating func branch(_ statement: NodeID) {
        let labelNode = tree.child(statement, 0)
        let label = labelNode.exists ? tree.text(labelNode) : nil
        switch tree.op(statement) {
        case .kwBreak:
            let target = targets.last(where: { label == nil || $0.label == label })
            jump(to: target?.breakBlock ?? ControlFlowGraph.noReturn)
        case .kwContinue:
            let target = targets.last(where: { $0.continueBlock != nil && (label == nil || $0.label == label) })
            jump(to: target?.continueBlock ?? ControlFlowGraph.noReturn)
        case .kwGoto:
            jump(to: label.map { labelBlock($0) } ?? ControlFlowGraph.noReturn)
        case .kwFallthrough:
            jump(to: fallthroughBlock ?? ControlFlowGraph.noReturn)
        default:
            break
        }
    }

    private mutating func ifStatement(_ statement: NodeID) {
        self.statement(tree.child(statement, 0), label: nil)
        let condition = tree.child(statement, 1)
        add(condition)
        let conditionBlock = current
        let thenBlock = newBlock()
        let elseBranch = tree.child(statement, 3)
        let elseBlock = elseBranch.exists ? newBlock() : Int32(-1)
        let after = newBlock()
        graph.blocks[Int(conditionBlock)].condition = condition
        edge(from: conditionBlock, to: thenBlock)
        edge(from: conditionBlock, to: elseBranch.exists ? elseBlock : after)
        current = thenBlock
        self.statement(tree.child(statement, 2), label: nil)
        edge(from: current, to: after)
        if elseBranch.exists {
            current = elseBlock
            self.statement(elseBranch, label: nil)
            edge(from: current, to: after)
        }
        current = after
    }

    private mutating func switchStatement(_ statement: NodeID, label: String?) {
        self.statement(tree.child(statement, 0), label: nil)
        // The tag, or for a type switch its guard.
        add(tree.child(statement, 1))
        let clauses = tree.children(tree.child(statement, 2)).filter { tree.kind($0) == .caseClause }
        for clause in clauses { add(tree.child(clause, 0)) }
        let head = current
        let after = newBlock()
        let bodies = clauses.map { _ in newBlock() }
        var hasDefault = false
        targets.append(JumpTarget(label: label, breakBlock: after, continueBlock: nil))
        let savedFallthrough = fallthroughBlock
        for (index, clause) in clauses.enumerated() {
            if tree.child(clause, 0).isNone { hasDefault = true }
            edge(from: head, to: bodies[index])
            current = bodies[index]
            fallthroughBlock = index + 1 < bodies.count ? bodies[index + 1] : after
            for inner in tree.children(clause).dropFirst() { self.statement(inner, label: nil) }
            edge(from: current, to: after)
        }
        fallthroughBlock = savedFallthrough
        targets.removeLast()
        if !hasDefault { edge(from: head, to: after) }
        current = after
    }

    /// A select without default blocks until one of its cases runs; `select {}` blocks forever.
    private mutating func selectStatement(_ statement: NodeID, label: String?) {
        let clauses = tree.children(tree.child(statement, 0)).filter { tree.kind($0) == .commClause }
        let head = current
        let after = newBlock()
        targets.append(JumpTarget(label: label, breakBlock: after, continueBlock: nil))
        for clause in clauses {
            let body = newBlock()
            edge(from: head, to: body)
            current = body
            add(tree.child(clause, 0))
            for inner in tree.children(clause).dropFirst() { self.statement(inner, label: nil) }
            edge(from: current, to: after)
        }
        targets.removeLast()
        current = after
    }

    private mutating func forStatement(_ statement: NodeID, label: String?) {
        self.statement(tree.child(statement, 0), label: nil)
        let head = newBlock()
        edge(from: current, to: head)
        current = head
        let condition = tree.child(statement, 1)
        let body = newBlock()
        let post = tree.child(statement, 2)
        let postBlock = post.exists ? newBlock() : head
        let after = newBlock()
        if condition.exists {
            add(condition)
            graph.blocks[Int(head)].condition = condition
            edge(from: head, to: body)
            edge(from: head, to: after)
        } else {
            edge(from: head, to: body)
        }
        loopBody(tree.child(statement, 3), entry: body, continueBlock: postBlock, after: after, label: label)
        if post.exists {
            current = postBlock
            add(post)
            edge(from: postBlock, to: head)
        }
        current = after
    }

    private mutating func rangeStatement(_ statement: NodeID, label: String?) {
        add(tree.child(statement, 2))
        let head = newBlock()
        edge(from: current, to: head)
        let body = newBlock()
        let after = newBlock()
        edge(from: head, to: body)
        edge(from: head, to: after)
        current = body
        add(tree.child(statement, 0))
        add(tree.child(statement, 1))
        loopBody(tree.child(statement, 3), entry: current, continueBlock: head, after: after, label: label)
        current = after
    }

    private mutating func loopBody(_ block: NodeID, entry: Int32, continueBlock: Int32, after: Int32, label: String?) {
        current = entry
        targets.append(JumpTarget(label: label, breakBlock: after, continueBlock: continueBlock))
        self.statement(block, label: nil)
        targets.removeLast()
        edge(from: current, to: continueBlock)
    }
}
