import GoSyntax

/// A set of identifier spellings that tells whether a node is spelled like one of them without
/// making a String: rules test every call's selector against such sets.
public struct NameSet: Sendable, ExpressibleByArrayLiteral {
    /// Names by byte length (longer names than the table holds never match).
    private var byLength: [[[UInt8]]] = Array(repeating: [], count: 64)
    public private(set) var names: Set<String> = []

    public init<Names: Sequence>(_ names: Names) where Names.Element == String {
        for name in names {
            let bytes = Array(name.utf8)
            guard bytes.count < byLength.count else { continue }
            byLength[bytes.count].append(bytes)
            self.names.insert(name)
        }
    }

    public init(arrayLiteral names: String...) {
        self.init(names)
    }

    /// Whether the node's bytes are one of the names.
    public func contains(_ node: NodeID, in tree: SyntaxTree) -> Bool {
        let range = tree.range(node)
        let length = Int(range.end - range.start)
        guard length < byLength.count else { return false }
        let candidates = byLength[length]
        guard !candidates.isEmpty else { return false }
        return tree.source.bytes.withUnsafeBufferPointer { buffer in
            let start = Int(range.start)
            return candidates.contains { name in
                var index = 0
                while index < length && buffer[start + index] == name[index] { index += 1 }
                return index == length
            }
        }
    }
}
