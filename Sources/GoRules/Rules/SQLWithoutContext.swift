import GoAnalysis
import GoSyntax
import LintCore

/// `db.Query(...)` where a context is in scope: the query cannot be cancelled, and it holds its
/// connection after the caller gave up.
enum SQLWithoutContext {
    static let rule = GoRule(
        id: "sql-without-context",
        summary: "a database/sql call without context although a context is in scope",
        severity: .warning, category: "cancellation", check: check)

    static let sqlPath = "database/sql"
    static let sqlxPath = "github.com/jmoiron/sqlx"

    /// The context-taking variant of a method; `nil` after the context for `Begin`'s options.
    struct Variant {
        var name: String
        var extraArgument: String?
    }

    static func variant(_ name: String, _ extra: String? = nil) -> Variant { Variant(name: name, extraArgument: extra) }

    static let queries: [String: Variant] = [
        "Query": variant("QueryContext"), "QueryRow": variant("QueryRowContext"), "Exec": variant("ExecContext"),
    ]
    static let sqlxQueries: [String: Variant] = [
        "Queryx": variant("QueryxContext"), "QueryRowx": variant("QueryRowxContext"), "Select": variant("SelectContext"),
        "Get": variant("GetContext"), "MustExec": variant("MustExecContext"),
    ]
    static let sqlxPreparing: [String: Variant] = [
        "NamedExec": variant("NamedExecContext"), "NamedQuery": variant("NamedQueryContext"),
        "Preparex": variant("PreparexContext"), "PrepareNamed": variant("PrepareNamedContext"),
    ]

    /// "path.Type" → its methods without context → their context variants.
    static let methods: [String: [String: Variant]] = {
        let db = queries.merging(["Prepare": variant("PrepareContext"), "Begin": variant("BeginTx", "nil"),
                                  "Ping": variant("PingContext")]) { first, _ in first }
        let tx = queries.merging(["Prepare": variant("PrepareContext")]) { first, _ in first }
        let sqlxDB = db.merging(sqlxQueries) { first, _ in first }.merging(sqlxPreparing) { first, _ in first }
            .merging(["Beginx": variant("BeginTxx", "nil"), "MustBegin": variant("MustBeginTx", "nil")]) { first, _ in first }
        let sqlxTx = tx.merging(sqlxQueries) { first, _ in first }.merging(sqlxPreparing) { first, _ in first }
        return [
            "\(sqlPath).DB": db, "\(sqlPath).Tx": tx, "\(sqlPath).Stmt": queries, "\(sqlPath).Conn": [:],
            "\(sqlxPath).DB": sqlxDB, "\(sqlxPath).Tx": sqlxTx,
            "\(sqlxPath).Stmt": queries.merging(sqlxQueries) { first, _ in first }, "\(sqlxPath).Conn": [:],
        ]
    }()

    static let methodNames = NameSet(Set(methods.values.flatMap(\.keys)))

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.imports(sqlPath) || file.imports.imports(sqlxPath) else { return }
        let candidates = file.selectorCalls(named: methodNames)
        guard !candidates.isEmpty, !file.contexts.contextSymbols.isEmpty || !file.contexts.requestSymbols.isEmpty else {
            return
        }
        for call in candidates { inspect(call, context: &context) }
    }

    static func inspect(_ candidate: SelectorCall, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let (call, receiver, member) = (candidate.call, candidate.receiver, candidate.member)
        guard file.importPath(ofQualifier: tree.parent(member)) == nil, let type = file.declaredType(of: receiver),
              let variant = contextVariant(of: member, on: type, file: file) else { return }
        let contexts = file.usableContexts(at: call)
        guard !contexts.isEmpty else { return }
        let single = contexts.count == 1 ? contexts[0].expression : nil
        let receiverText = tree.text(receiver)
        let method = tree.text(member)
        let arguments = single.map { [$0] + (variant.extraArgument.map { [$0] } ?? []) }
        let suggestion = "\(receiverText).\(variant.name)(" + (arguments?.joined(separator: ", ") ?? "ctx")
            + (tree.childCount(call) > 1 || (arguments == nil && variant.extraArgument != nil) ? ", ...)" : ")")
        let inScope = single.map { "\($0) is in scope" } ?? "contexts are in scope (\(contexts.map(\.expression).joined(separator: ", ")))"
        let message = "\(receiverText).\(method) cannot be cancelled although \(inScope): "
            + "the call holds its connection after the caller gave up; use \(suggestion)"
        var fixes: [Fix] = []
        if let arguments, contexts[0].isStandardContext, let edit = insertArguments(arguments, into: call, file: file) {
            fixes.append(Fix(title: "use \(variant.name)", edits: [
                TextEdit(range: tree.range(member), replacement: variant.name), edit,
            ]))
        }
        context.report(member, message, fixes: fixes)
    }

    /// The context variant of `member` when the receiver's type (or a type it embeds) is one of
    /// database/sql's or sqlx's and the file does not declare its own method of that name.
    static func contextVariant(of member: NodeID, on type: DeclaredType, file: GoFile) -> Variant? {
        let name = file.tree.text(member)
        if type.path.isEmpty, file.methodDeclaration(named: member, on: type).exists { return nil }
        for provider in file.methodProviders(of: type) {
            if let variant = methods["\(provider.path).\(provider.name)"]?[name] { return variant }
        }
        return nil
    }

    /// Inserts `ctx` (and further leading arguments) as the call's first arguments.
    static func insertArguments(_ arguments: [String], into call: NodeID, file: GoFile) -> TextEdit? {
        let tree = file.tree
        let text = arguments.joined(separator: ", ")
        if let first = tree.children(call).dropFirst().first {
            return TextEdit(range: ByteRange(start: tree[first].start, end: tree[first].start), replacement: text + ", ")
        }
        let closing = tree[call].end - 1
        guard closing >= 0, file.source.bytes[Int(closing)] == UInt8(ascii: ")") else { return nil }
        return TextEdit(range: ByteRange(start: closing, end: closing), replacement: text)
    }
}
