import GoAnalysis
import GoSyntax
import LintCore

/// A cancel function leaves the scope that created it — stored in a field, an element or a
/// package-level variable, or sent on a channel — and nothing in the file ever takes it back to
/// call it; or one cancel function is handed to several goroutines.
enum CancelEscapes {
    static let rule = GoRule(
        id: "cancel-escapes",
        summary: "a cancel function is stored or sent where nothing calls it, or shared by several goroutines",
        severity: .warning, category: "lifecycle", check: check)

    /// Where a cancel function went, and how to name that place in a message.
    struct Escape {
        var node: NodeID
        var place: String
        var owner: String
    }

    @Sendable static func check(_ context: inout GoRuleContext) {
        let file = context.file
        guard file.imports.importsContext || file.imports.imports("os/signal") else { return }
        var holders = HolderReads(file: file)
        var reportedSymbols: Set<SymbolID> = []
        var goStatementsByVariable: [GoStatementsKey: [NodeID]] = [:]
        for definition in file.cancels.definitions {
            let subject = "the \(definition.role) function returned by \(definition.constructor)"
            if let symbol = definition.symbol {
                guard !reportedSymbols.contains(symbol) else { continue }
                if let go = sharedGoStatement(of: symbol, definition: definition, file: file,
                                              goStatements: &goStatementsByVariable) {
                    reportedSymbols.insert(symbol)
                    context.report(go, "\(subject) is handed to several goroutines: the first one to call it cancels "
                        + "the context of all of them; give each goroutine its own context, or let only the owner call it")
                } else if let escape = storedEscape(of: symbol, definition: definition, holders: &holders) {
                    reportedSymbols.insert(symbol)
                    context.report(escape.node, "\(subject) \(escape.place), which nothing in this file takes back to "
                        + "call it: the context leaks until its parent is cancelled; \(escape.owner) must call it")
                }
            } else if let escape = directEscape(definition, holders: &holders) {
                context.report(escape.node, "\(subject) \(escape.place), which nothing in this file takes back to "
                    + "call it: the context leaks until its parent is cancelled; \(escape.owner) must call it")
            }
        }
    }

    // MARK: Stored or sent

    /// `ctx, s.cancel = context.WithCancel(...)`: the constructor's cancel goes straight into a
    /// field, an element or a package-level variable.
    static func directEscape(_ definition: CancelDefinition, holders: inout HolderReads) -> Escape? {
        let file = holders.file
        let tree = file.tree
        switch definition.targetKind {
        case .field, .element, .packageLevel:
            break
        default:
            return nil
        }
        if definition.function.exists && holders.calls(definition.target, in: definition.function) {
            return nil
        }
        return escape(into: definition.target, store: definition.statement, holders: &holders)
            .map { Escape(node: tree.unparen(definition.target), place: $0.place, owner: $0.owner) }
    }

    /// A local cancel variable stored or sent somewhere nothing reads back, when the creating
    /// function does not itself call it on every path.
    static func storedEscape(of symbol: SymbolID, definition: CancelDefinition, holders: inout HolderReads) -> Escape? {
        let file = holders.file
        guard definition.function.exists else { return nil }
        // Every definition of the variable (`cancel = ...` again and again) asks about the same
        // stores: they are looked at once.
        let candidate: Escape?
        if let known = holders.storedCandidates[symbol] {
            candidate = known
        } else {
            candidate = firstStore(of: symbol, within: definition.function, holders: &holders)
            holders.storedCandidates[symbol] = .some(candidate)
        }
        guard let candidate else { return nil }
        // The creator may keep its own duty: stores and sends do not count as handing it over.
        let callsItself = file.cancels.leak(of: definition, settledBy: .storingOrSendingKeepsIt) == nil
        return callsItself ? nil : candidate
    }

    /// The first store or send of `symbol` in `function` (outside literals) into a holder nothing reads.
    static func firstStore(of symbol: SymbolID, within function: NodeID, holders: inout HolderReads) -> Escape? {
        let tree = holders.file.tree
        for use in holders.file.cancels.uses(of: symbol, within: function) {
            let reference = use.node
            guard use.literal.isNone else { continue }
            let found: (place: String, owner: String)?
            switch use.kind {
            case .stored:
                found = storedPlace(use.destination, store: tree.parent(use.destination), holders: &holders)
            case .sent:
                found = holders.isRead(use.destination, excluding: tree.parent(reference)) == false
                    ? ("is sent on channel `\(tree.text(use.destination))`", "the receiver") : nil
            default:
                found = nil
            }
            if let found { return Escape(node: reference, place: found.place, owner: found.owner) }
        }
        return nil
    }

    /// Describes a store into `destination` (an assignment target, a composite literal element, an
    /// append call) when nothing in the file reads the holder back.
    static func storedPlace(_ destination: NodeID, store: NodeID,
                            holders: inout HolderReads) -> (place: String, owner: String)? {
        let tree = holders.file.tree
        switch tree.kind(destination) {
        case .keyValueExpr:
            let key = tree.child(destination, 0)
            guard tree.kind(key) == .identifier, tree.kind(tree.parent(destination)) == .compositeLit,
                  holders.isFieldRead(tree.text(key), excluding: destination) == false else { return nil }
            return ("is stored in field `\(tree.text(key))`", "the owner of the struct (e.g. its Close or Stop method)")
        case .callExpr:
            // `cancels = append(cancels, cancel)`
            let slice = tree.child(destination, 1)
            guard slice.exists, holders.isRead(slice, excluding: tree.parent(tree.parent(destination))) == false
            else { return nil }
            return ("is appended to `\(tree.text(slice))`", "whoever clears the slice")
        default:
            return escape(into: destination, store: store, holders: &holders)
        }
    }

    static func escape(into target: NodeID, store: NodeID, holders: inout HolderReads) -> (place: String, owner: String)? {
        let tree = holders.file.tree
        let inner = tree.unparen(target)
        switch tree.kind(inner) {
        case .selectorExpr:
            let name = tree.text(tree.child(inner, 1))
            guard holders.isFieldRead(name, excluding: store) == false else { return nil }
            return ("is stored in field `\(name)`", "the owner of the struct (e.g. its Close or Stop method)")
        case .indexExpr:
            let container = tree.child(inner, 0)
            guard holders.isRead(container, excluding: store) == false else { return nil }
            return ("is stored in an element of `\(tree.text(container))`", "whoever removes the entry")
        case .identifier:
            guard let symbol = holders.file.bindings.symbol(of: inner), holders.file.bindings[symbol].isPackageLevel,
                  holders.isRead(inner, excluding: store) == false else { return nil }
            return ("is stored in package-level variable `\(tree.text(inner))`", "whoever replaces it")
        default:
            return nil
        }
    }

    // MARK: Shared by goroutines

    struct GoStatementsKey: Hashable {
        var symbol: SymbolID
        var function: NodeID
    }

    /// A go statement in a loop handing one cancel function, created before the loop, to each of
    /// the goroutines it starts (passed, or captured by a literal that ends by calling it). Two
    /// distinct go statements sharing a cancel are left alone: "whichever finishes first stops the
    /// other" is a common deliberate design.
    ///
    /// The `go` statements handed the variable are found once per variable and function: the
    /// search does not depend on the definition, and a variable reassigned n times is asked n times.
    static func sharedGoStatement(of symbol: SymbolID, definition: CancelDefinition, file: GoFile,
                                  goStatements cache: inout [GoStatementsKey: [NodeID]]) -> NodeID? {
        guard definition.function.exists else { return nil }
        let key = GoStatementsKey(symbol: symbol, function: definition.function)
        let goStatements = cache[key] ?? goStatementsHanded(symbol, within: definition.function, file: file)
        cache[key] = goStatements
        return goStatements.first { isRepeated($0, after: definition.statement, in: definition.function, file: file) }
    }

    /// The `go` statements the cancel variable is passed to, or captured by a literal that calls
    /// it unconditionally, in order of first use.
    static func goStatementsHanded(_ symbol: SymbolID, within function: NodeID, file: GoFile) -> [NodeID] {
        var goStatements: [NodeID] = []
        var seen: Set<NodeID> = []
        for use in file.cancels.uses(of: symbol, within: function) {
            let reference = use.node
            guard use.goStatement.exists, !seen.contains(use.goStatement) else { continue }
            switch use.kind {
            case .passed:
                goStatements.append(use.goStatement)
                seen.insert(use.goStatement)
            case .captured where use.literal.exists && callsUnconditionally(reference, literal: use.literal, file: file):
                goStatements.append(use.goStatement)
                seen.insert(use.goStatement)
            default:
                continue
            }
        }
        return goStatements
    }

    /// Whether the literal calls the cancel function as one of its top-level statements
    /// (`defer cancel()` or `cancel()`), i.e. every run of the goroutine ends by cancelling.
    static func callsUnconditionally(_ reference: NodeID, literal: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        let use = file.cancels.use(reference, within: literal)
        guard use.kind == .call, use.literal.isNone else { return false }
        let statement = tree.parent(tree.parent(reference))
        return (tree.kind(statement) == .deferStmt || tree.kind(statement) == .exprStmt)
            && tree.parent(statement) == tree.child(literal, 1)
    }

    /// Whether `statement` sits in a loop of `function` whose body does not contain the definition.
    static func isRepeated(_ statement: NodeID, after definition: NodeID, in function: NodeID, file: GoFile) -> Bool {
        let tree = file.tree
        var current = tree.parent(statement)
        while current.exists && current != function {
            if tree.kind(current) == .funcLit { return false }
            if tree.kind(current) == .forStmt || tree.kind(current) == .rangeStmt {
                return !tree.isAncestor(tree.child(current, 3), of: definition)
            }
            current = tree.parent(current)
        }
        return false
    }
}

/// Answers "does anything in this file read this holder back?" for variables, fields and channels.
/// Writes (assignment targets, index targets, `delete`) are not reads.
struct HolderReads {
    let file: GoFile
    /// Field name → selector expressions naming it; and the field names declared by structs of the file.
    private var selectorsByName: [String: [NodeID]]?
    private var declaredFields: Set<String> = []
    private let siblings: PackageSiblings
    /// Per cancel variable, the store `CancelEscapes.firstStore` found (nil inside: none).
    var storedCandidates: [SymbolID: CancelEscapes.Escape?] = [:]
    /// Per function, the text of every expression it calls (nested literals included), gathered
    /// once: a function storing n cancels in one field is asked n times.
    private var calledTexts: [NodeID: Set<String>] = [:]
    private var readingReferencesBySymbol: [SymbolID: [NodeID]] = [:]

    init(file: GoFile) {
        self.file = file
        siblings = file.siblings
    }

    /// The references to the variable (its declaration included) that read it, found once per
    /// variable: a variable stored n times is asked n times, and has n references.
    private mutating func readingReferences(of symbol: SymbolID) -> [NodeID] {
        if let cached = readingReferencesBySymbol[symbol] { return cached }
        var references = Array(file.bindings.uses(of: symbol))
        references.append(file.bindings[symbol].name)
        let reading = references.filter { isRead($0) }
        readingReferencesBySymbol[symbol] = reading
        return reading
    }

    /// Whether `function` calls the expression written like `target` (`s.cancel()`, `defer s.cancel()`).
    mutating func calls(_ target: NodeID, in function: NodeID) -> Bool {
        let tree = file.tree
        if let texts = calledTexts[function] { return texts.contains(tree.text(target)) }
        var texts: Set<String> = []
        tree.walk(file.functionBody(function)) { node in
            if tree.kind(node) == .callExpr { texts.insert(tree.text(tree.unparen(tree.child(node, 0)))) }
            return true
        }
        calledTexts[function] = texts
        return texts.contains(tree.text(target))
    }

    /// Nil when unknown (e.g. a name declared in another file).
    mutating func isRead(_ holder: NodeID, excluding store: NodeID) -> Bool? {
        let tree = file.tree
        let inner = tree.unparen(holder)
        switch tree.kind(inner) {
        case .identifier:
            guard let symbol = file.bindings.symbol(of: inner) else { return nil }
            if readingReferences(of: symbol).contains(where: { $0 != inner && !tree.isAncestor(store, of: $0) }) {
                return true
            }
            return file.bindings[symbol].isPackageLevel && siblings.mentionWord(tree.text(inner))
        case .selectorExpr:
            return isFieldRead(tree.text(tree.child(inner, 1)), excluding: store)
        default:
            return nil
        }
    }

    /// Whether some `x.name` outside `store` reads the field; nil when no struct of this file
    /// declares it (its readers may be anywhere).
    mutating func isFieldRead(_ name: String, excluding store: NodeID) -> Bool? {
        let tree = file.tree
        if selectorsByName == nil { indexSelectors() }
        guard declaredFields.contains(name) else { return nil }
        if (selectorsByName?[name] ?? []).contains(where: { !tree.isAncestor(store, of: $0) && isRead($0) }) { return true }
        return siblings.mentionSelector(name)
    }

    private mutating func indexSelectors() {
        let tree = file.tree
        var selectors: [String: [NodeID]] = [:]
        var fields: Set<String> = []
        tree.walk(tree.root) { node in
            switch tree.kind(node) {
            case .selectorExpr:
                selectors[tree.text(tree.child(node, 1)), default: []].append(node)
            case .structType:
                for field in tree.children(tree.child(node, 0)) {
                    for name in tree.children(tree.child(field, 0)) { fields.insert(tree.text(name)) }
                }
            default:
                break
            }
            return true
        }
        selectorsByName = selectors
        declaredFields = fields
    }

    /// Whether the expression `node` (an identifier or selector naming the holder) is read where it
    /// stands: not a declaration, an assignment target, the container of an assigned element, or
    /// the map of a `delete`.
    private func isRead(_ node: NodeID) -> Bool {
        let tree = file.tree
        var (current, parent) = tree.parentOutsideParens(node)
        if tree.kind(parent) == .indexExpr && tree.child(parent, 0) == current {
            current = parent
            parent = tree.parent(parent)
        }
        switch tree.kind(parent) {
        case .list:
            let owner = tree.parent(parent)
            switch tree.kind(owner) {
            case .assignStmt, .valueSpec, .field: return tree.child(owner, 0) != parent
            default: return true
            }
        case .callExpr:
            let callee = tree.unparen(tree.child(parent, 0))
            return !(tree.isIdentifier(callee, "delete") && tree.child(parent, 1) == current)
        case .sendStmt:
            return tree.child(parent, 0) != current
        case .rangeStmt:
            return tree.child(parent, 2) == current
        default:
            return true
        }
    }
}
