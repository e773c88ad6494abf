import GoSyntax

public struct SymbolID: Hashable, Sendable, Comparable {
    public var raw: Int32
    public init(_ raw: Int32) { self.raw = raw }
    public static func < (lhs: SymbolID, rhs: SymbolID) -> Bool { lhs.raw < rhs.raw }
}

public enum SymbolKind: UInt8, Sendable {
    case variable, constant, typeName, function, parameter, result, receiver, importName
}

/// A declared name: where it is declared, with what type and initial value, and where it is visible.
public struct Symbol: Sendable {
    public var kind: SymbolKind
    /// The declaring identifier.
    public var name: NodeID
    /// The declaring construct: valueSpec, assignStmt (`:=`), rangeStmt, field (parameters),
    /// typeSpec, funcDecl, importSpec, or the typeSwitchStmt guard.
    public var declaration: NodeID
    /// The explicit type expression, if the declaration states one.
    public var type: NodeID
    /// The initializer: the matching right-hand expression, or for `a, b := f()` the single call.
    public var value: NodeID
    /// For a multi-value initializer (`ctx, cancel := f()`), which result this symbol receives; -1 otherwise.
    public var valueIndex: Int32
    /// The innermost function (funcDecl or funcLit) the symbol is declared in; none at package level.
    public var function: NodeID
    /// The node whose extent bounds the symbol's scope (a block, clause, statement or function).
    public var scope: NodeID
    /// Byte offset from which the name is visible (after its declaration statement).
    public var visibleFrom: Int32
    /// Interned spelling; equal for equal names within one file.
    public var nameKey: Int32

    public var isPackageLevel: Bool { function.isNone }
}
