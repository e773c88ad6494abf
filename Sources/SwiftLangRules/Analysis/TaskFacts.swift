import SwiftLangSyntax

/// An unstructured task made by `Task { }`, `Task(priority:) { }`, `Task<T, E> { }` or
/// `Task.detached { }`.
public struct TaskCreation {
    public enum Flavor { case inheriting, detached }
    public var flavor: Flavor
    public var call: SwiftNode
    /// The task's body.
    public var closure: SwiftNode
    /// Where findings about the task point: `Task` (or `Task.detached`).
    public var anchor: SwiftNode
}

extension SwiftFile {
    public func taskCreation(_ call: SwiftNode) -> TaskCreation? {
        guard tree.kind(call) == .call else { return nil }
        let callee = self.callee(call)
        let flavor: TaskCreation.Flavor
        if tree.isName(callee, "Task") {
            flavor = .inheriting
        } else if isMember(callee, of: "Task", named: "detached") {
            flavor = .detached
        } else if isMember(callee, of: "Task", named: "init") {
            flavor = .inheriting
        } else {
            return nil
        }
        let closure = closureArgument(call, label: "operation")
        guard closure.exists else { return nil }
        return TaskCreation(flavor: flavor, call: call, closure: closure, anchor: tree.child(call, 0))
    }

    /// Whether a closure in a task's body runs as part of that task: passed to a call awaited
    /// right there (`await withTaskCancellationHandler { }`, `await withTaskGroup { }`), or a
    /// child task of a group (`group.addTask { }`), which the group waits for.
    public func runsWithinEnclosingTask(_ closure: SwiftNode) -> Bool {
        let argument = tree.parent(closure)
        let call = tree.parent(argument)
        guard tree.kind(argument) == .argument, tree.kind(call) == .call, taskCreation(call) == nil else { return false }
        if isAwaited(call) { return true }
        let callee = tree.child(call, 0)
        guard tree.kind(callee) == .memberAccess else { return false }
        let method = tree.child(callee, 1)
        return tree.hasText(method, "addTask") || tree.hasText(method, "addTaskUnlessCancelled")
            || tree.hasText(method, "addDiscardingTask")
    }

    /// Visits the task body's code that runs in the task: its own statements and those of the
    /// nested closures that `runsWithinEnclosingTask`, but not escaping closures, nested tasks,
    /// functions or types.
    public func walkTaskBody(_ closure: SwiftNode, _ visit: (SwiftNode) -> Void) {
        let body = tree.child(closure, 2)
        tree.walk(body) { current in
            switch tree.kind(current) {
            case .closure where !runsWithinEnclosingTask(current):
                return false
            case .functionDecl, .typeDecl, .accessorBlock:
                return false
            default:
                visit(current)
                return true
            }
        }
    }

    /// Every task creation in the file.
    public var taskCreations: [TaskCreation] {
        nodes(.call).compactMap(taskCreation)
    }

    /// Whether the closure refers to `self` while not capturing it `weak` or `unowned`.
    public func capturesSelfStrongly(_ closure: SwiftNode) -> Bool {
        let captures = tree.child(closure, 0)
        for item in tree.children(captures) where tree.kind(item) == .captureItem {
            if tree.isName(tree.child(item, 0), "self") && tree.flags(item) != 0 { return false }
        }
        return contains(tree.child(closure, 2)) { node in
            guard tree.isName(node, "self") else { return false }
            // A nested closure's own `[weak self]` does not make this one's capture weak, but
            // `self` named inside such a list is not a use, nor is the member of `Void.self`.
            let parent = tree.parent(node)
            if tree.kind(parent) == .memberAccess && tree.child(parent, 1) == node { return false }
            return tree.kind(parent) != .captureItem
        }
    }
}
