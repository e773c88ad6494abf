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
            // `self` named inside such a list is not a use.
            return tree.kind(tree.parent(node)) != .captureItem
        }
    }
}
