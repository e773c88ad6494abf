import GoSyntax

/// Whether code leaves a loop, and which conditions see cancellation: shared by the loop rules
/// and done-case-no-exit.
extension WaitSyntax {
    /// Calls that never return: `panic`, `os.Exit`, `log.Fatal`, `t.FailNow`, `runtime.Goexit`...
    public func isNeverReturningCall(_ call: NodeID) -> Bool {
        guard tree.kind(call) == .callExpr else { return false }
        let function = tree.unparen(tree.child(call, 0))
        switch tree.kind(function) {
        case .identifier:
            return tree.hasText(function, "panic") && file.bindings.symbol(of: function) == nil
        case .selectorExpr:
            let name = tree.child(function, 1)
            return WaitSyntax.neverReturningMethods.contains(tree.text(name))
        default:
            return false
        }
    }

    static let neverReturningMethods: Set<String> = [
        "Exit", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "FailNow", "SkipNow", "Skip", "Skipf",
        "Goexit",
    ]

    /// The statement a label names, searched among `node`'s ancestors (for break/continue).
    func labeledTarget(_ label: NodeID, from node: NodeID) -> NodeID {
        var current = tree.parent(node)
        while current.exists {
            switch tree.kind(current) {
            case .funcLit, .funcDecl:
                return .none
            case .labeledStmt where tree.sameText(tree.child(current, 0), label):
                return tree.child(current, 1)
            default:
                current = tree.parent(current)
            }
        }
        return .none
    }

    /// The statement an unlabeled break leaves: the innermost for, range, switch or select.
    public func breakTarget(of branch: NodeID) -> NodeID {
        var current = tree.parent(branch)
        while current.exists {
            switch tree.kind(current) {
            case .forStmt, .rangeStmt, .switchStmt, .typeSwitchStmt, .selectStmt: return current
            case .funcLit, .funcDecl: return .none
            default: current = tree.parent(current)
            }
        }
        return .none
    }

    /// Whether the statement or call `node`, inside `loop`, leaves it: a return, a break of the
    /// loop or of an enclosing statement, a continue of an outer loop, a goto out of it, or a
    /// call that never returns.
    public func leavesLoop(_ node: NodeID, loop: NodeID) -> Bool {
        switch tree.kind(node) {
        case .returnStmt:
            return true
        case .callExpr:
            return isNeverReturningCall(node)
        case .branchStmt:
            let label = tree.child(node, 0)
            switch tree.op(node) {
            case .kwBreak:
                if label.isNone { return breakTarget(of: node) == loop }
                let target = labeledTarget(label, from: node)
                return target.isNone || tree.isAncestor(target, of: loop)
            case .kwContinue:
                guard label.exists else { return false }
                let target = labeledTarget(label, from: node)
                return target.isNone || (target != loop && tree.isAncestor(target, of: loop))
            case .kwGoto:
                guard label.exists else { return false }
                return !labelIsDeclared(label, inside: loop)
            default:
                return false
            }
        default:
            return false
        }
    }

    private func labelIsDeclared(_ label: NodeID, inside region: NodeID) -> Bool {
        var found = false
        tree.walk(region) { node in
            if found || tree.kind(node) == .funcLit { return false }
            if tree.kind(node) == .labeledStmt, tree.sameText(tree.child(node, 0), label) { found = true }
            return !found
        }
        return found
    }

    /// Whether anything in `region` (nested function literals aside) leaves `loop`.
    /// Whether a statement of `list` (a block or clause) after its child `statement` contains an
    /// exit from `loop`. Every select in a long loop body asks about the statements after it:
    /// the answers for one list are computed together, once.
    public func exitAfter(_ statement: NodeID, in list: NodeID, loop: NodeID) -> Bool {
        let children = tree.children(list)
        let key = ExitSuffixKey(list: list, loop: loop)
        let suffix: [Bool]
        if let known = exitSuffixes[key] {
            suffix = known
        } else {
            var computed = [Bool](repeating: false, count: children.count + 1)
            for position in stride(from: children.count - 1, through: 0, by: -1) {
                computed[position] = computed[position + 1]
                    || containsExit(children[children.startIndex + position], loop: loop)
            }
            exitSuffixes[key] = computed
            suffix = computed
        }
        return suffix[firstChild(of: list, startingAfter: statement)]
    }

    public func containsExit(_ region: NodeID, loop: NodeID) -> Bool {
        var found = false
        tree.walk(region) { node in
            if found || tree.kind(node) == .funcLit { return false }
            if leavesLoop(node, loop: loop) { found = true }
            return !found
        }
        return found
    }

    // MARK: Conditions that see cancellation

    /// Whether the if statement's branch is taken when the context is cancelled:
    /// `if ctx.Err() != nil`, `if errors.Is(ctx.Err(), context.Canceled)`,
    /// `if err := ctx.Err(); err != nil`, or any of these in an `||`.
    public func isCancellationCheck(_ statement: NodeID) -> Bool {
        guard tree.kind(statement) == .ifStmt else { return false }
        let condition = tree.child(statement, 1)
        if seesCancellation(condition, isErr: { self.isErrCall($0) }) { return true }
        guard let variable = errVariable(declaredBy: tree.child(statement, 0)) else { return false }
        return seesCancellation(condition, isErr: { self.tree.kind($0) == .identifier && self.tree.sameText($0, variable) })
    }

    /// The if statement checking cancellation whose header contains `call` (an `Err()` call).
    public func cancellationCheck(around call: NodeID) -> NodeID? {
        var current = call
        while true {
            let parent = tree.parent(current)
            switch tree.kind(parent) {
            case .parenExpr, .binaryExpr, .callExpr, .list, .assignStmt:
                current = parent
            case .ifStmt:
                guard tree.child(parent, 0) == current || tree.child(parent, 1) == current else { return nil }
                return isCancellationCheck(parent) ? parent : nil
            default:
                return nil
            }
        }
    }

    /// `err` in an if statement's init `err := ctx.Err()`.
    private func errVariable(declaredBy initStatement: NodeID) -> NodeID? {
        guard tree.kind(initStatement) == .assignStmt, tree.childCount(tree.child(initStatement, 0)) == 1,
              tree.childCount(tree.child(initStatement, 1)) == 1,
              isErrCall(tree.child(tree.child(initStatement, 1), 0)) else { return nil }
        let variable = tree.child(tree.child(initStatement, 0), 0)
        return tree.kind(variable) == .identifier ? variable : nil
    }

    /// Whether `condition` holds when the error value is a cancellation: `e != nil`,
    /// `e == context.Canceled`, `errors.Is(e, ...)`, or any of these in an `||`.
    private func seesCancellation(_ condition: NodeID, isErr: (NodeID) -> Bool) -> Bool {
        let inner = tree.unparen(condition)
        switch tree.kind(inner) {
        case .binaryExpr:
            let left = tree.unparen(tree.child(inner, 0)), right = tree.unparen(tree.child(inner, 1))
            switch tree.op(inner) {
            case .logicalOr:
                return seesCancellation(left, isErr: isErr) || seesCancellation(right, isErr: isErr)
            case .notEqual:
                return (isErr(left) && tree.isIdentifier(right, "nil")) || (isErr(right) && tree.isIdentifier(left, "nil"))
            case .equal:
                return (isErr(left) && !tree.isIdentifier(right, "nil") && !isErr(right))
                    || (isErr(right) && !tree.isIdentifier(left, "nil") && !isErr(left))
            default:
                return false
            }
        case .callExpr:
            let function = tree.unparen(tree.child(inner, 0))
            return tree.kind(function) == .selectorExpr && tree.hasText(tree.child(function, 1), "Is")
                && isErr(tree.unparen(tree.child(inner, 1)))
        default:
            return false
        }
    }

    /// The variable an expression is rooted in: `ctx` for `ctx`, `s` for `s.ctx.Done()`.
    public func rootIdentifier(_ expression: NodeID) -> NodeID {
        var current = tree.unparen(expression)
        while true {
            switch tree.kind(current) {
            case .identifier: return current
            case .selectorExpr, .callExpr, .indexExpr, .starExpr, .typeAssertExpr, .sliceExpr:
                current = tree.unparen(tree.child(current, 0))
            default: return .none
            }
        }
    }
}

struct ExitSuffixKey: Hashable {
    var list: NodeID
    var loop: NodeID
}
