import GoAnalysis
import GoSyntax
import LintCore

/// A literal `nil` passed where a context is expected.
enum NilContext {
    static let rule = GoRule(
        id: "nil-context",
        summary: "a literal nil passed as a context",
        severity: .error, category: "propagation", check: check)

    static let contextFunctions: Set<String> = [
        "WithCancel", "WithTimeout", "WithDeadline", "WithValue", "WithCancelCause", "WithTimeoutCause",
        "WithDeadlineCause", "WithoutCancel", "AfterFunc",
    ]
    /// database/sql's and sqlx's methods whose first parameter is a context.
    static let sqlContextMethods: Set<String> = [
        "QueryContext", "QueryRowContext", "ExecContext", "PrepareContext", "BeginTx", "PingContext", "Conn",
        "StmtContext", "QueryxContext", "QueryRowxContext", "SelectContext", "GetContext", "MustExecContext",
        "NamedExecContext", "NamedQueryContext", "PreparexContext", "PrepareNamedContext", "BeginTxx", "MustBeginTx",
    ]

    enum Consequence {
        case panics, fails, losesCancellation
    }

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let importsSQL = file.imports.imports("database/sql") || file.imports.imports("github.com/jmoiron/sqlx")
        tree.walk(tree.root) { node in
            guard tree.kind(node) == .callExpr, tree.childCount(node) >= 2 else { return true }
            let argument = tree.child(node, 1)
            guard file.isNil(argument),
                  let (callee, consequence) = contextTakingCallee(node, importsSQL: importsSQL, file: file) else { return true }
            report(argument, callee: callee, consequence: consequence, context: &context)
            return true
        }
    }

    /// The callee's name and what a nil context does to it, when its first parameter is a context.
    static func contextTakingCallee(_ call: NodeID, importsSQL: Bool, file: GoFile) -> (String, Consequence)? {
        let tree = file.tree
        let function = tree.unparen(tree.child(call, 0))
        if let member = file.calledMember(call, in: ImportTable.contextPaths, among: contextFunctions) {
            return ("context.\(member)", .panics)
        }
        if file.calledMember(call, in: ["os/signal"], among: ["NotifyContext"]) != nil { return ("signal.NotifyContext", .panics) }
        if file.calledMember(call, in: ["golang.org/x/sync/errgroup"], among: ["WithContext"]) != nil {
            return ("errgroup.WithContext", .panics)
        }
        if file.calledMember(call, in: ["net/http"], among: ["NewRequestWithContext"]) != nil {
            return ("http.NewRequestWithContext", .fails)
        }
        switch tree.kind(function) {
        case .identifier:
            guard let symbol = file.bindings.symbol(of: function), file.bindings[symbol].kind == .function,
                  takesContextFirst(file.bindings[symbol].declaration, file: file) else { return nil }
            return (tree.text(function), .losesCancellation)
        case .selectorExpr:
            guard file.importPath(ofQualifier: function) == nil else { return nil }
            let member = tree.child(function, 1)
            if importsSQL, sqlContextMethods.contains(tree.text(member)) {
                return (tree.text(function), .panics)
            }
            guard let type = file.declaredType(of: tree.child(function, 0)), type.path.isEmpty else { return nil }
            let method = file.methodDeclaration(named: member, on: type)
            guard method.exists, takesContextFirst(method, file: file) else { return nil }
            return (tree.text(function), .losesCancellation)
        default:
            return nil
        }
    }

    /// Whether the function's first parameter is a context it uses and does not check for nil
    /// (an unnamed or `_` context cannot be used; `if ctx == nil` accepts nil on purpose).
    static func takesContextFirst(_ declaration: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        guard tree.kind(declaration) == .funcDecl else { return false }
        let parameters = tree.child(tree.child(declaration, 2), 1)
        guard let first = tree.children(parameters).first, file.isContextType(tree.child(first, 1)),
              let name = tree.children(tree.child(first, 0)).first,
              let symbol = file.bindings.symbol(of: name) else { return false }
        return !file.bindings.uses(of: symbol).contains { use in
            let comparison = tree.parent(use)
            guard tree.kind(comparison) == .binaryExpr, tree.op(comparison) == .equal || tree.op(comparison) == .notEqual else {
                return false
            }
            return file.isNil(tree.child(comparison, 0)) || file.isNil(tree.child(comparison, 1))
        }
    }

    static func report(_ argument: NodeID, callee: String, consequence: Consequence, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let effect: String
        switch consequence {
        case .panics: effect = "it panics at run time"
        case .fails: effect = "it returns an error instead of a request"
        case .losesCancellation: effect = "nothing can cancel the work, and it panics as soon as it uses the context"
        }
        let contexts = file.innermostContexts(file.contexts.contextsInScope(at: argument))
        let instead = contexts.count == 1
            ? "pass \(contexts[0].expression)" : "pass the caller's context, or context.TODO() when there is none yet"
        let message = "nil is passed as the context of \(callee): \(effect); \(instead)"
        var fixes: [Fix] = []
        if contexts.count == 1 {
            // context.TODO() here would only trade this finding for background-in-scope.
            let name = contexts[0].expression
            fixes.append(Fix(title: "pass \(name)", edits: [TextEdit(range: tree.range(argument), replacement: name)]))
        } else if contexts.isEmpty, let package = file.contextPackageName ?? file.imports.localNames(of: "golang.org/x/net/context").first {
            fixes.append(Fix(title: "pass \(package).TODO()",
                             edits: [TextEdit(range: tree.range(argument), replacement: "\(package).TODO()")]))
        }
        context.report(argument, message, fixes: fixes)
    }
}
