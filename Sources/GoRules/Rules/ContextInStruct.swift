import GoAnalysis
import GoSyntax
import LintCore

/// A struct field of type `context.Context`: the context outlives the call it belongs to.
enum ContextInStruct {
    static let rule = GoRule(
        id: "context-in-struct",
        summary: "a struct field holding a context.Context",
        severity: .info, category: "conventions", check: check)

    /// Methods that make a type a context or a carrier of one by design (`http.Request` stores
    /// its context and hands it out through `Context()`).
    static let carrierMethods: Set<String> = ["Context", "Deadline", "Done", "Err", "Value"]

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.importsContext || !file.extraContextTypes.isEmpty else { return }
        let tree = file.tree
        let structs = file.index.nodes(.structType)
        guard !structs.isEmpty else { return }
        var carriers: Set<String>?
        for structType in structs {
            // Test tables (`[]struct{ ctx context.Context; ... }`) hold one case's inputs.
            if file.isTestFile && declaredName(of: structType, file: file) == nil { continue }
            let fields = tree.child(structType, 0)
            guard fields.exists else { continue }
            for field in tree.children(fields) {
                // An embedded context makes the struct a context itself: that is how contexts are wrapped.
                guard let name = tree.children(tree.child(field, 0)).first, file.isContextType(tree.child(field, 1)) else { continue }
                if let typeName = declaredName(of: structType, file: file) {
                    if carriers == nil { carriers = carrierTypes(file: file) }
                    if carriers?.contains(typeName) == true { break }
                }
                let owner = declaredName(of: structType, file: file).map { "of \($0) " } ?? ""
                context.report(name, "struct field \(tree.text(name)) \(owner)stores a \(tree.text(tree.child(field, 1))): "
                               + "a context belongs to one call; pass it as the first parameter of the methods that need it")
            }
        }
    }

    /// The name of the type a struct type is declared as (`type Server struct{...}`).
    static func declaredName(of structType: NodeID, file: GoFile) -> String? {
        let tree = file.tree
        let spec = tree.parent(structType)
        guard tree.kind(spec) == .typeSpec, tree.child(spec, 2) == structType else { return nil }
        return tree.text(tree.child(spec, 0))
    }

    /// Types of this file with a method that makes them contexts or context carriers.
    static func carrierTypes(file: GoFile) -> Set<String> {
        let tree = file.tree
        var names: Set<String> = []
        for declaration in tree.children(tree.root).dropFirst() where tree.kind(declaration) == .funcDecl {
            let receivers = tree.child(declaration, 0)
            guard receivers.exists, carrierMethods.contains(tree.text(tree.child(declaration, 1))),
                  let receiver = tree.children(receivers).first,
                  let type = file.namedType(ofTypeExpression: tree.child(receiver, 1)), type.path.isEmpty else { continue }
            names.insert(type.name)
        }
        return names
    }
}
