import GoAnalysis
import GoSyntax
import LintCore

/// `srv.Shutdown(context.Background())`: graceful shutdown waits for every connection, for ever.
enum ShutdownWithoutDeadline {
    static let rule = GoRule(
        id: "shutdown-without-deadline",
        summary: "http.Server.Shutdown with a context that has no deadline",
        severity: .warning, category: "cancellation", check: check)

    static let shutdown: NameSet = ["Shutdown"]

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        // A test's own server hanging on shutdown is caught by the test's timeout.
        guard !file.isTestFile, file.imports.imports("net/http"), file.imports.importsContext else { return }
        for shutdown in file.selectorCalls(named: shutdown) where file.tree.childCount(shutdown.call) == 2 {
            inspect(shutdown, context: &context)
        }
    }

    static func inspect(_ shutdown: SelectorCall, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let server = shutdown.receiver
        guard isHTTPServer(server, method: shutdown.member, file: file) else { return }
        let argument = tree.child(shutdown.call, 1)
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
