import GoSyntax

/// One import of the file: the name it is known by locally and its path.
public struct Import: Hashable, Sendable {
    /// The local name: the explicit alias, or the package name guessed from the path.
    /// `.` for dot imports and `_` for blank imports.
    public var localName: String
    public var path: String
    public var spec: NodeID
}

/// The file's imports, with lookups by path and by local name.
public struct ImportTable: Sendable {
    public private(set) var imports: [Import] = []
    /// Indices into `imports` by local name, so lookups per selector stay constant-time in a file
    /// with many imports.
    private var indicesByName: [String: [Int]] = [:]

    /// Import paths that provide the standard `context` package's API.
    public static let contextPaths: Set<String> = ["context", "golang.org/x/net/context"]

    public init(tree: SyntaxTree) {
        for declaration in tree.children(tree.root).dropFirst() {
            guard tree.kind(declaration) == .genDecl, tree.op(declaration) == .kwImport else { continue }
            for spec in tree.children(declaration) where tree.kind(spec) == .importSpec {
                let pathNode = tree.child(spec, 1)
                guard tree.kind(pathNode) == .basicLit else { continue }
                let path = ImportTable.unquote(tree.text(pathNode))
                let nameNode = tree.child(spec, 0)
                let localName = nameNode.exists ? tree.text(nameNode) : ImportTable.defaultName(of: path)
                indicesByName[localName, default: []].append(imports.count)
                imports.append(Import(localName: localName, path: path, spec: spec))
            }
        }
    }

    public func imports(_ path: String) -> Bool {
        imports.contains { $0.path == path }
    }

    /// Local names under which `path` is imported (usually one).
    public func localNames(of path: String) -> [String] {
        imports.filter { $0.path == path && $0.localName != "_" && $0.localName != "." }.map(\.localName)
    }

    /// The import path bound to a local package name, if any.
    public func path(ofLocalName name: String) -> String? {
        indicesByName[name]?.first.map { imports[$0].path }
    }

    /// The imports known locally as `name` (one, in a file that builds).
    public func imports(named name: String) -> [Import] {
        (indicesByName[name] ?? []).map { imports[$0] }
    }

    /// Whether any of the context packages is imported.
    public var importsContext: Bool {
        imports.contains { ImportTable.contextPaths.contains($0.path) }
    }

    /// Go's package name is usually the last path element; versioned paths (`/v2`) and
    /// gopkg.in style suffixes (`yaml.v3`) are the common exceptions.
    static func defaultName(of path: String) -> String {
        var elements = path.split(separator: "/")
        if elements.count > 1, let last = elements.last, last.count >= 2, last.first == "v",
           last.dropFirst().allSatisfy(\.isNumber) {
            elements.removeLast()
        }
        var name = elements.last.map(String.init) ?? path
        if let dot = name.firstIndex(of: "."), path.hasPrefix("gopkg.in/") {
            name = String(name[..<dot])
        }
        if name.hasPrefix("go-") { name = String(name.dropFirst(3)) }
        return String(name.map { $0 == "-" ? "_" : $0 })
    }

    static func unquote(_ literal: String) -> String {
        guard literal.count >= 2 else { return literal }
        return String(literal.dropFirst().dropLast())
    }
}

/// How often the file names each package: the `pkg` of every `pkg.Member` (in code and in types)
/// that is a plain identifier not bound to a local declaration. Counted by name, so a name that
/// is no import (another file's package-level variable) is counted too; callers ask about the
/// names of imports. Dot and blank imports are never named this way.
public struct ImportUses: Sendable {
    private var counts: [String: Int] = [:]

    init(file: GoFile) {
        let tree = file.tree
        let bindings = file.bindings
        for selector in file.index.nodes(.selectorExpr) {
            let qualifier = tree.child(selector, 0)
            guard tree.kind(qualifier) == .identifier else { continue }
            if let symbol = bindings.symbol(of: qualifier), bindings[symbol].kind != .importName { continue }
            counts[tree.text(qualifier), default: 0] += 1
        }
    }

    /// How many selectors qualify a member with `localName`.
    public func count(of localName: String) -> Int {
        counts[localName] ?? 0
    }

    /// Whether the file can refer to `anImport` by a counted name: not dot, blank or cgo's "C"
    /// (which names no Go package and is never unused).
    public static func isCounted(_ anImport: Import) -> Bool {
        anImport.localName != "." && anImport.localName != "_" && anImport.path != "C"
    }
}
