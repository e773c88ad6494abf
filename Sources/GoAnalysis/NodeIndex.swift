import GoSyntax

/// The file's nodes grouped by kind, so that a rule looking for calls or struct types visits
/// those and nothing else instead of walking the whole tree. Built in two linear passes over
/// the arena (a counting sort); within a kind, nodes are in arena order — children before
/// their parents — not source order.
public struct NodeIndex: Sendable {
    private var starts: [Int32]
    private var ordered: [NodeID]

    public init(tree: SyntaxTree) {
        let nodes = tree.nodes
        var counts = [Int32](repeating: 0, count: 257)
        for node in nodes.dropFirst() { counts[Int(node.kind.rawValue) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        starts = counts
        var cursor = counts
        ordered = [NodeID](repeating: .none, count: max(nodes.count - 1, 0))
        for index in nodes.indices.dropFirst() {
            let kind = Int(nodes[index].kind.rawValue)
            ordered[Int(cursor[kind])] = NodeID(Int32(index))
            cursor[kind] += 1
        }
    }

    /// Every node of `kind`.
    public func nodes(_ kind: NodeKind) -> ArraySlice<NodeID> {
        let raw = Int(kind.rawValue)
        return ordered[Int(starts[raw])..<Int(starts[raw + 1])]
    }
}
