import GoAnalysis
import GoSyntax
import LintCore

/// A function or method whose `context.Context` parameter is not its first.
enum ContextNotFirst {
    static let rule = GoRule(
        id: "context-not-first",
        summary: "a context.Context parameter that is not the first parameter",
        severity: .info, category: "conventions",
        options: [.stringList("allow-types-before",
                              summary: "parameter types, as written, that may come before the context besides *testing.T/B/F and testing.TB")],
        check: check)

    /// Parameters that by convention may come before the context (test helpers take `t` first).
    static let defaultAllowedBefore: Set<String> = ["*testing.T", "*testing.B", "*testing.F", "testing.TB"]

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.importsContext || !file.extraContextTypes.isEmpty else { return }
        let tree = file.tree
        let allowed = defaultAllowedBefore.union(context.settings.strings("allow-types-before"))
        for function in file.index.nodes(.funcDecl) {
            inspect(tree.child(function, 2), name: tree.text(tree.child(function, 1)), allowed: allowed, context: &context)
        }
        for interface in file.index.nodes(.interfaceType) {
            for method in tree.children(interface) where tree.kind(method) == .field {
                let type = tree.child(method, 1)
                guard tree.kind(type) == .funcType, let name = tree.children(tree.child(method, 0)).first else { continue }
                inspect(type, name: tree.text(name), allowed: allowed, context: &context)
            }
        }
    }

    static func inspect(_ functionType: NodeID, name: String, allowed: Set<String>, context: inout GoRuleContext) {
        let file = context.file
        let tree = file.tree
        let parameters = tree.child(functionType, 1)
        guard parameters.exists else { return }
        let fields = tree.children(parameters)
        // Most functions have no context after their first parameter: nothing to spell out then.
        guard fields.dropFirst().contains(where: { file.isContextType(tree.child($0, 1)) }) else { return }
        // A context may follow only contexts and allowed types (`t *testing.T`).
        var stillAllowed = true
        for field in fields {
            let type = tree.child(field, 1)
            let names = tree.children(tree.child(field, 0))
            let isContext = file.isContextType(type)
            if isContext && !stillAllowed {
                let parameter = names.first ?? type
                let described = names.first.map { "parameter \(tree.text($0))" } ?? "parameter"
                context.report(parameter, "the \(tree.text(type)) \(described) of \(name) is not its first parameter: "
                               + "by convention the context comes first, so that it is seen and passed along")
                return
            }
            stillAllowed = isContext || allowed.contains(tree.text(type).filter { !$0.isWhitespace })
        }
    }
}
