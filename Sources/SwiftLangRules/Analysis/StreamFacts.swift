import SwiftLangSyntax

/// An `AsyncStream` or `AsyncThrowingStream` made by this code: with a build closure
/// (`AsyncStream { continuation in ... }`, `AsyncStream<Int>(...) { }`, `.init { }` where the
/// context says the type), or by `makeStream`, which hands the continuation to the code around it.
public struct StreamConstruction {
    public var call: SwiftNode
    /// What findings point at: the type name as written, or the `.init`/`makeStream` member.
    public var anchor: SwiftNode
    /// `AsyncStream` or `AsyncThrowingStream`.
    public var typeName: String
    /// The build closure, `.none` for `makeStream`.
    public var buildClosure: SwiftNode
}

extension SwiftFile {
    public func streamConstruction(_ call: SwiftNode) -> StreamConstruction? {
        guard tree.kind(call) == .call else { return nil }
        let callee = self.callee(call)
        if tree.kind(callee) == .identifier {
            guard tree.hasText(callee, "AsyncStream") || tree.hasText(callee, "AsyncThrowingStream") else { return nil }
            let name = tree.text(callee)
            let closure = closureArgument(call, label: nil)
            guard closure.exists else { return nil }
            return StreamConstruction(call: call, anchor: callee, typeName: name, buildClosure: closure)
        }
        guard tree.kind(callee) == .memberAccess else { return nil }
        let member = tree.child(callee, 1)
        guard tree.hasText(member, "init") || tree.hasText(member, "makeStream") else { return nil }
        let base = tree.child(callee, 0)
        let typeText: String
        if base.exists {
            let typeNode = lastName(tree.stripped(base))
            guard typeNode.exists else { return nil }
            typeText = tree.text(typeNode)
        } else {
            // `.init { continuation in ... }`: the type comes from what the value becomes.
            let context = contextualType(of: call)
            guard context.exists else { return nil }
            typeText = tree.text(context)
        }
        guard let name = streamTypeName(typeText) else { return nil }
        if tree.hasText(member, "init") {
            let closure = closureArgument(call, label: nil)
            guard closure.exists else { return nil }
            return StreamConstruction(call: call, anchor: base.exists ? lastName(tree.stripped(base)) : callee,
                                      typeName: name, buildClosure: closure)
        }
        if tree.hasText(member, "makeStream") {
            return StreamConstruction(call: call, anchor: base.exists ? lastName(tree.stripped(base)) : callee,
                                      typeName: name, buildClosure: .none)
        }
        return nil
    }

    /// `AsyncStream` for `AsyncStream<Int>`, `_Concurrency.AsyncStream<T>?`; nil for other types.
    func streamTypeName(_ typeText: String) -> String? {
        var base = Substring(typeText)
        if let angle = base.firstIndex(of: "<") { base = base[..<angle] }
        while let last = base.last, last == "?" || last == "!" || last == " " { base = base.dropLast() }
        if let period = base.lastIndex(of: ".") { base = base[base.index(after: period)...] }
        switch base {
        case "AsyncStream": return "AsyncStream"
        case "AsyncThrowingStream": return "AsyncThrowingStream"
        default: return nil
        }
    }

    /// The continuation of the stream: the build closure's first parameter, or the second name of
    /// `let (stream, continuation) = AsyncStream.makeStream(...)`. `.none` when unnamed (`$0`).
    public func continuation(of stream: StreamConstruction) -> SwiftNode {
        if stream.buildClosure.exists {
            let parameter = tree.child(tree.child(stream.buildClosure, 1), 0)
            let name = tree.kind(parameter) == .identifier ? parameter : tree.child(parameter, 0)
            return tree.kind(name) == .identifier ? name : .none
        }
        let (value, binding) = valueUse(of: stream.call)
        guard tree.kind(binding) == .patternBinding, tree.child(binding, 2) == value else { return .none }
        return tupleElement(tree.child(binding, 0), at: 1)
    }

    /// Where code that uses the continuation lives: the build closure's body, or the block that
    /// declares the `makeStream` pair.
    public func producerScope(of stream: StreamConstruction) -> SwiftNode {
        if stream.buildClosure.exists { return tree.child(stream.buildClosure, 2) }
        let (_, binding) = valueUse(of: stream.call)
        let block = tree.parent(tree.parent(binding))
        return tree.kind(binding) == .patternBinding && tree.kind(block) == .codeBlock ? block : .none
    }

    /// Whether `sequence` names a local stream that this code finishes: made here with a build
    /// closure or `makeStream`, and `continuation.finish()` is called in the producer's code.
    /// A `for await` over it ends when the producer is done, cancellation or not.
    public func isFinishedStream(_ sequence: SwiftNode, before loop: SwiftNode) -> Bool {
        let name = tree.stripped(sequence)
        guard tree.kind(name) == .identifier, let (binding, declared) = localDeclaration(of: name) else { return false }
        let pattern = tree.child(binding, 0)
        // The stream is the first name of a `makeStream` pair, or the whole value.
        guard declared == pattern || tupleElement(pattern, at: 0) == declared,
              let stream = streamConstruction(tree.stripped(tree.child(binding, 2))) else { return false }
        let continuation = self.continuation(of: stream)
        let scope = producerScope(of: stream)
        guard continuation.exists, scope.exists else { return false }
        return callsMethod("finish", on: continuation, in: scope)
    }
}
