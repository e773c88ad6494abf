import GoAnalysis
import GoSyntax
import LintCore

/// `context.Background()` or `context.TODO()` where the caller's context is at hand: the new
/// chain ignores the caller's cancellation and deadline.
enum BackgroundInScope {
    static let rule = GoRule(
        id: "background-in-scope",
        summary: "context.Background() or context.TODO() in a function that already has the caller's context",
        severity: .warning, category: "propagation", check: check)

    /// Why a fresh context here is deliberate, when it is.
    enum Detachment {
        case deferred, afterDone, errorCleanup, goroutine, besideCaller, explained
    }

    static let errorsPaths: Set<String> = ["errors"]
    static let errorsIs: NameSet = ["Is"]

    /// Words with which comments explain a deliberate detachment ("the caller's context will be
    /// cancelled", "must outlive the request", "ignore the context").
    static let detachmentWords = ["cancel", "detach", "outliv", "ignor", "independen", "disconnect", "decoupl", "longer than",
                                  "surviv", "background()"]

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.importsContext else { return }
        for call in file.index.nodes(.callExpr) where file.isFreshContextCall(call) {
            inspect(call, context: &context)
        }
    }

    static func inspect(_ call: NodeID, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        if isCompared(call, file: file) { return }
        let callers = file.callerContexts(at: call)
        guard !callers.isEmpty else { return }
        let facts = file.structuralFacts(at: call)
        if isNilGuard(call, facts: facts, file: file) { return }
        let spelled = "context.\(tree.text(tree.child(tree.unparen(tree.child(call, 0)), 1)))()"
        let names = callers.map(\.expression)
        let single = callers.count == 1 ? names[0] : nil
        // A fix passes `single` where a context.Context is needed; a value of an extra context
        // type without a configured accessor is not one, so it gets the message but no fix.
        let fixable = callers.count == 1 && callers[0].isStandardContext
        let canDetach = file.languageVersionIsAtLeast(1, 21)
        let detachHint = fixable ? single.map { "context.WithoutCancel(\($0))" } ?? "context.WithoutCancel" : "context.WithoutCancel"

        if let detachment = detachment(of: call, facts: facts, callers: callers, file: file) {
            // Deliberate detachment is right as it is before Go 1.21; afterwards WithoutCancel says it better.
            guard canDetach else { return }
            let target = single ?? "the contexts in scope (\(names.joined(separator: ", ")))"
            let keepsValues = "\(detachHint) does the same and keeps the caller's values"
            let message: String
            switch detachment {
            case .deferred:
                message = "\(spelled) in a deferred call detaches the cleanup from \(target) on purpose; \(keepsValues)"
            case .afterDone:
                message = "\(spelled) after \(target) is done detaches the cleanup from it on purpose; \(keepsValues)"
            case .errorCleanup:
                message = "\(spelled) on an error path detaches the cleanup from \(target), which may be what failed, "
                    + "on purpose; \(keepsValues)"
            case .goroutine:
                message = "\(spelled) in a goroutine the function does not wait for detaches it from \(target) "
                    + "on purpose; \(keepsValues)"
            case .explained:
                message = "\(spelled) detaches from \(target) on purpose, as the comment says; \(keepsValues)"
            case .besideCaller:
                message = "\(spelled) next to \(target) detaches from it on purpose; "
                    + "if only its cancellation should be dropped, \(detachHint) says so"
            }
            var fixes: [Fix] = []
            if let single, fixable, detachment != .besideCaller, importsStandardContext(call, file: file) {
                let replacement = "\(qualifier(of: call, file: file)).WithoutCancel(\(single))"
                fixes.append(Fix(title: "use \(replacement)", edits: [TextEdit(range: tree.range(call), replacement: replacement)]))
            }
            context.report(call, message, severity: .info, fixes: fixes)
            return
        }

        let outlive = canDetach ? " (\(detachHint) if the work must outlive the caller)" : ""
        let message: String
        var fixes: [Fix] = []
        if let single {
            message = "\(spelled) drops the cancellation and deadline of \(single), which is in scope: "
                + "derive from \(single) instead\(outlive)"
            if fixable, let edits = replacing(call, with: single, file: file) {
                fixes.append(Fix(title: "use \(single)", edits: edits))
            }
        } else {
            message = "\(spelled) drops the cancellation and deadline of the contexts in scope "
                + "(\(names.joined(separator: ", "))): derive from one of them instead\(outlive)"
        }
        context.report(call, message, fixes: fixes)
    }

    /// `if ctx == nil { ctx = context.Background() }` and its variants: a default for a missing
    /// context, not a replacement of a present one.
    static func isNilGuard(_ call: NodeID, facts: [StructuralFact], file: GoFile) -> Bool {
        let tree = file.tree
        let assigned = assignmentTarget(of: call, file: file)
        for case let .condition(condition, holds) in facts {
            guard tree.kind(condition) == .binaryExpr else { continue }
            let comparesEqual = tree.op(condition) == .equal
            guard comparesEqual == holds, comparesEqual || tree.op(condition) == .notEqual else { continue }
            let left = tree.unparen(tree.child(condition, 0)), right = tree.unparen(tree.child(condition, 1))
            let checked = file.isNil(right) ? left : (file.isNil(left) ? right : NodeID.none)
            guard checked.exists else { continue }
            if let assigned, tree.sameText(assigned, checked) { return true }
            if tree.kind(checked) == .identifier, let symbol = file.bindings.symbol(of: checked),
               file.contexts.isContext(symbol) {
                return true
            }
        }
        return false
    }

    /// `ctx != context.Background()`: a comparison starts no work.
    static func isCompared(_ call: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        var parent = tree.parent(call)
        while tree.kind(parent) == .parenExpr { parent = tree.parent(parent) }
        return tree.kind(parent) == .binaryExpr && (tree.op(parent) == .equal || tree.op(parent) == .notEqual)
    }

    /// For `x = <call>` (a single assignment), `x`.
    static func assignmentTarget(of call: NodeID, file: GoFile) -> NodeID? {
        let tree = file.tree
        let list = tree.parent(call)
        let statement = tree.parent(list)
        guard tree.kind(list) == .list, tree.kind(statement) == .assignStmt, tree.op(statement) == .assign,
              tree.child(statement, 1) == list, tree.childCount(list) == 1,
              tree.childCount(tree.child(statement, 0)) == 1 else { return nil }
        return tree.unparen(tree.child(tree.child(statement, 0), 0))
    }

    /// Inside a `defer` (the deferred call's arguments or a deferred function literal), or where the
    /// structure shows a context is already done.
    static func detachment(of call: NodeID, facts: [StructuralFact], callers: [ContextInScope],
                           file: GoFile) -> Detachment? {
        let tree = file.tree
        if isBesideCallerContext(call, callers: callers, file: file) { return .besideCaller }
        let comments = file.explainingComments(of: call).lowercased()
        if detachmentWords.contains(where: { comments.contains($0) }) { return .explained }
        var current = tree.parent(call)
        var goStatement = NodeID.none
        while current.exists && tree.kind(current) != .funcDecl {
            if tree.kind(current) == .deferStmt { return .deferred }
            if tree.kind(current) == .goStmt && goStatement.isNone { goStatement = current }
            current = tree.parent(current)
        }
        for fact in facts {
            switch fact {
            case .received(let channel):
                if isDoneCall(channel, file: file) { return .afterDone }
            case .condition(let condition, let holds):
                if showsDone(condition, holds: holds, file: file) { return .afterDone }
            }
        }
        if goStatement.exists && !isWaitedFor(goStatement, file: file) { return .goroutine }
        if isOnErrorPath(call, file: file) { return .errorCleanup }
        return nil
    }

    /// Whether the function starting the goroutine waits after starting it (`wg.Wait()`,
    /// `g.Wait()`): such a goroutine does not outlive the caller.
    static func isWaitedFor(_ goStatement: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        let function = file.enclosingFunction(of: goStatement)
        let after = tree[goStatement].end
        var waits = false
        tree.walk(file.functionBody(function)) { node in
            if waits { return false }
            if tree[node].end <= after && !tree.isAncestor(node, of: goStatement) { return false }
            if tree.kind(node) == .callExpr, tree[node].start >= after, tree.childCount(node) == 1 {
                let callee = tree.unparen(tree.child(node, 0))
                waits = tree.kind(callee) == .selectorExpr && tree.hasText(tree.child(callee, 1), "Wait")
            }
            return true
        }
        return waits
    }

    /// Inside `if err != nil { ...; return }`: cleanup after a failure that may be the caller's
    /// context's own (cancelled, deadline exceeded), so the caller's context may be unusable.
    static func isOnErrorPath(_ call: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        var child = call
        var current = tree.parent(call)
        while current.exists && tree.kind(current) != .funcDecl && tree.kind(current) != .funcLit {
            if tree.kind(current) == .ifStmt, child == tree.child(current, 2), file.alwaysLeaves(child),
               isErrorCheck(tree.child(current, 1), file: file) {
                return true
            }
            child = current
            current = tree.parent(current)
        }
        return false
    }

    /// `err != nil` (any variable whose name mentions err), possibly within `&&`.
    static func isErrorCheck(_ condition: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        let inner = tree.unparen(condition)
        guard tree.kind(inner) == .binaryExpr else { return false }
        if tree.op(inner) == .logicalAnd {
            return isErrorCheck(tree.child(inner, 0), file: file) || isErrorCheck(tree.child(inner, 1), file: file)
        }
        guard tree.op(inner) == .notEqual else { return false }
        let left = tree.unparen(tree.child(inner, 0)), right = tree.unparen(tree.child(inner, 1))
        let checked = file.isNil(right) ? left : (file.isNil(left) ? right : NodeID.none)
        return tree.kind(checked) == .identifier && tree.text(checked).lowercased().contains("err")
    }

    /// `merge(context.Background(), ctx)`, `&valuesOnly{Context: context.Background(), values: ctx}`:
    /// the code holds the caller's context at this very spot and chose a fresh one for one role.
    static func isBesideCallerContext(_ call: NodeID, callers: [ContextInScope], file: GoFile) -> Bool {
        let tree = file.tree
        var argument = call
        var container = tree.parent(call)
        if tree.kind(container) == .keyValueExpr {
            argument = container
            container = tree.parent(container)
        }
        let siblings: ArraySlice<NodeID>
        switch tree.kind(container) {
        case .callExpr: siblings = tree.children(container).dropFirst()
        case .compositeLit: siblings = tree.children(container).dropFirst()
        default: return false
        }
        let callerSymbols = Set(callers.map(\.symbol))
        return siblings.contains { sibling in
            guard sibling != argument else { return false }
            var value = sibling
            if tree.kind(value) == .keyValueExpr { value = tree.child(value, 1) }
            value = tree.unparen(value)
            if file.contexts.isRequestContextCall(value) { value = tree.child(tree.child(value, 0), 0) }
            guard tree.kind(value) == .identifier, let symbol = file.bindings.symbol(of: value) else { return false }
            return callerSymbols.contains(symbol)
        }
    }

    /// `x.Done()`, or a variable holding it (`done := ctx.Done()`): receiving from it means the
    /// context is done.
    static func isDoneCall(_ expression: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        var call = tree.unparen(expression)
        if tree.kind(call) == .identifier, let symbol = file.bindings.symbol(of: call), file.bindings[symbol].valueIndex < 0 {
            call = tree.unparen(file.bindings[symbol].value)
        }
        guard tree.kind(call) == .callExpr, tree.childCount(call) == 1 else { return false }
        let function = tree.unparen(tree.child(call, 0))
        return tree.kind(function) == .selectorExpr && tree.hasText(tree.child(function, 1), "Done")
    }

    /// Whether a condition known to be `holds` says a context is done: `ctx.Err() != nil`,
    /// `err == context.Canceled`, `errors.Is(err, context.DeadlineExceeded)`.
    static func showsDone(_ condition: NodeID, holds: Bool, file: GoFile) -> Bool {
        let tree = file.tree
        switch tree.kind(condition) {
        case .binaryExpr:
            let op = tree.op(condition)
            guard op == .equal || op == .notEqual else { return false }
            let left = tree.child(condition, 0), right = tree.child(condition, 1)
            if isContextError(left, file: file) || isContextError(right, file: file) {
                return (op == .equal) == holds
            }
            if (file.isNil(right) && isErrCall(left, file: file)) || (file.isNil(left) && isErrCall(right, file: file)) {
                return (op == .notEqual) == holds
            }
            return false
        case .callExpr:
            guard holds, file.calledMember(condition, in: errorsPaths, among: errorsIs) != nil else { return false }
            return tree.children(condition).dropFirst().contains { isContextError($0, file: file) }
        default:
            return false
        }
    }

    /// `context.Canceled` or `context.DeadlineExceeded`.
    static func isContextError(_ expression: NodeID, file: GoFile) -> Bool {
        let inner = file.tree.unparen(expression)
        return file.isReference(inner, to: ImportTable.contextPaths, member: "Canceled")
            || file.isReference(inner, to: ImportTable.contextPaths, member: "DeadlineExceeded")
    }

    /// `x.Err()`, or a variable initialised from it (`if err := ctx.Err(); err != nil`).
    static func isErrCall(_ expression: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        var inner = tree.unparen(expression)
        if tree.kind(inner) == .identifier, let symbol = file.bindings.symbol(of: inner),
           file.bindings[symbol].valueIndex < 0 {
            inner = tree.unparen(file.bindings[symbol].value)
        }
        guard tree.kind(inner) == .callExpr, tree.childCount(inner) == 1 else { return false }
        let function = tree.unparen(tree.child(inner, 0))
        return tree.kind(function) == .selectorExpr && tree.hasText(tree.child(function, 1), "Err")
    }

    /// The call replaced by `replacement`, and the context import removed when this call was its
    /// last use; nil when that import cannot be removed cleanly.
    static func replacing(_ call: NodeID, with replacement: String, file: GoFile) -> [TextEdit]? {
        let tree = file.tree
        let qualifier = tree.child(tree.unparen(tree.child(call, 0)), 0)
        guard let importEdits = ImportEdits.removingUnused(afterRemoving: [qualifier], in: file) else { return nil }
        return [TextEdit(range: tree.range(call), replacement: replacement)] + importEdits
    }

    static func importsStandardContext(_ call: NodeID, file: GoFile) -> Bool {
        file.importPath(ofQualifier: file.tree.unparen(file.tree.child(call, 0))) == "context"
    }

    static func qualifier(of call: NodeID, file: GoFile) -> String {
        let tree = file.tree
        return tree.text(tree.child(tree.unparen(tree.child(call, 0)), 0))
    }
}
