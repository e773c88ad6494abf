import GoSyntax

/// Whether a region of code waits, and whether it looks at cancellation while it does.
extension WaitSyntax {
    /// A function literal run by `go` or `defer` rather than where it is written.
    public func isLaunchedOrDeferred(_ literal: NodeID) -> Bool {
        let call = tree.parent(literal)
        guard tree.kind(call) == .callExpr, tree.child(call, 0) == literal else { return false }
        let statement = tree.parent(call)
        return tree.kind(statement) == .goStmt || tree.kind(statement) == .deferStmt
    }

    /// The `go` statement that launches this function literal, or none.
    public func launchingGoStatement(_ function: NodeID) -> NodeID {
        guard tree.kind(function) == .funcLit else { return .none }
        let call = tree.parent(function)
        guard tree.kind(call) == .callExpr, tree.unparen(tree.child(call, 0)) == function else { return .none }
        var statement = tree.parent(call)
        while tree.kind(statement) == .parenExpr { statement = tree.parent(statement) }
        return tree.kind(statement) == .goStmt ? statement : .none
    }

    /// Whether the region looks at cancellation: receives from a Done channel or a stop signal,
    /// calls `ctx.Err()`/`ctx.Done()`/`context.Cause`, or hands a context (or the request carrying
    /// one) to a call. Function literals run synchronously count; launched or deferred ones do not.
    public func consultsCancellation(_ region: NodeID) -> Bool {
        _ = flagsNoted
        var found = false
        tree.walk(region) { node in
            if found { return false }
            switch tree.kind(node) {
            case .funcLit:
                return !isLaunchedOrDeferred(node)
            case .unaryExpr:
                if tree.op(node) == .arrow {
                    let channel = tree.child(node, 0)
                    if isDoneChannel(channel) || isStopSignal(channel)
                        || isCancellationAwareSource(channel, within: file.enclosingFunction(of: node)) {
                        found = true
                    }
                }
            case .rangeStmt:
                let ranged = tree.child(node, 2)
                if isStopSignal(ranged) || isCancellationAwareSource(ranged, within: file.enclosingFunction(of: node)) {
                    found = true
                }
            case .callExpr:
                if isErrCall(node) || callsConsultingClosure(node) || isCancelCall(node) { found = true }
            case .commClause:
                if isClosingCase(node) { found = true }
            case .identifier:
                if isContextReference(node) || isCancellationFlag(node) { found = true }
            case .selectorExpr:
                let name = tree.child(node, 1)
                if hasContextName(name), !isValueLookup(node), file.importPath(ofQualifier: node) == nil {
                    found = true
                }
                if !cancellationFlagFields.isEmpty, cancellationFlagFields.contains(tree.text(name)) { found = true }
                // The selector's name is not a variable; its operand still is.
                if tree.kind(tree.child(node, 0)) != .identifier { return !found }
                if isContextReference(tree.child(node, 0)) || isCancellationFlag(tree.child(node, 0)) { found = true }
                return false
            default:
                break
            }
            return !found
        }
        return found
    }

    /// Records the variables and fields assigned in a branch taken on cancellation.
    func noteCancellationFlags(in statements: [NodeID]) {
        for statement in statements {
            tree.walk(statement) { node in
                guard tree.kind(node) != .funcLit else { return false }
                guard tree.kind(node) == .assignStmt else { return true }
                for target in tree.children(tree.child(node, 0)) {
                    let inner = tree.unparen(target)
                    if tree.kind(inner) == .selectorExpr {
                        cancellationFlagFields.insert(tree.text(tree.child(inner, 1)))
                    } else if tree.kind(inner) == .identifier, let symbol = file.bindings.symbol(of: inner) {
                        cancellationFlags.insert(symbol)
                    }
                }
                return true
            }
        }
    }

    /// A variable set where cancellation is seen (`case <-ctx.Done(): stopped = true`).
    private func isCancellationFlag(_ identifier: NodeID) -> Bool {
        guard !cancellationFlags.isEmpty, let symbol = file.bindings.symbol(of: identifier) else { return false }
        return cancellationFlags.contains(symbol)
    }

    /// Whether whoever sends on or closes the channel reacts to cancellation, so waiting for it
    /// ends when the context does: it comes from a call given a context (`w.Watch(ctx)`), it is
    /// handed to a call together with the context (`go produce(ctx, ch)`), or it is sent on or
    /// closed by a function literal that consults cancellation, or in a branch taken on
    /// cancellation (`case <-ctx.Done(): close(done)`). `function` is where the wait is.
    public func isCancellationAwareSource(_ channel: NodeID, within function: NodeID) -> Bool {
        let inner = tree.unparen(channel)
        if tree.kind(inner) == .callExpr { return !isMakeChan(inner) && consultsCancellation(inner) }
        guard tree.kind(inner) == .identifier, let symbol = file.bindings.symbol(of: inner) else { return false }
        let sources = channelSources(of: symbol)
        return sources.awareEverywhere || sources.awareSenders.contains { $0 != function }
    }

    /// What makes a channel's source cancellation-aware, computed once per channel: whether
    /// something does for every waiter (a value from a call given a context, a hand-off with the
    /// context, a send or close in a cancellation branch), and which function literals that
    /// consult cancellation send on or close it — those count for waits in other functions.
    /// Once per channel, not per waiting function: n nested goroutines waiting on one channel
    /// would otherwise look at its n uses n times.
    func channelSources(of symbol: SymbolID) -> ChannelSources {
        if let cached = sourceCache[symbol] { return cached }
        sourceCache[symbol] = ChannelSources() // a cycle through the same channel proves nothing
        var sources = ChannelSources()
        sources.awareEverywhere = assignedValues(of: symbol).contains { value in
            let call = tree.unparen(value)
            return tree.kind(call) == .callExpr && !isMakeChan(call) && consultsCancellation(call)
        }
        for use in file.bindings.uses(of: symbol) where !sources.awareEverywhere {
            let parent = tree.parent(use)
            // `go w.scan(ctx, ch)`: handed to a producer that is given the context.
            if tree.kind(parent) == .callExpr, tree.child(parent, 0) != use,
               tree.children(parent).dropFirst().contains(where: { isContextLike($0) }) {
                sources.awareEverywhere = true
                continue
            }
            guard (tree.kind(parent) == .sendStmt && tree.child(parent, 0) == use) || isCloseCall(parent, of: use) else {
                continue
            }
            if isInCancellationBranch(use) {
                sources.awareEverywhere = true
                continue
            }
            let sender = file.enclosingFunction(of: use)
            if tree.kind(sender) == .funcLit, literalConsultsCancellation(sender) {
                sources.awareSenders.insert(sender)
            }
        }
        sourceCache[symbol] = sources
        return sources
    }

    /// `cancel()`, `s.cancel()`, `stop()` of `signal.NotifyContext`: code that cancels drives
    /// cancellation rather than missing it.
    public func isCancelCall(_ call: NodeID) -> Bool {
        guard tree.kind(call) == .callExpr, tree.childCount(call) == 1 else { return false }
        let function = tree.unparen(tree.child(call, 0))
        if tree.kind(function) == .identifier, let symbol = file.bindings.symbol(of: function) {
            return cancelFunctions.contains(symbol) || tree.text(function).lowercased().hasSuffix("cancel")
        }
        let name = lastName(function)
        return name.exists && tree.text(name).lowercased().hasSuffix("cancel")
    }

    /// `check()` where `check := func() bool { return ctx.Err() != nil }`.
    private func callsConsultingClosure(_ call: NodeID) -> Bool {
        let function = tree.unparen(tree.child(call, 0))
        guard tree.kind(function) == .identifier, let symbol = file.bindings.symbol(of: function),
              !file.bindings[symbol].isPackageLevel else { return false }
        return assignedValues(of: symbol).contains { value in
            let literal = tree.unparen(value)
            return tree.kind(literal) == .funcLit && literalConsultsCancellation(literal)
        }
    }

    /// `case v, ok := <-ch: if !ok { return }`: closing the channel is this code's stop signal.
    public func isClosingCase(_ clause: NodeID) -> Bool {
        let communication = tree.child(clause, 0)
        guard tree.kind(communication) == .assignStmt, tree.childCount(tree.child(communication, 0)) == 2,
              receivedChannel(ofCase: clause).exists else { return false }
        let flag = tree.child(tree.child(communication, 0), 1)
        guard tree.kind(flag) == .identifier, !tree.hasText(flag, "_") else { return false }
        var found = false
        for statement in tree.children(clause).dropFirst() where !found {
            tree.walk(statement) { node in
                if found || tree.kind(node) == .funcLit { return false }
                if tree.kind(node) == .ifStmt, isNegation(of: flag, tree.child(node, 1)), leavesClause(tree.child(node, 2)) {
                    found = true
                }
                return !found
            }
        }
        return found
    }

    /// `!ok` or `ok == false`.
    private func isNegation(of flag: NodeID, _ condition: NodeID) -> Bool {
        let inner = tree.unparen(condition)
        let operand: NodeID
        if tree.kind(inner) == .unaryExpr, tree.op(inner) == .not {
            operand = tree.unparen(tree.child(inner, 0))
        } else if tree.kind(inner) == .binaryExpr, tree.op(inner) == .equal, tree.isIdentifier(tree.unparen(tree.child(inner, 1)), "false") {
            operand = tree.unparen(tree.child(inner, 0))
        } else {
            return false
        }
        return tree.kind(operand) == .identifier && tree.sameText(operand, flag)
    }

    /// A return, a labeled break or a call that never returns in the block.
    private func leavesClause(_ block: NodeID) -> Bool {
        var exits = false
        tree.walk(block) { node in
            if exits || tree.kind(node) == .funcLit { return false }
            if tree.kind(node) == .returnStmt || isNeverReturningCall(node)
                || (tree.kind(node) == .branchStmt && tree.op(node) == .kwBreak && tree.child(node, 0).exists) {
                exits = true
            }
            return !exits
        }
        return exits
    }

    /// Every value the variable is given: its initialiser and each plain assignment to it.
    public func assignedValues(of symbol: SymbolID) -> [NodeID] {
        let bindings = file.bindings
        var values: [NodeID] = []
        if bindings[symbol].value.exists { values.append(bindings[symbol].value) }
        for use in bindings.uses(of: symbol) {
            let list = tree.parent(use)
            let assignment = tree.parent(list)
            guard tree.kind(list) == .list, tree.kind(assignment) == .assignStmt, tree.child(assignment, 0) == list,
                  let index = tree.children(list).firstIndex(of: use) else { continue }
            let right = tree.child(assignment, 1)
            let position = index - tree.children(list).startIndex
            if tree.childCount(right) == tree.childCount(list) {
                values.append(tree.child(right, position))
            } else if tree.childCount(right) == 1 {
                values.append(tree.child(right, 0))
            }
        }
        return values
    }

    private func literalConsultsCancellation(_ literal: NodeID) -> Bool {
        if let cached = literalConsultsCache[literal] { return cached }
        literalConsultsCache[literal] = false
        let consults = consultsCancellation(tree.child(literal, 1))
        literalConsultsCache[literal] = consults
        return consults
    }

    /// Whether `node` runs only once cancellation is seen: in the body of a `case <-ctx.Done():`
    /// or of an `if ctx.Err() != nil`, within its own function.
    public func isInCancellationBranch(_ node: NodeID) -> Bool {
        var current = node
        var parent = tree.parent(node)
        while parent.exists {
            switch tree.kind(parent) {
            case .funcLit, .funcDecl:
                return false
            case .commClause:
                if tree.child(parent, 0) != current, isDoneChannel(receivedChannel(ofCase: parent)) { return true }
            case .ifStmt:
                if tree.child(parent, 2) == current, isCancellationCheck(parent) { return true }
            default:
                break
            }
            current = parent
            parent = tree.parent(parent)
        }
        return false
    }

    /// A range over a channel that is closed by the code that made it (the producer closes it on
    /// cancellation), or over a field the file closes: the range ends when the producer is done.
    public func isEndedByItsProducer(_ channel: NodeID) -> Bool {
        let inner = tree.unparen(channel)
        switch tree.kind(inner) {
        case .identifier:
            guard let symbol = file.bindings.symbol(of: inner) else { return false }
            let declared = file.bindings[symbol]
            guard declared.value.exists, declared.valueIndex < 0, isMakeChan(declared.value) else { return false }
            return file.bindings.uses(of: symbol).contains { isCloseCall(tree.parent($0), of: $0) }
        case .selectorExpr:
            return closedFields.contains(tree.text(tree.child(inner, 1)))
        default:
            return false
        }
    }

    /// `ctx.Value(key)` reads a value; it does not look at cancellation.
    private func isValueLookup(_ operand: NodeID) -> Bool {
        let parent = tree.parent(operand)
        return tree.kind(parent) == .selectorExpr && tree.child(parent, 0) == operand
            && tree.hasText(tree.child(parent, 1), "Value")
    }

    /// An identifier (not a selector's name) that uses a context: a context variable or one named
    /// like it, or a request handed to a call or asked for its `Context()`.
    private func isContextReference(_ identifier: NodeID) -> Bool {
        let parent = tree.parent(identifier)
        if tree.kind(parent) == .selectorExpr && tree.child(parent, 1) == identifier { return false }
        if let symbol = file.bindings.symbol(of: identifier) {
            if file.contexts.isRequest(symbol) {
                if tree.kind(parent) == .callExpr { return tree.child(parent, 0) != identifier }
                return tree.kind(parent) == .selectorExpr && tree.hasText(tree.child(parent, 1), "Context")
            }
            let kind = file.bindings[symbol].kind
            if kind == .importName || kind == .typeName || kind == .function { return false }
            if file.contexts.isContext(symbol) { return !isValueLookup(identifier) }
        } else if tree.kind(parent) == .selectorExpr, file.imports.path(ofLocalName: tree.text(identifier)) != nil {
            return false
        }
        return hasContextName(identifier) && !isValueLookup(identifier)
    }

    /// The waits in `region`, in source order, nested function literals aside. The
    /// communications of a select are the select's; other receives and sends wait on their own.
    /// Waits that cancellation ends anyway are left out: a receive from a cancellation-aware
    /// source, a range its producer ends.
    public func waits(in region: NodeID) -> [WaitSite] {
        var sites: [WaitSite] = []
        var communications = Set<NodeID>()
        let function = file.enclosingFunction(of: region)
        tree.walk(region) { node in
            if communications.contains(node) { return false }
            switch tree.kind(node) {
            case .funcLit:
                return false
            case .selectStmt:
                let clauses = cases(of: node)
                for clause in clauses { communications.insert(tree.child(clause, 0)) }
                let released = clauses.contains { isCancellationAwareSource(receivedChannel(ofCase: $0), within: function) }
                if isBlockingSelect(node) && !released { sites.append(WaitSite(node: node, kind: .select)) }
            case .unaryExpr where tree.op(node) == .arrow:
                let channel = tree.child(node, 0)
                if isTimerChannel(channel) {
                    sites.append(WaitSite(node: node, kind: .timer(channel: channel)))
                } else if !isCancellationAwareSource(channel, within: function) {
                    sites.append(WaitSite(node: node, kind: .receive(channel: channel)))
                }
            case .sendStmt:
                sites.append(WaitSite(node: node, kind: .send(channel: tree.child(node, 0))))
            case .callExpr:
                if isSleepCall(node) {
                    sites.append(WaitSite(node: node, kind: .sleep))
                } else if isSyncWait(node) {
                    sites.append(WaitSite(node: node, kind: .syncWait(call: node)))
                } else if isConfiguredBlockingCall(node) {
                    sites.append(WaitSite(node: node, kind: .blockingCall(call: node)))
                }
            case .rangeStmt:
                let ranged = tree.child(node, 2)
                if isChannel(ranged), !isEndedByItsProducer(ranged), !isCancellationAwareSource(ranged, within: function) {
                    sites.append(WaitSite(node: node, kind: .rangeOverChannel(channel: ranged)))
                }
            default:
                break
            }
            return true
        }
        return sites
    }

    /// How a wait reads in a message: "sending on `ch`", "in time.Sleep".
    public func describe(_ site: WaitSite) -> String {
        switch site.kind {
        case .select: return "in a select"
        case .receive(let channel): return "receiving from `\(shortText(channel))`"
        case .send(let channel): return "sending on `\(shortText(channel))`"
        case .sleep: return "in time.Sleep"
        case .timer(let channel): return "on the timer `\(shortText(channel))`"
        case .syncWait(let call), .blockingCall(let call): return "in `\(shortText(call))`"
        case .rangeOverChannel(let channel): return "ranging over channel `\(shortText(channel))`"
        case .endless: return "forever, with no return or break"
        }
    }
}
