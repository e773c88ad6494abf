import GoSyntax

extension SyntaxTree {
    /// The first ancestor of `node` that is not a parenthesized expression, and the child of that
    /// ancestor on the way up (`node` itself, or the outermost parentheses around it).
    public func parentOutsideParens(_ node: NodeID) -> (child: NodeID, parent: NodeID) {
        var child = node
        var parent = self.parent(node)
        while kind(parent) == .parenExpr {
            child = parent
            parent = self.parent(parent)
        }
        return (child, parent)
    }

    /// Whether `node` (through parentheses) is the function of a call; the call when it is.
    public func callCalling(_ node: NodeID) -> NodeID? {
        let (callee, parent) = parentOutsideParens(node)
        return kind(parent) == .callExpr && child(parent, 0) == callee ? parent : nil
    }
}
