import LintCore
import SwiftLangSyntax

/// Per-file facts shared by the Swift rules, each computed once, on first use.
public final class SwiftFile {
    public let tree: SwiftSyntaxTree

    public init(tree: SwiftSyntaxTree) {
        self.tree = tree
    }

    public var source: SourceFile { tree.source }

    /// Every node of each kind, in creation order (children before their parents). Rules start
    /// from these lists instead of walking the whole tree.
    public private(set) lazy var nodesByKind: [SwiftNodeKind: [SwiftNode]] = {
        var index: [SwiftNodeKind: [SwiftNode]] = [:]
        for raw in 1..<max(1, tree.nodes.count) {
            index[tree.nodes[raw].kind, default: []].append(SwiftNode(Int32(raw)))
        }
        return index
    }()

    public func nodes(_ kind: SwiftNodeKind) -> [SwiftNode] {
        nodesByKind[kind] ?? []
    }

    /// Every identifier by its text, in source order: where a rule looks for the uses of a name,
    /// it looks here instead of walking a scope once per name.
    public private(set) lazy var identifiersByText: [String: [SwiftNode]] = {
        var index: [String: [SwiftNode]] = [:]
        for identifier in nodes(.identifier) { index[tree.text(identifier), default: []].append(identifier) }
        for key in index.keys { index[key]?.sort { tree.range($0).start < tree.range($1).start } }
        return index
    }()

    /// The identifiers spelled like `name` inside `scope` that run in the same function or closure
    /// as `scope` itself (not in a closure or function nested in it), in source order. Found by a
    /// binary search of the name's uses, so a name used in many functions costs only its uses here.
    public func uses(of name: SwiftNode, within scope: SwiftNode) -> [SwiftNode] {
        let span = tree.range(scope)
        let context = enclosingExecutable(of: scope)
        let all = identifiersByText[tree.text(name)] ?? []
        var low = 0, high = all.count
        while low < high {
            let middle = (low + high) / 2
            if tree.range(all[middle]).start < span.start { low = middle + 1 } else { high = middle }
        }
        var found: [SwiftNode] = []
        var position = low
        while position < all.count, tree.range(all[position]).start < span.end {
            let use = all[position]
            if use != name && tree.range(use).end <= span.end && enclosingExecutable(of: use) == context { found.append(use) }
            position += 1
        }
        return found
    }

    var asyncClosures: [SwiftNode: Bool] = [:]
    /// `declarations(in:)` of each block asked about.
    var blockDeclarations: [SwiftNode: [String: [(binding: SwiftNode, declared: SwiftNode)]]] = [:]
    private(set) lazy var typeHints = TypeHints(file: self)
    /// The file's functions and methods by name.
    private(set) lazy var functionsByName: [String: [SwiftNode]] = {
        var index: [String: [SwiftNode]] = [:]
        for declaration in nodes(.functionDecl) {
            let name = tree.child(declaration, 0)
            if name.exists { index[tree.text(name), default: []].append(declaration) }
        }
        return index
    }()

    /// Whether a function of that name is declared in this file (so a call of it is not the C library's).
    public func declaresFunction(_ name: String) -> Bool {
        functionsByName[name] != nil
    }

    /// The functions of that name declared in this file.
    public func functions(named name: String) -> [SwiftNode] {
        functionsByName[name] ?? []
    }

    // MARK: Shapes of expressions

    /// The member name of `x.name`, `.name`, or the name itself for an identifier.
    public func lastName(_ node: SwiftNode) -> SwiftNode {
        switch tree.kind(node) {
        case .identifier: return node
        case .memberAccess: return tree.child(node, 1)
        case .specialization: return lastName(tree.child(node, 0))
        default: return .none
        }
    }

    /// `Base.member` (through `?`, `!`, parentheses): whether `node` is member `member` of the name `base`.
    public func isMember(_ node: SwiftNode, of base: StaticString, named member: StaticString) -> Bool {
        let access = tree.stripped(node)
        guard tree.kind(access) == .memberAccess, tree.hasText(tree.child(access, 1), member) else { return false }
        let receiver = tree.stripped(tree.child(access, 0))
        let receiverName = tree.kind(receiver) == .specialization ? tree.child(receiver, 0) : receiver
        return tree.isName(receiverName, base)
    }

    /// The callee of a call with any generic arguments removed: `Task<Void, Never> { }` → `Task`.
    public func callee(_ call: SwiftNode) -> SwiftNode {
        let callee = tree.child(call, 0)
        return tree.kind(callee) == .specialization ? tree.child(callee, 0) : callee
    }

    /// The arguments of a call or subscript (its children after the callee).
    public func arguments(_ call: SwiftNode) -> ArraySlice<SwiftNode> {
        tree.children(call).dropFirst()
    }

    /// The closure passed as the call's trailing closure or as its argument labeled `label`.
    public func closureArgument(_ call: SwiftNode, label: StaticString?) -> SwiftNode {
        for argument in arguments(call).reversed() where tree.kind(argument) == .argument {
            let value = tree.child(argument, 1)
            guard tree.kind(value) == .closure else { continue }
            let argumentLabel = tree.child(argument, 0)
            if !argumentLabel.exists { return value }
            if let label, tree.hasText(argumentLabel, label) { return value }
        }
        return .none
    }

    /// The call's parent chain up to the statement it belongs to: the node whose parent is a
    /// code block (or the closest ancestor below a declaration).
    public func statement(containing node: SwiftNode) -> SwiftNode {
        var current = node
        while true {
            let parent = tree.parent(current)
            switch tree.kind(parent) {
            case .codeBlock, .sourceFile, .switchCase, .none, .patternBinding, .functionDecl:
                return current
            default:
                current = parent
            }
        }
    }

    /// `node` with the `try` and `await` written before it, and the node that takes that value.
    public func valueUse(of node: SwiftNode) -> (value: SwiftNode, user: SwiftNode) {
        var value = node
        var user = tree.parent(value)
        while tree.kind(user) == .tryExpr || tree.kind(user) == .awaitExpr {
            value = user
            user = tree.parent(value)
        }
        return (value, user)
    }

    /// Whether `node` is used as a statement of its own: nothing takes its value. The single
    /// expression of a function or getter with a result is its implicit return, not discarded.
    public func isDiscarded(_ node: SwiftNode) -> Bool {
        let (current, parent) = valueUse(of: node)
        switch tree.kind(parent) {
        case .codeBlock, .sourceFile, .switchCase:
            return returningDeclaration(of: node) == nil
        case .assignment:
            // `_ = Task { ... }`
            return tree.child(parent, 1) == current && tree.isName(tree.child(parent, 0), "_")
        default:
            return false
        }
    }

    // MARK: Walking

    /// Visits `node` and what is below it, without entering nested closures, functions or types
    /// (code that runs at another time, in another context).
    public func walkSameContext(_ node: SwiftNode, _ visit: (SwiftNode) -> Void) {
        tree.walk(node) { current in
            if current != node {
                switch tree.kind(current) {
                case .closure, .functionDecl, .typeDecl, .accessorBlock:
                    return false
                default:
                    break
                }
            }
            visit(current)
            return true
        }
    }

    /// Whether some node below `node` (nested closures included) satisfies `test`.
    public func contains(_ node: SwiftNode, where test: (SwiftNode) -> Bool) -> Bool {
        var found = false
        tree.walk(node) { current in
            if found { return false }
            if test(current) { found = true }
            return !found
        }
        return found
    }

    /// Whether `node`'s subtree mentions the name `name` as a variable or a member (`name`, `x.name`).
    public func mentions(_ node: SwiftNode, name: SwiftNode) -> Bool {
        contains(node) { current in
            tree.kind(current) == .identifier && tree.sameText(current, name) && isVariableUse(current)
        }
    }

    /// Adds the names `node`'s subtree mentions as variables or members: `mentions(_:name:)` for
    /// every name at once, for checks that would otherwise ask it of each name in turn.
    public func addMentionedNames(_ node: SwiftNode, to names: inout Set<String>) {
        tree.walk(node) { current in
            if tree.kind(current) == .identifier && isVariableUse(current) { names.insert(tree.text(current)) }
            return true
        }
    }

    /// An identifier that stands for a value: not a label, not a declared name.
    private func isVariableUse(_ identifier: SwiftNode) -> Bool {
        let parent = tree.parent(identifier)
        switch tree.kind(parent) {
        case .argument, .parameter, .captureItem, .accessor, .functionDecl, .typeDecl, .jumpStmt, .labeledStmt:
            return tree.child(parent, 0) != identifier || tree.kind(parent) == .captureItem
        default:
            return true
        }
    }
}
