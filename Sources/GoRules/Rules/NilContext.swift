import GoAnalysis
import GoSyntax
import LintCore

/// A literal `nil` passed where a context is expected.
enum NilContext {
    static let rule = GoRule(
        id: "nil-context",
        summary: "a literal nil passed as a context",
        severity: .error, category: "propagation", check: check)

    static let contextFunctions: NameSet = [
        "WithCancel", "WithTimeout", "WithDeadline", "WithValue", "WithCancelCause", "WithTimeoutCause",
        "WithDeadlineCause", "WithoutCancel", "AfterFunc",
    ]
    /// database/sql's and sqlx's methods whose first parameter is a context.
    static let sqlContextMethods: NameSet = [
        "QueryContext", "QueryRowContext", "ExecContext", "PrepareContext", "BeginTx", "PingContext", "Conn",
        "StmtContext", "QueryxContext", "QueryRowxContext", "SelectContext", "GetContext", "MustExecContext",
        "NamedExecContext", "NamedQueryContext", "PreparexContext", "PrepareNamedContext", "BeginTxx", "MustBeginTx",
    ]

    static let signalPaths: Set<String> = ["os/signal"]
    static let errgroupPaths: Set<String> = ["golang.org/x/sync/errgroup"]
    static let httpPaths: Set<String> = ["net/http"]
    static let notifyContext: NameSet = ["NotifyContext"]
    static let withContext: NameSet = ["WithContext"]
    static let newRequestWithContext: NameSet = ["NewRequestWithContext"]
    /// Packages whose functions take a context; a file importing none of them cannot call one,
    /// nor declare a function taking a context.
    static let contextAPIs: [String] = [
        "context", "golang.org/x/net/context", "os/signal", "golang.org/x/sync/errgroup", "net/http", "database/sql",
        "github.com/jmoiron/sqlx",
    ]

    enum Consequence {
        case panics, fails, losesCancellation
    }

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard contextAPIs.contains(where: file.imports.imports) else { return }
        let tree = file.tree
        let importsSQL = file.imports.imports("database/sql") || file.imports.imports("github.com/jmoiron/sqlx")
        for call in file.index.nodes(.callExpr) where tree.childCount(call) >= 2 {
            let argument = tree.child(call, 1)
            // The spelling first: resolving `nil` and the callee needs the file's bindings.
            guard tree.isIdentifier(tree.unparen(argument), "nil"),
                  let (callee, consequence) = contextTakingCallee(call, importsSQL: importsSQL, file: file),
                  file.isNil(argument) else { continue }
            report(argument, callee: callee, consequence: consequence, context: &context)
        }
    }

    /// The callee's name and what a nil context does to it, when its first parameter is a context.
    static func contextTakingCallee(_ call: NodeID, importsSQL: Bool, file: GoFile) -> (String, Consequence)? {
        let tree = file.tree
        let function = tree.unparen(tree.child(call, 0))
        if let member = file.calledMember(call, in: ImportTable.contextPaths, among: contextFunctions) {
            return ("context.\(member)", .panics)
        }
        if file.calledMember(call, in: signalPaths, among: notifyContext) != nil { return ("signal.NotifyContext", .panics) }
        if file.calledMember(call, in: errgroupPaths, among: withContext) != nil {
            return ("errgroup.WithContext", .panics)
        }
        if file.calledMember(call, in: httpPaths, among: newRequestWithContext) != nil {
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
            if importsSQL, sqlContextMethods.contains(member, in: tree) {
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
        let contexts = file.usableContexts(at: argument)
        let instead = contexts.count == 1
            ? "pass \(contexts[0].expression)" : "pass the caller's context, or context.TODO() when there is none yet"
        let message = "nil is passed as the context of \(callee): \(effect); \(instead)"
        var fixes: [Fix] = []
        if contexts.count == 1 {
            // context.TODO() here would only trade this finding for background-in-scope; a value
            // of an extra context type without a configured accessor is no context.Context.
            let name = contexts[0].expression
            if contexts[0].isStandardContext {
                fixes.append(Fix(title: "pass \(name)", edits: [TextEdit(range: tree.range(argument), replacement: name)]))
            }
        } else if contexts.isEmpty, let package = file.contextPackageName ?? file.imports.localNames(of: "golang.org/x/net/context").first {
            fixes.append(Fix(title: "pass \(package).TODO()",
                             edits: [TextEdit(range: tree.range(argument), replacement: "\(package).TODO()")]))
        }
        context.report(argument, message, fixes: fixes)
    }
}
