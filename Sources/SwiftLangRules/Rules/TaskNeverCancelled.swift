import LintCore
import SwiftLangSyntax

/// A task stored in a property (or a collection property) of a class, actor or struct, and nothing
/// in that type (its declaration and its extensions in the file) ever cancels what that property
/// holds: typically `deinit` or the stop method forgot it. Cancellation is matched by owner, not
/// by name: another type's `task?.cancel()`, or a local of the same name, does not count.
enum TaskNeverCancelled {
    static let rule = SwiftRule(
        id: "swift-task-never-cancelled",
        summary: "a task stored in a property of a class, actor or struct is never cancelled",
        severity: .info, category: "lifecycle", triggers: ["Task"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        let tree = file.tree
        let types = file.nodes(.typeDecl).filter { declaration in
            let flavor = TypeDeclFlavor(rawValue: tree.flags(declaration))
            return flavor == .class || flavor == .actor || flavor == .struct
        }
        guard !types.isEmpty else { return }
        let tasks = file.taskCreations
        // The index reads every identifier of the file: not worth it where no task is made.
        guard !tasks.isEmpty else { return }
        let index = FileIndex(file: file)
        let tasksByBlock = tasksByMemberBlock(tasks, file: file)
        for type in types {
            let bodies = memberBlocks(of: type, file: file, index: index)
            let owners = Set(bodies.map { tree.parent($0) })
            let properties = storedProperties(in: bodies, file: file)
            guard !properties.isEmpty else { continue }
            var reported = Set<String>()
            let inType = Set(bodies.flatMap { tasksByBlock[$0] ?? [] }).sorted()
            for task in inType.map({ tasks[$0] }) {
                guard let target = storageTarget(of: task.call, properties: properties, file: file),
                      !reported.contains(target.name),
                      !isReleased(target.property, owners: owners, file: file, index: index) else { continue }
                reported.insert(target.name)
                let typeName = tree.text(tree.child(type, 0))
                let message = target.isCollection
                    ? "the tasks stored in `\(target.name)` are never cancelled: nothing in `\(typeName)` cancels them; "
                        + "cancel each one (`\(target.name).forEach { $0.cancel() }`, for a dictionary `.values.forEach`) "
                        + "in `deinit` or in the method that stops the work"
                    : "the task stored in `\(target.name)` is never cancelled: nothing in `\(typeName)` calls "
                        + "`\(target.name)?.cancel()`; cancel it in `deinit` or in the method that stops the work"
                context.report(task.anchor, message,
                               related: [context.relatedLocation(target.property, "the property that holds it")])
            }
        }
    }

    /// The type's member block and those of its extensions in the same file.
    /// What the checks of every property look up, gathered once per file: looking through the whole
    /// file for each property made a class with many task properties quadratic (866 KB: 20 s).
    struct FileIndex {
        /// The bodies of extensions, by the name of the type they extend.
        var extensionBodies: [String: [SwiftNode]] = [:]
        /// Identifiers by their text.
        var identifiers: [String: [SwiftNode]] = [:]
        /// The names of everything some `x.cancel()` reaches (see `namesReached`), by the type
        /// declaration whose code makes the calls: cancellation counts only in the task's owner.
        var cancelledNamesByOwner: [SwiftNode: Set<String>] = [:]

        init(file: SwiftFile) {
            let tree = file.tree
            for other in file.nodes(.typeDecl) where TypeDeclFlavor(rawValue: tree.flags(other)) == .extension {
                extensionBodies[TypeHints.baseTypeName(tree.text(tree.child(other, 0))), default: []].append(tree.child(other, 2))
            }
            identifiers = file.identifiersByText
            var cancelCallsByOwner: [SwiftNode: [SwiftNode]] = [:]
            for call in file.nodes(.call) {
                let callee = tree.child(call, 0)
                guard tree.kind(callee) == .memberAccess, tree.hasText(tree.child(callee, 1), "cancel"),
                      file.arguments(call).isEmpty else { continue }
                cancelCallsByOwner[TaskNeverCancelled.owner(of: call, file: file), default: []].append(call)
            }
            cancelledNamesByOwner = cancelCallsByOwner.mapValues { TaskNeverCancelled.namesReached(by: $0, file: file) }
        }
    }

    /// The tasks (indices into `tasks`) inside each type or extension body, nested bodies included:
    /// one walk up from each task instead of a test of every task against every type.
    static func tasksByMemberBlock(_ tasks: [TaskCreation], file: SwiftFile) -> [SwiftNode: [Int]] {
        let tree = file.tree
        var byBlock: [SwiftNode: [Int]] = [:]
        for (position, task) in tasks.enumerated() {
            var current = task.call
            while current.exists {
                let parent = tree.parent(current)
                if tree.kind(parent) == .typeDecl && tree.child(parent, 2) == current {
                    byBlock[current, default: []].append(position)
                }
                current = parent
            }
        }
        return byBlock
    }

    static func memberBlocks(of type: SwiftNode, file: SwiftFile, index: FileIndex) -> [SwiftNode] {
        let tree = file.tree
        let blocks = [tree.child(type, 2)] + (index.extensionBodies[tree.text(tree.child(type, 0))] ?? [])
        return blocks.filter(\.exists)
    }

    /// The innermost type declaration around `node`: the owner of the code there.
    static func owner(of node: SwiftNode, file: SwiftFile) -> SwiftNode {
        var current = file.tree.parent(node)
        while current.exists && file.tree.kind(current) != .typeDecl { current = file.tree.parent(current) }
        return current
    }

    /// Stored and observed properties declared directly in the member blocks, by name. A
    /// `static` property is left out: it lives as long as the process, like a global, and no
    /// instance's `deinit` or stop method is there to cancel it.
    static func storedProperties(in blocks: [SwiftNode], file: SwiftFile) -> [String: SwiftNode] {
        let tree = file.tree
        var properties: [String: SwiftNode] = [:]
        for block in blocks {
            for declaration in tree.children(block)
            where tree.kind(declaration) == .variableDecl && !tree.hasFlag(declaration, SwiftNodeFlags.isStatic) {
                for binding in tree.children(declaration) where tree.kind(binding) == .patternBinding {
                    let name = tree.child(binding, 0)
                    let accessors = tree.child(binding, 3)
                    guard tree.kind(name) == .identifier, !accessors.exists || tree.kind(accessors) == .accessorBlock
                            && !tree.children(accessors).contains(where: { tree.isName(tree.child($0, 0), "get") })
                    else { continue }
                    properties[tree.text(name)] = name
                }
            }
        }
        return properties
    }

    struct Target {
        var name: String
        var property: SwiftNode
        var isCollection: Bool
    }

    /// The property that ends up holding the value of `node`: assigned to it, to one of its
    /// elements, appended or inserted into it, given as its initial value, or held by a local
    /// constant that is then stored in one of those ways.
    static func storageTarget(of node: SwiftNode, properties: [String: SwiftNode], file: SwiftFile,
                              depth: Int = 0) -> Target? {
        let tree = file.tree
        let (value, parent) = file.valueUse(of: node)
        switch tree.kind(parent) {
        case .assignment where tree.child(parent, 1) == value:
            let target = tree.child(parent, 0)
            if let name = propertyName(target, properties: properties, file: file) {
                return Target(name: name, property: properties[name] ?? .none, isCollection: false)
            }
            if tree.kind(target) == .subscriptCall,
               let name = propertyName(tree.child(target, 0), properties: properties, file: file) {
                return Target(name: name, property: properties[name] ?? .none, isCollection: true)
            }
        case .argument:
            let call = tree.parent(parent)
            let callee = tree.child(call, 0)
            guard tree.kind(call) == .call, tree.kind(callee) == .memberAccess else { return nil }
            let method = tree.child(callee, 1)
            guard tree.hasText(method, "append") || tree.hasText(method, "insert") || tree.hasText(method, "updateValue"),
                  let name = propertyName(tree.child(callee, 0), properties: properties, file: file) else { return nil }
            return Target(name: name, property: properties[name] ?? .none, isCollection: true)
        case .patternBinding where tree.child(parent, 2) == value:
            let name = tree.child(parent, 0)
            guard tree.kind(name) == .identifier else { return nil }
            if let property = properties[tree.text(name)], property == name {
                return Target(name: tree.text(name), property: property, isCollection: false)
            }
            guard depth < 2, tree.op(tree.parent(parent)) == .kwLet else { return nil }
            let scope = tree.parent(tree.parent(parent))
            var found: Target?
            var awaitedHere = false
            for use in file.uses(of: name, within: scope) {
                guard tree.kind(tree.parent(use)) != .memberAccess || tree.child(tree.parent(use), 0) == use else { continue }
                let read = tree.parent(use)
                // `return await task.value`: this call waits for the task it stored, so the task's
                // lifetime is managed here.
                if DetachedInAsync.isResultRead(read, file: file) && file.isAwaited(read) { awaitedHere = true }
                if found == nil { found = storageTarget(of: use, properties: properties, file: file, depth: depth + 1) }
            }
            return awaitedHere ? nil : found
        default:
            break
        }
        return nil
    }

    /// `p` or `self.p` for a stored property `p`.
    static func propertyName(_ node: SwiftNode, properties: [String: SwiftNode], file: SwiftFile) -> String? {
        let tree = file.tree
        var name = node
        if tree.kind(node) == .memberAccess {
            guard tree.isName(tree.child(node, 0), "self") else { return nil }
            name = tree.child(node, 1)
        }
        guard tree.kind(name) == .identifier else { return nil }
        let text = tree.text(name)
        return properties[text] != nil ? text : nil
    }

    /// Whether anything in the file cancels what the property holds, awaits it, or hands it to
    /// other code (which then owns it).
    /// Only code of the owning type (`owners`: its declaration and extensions) counts.
    static func isReleased(_ property: SwiftNode, owners: Set<SwiftNode>, file: SwiftFile, index: FileIndex) -> Bool {
        let name = file.tree.text(property)
        return owners.contains { index.cancelledNamesByOwner[$0]?.contains(name) ?? false }
            || isHandedOver(property, owners: owners, file: file, index: index)
    }

    /// Every name that one of `calls` (each `x.cancel()`) reaches: `p?.cancel()`, `p[k]?.cancel()`,
    /// `p.removeValue(forKey: k)?.cancel()`, `p.forEach { $0.cancel() }`, `for t in p { t.cancel() }`,
    /// `if let t = p { t.cancel() }`, `let t = p` or `guard let t = p` earlier in the block (the names
    /// in the receiver, in enclosing loops' sequences, callees and conditions, in the local's
    /// declarations). Built once for the file, each subtree's names gathered once: asking each
    /// property of each call, statement by statement, made a class cancelling 1,000 tasks take 27 s.
    static func namesReached(by calls: [SwiftNode], file: SwiftFile) -> Set<String> {
        let tree = file.tree
        var names = Set<String>()
        var gathered = Set<SwiftNode>()
        func gather(_ node: SwiftNode) {
            guard node.exists, gathered.insert(node).inserted else { return }
            file.addMentionedNames(node, to: &names)
        }
        /// Per block, the declarations of each local name (statement start, bound value or `.none`
        /// for the shorthand), in source order, and how many of them have been gathered.
        var declarations: [SwiftNode: [String: [(start: Int32, value: SwiftNode)]]] = [:]
        var gatheredDeclarations: [SwiftNode: [String: Int]] = [:]
        for call in calls {
            let receiver = tree.child(tree.child(call, 0), 0)
            let local = rootName(of: receiver, file: file)
            // `let job = Task { }; job.cancel()`: a local constant named like a property is another
            // task; only what the local was made from (below, its declaration) counts.
            if !(local.exists && file.localDeclaration(of: local) != nil) { gather(receiver) }
            let localName = local.exists ? tree.text(local) : ""
            var current = tree.parent(call)
            while current.exists && tree.kind(current) != .typeDecl {
                switch tree.kind(current) {
                case .forInStmt:
                    gather(tree.child(current, 1))
                case .call:
                    gather(tree.child(current, 0))
                case .codeBlock where local.exists && tree.kind(tree.parent(current)) != .typeDecl:
                    // (A type's member block declares properties, not locals.)
                    if declarations[current] == nil { declarations[current] = localDeclarations(in: current, file: file) }
                    let found = declarations[current]?[localName] ?? []
                    var next = gatheredDeclarations[current]?[localName] ?? 0
                    let callStart = tree.range(call).start
                    while next < found.count && found[next].start < callStart {
                        if found[next].value.exists { gather(found[next].value) } else { names.insert(localName) }
                        next += 1
                    }
                    gatheredDeclarations[current, default: [:]][localName] = next
                case .ifStmt, .guardStmt, .whileStmt:
                    if local.exists { gather(tree.child(current, 0)) }
                default:
                    break
                }
                current = tree.parent(current)
            }
        }
        return names
    }

    /// `let t = p`, `guard let t = p else { ... }` (or `self.p`, `p[k]`, ...), `guard let t` (the
    /// shorthand binds the property of the same name) among the statements of `block`, by the name they bind.
    static func localDeclarations(in block: SwiftNode, file: SwiftFile) -> [String: [(start: Int32, value: SwiftNode)]] {
        let tree = file.tree
        var result: [String: [(start: Int32, value: SwiftNode)]] = [:]
        for statement in tree.children(block) {
            let bindings: ArraySlice<SwiftNode>
            switch tree.kind(statement) {
            case .variableDecl: bindings = tree.children(statement)
            case .guardStmt: bindings = tree.children(tree.child(statement, 0))
            default: continue
            }
            for binding in bindings {
                let bound = tree.stripped(tree.child(binding, 0))
                guard bound.exists else { continue }
                result[tree.text(bound), default: []].append((tree.range(statement).start, tree.child(binding, 2)))
            }
        }
        return result
    }

    static func rootName(of receiver: SwiftNode, file: SwiftFile) -> SwiftNode {
        let tree = file.tree
        var current = tree.stripped(receiver)
        while tree.kind(current) == .memberAccess || tree.kind(current) == .subscriptCall || tree.kind(current) == .call {
            current = tree.stripped(tree.child(current, 0))
        }
        return tree.kind(current) == .identifier ? current : .none
    }

    /// The property's value is passed to a call, returned, assigned elsewhere, or awaited
    /// (`p.value`): then its lifetime is managed by that code.
    static func isHandedOver(_ property: SwiftNode, owners: Set<SwiftNode>, file: SwiftFile, index: FileIndex) -> Bool {
        let tree = file.tree
        for identifier in index.identifiers[tree.text(property)] ?? []
        where identifier != property && owners.contains(owner(of: identifier, file: file)) {
            var use = identifier
            var parent = tree.parent(use)
            if tree.kind(parent) == .memberAccess && tree.child(parent, 1) == use {
                guard tree.isName(tree.child(parent, 0), "self") else { continue }
                use = parent
                parent = tree.parent(use)
            }
            while tree.kind(parent) == .optionalChain || tree.kind(parent) == .forceUnwrap {
                use = parent
                parent = tree.parent(use)
            }
            switch tree.kind(parent) {
            case .argument where tree.child(parent, 1) == use:
                return true
            case .returnStmt:
                return true
            case .assignment where tree.child(parent, 1) == use && !tree.isName(tree.child(parent, 0), "_"):
                return true
            case .memberAccess where DetachedInAsync.isResultRead(parent, file: file):
                return true
            default:
                continue
            }
        }
        return false
    }
}
