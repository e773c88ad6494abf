import SwiftLangSyntax

/// Where a value goes and where a local name comes from, without type-checking: the
/// declaration whose result a value becomes, and the local constant a name refers to.
extension SwiftFile {
    /// The function, computed property or getter whose result `value` is: `return value`, or
    /// the only statement of a body with a declared result (Swift returns a single expression
    /// implicitly). Closures are left out: whether their result is used is the caller's business.
    public func returningDeclaration(of value: SwiftNode) -> SwiftNode? {
        let statement = valueUse(of: value).value
        let parent = tree.parent(statement)
        if tree.kind(parent) == .returnStmt {
            let executable = enclosingExecutable(of: parent)
            return tree.kind(executable) == .closure ? nil : executable
        }
        guard tree.kind(parent) == .codeBlock, tree.children(parent).count == 1 else { return nil }
        let owner = tree.parent(parent)
        switch tree.kind(owner) {
        case .functionDecl where tree.child(owner, 3) == parent:
            let result = tree.child(owner, 2)
            return result.exists && !isVoid(result) ? owner : nil
        case .patternBinding where tree.child(owner, 3) == parent:
            // `var p: T { value }`, the implicit getter.
            return owner
        case .accessor where tree.isName(tree.child(owner, 0), "get"):
            return owner
        default:
            return nil
        }
    }

    /// The type the declaration's result is written as: a function's result, a property's type.
    public func declaredResultType(of declaration: SwiftNode) -> SwiftNode {
        switch tree.kind(declaration) {
        case .functionDecl:
            return tree.child(declaration, 2)
        case .patternBinding:
            return tree.child(declaration, 1)
        case .accessor:
            // accessor → accessorBlock → patternBinding
            let binding = tree.parent(tree.parent(declaration))
            return tree.kind(binding) == .patternBinding ? tree.child(binding, 1) : .none
        default:
            return .none
        }
    }

    private func isVoid(_ type: SwiftNode) -> Bool {
        tree.hasText(type, "Void") || tree.hasText(type, "()")
    }

    /// The type the context gives `value`: the declared result of what returns it, or the
    /// annotation of the variable it initializes (`let s: AsyncStream<Int> = .init { }`).
    public func contextualType(of value: SwiftNode) -> SwiftNode {
        if let declaration = returningDeclaration(of: value) { return declaredResultType(of: declaration) }
        let (outer, parent) = valueUse(of: value)
        if tree.kind(parent) == .patternBinding, tree.child(parent, 2) == outer { return tree.child(parent, 1) }
        return .none
    }

    /// A local constant or variable that `name` (an identifier) refers to: the binding of the
    /// nearest enclosing block that declares it before `name`, crossing closures (which capture
    /// it) but not functions or types. Returns the binding and the identifier it declares (one
    /// element of a tuple pattern for `let (a, b) = ...`).
    public func localDeclaration(of name: SwiftNode) -> (binding: SwiftNode, declared: SwiftNode)? {
        let text = tree.text(name)
        var current = name
        while true {
            let parent = tree.parent(current)
            switch tree.kind(parent) {
            case .none, .functionDecl, .typeDecl, .sourceFile, .accessor:
                return nil
            case .codeBlock:
                // The last declaration of the name among the statements before `current`.
                let before = tree.range(current).start
                if let found = declarations(in: parent)[text]?.last(where: { tree.range($0.binding).start < before }) {
                    return (found.binding, found.declared)
                }
            default:
                break
            }
            current = parent
        }
    }

    /// The names the block's own `let`/`var` statements declare, each with its bindings in source
    /// order; built once per block, so looking names up stays linear however many statements.
    func declarations(in block: SwiftNode) -> [String: [(binding: SwiftNode, declared: SwiftNode)]] {
        if let known = blockDeclarations[block] { return known }
        var names: [String: [(binding: SwiftNode, declared: SwiftNode)]] = [:]
        for statement in tree.children(block) where tree.kind(statement) == .variableDecl {
            for binding in tree.children(statement) where tree.kind(binding) == .patternBinding {
                let pattern = tree.child(binding, 0)
                switch tree.kind(pattern) {
                case .identifier:
                    names[tree.text(pattern), default: []].append((binding, pattern))
                case .tuple:
                    for element in tree.children(pattern) where tree.kind(element) == .argument {
                        let value = tree.child(element, 1)
                        if tree.kind(value) == .identifier { names[tree.text(value), default: []].append((binding, value)) }
                    }
                default:
                    break
                }
            }
        }
        blockDeclarations[block] = names
        return names
    }

    /// The element of a tuple pattern at `position`, or `.none`.
    public func tupleElement(_ pattern: SwiftNode, at position: Int) -> SwiftNode {
        guard tree.kind(pattern) == .tuple else { return .none }
        let element = tree.child(pattern, position)
        return tree.kind(element) == .argument ? tree.child(element, 1) : .none
    }

    /// The call of `name.method(...)` somewhere below `node` (nested closures included).
    public func callsMethod(_ method: StaticString, on name: SwiftNode, in node: SwiftNode) -> Bool {
        contains(node) { current in
            guard tree.kind(current) == .call else { return false }
            let callee = tree.child(current, 0)
            guard tree.kind(callee) == .memberAccess, tree.hasText(tree.child(callee, 1), method) else { return false }
            let receiver = tree.stripped(tree.child(callee, 0))
            return tree.kind(receiver) == .identifier && tree.sameText(receiver, name)
        }
    }
}
