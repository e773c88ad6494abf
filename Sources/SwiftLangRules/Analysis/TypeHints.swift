import SwiftLangSyntax

/// What the file says about the type of each name, without type-checking: the annotation of a
/// property, variable or parameter (`let s: DispatchSemaphore`), or the type it is initialized
/// with (`let s = DispatchSemaphore(value: 0)`). Names are not scoped: a name declared with
/// two types has both.
final class TypeHints {
    private var typesByName: [String: Set<String>] = [:]

    init(file: SwiftFile) {
        let tree = file.tree
        for binding in file.nodes(.patternBinding) {
            let name = tree.child(binding, 0)
            guard tree.kind(name) == .identifier else { continue }
            record(name: tree.text(name), type: tree.child(binding, 1), value: tree.child(binding, 2), file: file)
        }
        for parameter in file.nodes(.parameter) {
            let name = tree.child(parameter, 0)
            guard name.exists else { continue }
            record(name: tree.text(name), type: tree.child(parameter, 1), value: .none, file: file)
        }
        for binding in file.nodes(.optionalBinding) {
            let name = tree.stripped(tree.child(binding, 0))
            guard tree.kind(name) == .identifier else { continue }
            record(name: tree.text(name), type: tree.child(binding, 1), value: tree.child(binding, 2), file: file)
        }
    }

    private func record(name: String, type: SwiftNode, value: SwiftNode, file: SwiftFile) {
        let tree = file.tree
        if type.exists {
            typesByName[name, default: []].insert(Self.baseTypeName(tree.text(type)))
        }
        let call = tree.stripped(value)
        if tree.kind(call) == .call {
            let callee = file.callee(call)
            let typeName = tree.kind(callee) == .memberAccess && tree.hasText(tree.child(callee, 1), "init")
                ? tree.child(callee, 0) : callee
            if tree.kind(typeName) == .identifier || tree.kind(typeName) == .memberAccess {
                typesByName[name, default: []].insert(Self.baseTypeName(tree.text(typeName)))
            }
        }
    }

    /// `Dispatch.DispatchSemaphore?` → `DispatchSemaphore`, `EventLoopFuture<Void>` → `EventLoopFuture`.
    static func baseTypeName(_ text: String) -> String {
        var name = Substring(text)
        if let angle = name.firstIndex(of: "<") { name = name[..<angle] }
        while let last = name.last, last == "?" || last == "!" { name = name.dropLast() }
        if let period = name.lastIndex(of: ".") { name = name[name.index(after: period)...] }
        return String(name)
    }

    func types(of name: String) -> Set<String> {
        typesByName[name] ?? []
    }
}

extension SwiftFile {
    /// The types the file gives the variable `x` or `self.x` that `node` reads.
    public func declaredTypes(of node: SwiftNode) -> Set<String> {
        let stripped = tree.stripped(node)
        switch tree.kind(stripped) {
        case .identifier:
            return typeHints.types(of: tree.text(stripped))
        case .memberAccess where tree.isName(tree.stripped(tree.child(stripped, 0)), "self"):
            return typeHints.types(of: tree.text(tree.child(stripped, 1)))
        case .call:
            return [TypeHints.baseTypeName(tree.text(callee(stripped)))]
        default:
            return []
        }
    }
}
