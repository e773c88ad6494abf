import GoSyntax

/// The control-flow graphs of a file's functions, each built on first request and kept.
public final class ControlFlowGraphs {
    private unowned let file: GoFile
    private var graphs: [NodeID: ControlFlowGraph] = [:]

    init(file: GoFile) {
        self.file = file
    }

    /// The graph of a funcDecl's or funcLit's body (an empty graph for a declaration without body).
    public func graph(for function: NodeID) -> ControlFlowGraph {
        if let cached = graphs[function] { return cached }
        var builder = ControlFlowBuilder(file: file, function: function)
        let graph = builder.build()
        graphs[function] = graph
        return graph
    }
}

extension GoFile {
    /// The control-flow graph of `function` (a funcDecl or funcLit), built once per file.
    public func controlFlowGraph(for function: NodeID) -> ControlFlowGraph {
        controlFlow.graph(for: function)
    }
}
