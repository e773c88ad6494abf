import GoAnalysis
import GoSyntax
import LintCore

/// Outgoing HTTP requests that no context can cancel: `http.NewRequest`, `http.Get` and the
/// `Get`/`Head`/`Post`/`PostForm` methods of an `*http.Client`.
enum HTTPRequestWithoutContext {
    static let rule = GoRule(
        id: "http-request-without-context",
        summary: "an outgoing HTTP request that no context can cancel",
        severity: .warning, category: "cancellation", check: check)

    static let sendingFunctions: Set<String> = ["Get", "Head", "Post", "PostForm"]
    static let requestFunctions = NameSet(sendingFunctions.union(["NewRequest"]))
    static let httpPaths: Set<String> = ["net/http"]

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.imports("net/http") else { return }
        let tree = file.tree
        var newRequests: [NodeID] = []
        var sends: [(call: NodeID, sender: String)] = []
        for candidate in file.selectorCalls(named: requestFunctions) {
            let function = tree.parent(candidate.member)
            let isHTTPFunction = file.referencedMember(function, in: httpPaths) != nil
            if tree.hasText(candidate.member, "NewRequest") {
                if isHTTPFunction { newRequests.append(candidate.call) }
            } else if isHTTPFunction {
                sends.append((candidate.call, "http"))
            } else if let type = file.declaredType(of: candidate.receiver), type.isNamed(httpPaths, ["Client"]) {
                sends.append((candidate.call, tree.text(candidate.receiver)))
            }
        }
        for call in newRequests { inspectNewRequest(call, context: &context) }
        for (call, sender) in sends { reportSend(call, sender: sender, context: &context) }
    }

    static func reportSend(_ call: NodeID, sender: String, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let method = tree.text(tree.child(tree.unparen(tree.child(call, 0)), 1))
        let contexts = file.usableContexts(at: call)
        if file.isTestFile && contexts.isEmpty { return }
        let contextName = contexts.count == 1 ? contexts[0].expression : "ctx"
        let client = sender == "http" ? "http.DefaultClient" : sender
        let message = "\(sender).\(method) sends a request that no context can cancel"
            + (sender == "http" ? " (and the default client has no timeout)" : "")
            + ": build it with http.NewRequestWithContext(\(contextName), ...) and send it with \(client).Do"
        context.report(call, message)
    }

    static func inspectNewRequest(_ call: NodeID, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let contexts = file.usableContexts(at: call)
        // A test without a context of its own builds requests for handlers or for a server that
        // lives as long as the test: cancelling them would change nothing.
        if file.isTestFile && contexts.isEmpty { return }
        switch requestDestination(call, file: file) {
        case .returned:
            // The caller gets the request and may attach its context; only a function that has
            // one itself should have used it.
            if contexts.isEmpty { return }
        case .variable(let symbol):
            switch fate(of: symbol, file: file) {
            case .getsContext: return
            case .returned: if contexts.isEmpty { return }
            case .none: break
            }
        case .elsewhere:
            break
        }
        let single = contexts.count == 1 ? contexts[0].expression : nil
        let message = "http.NewRequest builds a request that no context can cancel: use "
            + (single.map { "http.NewRequestWithContext(\($0), ...)" } ?? "http.NewRequestWithContext with the caller's context")
        var fixes: [Fix] = []
        let function = tree.unparen(tree.child(call, 0))
        if let single, contexts[0].isStandardContext, let firstArgument = tree.children(call).dropFirst().first {
            fixes.append(Fix(title: "use http.NewRequestWithContext(\(single), ...)", edits: [
                TextEdit(range: tree.range(tree.child(function, 1)), replacement: "NewRequestWithContext"),
                TextEdit(range: ByteRange(start: tree[firstArgument].start, end: tree[firstArgument].start),
                         replacement: "\(single), "),
            ]))
        }
        context.report(call, message, fixes: fixes)
    }

    enum Destination {
        case variable(SymbolID), returned, elsewhere
    }

    /// Where the request made by `call` goes: `req, err := http.NewRequest(...)` (or `=`),
    /// `return http.NewRequest(...)`.
    static func requestDestination(_ call: NodeID, file: GoFile) -> Destination {
        let tree = file.tree
        let list = tree.parent(call)
        if tree.kind(list) == .returnStmt { return .returned }
        let statement = tree.parent(list)
        let targets: NodeID
        switch tree.kind(statement) {
        case .assignStmt where tree.child(statement, 1) == list: targets = tree.child(statement, 0)
        case .valueSpec where tree.child(statement, 2) == list: targets = tree.child(statement, 0)
        default: return .elsewhere
        }
        let target = tree.child(targets, 0)
        guard tree.kind(target) == .identifier, let symbol = file.bindings.symbol(of: target) else { return .elsewhere }
        // A named result is returned by every bare `return`.
        return file.bindings[symbol].kind == .result ? .returned : .variable(symbol)
    }

    enum Fate {
        case getsContext, returned, none
    }

    /// Whether the function attaches a context to the request later — `req.WithContext(ctx)`,
    /// `req.Clone(ctx)`, `req.Cancel = ...`, the request passed to a call together with a context
    /// (`ctxhttp.Do(ctx, client, req)`, `c.Do(ctx, req)`) — or hands it to code that may: returns
    /// it, or stores it in a struct.
    static func fate(of request: SymbolID, file: GoFile, depth: Int = 0) -> Fate {
        let tree = file.tree
        var returned = false
        for use in file.bindings.uses(of: request) {
            let parent = tree.parent(use)
            switch tree.kind(parent) {
            case .selectorExpr where tree.child(parent, 0) == use:
                let member = tree.child(parent, 1)
                if tree.hasText(member, "WithContext") || tree.hasText(member, "Clone") { return .getsContext }
                if tree.hasText(member, "Cancel"), isAssigned(parent, file: file) { return .getsContext }
            case .callExpr where tree.child(parent, 0) != use:
                let others = tree.children(parent).dropFirst().filter { $0 != use }
                if others.contains(where: { carriesContext($0, file: file) }) { return .getsContext }
                if depth < 3, let parameter = parameter(receiving: use, in: parent, file: file),
                   fate(of: parameter, file: file, depth: depth + 1) == .getsContext {
                    return .getsContext
                }
            case .returnStmt, .keyValueExpr, .compositeLit:
                returned = true
            case .list where isAssigned(use, file: file) == false && isFieldStore(use, file: file):
                returned = true
            default:
                break
            }
        }
        return returned ? .returned : .none
    }

    /// For an argument of a call of a function declared in this file, the parameter receiving it.
    static func parameter(receiving argument: NodeID, in call: NodeID, file: GoFile) -> SymbolID? {
        let tree = file.tree
        let callee = tree.unparen(tree.child(call, 0))
        guard tree.kind(callee) == .identifier, let function = file.bindings.symbol(of: callee),
              file.bindings[function].kind == .function,
              let signature = file.bindings.functions[file.bindings[function].declaration],
              let position = tree.children(call).dropFirst().firstIndex(of: argument) else { return nil }
        let index = position - tree.children(call).startIndex - 1
        // Unnamed parameters have no symbols: positions only line up when every one is named.
        guard signature.parameters.count == signature.parameterTypes.count, index < signature.parameters.count else {
            return nil
        }
        return signature.parameters[index]
    }

    /// `s.req = req`: the request is stored where a later context may be attached to it.
    static func isFieldStore(_ value: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        let list = tree.parent(value)
        let statement = tree.parent(list)
        guard tree.kind(statement) == .assignStmt, tree.child(statement, 1) == list else { return false }
        return tree.children(tree.child(statement, 0)).contains { tree.kind(tree.unparen($0)) == .selectorExpr }
    }

    static func isAssigned(_ expression: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        let list = tree.parent(expression)
        let statement = tree.parent(list)
        return tree.kind(statement) == .assignStmt && tree.child(statement, 0) == list
    }

    /// A context argument: a known context, `x.Context()`, or any call of the context package.
    static func carriesContext(_ argument: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        let inner = tree.unparen(argument)
        if file.contexts.isContextExpression(inner) { return true }
        if let type = file.declaredType(of: inner), type.isNamed(ImportTable.contextPaths, ["Context"]) { return true }
        guard tree.kind(inner) == .callExpr else { return false }
        if file.calledMember(inner, in: ImportTable.contextPaths) != nil { return true }
        let function = tree.unparen(tree.child(inner, 0))
        return tree.childCount(inner) == 1 && tree.kind(function) == .selectorExpr
            && tree.hasText(tree.child(function, 1), "Context")
    }
}
