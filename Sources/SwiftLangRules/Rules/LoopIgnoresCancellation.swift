import LintCore
import SwiftLangSyntax

/// `while true { await ... }` in async code that never looks at cancellation: the Swift form of
/// the wait loop that never checks `ctx.Done()`.
enum LoopIgnoresCancellation {
    static let rule = SwiftRule(
        id: "swift-loop-ignores-cancellation",
        summary: "an unbounded loop in async code never checks for cancellation",
        severity: .info, category: "loops", triggers: ["await"], check: check)

    @Sendable static func check(_ context: inout SwiftRuleContext) {
        let file = context.file
        for loop in file.nodes(.whileStmt) + file.nodes(.repeatStmt) {
            guard file.loopShape(loop) == .forever, !file.loopHasExit(loop) else { continue }
            let body = file.loopBody(loop)
            guard file.bodyAwaits(body), file.isInAsyncContext(loop), !file.consultsCancellation(body),
                  // A swallowed `CancellationError` is reported, more precisely, by swift-swallowed-cancellation.
                  !SwallowedCancellation.swallowsCancellation(loop, file: file) else { continue }
            context.report(keyword(of: loop, file: file),
                           "this `\(file.loopDescription(loop))` loop waits in async code but never checks cancellation: "
                           + "after its task is cancelled it runs on; call `try Task.checkCancellation()` or test "
                           + "`Task.isCancelled` in the loop")
        }
    }

    /// The `while` or `repeat` keyword: a finding on the loop's first token, not its whole body.
    static func keyword(of loop: SwiftNode, file: SwiftFile) -> ByteRange {
        let start = file.tree.range(loop).start
        let length: Int32 = file.tree.kind(loop) == .repeatStmt ? 6 : 5
        return ByteRange(start: start, end: start + length)
    }
}
