import GoAnalysis
import GoSyntax
import LintCore

/// `srv.Shutdown(context.Background())`: graceful shutdown waits for every connection, for ever.
enum ShutdownWithoutDeadline {
    static let rule = GoRule(
        id: "shutdown-without-deadline",
        summary: "http.Server.Shutdown with a context that has no deadline",
        severity: .warning, category: "cancellation", check: check)

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        // A test's own server hanging on shutdown is caught by the test's timeout.
        guard !file.isTestFile, file.imports.imports("net/http"), file.imports.importsContext else { return }
        let tree = file.tree
        var calls: [NodeID] = []
        tree.walk(tree.root) { node in
            if tree.kind(node) == .callExpr, tree.childCount(node) == 2 {
                let function = tree.unparen(tree.child(node, 0))
                if tree.kind(function) == .selectorExpr, tree.hasText(tree.child(function, 1), "Shutdown") { calls.append(node) }
            }
            return true
        }
        for call in calls { inspect(call, context: &context) }
    }

    static func inspect(_ call: NodeID, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let function = tree.unparen(tree.child(call, 0))
        let server = tree.child(function, 0)
        guard isHTTPServer(server, method: tree.child(function, 1), file: file) else { return }
        let argument = tree.child(call, 1)
        let serverText = tree.text(server)
        let advice = "graceful shutdown waits for every active connection, for ever if one never closes; "
            + "pass a context from context.WithTimeout"
        if file.isFreshContextCall(tree.unparen(argument)) {
            context.report(argument, "\(serverText).Shutdown(\(tree.text(argument))) has no deadline: \(advice)")
            return
        }
        guard tree.kind(tree.unparen(argument)) == .identifier || tree.kind(tree.unparen(argument)) == .callExpr,
              let origin = file.contextOrigin(of: argument), origin.hasDeadline == false, origin.root != .unassigned else {
            return
        }
        let how = origin.root == .detached ? "it derives from context.Background() without a timeout"
            : "context.WithoutCancel dropped its deadline"
        context.report(argument, "the context passed to \(serverText).Shutdown has no deadline (\(how)): \(advice)")
    }

    /// An `*http.Server` (or `http.Server`) by its declaration, or a struct of this file embedding
    /// one that does not declare its own `Shutdown`.
    static func isHTTPServer(_ expression: NodeID, method: NodeID, file: GoFile) -> Bool {
        guard let type = file.declaredType(of: expression) else { return false }
        if type.path.isEmpty && file.methodDeclaration(named: method, on: type).exists { return false }
        return file.methodProviders(of: type).contains { $0.isNamed(["net/http"], ["Server"]) }
    }
}
