import GoSyntax

/// Something the code around a node guarantees whenever the node runs, read from the structure
/// alone (no control flow graph): enough to recognise guards such as `if ctx == nil { ... }` or
/// cleanup after `<-ctx.Done()`.
public enum StructuralFact: Hashable, Sendable {
    /// An atomic condition (no `&&`, `||`, `!` or parentheses at its top) known true or false.
    case condition(NodeID, holds: Bool)
    /// A value was received from this channel expression: `case <-ch:` or an earlier `<-ch`.
    case received(NodeID)
}

extension GoFile {
    /// The facts that hold at `node`, gathered from enclosing `if` branches and `select` cases, and
    /// from earlier statements of enclosing blocks: an `if` whose branch always leaves (its
    /// condition is false afterwards) and a `<-ch` statement. Function literals are crossed, since
    /// what they capture was true when they were made; the enclosing declaration is the limit.
    public func structuralFacts(at node: NodeID) -> [StructuralFact] {
        var facts: [StructuralFact] = []
        var child = node
        var current = tree.parent(node)
        while current.exists && tree.kind(current) != .funcDecl {
            switch tree.kind(current) {
            case .ifStmt:
                if child == tree.child(current, 2) {
                    addConditions(tree.child(current, 1), holds: true, to: &facts)
                } else if child == tree.child(current, 3) {
                    addConditions(tree.child(current, 1), holds: false, to: &facts)
                }
            case .commClause:
                let communication = tree.child(current, 0)
                if child != communication, let channel = receivedChannel(communication) {
                    facts.append(.received(channel))
                }
                addEarlierStatements(in: current, before: child, skipping: 1, to: &facts)
            case .caseClause:
                addEarlierStatements(in: current, before: child, skipping: 1, to: &facts)
            case .blockStmt:
                addEarlierStatements(in: current, before: child, skipping: 0, to: &facts)
            default:
                break
            }
            child = current
            current = tree.parent(current)
        }
        return facts
    }

    private func addEarlierStatements(in list: NodeID, before child: NodeID, skipping: Int,
                                      to facts: inout [StructuralFact]) {
        for statement in tree.children(list).dropFirst(skipping) {
            if statement == child { return }
            switch tree.kind(statement) {
            case .ifStmt where tree.child(statement, 3).isNone && alwaysLeaves(tree.child(statement, 2)):
                addConditions(tree.child(statement, 1), holds: false, to: &facts)
            case .exprStmt:
                if let channel = receivedChannel(statement) { facts.append(.received(channel)) }
            default:
                break
            }
        }
    }

    /// Splits `a && b` (true) and `a || b` (false) into their parts; `!a` flips.
    private func addConditions(_ condition: NodeID, holds: Bool, to facts: inout [StructuralFact]) {
        var pending: [(NodeID, Bool)] = [(condition, holds)]
        while let (expression, value) = pending.popLast() {
            let inner = tree.unparen(expression)
            guard inner.exists else { continue }
            switch tree.kind(inner) {
            case .binaryExpr where tree.op(inner) == .logicalAnd && value,
                 .binaryExpr where tree.op(inner) == .logicalOr && !value:
                pending.append((tree.child(inner, 1), value))
                pending.append((tree.child(inner, 0), value))
            case .unaryExpr where tree.op(inner) == .not:
                pending.append((tree.child(inner, 0), !value))
            default:
                facts.append(.condition(inner, holds: value))
            }
        }
    }

    /// The channel of `<-ch`, `v := <-ch` or `v, ok = <-ch` used as a statement or a case.
    public func receivedChannel(_ statement: NodeID) -> NodeID? {
        var expression = NodeID.none
        switch tree.kind(statement) {
        case .exprStmt:
            expression = tree.child(statement, 0)
        case .assignStmt:
            let right = tree.child(statement, 1)
            expression = tree.kind(right) == .list ? tree.child(right, 0) : right
        default:
            return nil
        }
        let receive = tree.unparen(expression)
        guard tree.kind(receive) == .unaryExpr, tree.op(receive) == .arrow else { return nil }
        return tree.unparen(tree.child(receive, 0))
    }

    /// Whether a block's last statement always leaves it: `return`, `break`, `continue`, `goto`,
    /// or a call of `panic`.
    public func alwaysLeaves(_ block: NodeID) -> Bool {
        guard let last = tree.children(block).last else { return false }
        switch tree.kind(last) {
        case .returnStmt:
            return true
        case .branchStmt:
            return tree.op(last) != .kwFallthrough
        case .exprStmt:
            let call = tree.unparen(tree.child(last, 0))
            let function = tree.child(call, 0)
            return tree.kind(call) == .callExpr && tree.isIdentifier(function, "panic") && bindings.symbol(of: function) == nil
        default:
            return false
        }
    }
}
