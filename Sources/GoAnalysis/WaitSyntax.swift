import GoSyntax

/// The options that change what counts as waiting or as a stop signal. Every lifecycle rule
/// builds the same value from the configuration, so the facts are computed once per file.
public struct WaitOptions: Hashable, Sendable {
    /// Extra calls that block, as written (`conn.Read`, `Accept`): a call matches when these
    /// names end its selector chain.
    public var blockingCalls: [String]
    /// Names of channels that carry a component's own stop signal (`done`, `quit`, ...).
    public var stopSignalNames: [String]

    public static let defaultStopSignalNames = [
        "done", "quit", "stop", "stopCh", "closing", "shutdown", "exit",
        "close", "closed", "cancel", "stopping", "stopped",
    ]

    public init(blockingCalls: [String] = [], stopSignalNames: [String] = WaitOptions.defaultStopSignalNames) {
        self.blockingCalls = blockingCalls
        self.stopSignalNames = stopSignalNames
    }
}

/// How a piece of code waits.
public enum WaitKind: Hashable, Sendable {
    /// A select without a default case.
    case select
    case receive(channel: NodeID)
    case send(channel: NodeID)
    case sleep
    /// A receive from `time.After(d)` or a timer's or ticker's `C`, outside a select.
    case timer(channel: NodeID)
    /// `wg.Wait()` or `cond.Wait()`.
    case syncWait(call: NodeID)
    /// A configured blocking call.
    case blockingCall(call: NodeID)
    case rangeOverChannel(channel: NodeID)
    /// A `for { ... }` that nothing leaves.
    case endless
}

public struct WaitSite: Hashable, Sendable {
    public var node: NodeID
    public var kind: WaitKind
}

/// Syntactic predicates about waiting and cancellation, shared by the lifecycle rules. No types
/// are known, so declared types and initialisers are used where the file states them, and names
/// (`ctx`, `wg`, `done`) where it does not: every name-based guess errs towards silence.
public final class WaitSyntax {
    unowned let file: GoFile
    public let tree: SyntaxTree
    let options: WaitOptions
    private let stopNames: Set<String>
    private let blockingCallPaths: [[Substring]]
    /// Field names declared with a channel type in the file's struct types.
    /// Per statement list and loop, whether some statement from each position on contains an
    /// exit from the loop (`exitAfter(_:in:loop:)` answers from it).
    var exitSuffixes: [ExitSuffixKey: [Bool]] = [:]
    /// Per block, whether a `cancel()` statement follows each position (`cancelCallAfter`).
    private var cancelCallSuffixes: [NodeID: [Bool]] = [:]
    /// Answers of `isOnlyClosed` and `isAssignedWithEquals`, per symbol: every wait on the same
    /// channel or flag asks again.
    private var onlyClosed: [SymbolID: Bool] = [:]
    private var assignedWithEquals: [SymbolID: Bool] = [:]
    var channelFields: Set<String> = []
    /// Field names declared as `sync.WaitGroup` or `sync.Cond` (or pointers to them).
    var syncWaiterFields: Set<String> = []
    /// Channels handed to `signal.Notify`: an OS signal is a stop signal.
    var signalChannels: Set<SymbolID> = []
    var signalChannelFields: Set<String> = []
    /// Channel fields the file closes (`close(s.done)`) and sends on (`s.events <- e`).
    var closedFields: Set<String> = []
    var sentFields: Set<String> = []
    /// Variables and fields set where cancellation is seen (`case <-ctx.Done(): stopped = true`):
    /// reading them later is looking at cancellation.
    var cancellationFlags: Set<SymbolID> = []
    var cancellationFlagFields: Set<String> = []
    /// The selects and `Err()` calls whose cancellation branches set the flags, noted lazily:
    /// only rules that ask whether code consults cancellation need them.
    var cancellationBranchCandidates: (selects: [NodeID], errCalls: [NodeID], doneWaits: [NodeID]) = ([], [], [])
    lazy var flagsNoted: Bool = {
        // `<-ctx.Done(); stopped = true`: what follows the wait runs on cancellation.
        for wait in cancellationBranchCandidates.doneWaits {
            let block = tree.parent(wait)
            noteCancellationFlags(in: tree.children(block).filter { tree[$0].start > tree[wait].start })
        }
        for select in cancellationBranchCandidates.selects {
            for clause in cases(of: select) where isDoneChannel(receivedChannel(ofCase: clause)) {
                noteCancellationFlags(in: Array(tree.children(clause).dropFirst()))
            }
        }
        for call in cancellationBranchCandidates.errCalls {
            if let check = cancellationCheck(around: call) { noteCancellationFlags(in: [tree.child(check, 2)]) }
        }
        return true
    }()
    /// Cancel functions of derived contexts (`ctx, cancel := context.WithCancel(p)`).
    lazy var cancelFunctions: Set<SymbolID> = Set(file.contexts.cancelSymbols.map(\.symbol))
    var sourceCache: [SymbolID: ChannelSources] = [:]
    var literalConsultsCache: [NodeID: Bool] = [:]

    struct ChannelSources {
        var awareEverywhere = false
        var awareSenders: Set<NodeID> = []
    }

    init(file: GoFile, options: WaitOptions) {
        self.file = file
        self.tree = file.tree
        self.options = options
        stopNames = Set(options.stopSignalNames.map { $0.lowercased() })
        blockingCallPaths = options.blockingCalls.map { $0.split(separator: ".") }.filter { !$0.isEmpty }
    }

    /// Records the channel and sync fields of a struct type, for `s.events` and `s.wg`.
    func noteStructType(_ structType: NodeID) {
        for field in tree.children(tree.child(structType, 0)) where tree.kind(field) == .field {
            var type = tree.unparen(tree.child(field, 1))
            if tree.kind(type) == .chanType {
                for name in tree.children(tree.child(field, 0)) { channelFields.insert(tree.text(name)) }
                continue
            }
            if tree.kind(type) == .starExpr { type = tree.child(type, 0) }
            guard tree.kind(type) == .selectorExpr,
                  tree.hasText(tree.child(type, 1), "WaitGroup") || tree.hasText(tree.child(type, 1), "Cond") else { continue }
            if isSyncWaiterType(type) {
                for name in tree.children(tree.child(field, 0)) { syncWaiterFields.insert(tree.text(name)) }
            }
        }
    }

    /// Notes what a node tells about channels: `signal.Notify(ch, ...)`, `close(s.f)`, `s.f <- v`.
    func noteChannelUse(_ node: NodeID) {
        switch tree.kind(node) {
        case .sendStmt:
            let target = tree.unparen(tree.child(node, 0))
            if tree.kind(target) == .selectorExpr { sentFields.insert(tree.text(tree.child(target, 1))) }
        case .callExpr:
            let function = tree.unparen(tree.child(node, 0))
            let target = tree.unparen(tree.child(node, 1))
            if tree.isIdentifier(function, "close") {
                if tree.kind(target) == .selectorExpr { closedFields.insert(tree.text(tree.child(target, 1))) }
            } else if tree.kind(function) == .selectorExpr, tree.hasText(tree.child(function, 1), "Notify"),
                      file.calledMember(node, in: ["os/signal"]) == "Notify" {
                if tree.kind(target) == .identifier, let symbol = file.bindings.symbol(of: target) {
                    signalChannels.insert(symbol)
                } else if tree.kind(target) == .selectorExpr {
                    signalChannelFields.insert(tree.text(tree.child(target, 1)))
                }
            }
        default:
            break
        }
    }

    /// A `chan os.Signal`, by declaration or by `make`: it delivers OS signals.
    func carriesSignals(_ symbol: SymbolID) -> Bool {
        let declared = file.bindings[symbol]
        var type = tree.unparen(declared.type)
        if type.isNone, declared.value.exists, isMakeChan(declared.value) {
            type = tree.unparen(tree.child(tree.unparen(declared.value), 1))
        }
        guard tree.kind(type) == .chanType else { return false }
        return file.isNamedType(tree.child(type, 0), in: ["os"], name: "Signal")
    }

    /// A channel variable that is closed and never sent on: closing it broadcasts a signal.
    func isOnlyClosed(_ symbol: SymbolID) -> Bool {
        if let known = onlyClosed[symbol] { return known }
        var closed = false
        for use in file.bindings.uses(of: symbol) {
            let parent = tree.parent(use)
            if tree.kind(parent) == .sendStmt && tree.child(parent, 0) == use {
                onlyClosed[symbol] = false
                return false
            }
            if isCloseCall(parent, of: use) { closed = true }
        }
        onlyClosed[symbol] = closed
        return closed
    }

    /// Whether some statement assigns the symbol with `=` (`done = nil`, `a, done = f()`).
    public func isAssignedWithEquals(_ symbol: SymbolID) -> Bool {
        if let known = assignedWithEquals[symbol] { return known }
        let answer = file.bindings.uses(of: symbol).contains { use in
            let list = tree.parent(use)
            let assignment = tree.parent(list)
            return tree.kind(list) == .list && tree.kind(assignment) == .assignStmt && tree.child(assignment, 0) == list
                && tree.op(assignment) == .assign
        }
        assignedWithEquals[symbol] = answer
        return answer
    }

    /// Whether a statement of `block` after its child `statement` is a cancel call (`cancel()`).
    /// Every sleep of a long block asks: the answers for one block are computed together, once.
    public func cancelCallAfter(_ statement: NodeID, in block: NodeID) -> Bool {
        let children = tree.children(block)
        let suffix: [Bool]
        if let known = cancelCallSuffixes[block] {
            suffix = known
        } else {
            var computed = [Bool](repeating: false, count: children.count + 1)
            for position in stride(from: children.count - 1, through: 0, by: -1) {
                let sibling = children[children.startIndex + position]
                computed[position] = computed[position + 1]
                    || (tree.kind(sibling) == .exprStmt && isCancelCall(tree.unparen(tree.child(sibling, 0))))
            }
            cancelCallSuffixes[block] = computed
            suffix = computed
        }
        return suffix[firstChild(of: block, startingAfter: statement)]
    }

    /// The position of the first child of `list` starting after `statement` starts (a binary
    /// search: children are in source order).
    func firstChild(of list: NodeID, startingAfter statement: NodeID) -> Int {
        let children = tree.children(list)
        let start = tree[statement].start
        var low = 0, high = children.count
        while low < high {
            let middle = (low + high) / 2
            if tree[children[children.startIndex + middle]].start > start { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// `close(x)` with `x` the given argument node.
    func isCloseCall(_ call: NodeID, of argument: NodeID) -> Bool {
        tree.kind(call) == .callExpr && tree.child(call, 1) == argument && tree.isIdentifier(tree.child(call, 0), "close")
            && file.bindings.symbol(of: tree.child(call, 0)) == nil
    }

    // MARK: Names

    /// The identifier naming an identifier or selector expression (`ch`, `s.events` → `events`).
    func lastName(_ expression: NodeID) -> NodeID {
        let inner = tree.unparen(expression)
        switch tree.kind(inner) {
        case .identifier: return inner
        case .selectorExpr: return tree.child(inner, 1)
        default: return .none
        }
    }

    /// A short rendering of an expression for messages: whitespace collapsed, long ones cut.
    public func shortText(_ node: NodeID, limit: Int = 40) -> String {
        var text = ""
        var pendingSpace = false
        for character in tree.text(node) {
            if character.isWhitespace {
                pendingSpace = !text.isEmpty
                continue
            }
            if pendingSpace { text.append(" ") }
            pendingSpace = false
            text.append(character)
        }
        return text.count > limit ? String(text.prefix(limit - 3)) + "..." : text
    }

    // MARK: Contexts

    /// `ctx`, `runCtx`, `s.parentContext`: names that hold a context by convention.
    func hasContextName(_ identifier: NodeID) -> Bool {
        guard tree.kind(identifier) == .identifier else { return false }
        let node = tree[identifier]
        let length = Int(node.end - node.start)
        guard length >= 3 else { return false }
        let bytes = tree.source.bytes
        func endsWith(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard length >= count else { return false }
            let start = Int(node.end) - count
            for index in 0..<count {
                var byte = bytes[start + index]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != suffix.utf8Start[index] { return false }
            }
            return true
        }
        return endsWith("ctx") || endsWith("context")
    }

    /// Whether the expression holds a context: a known context variable, `r.Context()`, a derived
    /// context, or a variable or field named like one.
    public func isContextLike(_ expression: NodeID) -> Bool {
        let inner = tree.unparen(expression)
        switch tree.kind(inner) {
        case .identifier:
            if let symbol = file.bindings.symbol(of: inner) {
                let declared = file.bindings[symbol]
                if declared.kind == .importName || declared.kind == .typeName || declared.kind == .function { return false }
                if file.contexts.isContext(symbol) { return true }
            } else if file.imports.path(ofLocalName: tree.text(inner)) != nil {
                return false
            }
            return hasContextName(inner)
        case .selectorExpr:
            return hasContextName(tree.child(inner, 1)) && file.importPath(ofQualifier: inner) == nil
        case .callExpr:
            if file.contexts.isContextExpression(inner) { return true }
            if let member = file.calledMember(inner, in: ImportTable.contextPaths) {
                return ContextFacts.derivingConstructors.contains(member)
            }
            return false
        default:
            return false
        }
    }

    /// `x.Done()`: a call of a method named Done without arguments.
    public func isDoneCall(_ expression: NodeID) -> Bool {
        let call = tree.unparen(expression)
        guard tree.kind(call) == .callExpr, tree.childCount(call) == 1 else { return false }
        let function = tree.unparen(tree.child(call, 0))
        return tree.kind(function) == .selectorExpr && tree.hasText(tree.child(function, 1), "Done")
    }

    /// A Done channel: `ctx.Done()`, or a variable initialised from one (`done := ctx.Done()`).
    public func isDoneChannel(_ expression: NodeID) -> Bool {
        if isDoneCall(expression) { return true }
        let inner = tree.unparen(expression)
        guard tree.kind(inner) == .identifier, let symbol = file.bindings.symbol(of: inner) else { return false }
        let declared = file.bindings[symbol]
        return declared.value.exists && declared.valueIndex < 0 && isDoneCall(declared.value)
    }

    /// `x.Err()` or `x.Cause(y)`, whatever `x` is: the cheap first test for `isErrCall`.
    func hasErrCallShape(_ call: NodeID) -> Bool {
        let function = tree.unparen(tree.child(call, 0))
        guard tree.kind(function) == .selectorExpr else { return false }
        let name = tree.child(function, 1)
        return (tree.childCount(call) == 1 && tree.hasText(name, "Err"))
            || (tree.childCount(call) == 2 && tree.hasText(name, "Cause"))
    }

    /// `ctx.Err()` on a context-like receiver, or `context.Cause(ctx)`.
    public func isErrCall(_ expression: NodeID) -> Bool {
        let call = tree.unparen(expression)
        guard tree.kind(call) == .callExpr else { return false }
        let function = tree.unparen(tree.child(call, 0))
        guard tree.kind(function) == .selectorExpr else { return false }
        if tree.childCount(call) == 1, tree.hasText(tree.child(function, 1), "Err") {
            return isContextLike(tree.child(function, 0))
        }
        return tree.hasText(tree.child(function, 1), "Cause")
            && file.calledMember(call, in: ImportTable.contextPaths) == "Cause"
    }

    /// Whether the channel carries a stop signal of its own: it is named so (one of the configured
    /// names, alone or with a `Ch`, `C` or `Chan` suffix), it is only ever closed (a broadcast), or
    /// it receives OS signals. `expression` may be an argument-less method call (`s.Stopping()`).
    public func isStopSignal(_ expression: NodeID) -> Bool {
        var inner = tree.unparen(expression)
        if tree.kind(inner) == .callExpr, tree.childCount(inner) == 1 { inner = tree.unparen(tree.child(inner, 0)) }
        let name = lastName(inner)
        guard name.exists else { return false }
        if tree.kind(inner) == .identifier, let symbol = file.bindings.symbol(of: inner) {
            if signalChannels.contains(symbol) || isOnlyClosed(symbol) || carriesSignals(symbol) { return true }
        } else if tree.kind(inner) == .selectorExpr {
            let field = tree.text(name)
            if signalChannelFields.contains(field) || (closedFields.contains(field) && !sentFields.contains(field)) {
                return true
            }
        }
        let lowered = tree.text(name).lowercased()
        if stopNames.contains(lowered) { return true }
        for suffix in ["chan", "ch", "c"] where lowered.hasSuffix(suffix) && lowered.count > suffix.count {
            if stopNames.contains(String(lowered.dropLast(suffix.count))) { return true }
        }
        return false
    }

    // MARK: Channels

    /// The operand of a receive expression `<-x`, or none.
    public func receiveOperand(_ expression: NodeID) -> NodeID {
        let inner = tree.unparen(expression)
        guard tree.kind(inner) == .unaryExpr, tree.op(inner) == .arrow else { return .none }
        return tree.child(inner, 0)
    }

    /// The channel a select case receives from (`case <-ch:`, `case v, ok := <-ch:`), or none.
    public func receivedChannel(ofCase clause: NodeID) -> NodeID {
        let communication = tree.child(clause, 0)
        switch tree.kind(communication) {
        case .exprStmt:
            return receiveOperand(tree.child(communication, 0))
        case .assignStmt:
            let right = tree.child(communication, 1)
            return receiveOperand(tree.kind(right) == .list ? tree.child(right, 0) : right)
        default:
            return .none
        }
    }

    /// The channel a select case waits on: received from or sent to.
    public func channel(ofCase clause: NodeID) -> NodeID {
        let communication = tree.child(clause, 0)
        if tree.kind(communication) == .sendStmt { return tree.child(communication, 0) }
        return receivedChannel(ofCase: clause)
    }

    /// The comm clauses of a select.
    public func cases(of select: NodeID) -> [NodeID] {
        tree.children(tree.child(select, 0)).filter { tree.kind($0) == .commClause }
    }

    /// A select that blocks: at least one case and no default.
    public func isBlockingSelect(_ select: NodeID) -> Bool {
        let clauses = cases(of: select)
        return !clauses.isEmpty && !clauses.contains { tree.child($0, 0).isNone }
    }

    /// Whether the expression is a channel the file shows to be one: declared with a channel type,
    /// made with `make(chan ...)`, a channel field, a timer's or ticker's `C`, `time.After`,
    /// `time.Tick` or a Done channel.
    public func isChannel(_ expression: NodeID) -> Bool {
        isChannel(expression, depth: 0)
    }

    private func isChannel(_ expression: NodeID, depth: Int) -> Bool {
        let inner = tree.unparen(expression)
        switch tree.kind(inner) {
        case .identifier:
            guard depth < 3, let symbol = file.bindings.symbol(of: inner) else { return false }
            let declared = file.bindings[symbol]
            if declared.type.exists { return tree.kind(tree.unparen(declared.type)) == .chanType }
            guard declared.value.exists, declared.valueIndex < 0 else { return false }
            return isMakeChan(declared.value) || isChannel(declared.value, depth: depth + 1)
        case .selectorExpr:
            let name = tree.child(inner, 1)
            if tree.hasText(name, "C") { return isTimerOrTicker(tree.child(inner, 0)) }
            return channelFields.contains(tree.text(name)) && file.importPath(ofQualifier: inner) == nil
        case .callExpr:
            if isMakeChan(inner) || isDoneCall(inner) { return true }
            let member = file.calledMember(inner, in: ["time"])
            return member == "After" || member == "Tick"
        default:
            return false
        }
    }

    /// `time.After(d)`, `time.Tick(d)` or a timer's or ticker's `C`.
    public func isTimerChannel(_ expression: NodeID) -> Bool {
        let inner = tree.unparen(expression)
        if tree.kind(inner) == .selectorExpr { return tree.hasText(tree.child(inner, 1), "C") && isTimerOrTicker(tree.child(inner, 0)) }
        let member = file.calledMember(inner, in: ["time"])
        return member == "After" || member == "Tick"
    }

    /// `make(chan T)` or `make(chan T, n)`.
    public func isMakeChan(_ expression: NodeID) -> Bool {
        let call = tree.unparen(expression)
        guard tree.kind(call) == .callExpr, tree.isIdentifier(tree.unparen(tree.child(call, 0)), "make"),
              file.bindings.symbol(of: tree.unparen(tree.child(call, 0))) == nil else { return false }
        return tree.kind(tree.unparen(tree.child(call, 1))) == .chanType
    }

    /// `make(chan T, n)` with a capacity that is not the literal 0.
    public func isBufferedMakeChan(_ expression: NodeID) -> Bool {
        guard isMakeChan(expression) else { return false }
        let call = tree.unparen(expression)
        let capacity = tree.child(call, 2)
        return capacity.exists && !tree.hasText(capacity, "0")
    }

    /// A `*time.Timer` or `*time.Ticker`, by declaration, initialiser or name.
    func isTimerOrTicker(_ expression: NodeID) -> Bool {
        let inner = tree.unparen(expression)
        let name = lastName(inner)
        guard name.exists else { return false }
        if tree.kind(inner) == .identifier, let symbol = file.bindings.symbol(of: inner) {
            let declared = file.bindings[symbol]
            if declared.type.exists {
                return file.isPointerType(declared.type, in: ["time"], name: "Timer")
                    || file.isPointerType(declared.type, in: ["time"], name: "Ticker")
            }
            if declared.value.exists {
                let member = file.calledMember(tree.unparen(declared.value), in: ["time"])
                if member == "NewTimer" || member == "NewTicker" || member == "AfterFunc" { return true }
            }
        }
        let lowered = tree.text(name).lowercased()
        return lowered.contains("timer") || lowered.contains("ticker")
    }

    // MARK: Waiting calls

    /// `time.Sleep(d)`.
    public func isSleepCall(_ call: NodeID) -> Bool {
        guard tree.kind(call) == .callExpr else { return false }
        let function = tree.unparen(tree.child(call, 0))
        return tree.kind(function) == .selectorExpr && tree.hasText(tree.child(function, 1), "Sleep")
            && file.calledMember(call, in: ["time"]) == "Sleep"
    }

    /// The value in nanoseconds of a duration written with constants only (`100 * time.Millisecond`,
    /// `time.Duration(5) * time.Second`), or nil.
    public func constantDuration(_ expression: NodeID) -> Double? {
        let inner = tree.unparen(expression)
        switch tree.kind(inner) {
        case .basicLit:
            let digits = tree.text(inner).filter { $0 != "_" }
            return tree.op(inner) == .int || tree.op(inner) == .float ? Double(digits) : nil
        case .selectorExpr:
            switch file.referencedMember(inner, in: ["time"]) {
            case "Nanosecond": return 1
            case "Microsecond": return 1e3
            case "Millisecond": return 1e6
            case "Second": return 1e9
            case "Minute": return 60e9
            case "Hour": return 3600e9
            default: return nil
            }
        case .binaryExpr:
            guard let left = constantDuration(tree.child(inner, 0)),
                  let right = constantDuration(tree.child(inner, 1)) else { return nil }
            switch tree.op(inner) {
            case .mul: return left * right
            case .quo: return right == 0 ? nil : left / right
            case .add: return left + right
            case .sub: return left - right
            default: return nil
            }
        case .callExpr:
            guard tree.childCount(inner) == 2, file.calledMember(inner, in: ["time"]) == "Duration" else { return nil }
            return constantDuration(tree.child(inner, 1))
        default:
            return nil
        }
    }

    /// `time.After(d)`.
    public func isTimeAfterCall(_ expression: NodeID) -> Bool {
        let call = tree.unparen(expression)
        guard tree.kind(call) == .callExpr else { return false }
        let function = tree.unparen(tree.child(call, 0))
        return tree.kind(function) == .selectorExpr && tree.hasText(tree.child(function, 1), "After")
            && file.calledMember(call, in: ["time"]) == "After"
    }

    /// `wg.Wait()` / `cond.Wait()` on a `sync.WaitGroup` or `sync.Cond`.
    func isSyncWait(_ call: NodeID) -> Bool {
        guard tree.childCount(call) == 1 else { return false }
        let function = tree.unparen(tree.child(call, 0))
        guard tree.kind(function) == .selectorExpr, tree.hasText(tree.child(function, 1), "Wait") else { return false }
        let receiver = tree.unparen(tree.child(function, 0))
        if tree.kind(receiver) == .identifier, let symbol = file.bindings.symbol(of: receiver) {
            let declared = file.bindings[symbol]
            if declared.type.exists {
                var type = tree.unparen(declared.type)
                if tree.kind(type) == .starExpr { type = tree.child(type, 0) }
                return isSyncWaiterType(type)
            }
            if declared.value.exists, isSyncWaiterValue(declared.value) { return true }
        }
        let name = lastName(receiver)
        guard name.exists else { return false }
        if tree.kind(receiver) == .selectorExpr, syncWaiterFields.contains(tree.text(name)) { return true }
        let text = tree.text(name)
        let lowered = text.lowercased()
        return lowered.hasSuffix("wg") || lowered.hasSuffix("waitgroup") || text == "cond" || text.hasSuffix("Cond")
    }

    private func isSyncWaiterType(_ type: NodeID) -> Bool {
        file.isNamedType(type, in: ["sync"], name: "WaitGroup") || file.isNamedType(type, in: ["sync"], name: "Cond")
    }

    /// `sync.NewCond(l)`, `&sync.WaitGroup{}`, `new(sync.WaitGroup)`.
    private func isSyncWaiterValue(_ value: NodeID) -> Bool {
        var inner = tree.unparen(value)
        if file.calledMember(inner, in: ["sync"]) == "NewCond" { return true }
        if tree.kind(inner) == .unaryExpr, tree.op(inner) == .and { inner = tree.unparen(tree.child(inner, 0)) }
        if tree.kind(inner) == .compositeLit { return isSyncWaiterType(tree.child(inner, 0)) }
        if tree.kind(inner) == .callExpr, tree.isIdentifier(tree.child(inner, 0), "new") {
            return isSyncWaiterType(tree.child(inner, 1))
        }
        return false
    }

    /// A call named in the `blocking-calls` option.
    func isConfiguredBlockingCall(_ call: NodeID) -> Bool {
        guard !blockingCallPaths.isEmpty else { return false }
        var names: [Substring] = []
        var current = tree.unparen(tree.child(call, 0))
        while true {
            if tree.kind(current) == .selectorExpr {
                names.append(Substring(tree.text(tree.child(current, 1))))
                current = tree.unparen(tree.child(current, 0))
            } else {
                if tree.kind(current) == .identifier { names.append(Substring(tree.text(current))) }
                break
            }
        }
        names.reverse()
        return blockingCallPaths.contains { path in path.count <= names.count && Array(names.suffix(path.count)) == path }
    }
}
