import SwiftLangSyntax

/// Which code runs as part of a task: async functions and accessors, and the closures that
/// Swift makes async or that run inside the caller's task.
extension SwiftFile {
    /// The innermost function, accessor or closure around `node` (`node` itself excluded), or the
    /// source file for top-level code.
    public func enclosingExecutable(of node: SwiftNode) -> SwiftNode {
        var current = tree.parent(node)
        while current.exists {
            switch tree.kind(current) {
            case .functionDecl, .accessor, .closure, .sourceFile:
                return current
            case .patternBinding where isPropertyBinding(current):
                // A property's implicit getter or initial value: not async.
                return current
            default:
                current = tree.parent(current)
            }
        }
        return tree.root
    }

    /// A binding of a type's property or a global, as opposed to a local variable.
    func isPropertyBinding(_ binding: SwiftNode) -> Bool {
        let container = tree.parent(tree.parent(binding))
        return tree.kind(container) == .sourceFile || tree.kind(tree.parent(container)) == .typeDecl
    }

    /// Whether `node` runs in async code: its enclosing function, accessor or closure is async.
    public func isInAsyncContext(_ node: SwiftNode) -> Bool {
        isAsyncExecutable(enclosingExecutable(of: node))
    }

    public func isAsyncExecutable(_ executable: SwiftNode) -> Bool {
        switch tree.kind(executable) {
        case .functionDecl, .accessor:
            return tree.hasFlag(executable, SwiftNodeFlags.isAsync)
        case .closure:
            if let known = asyncClosures[executable] { return known }
            let isAsync = closureIsAsync(executable)
            asyncClosures[executable] = isAsync
            return isAsync
        default:
            return false
        }
    }

    /// A closure is async when it says so, when it is a task's body, when it contains `await`
    /// itself (Swift then infers `async`), or when the call it is passed to is awaited right there
    /// (`await withTaskGroup { }`, `await withCheckedContinuation { }`, `await MainActor.run { }`):
    /// then it runs inside the caller's task.
    private func closureIsAsync(_ closure: SwiftNode) -> Bool {
        if tree.hasFlag(closure, SwiftNodeFlags.isAsync) { return true }
        let argument = tree.parent(closure)
        let call = tree.parent(argument)
        if tree.kind(argument) == .argument, tree.kind(call) == .call {
            if taskCreation(call) != nil { return true }
            if isAwaited(call) { return true }
        }
        var awaits = false
        walkSameContext(tree.child(closure, 2)) { node in
            if tree.kind(node) == .awaitExpr || (tree.kind(node) == .forInStmt && tree.hasFlag(node, SwiftNodeFlags.isAwait)) {
                awaits = true
            }
        }
        return awaits
    }

    /// Whether the value of `node` is awaited where it stands: `await x`, `try await x`,
    /// `await a.b(x)` (x being the call's receiver chain or the call itself).
    public func isAwaited(_ node: SwiftNode) -> Bool {
        var current = tree.parent(node)
        while current.exists {
            switch tree.kind(current) {
            case .awaitExpr:
                return true
            case .tryExpr, .memberAccess, .call, .optionalChain, .forceUnwrap, .tuple, .argument:
                current = tree.parent(current)
            default:
                return false
            }
        }
        return false
    }

    /// Whether `node` runs on a thread of the cooperative pool: in async code, or in a closure that
    /// async code calls in place and synchronously (`measure { usleep(10) }`, `items.forEach { }`,
    /// `lock.withLock { }`), which then blocks that thread just as well.
    public func runsOnCooperativeThread(_ node: SwiftNode) -> Bool {
        var executable = enclosingExecutable(of: node)
        for _ in 0..<64 {
            if isAsyncExecutable(executable) { return true }
            guard tree.kind(executable) == .closure, let call = callRunningInPlace(executable) else { return false }
            executable = enclosingExecutable(of: call)
        }
        return false
    }

    /// Calls known to run the closure they are given before they return, on the caller's thread.
    private static let inPlaceClosureCallees: Set<String> = [
        "forEach", "map", "compactMap", "flatMap", "filter", "reduce", "sorted", "sort", "contains", "first",
        "allSatisfy", "min", "max", "partition", "removeAll", "withLock", "withLockUnchecked", "sync",
        "autoreleasepool", "measure", "withExtendedLifetime", "withUnsafeBytes", "withUnsafeMutableBytes",
        "withUnsafeBufferPointer", "withUnsafeMutableBufferPointer", "withUnsafePointer", "withUnsafeMutablePointer",
        "withCString", "withMutex", "performAndWait",
    ]

    /// The call that runs `closure` in place: one of `inPlaceClosureCallees`, or a function of this
    /// file whose closure parameters are not `@escaping`. Nil for a task's body, for escaping
    /// closures and for closures stored or returned.
    private func callRunningInPlace(_ closure: SwiftNode) -> SwiftNode? {
        let argument = tree.parent(closure)
        let call = tree.parent(argument)
        guard tree.kind(argument) == .argument, tree.kind(call) == .call, taskCreation(call) == nil else { return nil }
        let name = lastName(callee(call))
        guard name.exists else { return nil }
        let text = tree.text(name)
        if Self.inPlaceClosureCallees.contains(text) { return call }
        let declarations = functions(named: text)
        guard !declarations.isEmpty else { return nil }
        let escapes = declarations.contains { declaration in
            tree.children(tree.child(declaration, 1)).contains { parameter in
                let type = tree.child(parameter, 1)
                return type.exists && tree.text(type).contains("@escaping")
            }
        }
        return escapes ? nil : call
    }
}
