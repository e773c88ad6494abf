import GoAnalysis
import GoSyntax
import LintCore

/// `context.WithValue(ctx, "user", u)`: a key of a built-in type collides with any other
/// package's key of the same value.
enum ContextKeyBuiltin {
    static let rule = GoRule(
        id: "context-key-builtin",
        summary: "a context.WithValue key of a built-in type, which collides across packages",
        severity: .warning, category: "values", check: check)

    static let withValue: NameSet = ["WithValue"]
    static let builtinTypes: Set<String> = [
        "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "byte", "rune", "float32", "float64", "complex64", "complex128",
    ]

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        // Keys in tests collide with nothing that ships.
        guard !file.isTestFile, file.imports.importsContext else { return }
        let tree = file.tree
        for call in file.index.nodes(.callExpr) where tree.childCount(call) == 4 {
            guard file.calledMember(call, in: ImportTable.contextPaths, among: withValue) != nil else { continue }
            let key = tree.child(call, 2)
            if let type = builtinType(of: key, file: file, depth: 0) {
                report(key, type: type, context: &context)
            }
        }
    }

    static func report(_ key: NodeID, type: String, context: inout GoRuleContext) {
        let tree = context.tree
        let inner = tree.unparen(key)
        let named = (tree.kind(inner) == .basicLit || tree.kind(inner) == .identifier) && tree[inner].end - tree[inner].start <= 40
        let what = named ? "the context key \(tree.text(inner)) is of built-in type \(type)"
            : "the context key is of built-in type \(type)"
        context.report(key, "\(what): keys of built-in types collide across packages; "
                       + "use a value of an unexported key type (`type ctxKey struct{}`)")
    }

    /// The built-in type of a key: a literal, `true`/`false`, a conversion `string(x)`, or a
    /// constant, variable or parameter declared with a built-in type or from such a value.
    static func builtinType(of expression: NodeID, file: GoFile, depth: Int) -> String? {
        guard depth < 8 else { return nil }
        let tree = file.tree
        let node = tree.unparen(expression)
        switch tree.kind(node) {
        case .basicLit:
            switch tree.op(node) {
            case .string: return "string"
            case .int: return "int"
            case .float: return "float64"
            case .imaginary: return "complex128"
            case .char: return "rune"
            default: return nil
            }
        case .callExpr:
            let function = tree.unparen(tree.child(node, 0))
            guard tree.childCount(node) == 2, tree.kind(function) == .identifier,
                  file.bindings.symbol(of: function) == nil, builtinTypes.contains(tree.text(function)) else { return nil }
            return tree.text(function)
        case .identifier:
            guard let symbol = file.bindings.symbol(of: node) else {
                return tree.hasText(node, "true") || tree.hasText(node, "false") ? "bool" : nil
            }
            return builtinType(of: symbol, file: file, depth: depth + 1)
        default:
            return nil
        }
    }

    static func builtinType(of symbol: SymbolID, file: GoFile, depth: Int) -> String? {
        let tree = file.tree
        var declared = file.bindings[symbol]
        switch declared.kind {
        case .constant, .variable, .parameter: break
        default: return nil
        }
        // `const ( a = iota; b )`: b repeats the type and value of the spec before it.
        if declared.kind == .constant, declared.type.isNone, declared.value.isNone,
           let previous = repeatedSpec(for: declared.declaration, file: file) {
            declared.type = tree.child(previous, 1)
            let values = tree.child(previous, 2)
            declared.value = tree.child(values, 0)
        }
        if declared.type.exists {
            let type = tree.unparen(declared.type)
            guard tree.kind(type) == .identifier, file.bindings.symbol(of: type) == nil,
                  builtinTypes.contains(tree.text(type)) else { return nil }
            return tree.text(type)
        }
        guard declared.value.exists, declared.valueIndex < 0, tree.kind(declared.declaration) != .rangeStmt else { return nil }
        if declared.kind == .constant, tree.isIdentifier(tree.unparen(declared.value), "iota") { return "int" }
        return builtinType(of: declared.value, file: file, depth: depth + 1)
    }

    /// The nearest earlier spec of the same const group that states a type or values.
    static func repeatedSpec(for spec: NodeID, file: GoFile) -> NodeID? {
        let tree = file.tree
        guard tree.kind(spec) == .valueSpec else { return nil }
        let group = tree.parent(spec)
        var previous: NodeID?
        for sibling in tree.children(group) {
            if sibling == spec { return previous }
            if tree.child(sibling, 1).exists || tree.child(sibling, 2).exists { previous = sibling }
        }
        return nil
    }
}
