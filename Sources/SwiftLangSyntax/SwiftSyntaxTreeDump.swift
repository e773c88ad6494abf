extension SwiftSyntaxTree {
    /// The subtree as an S-expression for tests and debugging: names, literals, types and
    /// operators print as their source text, absent children as `_`, other nodes as
    /// `(kind children...)`. Built without recursion, so any depth prints.
    public func dump(_ node: SwiftNode? = nil) -> String {
        enum Step { case open(SwiftNode), close }
        var output = ""
        var pending: [Step] = [.open(node ?? root)]
        var needsSpace = false
        while let step = pending.popLast() {
            switch step {
            case .close:
                output += ")"
                needsSpace = true
            case .open(let current):
                if needsSpace { output += " " }
                needsSpace = true
                guard current.exists else {
                    output += "_"
                    continue
                }
                switch kind(current) {
                case .identifier, .literal, .typeReference, .operatorReference, .keyPath:
                    output += text(current)
                    continue
                default:
                    break
                }
                output += "(\(kind(current))"
                pending.append(.close)
                for child in children(current).reversed() { pending.append(.open(child)) }
            }
        }
        return output
    }
}
