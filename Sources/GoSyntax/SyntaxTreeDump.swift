extension SyntaxTree {
    /// A compact S-expression of the subtree, for tests and debugging:
    /// identifiers and literals print as their text, absent children as `_`,
    /// other nodes as `(kind:op children...)`.
    public func dump(_ id: NodeID? = nil) -> String {
        var output = ""
        dump(id ?? root, into: &output)
        return output
    }

    private func dump(_ id: NodeID, into output: inout String) {
        guard id.exists else {
            output += "_"
            return
        }
        let node = self[id]
        switch node.kind {
        case .identifier, .basicLit:
            output += text(id)
            return
        default:
            break
        }
        output += "(\(node.kind)"
        if node.op != .eof { output += ":\(node.op.spelling)" }
        if node.flags != 0 { output += "#\(node.flags)" }
        for child in children(id) {
            output += " "
            dump(child, into: &output)
        }
        output += ")"
    }
}
