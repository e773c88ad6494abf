import GoAnalysis
import GoSyntax
import LintCore

/// `*context.Context` anywhere, or `&ctx` taken and stored: a context is an immutable interface
/// value meant to be passed by value.
enum ContextPointer {
    static let rule = GoRule(
        id: "context-pointer",
        summary: "a pointer to a context.Context is declared or stored",
        severity: .warning, category: "lifecycle", check: check)

    static let advice = "pass and store context.Context by value; a pointer to the interface keeps the context "
        + "and its cancellation alive in the holder and invites races"

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.importsContext else { return }
        let tree = file.tree
        tree.walk(tree.root) { node in
            switch tree.kind(node) {
            case .starExpr:
                if file.isNamedType(tree.child(node, 0), in: ImportTable.contextPaths, name: "Context"),
                   !isConversion(node, in: tree) {
                    context.report(node, "\(role(ofPointerType: node, in: tree)) has type *context.Context: \(advice)")
                }
            case .unaryExpr where tree.op(node) == .and:
                let operand = tree.unparen(tree.child(node, 0))
                if tree.kind(operand) == .identifier, isContextVariable(operand, in: file), isStored(node, in: tree) {
                    context.report(node, "`&\(tree.text(operand))` stores a pointer to a context: \(advice)")
                }
            default:
                break
            }
            return true
        }
    }

    /// What the pointer type declares: `parameter ctx`, `result`, `field parent`, `variable p`, ...
    static func role(ofPointerType type: NodeID, in tree: SyntaxTree) -> String {
        var node = type
        var parent = tree.parent(type)
        while tree.kind(parent) == .parenExpr || tree.kind(parent) == .ellipsis {
            node = parent
            parent = tree.parent(parent)
        }
        switch tree.kind(parent) {
        case .field where tree.child(parent, 1) == node:
            let names = tree.children(tree.child(parent, 0))
            let name = names.count == 1 ? names.first.map { " \(tree.text($0))" } ?? "" : ""
            let list = tree.parent(parent)
            let owner = tree.parent(list)
            switch tree.kind(owner) {
            case .funcType where tree.child(owner, 2) == list: return "result\(name)"
            case .funcType: return "parameter\(name)"
            case .structType: return "field\(name)"
            default: return "declaration\(name)"
            }
        case .valueSpec:
            let names = tree.children(tree.child(parent, 0))
            return names.count == 1 ? "variable \(names.first.map { tree.text($0) } ?? "")" : "variable"
        case .mapType:
            return tree.child(parent, 0) == node ? "map key" : "map value"
        case .sliceType:
            return "slice element"
        case .arrayType:
            return "array element"
        case .chanType:
            return "channel element"
        case .typeSpec:
            return "type \(tree.text(tree.child(parent, 0)))"
        default:
            return "expression"
        }
    }

    /// `(*context.Context)(nil)`: the reflection idiom for the interface type holds no context.
    static func isConversion(_ type: NodeID, in tree: SyntaxTree) -> Bool {
        let parent = tree.parent(type)
        guard tree.kind(parent) == .parenExpr else { return false }
        let call = tree.parent(parent)
        return tree.kind(call) == .callExpr && tree.child(call, 0) == parent
    }

    static func isContextVariable(_ identifier: NodeID, in file: GoFile) -> Bool {
        guard let symbol = file.bindings.symbol(of: identifier) else { return false }
        if file.contexts.isContext(symbol) { return true }
        let declared = file.bindings[symbol]
        return declared.type.exists && file.isNamedType(declared.type, in: ImportTable.contextPaths, name: "Context")
    }

    /// Whether the address is kept: assigned, put in a composite literal, returned or sent.
    static func isStored(_ address: NodeID, in tree: SyntaxTree) -> Bool {
        let (node, parent) = tree.parentOutsideParens(address)
        switch tree.kind(parent) {
        case .list:
            let owner = tree.parent(parent)
            return (tree.kind(owner) == .assignStmt && tree.child(owner, 1) == parent)
                || (tree.kind(owner) == .valueSpec && tree.child(owner, 2) == parent)
        case .keyValueExpr:
            return tree.child(parent, 1) == node
        case .compositeLit, .returnStmt:
            return true
        case .sendStmt:
            return tree.child(parent, 1) == node
        default:
            return false
        }
    }
}
