import GoAnalysis
import GoSyntax
import LintCore

/// `g, gctx := errgroup.WithContext(ctx)` whose tasks keep using `ctx`: a failing task does not
/// cancel its siblings.
enum ErrgroupContextUnused {
    static let rule = GoRule(
        id: "errgroup-context-unused",
        summary: "the context of errgroup.WithContext is discarded or not used by the group's tasks",
        severity: .warning, category: "propagation", check: check)

    static let errgroupPaths: Set<String> = ["golang.org/x/sync/errgroup"]
    static let withContext: NameSet = ["WithContext"]

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.imports("golang.org/x/sync/errgroup") else { return }
        let tree = file.tree
        for call in file.index.nodes(.callExpr) {
            guard file.calledMember(call, in: errgroupPaths, among: withContext) != nil else { continue }
            var values = tree.parent(call)
            while tree.kind(values) == .parenExpr { values = tree.parent(values) }
            let statement = tree.parent(values)
            let names: NodeID
            switch tree.kind(statement) {
            case .assignStmt where tree.child(statement, 1) == values: names = tree.child(statement, 0)
            case .valueSpec where tree.child(statement, 2) == values: names = tree.child(statement, 0)
            default: continue
            }
            if tree.childCount(names) == 2, tree.childCount(values) == 1 {
                inspect(names: names, call: call, context: &context)
            }
        }
    }

    static func inspect(names: NodeID, call: NodeID, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let groupName = tree.child(names, 0), contextName = tree.child(names, 1)
        if tree.isIdentifier(contextName, "_") {
            context.report(contextName, "the context returned by errgroup.WithContext is discarded: when a task fails, "
                           + "its siblings are not cancelled; name it and use it in the tasks (or use a plain errgroup.Group)")
            return
        }
        guard let group = file.bindings.symbol(of: groupName), let derived = file.bindings.symbol(of: contextName),
              let parent = parentReference(of: tree.child(call, 1), file: file), parent.symbol != derived else { return }
        let tasks = taskLiterals(of: group, file: file)
        guard !tasks.isEmpty else { return }
        let family = derivedFamily(of: derived, file: file)
        let usesDerived = tasks.contains { task in
            family.contains { member in file.bindings.uses(of: member).contains { tree.isAncestor(task, of: $0) } }
        }
        let usesParent = tasks.contains { task in
            file.bindings.uses(of: parent.symbol).contains { use in
                tree.isAncestor(task, of: use) && (!parent.isRequest || file.contexts.isRequestContextCall(tree.parent(tree.parent(use))))
            }
        }
        guard !usesDerived, usesParent else { return }
        let derivedText = tree.text(contextName), groupText = tree.text(groupName)
        context.report(contextName, "\(derivedText) from errgroup.WithContext is not used by the \(groupText).Go tasks, "
                       + "which use \(parent.spelling) instead: when a task fails, its siblings are not cancelled; "
                       + "pass \(derivedText) to them")
    }

    /// The group's context and what the function derives from it: contexts made from it and their
    /// cancel functions (a task calling `cancel2()` of `WithCancel(gctx)` takes part in it).
    static func derivedFamily(of derived: SymbolID, file: GoFile) -> [SymbolID] {
        let tree = file.tree
        var family = [derived]
        for symbol in file.contexts.contextSymbols where symbol != derived {
            if file.contextOrigin(of: symbol).symbols.contains(derived) { family.append(symbol) }
        }
        for (symbol, _) in file.contexts.cancelSymbols {
            let call = tree.unparen(file.bindings[symbol].value)
            if let origin = file.contextOrigin(of: tree.child(call, 1)), origin.symbols.contains(derived) {
                family.append(symbol)
            }
        }
        return family
    }

    /// The parent context's variable: `ctx`, or `r` for `r.Context()`.
    static func parentReference(of argument: NodeID, file: GoFile) -> (symbol: SymbolID, isRequest: Bool, spelling: String)? {
        let tree = file.tree
        let inner = tree.unparen(argument)
        if tree.kind(inner) == .identifier, let symbol = file.bindings.symbol(of: inner) {
            return (symbol, false, tree.text(inner))
        }
        if file.contexts.isRequestContextCall(inner) {
            let receiver = tree.child(tree.child(inner, 0), 0)
            if let symbol = file.bindings.symbol(of: receiver) { return (symbol, true, tree.text(inner)) }
        }
        return nil
    }

    /// The function literals passed to `g.Go` and `g.TryGo`.
    static func taskLiterals(of group: SymbolID, file: GoFile) -> [NodeID] {
        let tree = file.tree
        var literals: [NodeID] = []
        for use in file.bindings.uses(of: group) {
            let selector = tree.parent(use)
            guard tree.kind(selector) == .selectorExpr, tree.child(selector, 0) == use,
                  tree.hasText(tree.child(selector, 1), "Go") || tree.hasText(tree.child(selector, 1), "TryGo") else { continue }
            let call = tree.parent(selector)
            guard tree.kind(call) == .callExpr, tree.child(call, 0) == selector else { continue }
            let task = tree.unparen(tree.child(call, 1))
            if tree.kind(task) == .funcLit { literals.append(task) }
        }
        return literals
    }
}
