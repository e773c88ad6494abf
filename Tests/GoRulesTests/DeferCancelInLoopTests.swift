import XCTest

final class DeferCancelInLoopTests: XCTestCase {
    let rule = "defer-cancel-in-loop"

    func source(_ body: String) -> String {
        "package p\n\nimport (\n\t\"context\"\n\t\"time\"\n)\n\n" + body
    }

    func message(_ position: String, name: String = "cancel", _ constructor: String = "context.WithTimeout") -> String {
        let timer = constructor.contains("Timeout") || constructor.contains("Deadline") ? " (and its timer)" : ""
        return "\(position): warning: `defer \(name)()` in a loop runs only when the function returns, so the context "
            + "from \(constructor) that this loop body creates\(timer) stays alive until then for every iteration; "
            + "call \(name)() at the end of the iteration or move the loop body into a function [defer-cancel-in-loop]"
    }

    func testExactMessage() {
        XCTAssertEqual(findings(source("""
        func f(p context.Context, keys []string) {
        \tfor _, key := range keys {
        \t\tctx, cancel := context.WithTimeout(p, time.Second)
        \t\tdefer cancel()
        \t\tput(ctx, key)
        \t}
        }
        """), only: rule), [
            "11:3: warning: `defer cancel()` in a loop runs only when the function returns, so the context from context.WithTimeout that this loop body creates (and its timer) stays alive until then for every iteration; call cancel() at the end of the iteration or move the loop body into a function [defer-cancel-in-loop]",
        ])
    }

    func testReportedForms() {
        XCTAssertEqual(findings(source("""
        func a(p context.Context, n int) {
        \tfor i := 0; i < n; i++ {
        \t\tctx, stop := context.WithCancel(p)
        \t\tdefer func() { stop() }()
        \t\tuse(ctx)
        \t}
        }

        func b(p context.Context, n int) {
        \tvar cancel context.CancelFunc
        \tvar ctx context.Context
        \tfor {
        \t\tctx, cancel = context.WithDeadline(p, time.Now())
        \t\tdefer cancel()
        \t\tif use(ctx) {
        \t\t\tbreak
        \t\t}
        \t}
        }

        func c(p context.Context, rows [][]int) {
        \tfor _, row := range rows {
        \t\tfor range row {
        \t\t\tctx, cancel := context.WithTimeout(p, time.Second)
        \t\t\tif ctx != nil {
        \t\t\t\tdefer cancel()
        \t\t\t}
        \t\t}
        \t}
        }

        func d(p context.Context, n int) {
        \tgo func() {
        \t\tfor i := 0; i < n; i++ {
        \t\t\tctx, cancel := context.WithTimeout(p, time.Second)
        \t\t\tdefer cancel()
        \t\t\tuse(ctx)
        \t\t}
        \t}()
        }
        """), only: rule), [
            message("11:3", name: "stop", "context.WithCancel"),
            message("21:3", "context.WithDeadline"),
            message("33:5"),
            message("43:4"),
        ])
    }

    func testNotReported() {
        let bodies = [
            // The loop body is a literal's body: the defer runs per call.
            "func f(p context.Context, n int) {\n\tfor i := 0; i < n; i++ {\n\t\tfunc() {\n\t\t\tctx, cancel := context.WithTimeout(p, time.Second)\n\t\t\tdefer cancel()\n\t\t\tuse(ctx)\n\t\t}()\n\t}\n}\n",
            // Cancelled at the end of each iteration.
            "func f(p context.Context, n int) {\n\tfor i := 0; i < n; i++ {\n\t\tctx, cancel := context.WithTimeout(p, time.Second)\n\t\tuse(ctx)\n\t\tcancel()\n\t}\n}\n",
            // Created before the loop.
            "func f(p context.Context, n int) {\n\tctx, cancel := context.WithTimeout(p, time.Second)\n\tfor i := 0; i < n; i++ {\n\t\tdefer cancel()\n\t\tuse(ctx)\n\t}\n}\n",
            // The defer is followed by a return on every path: the loop never comes back to it.
            "func f(p context.Context, n int) error {\n\tfor i := 0; i < n; i++ {\n\t\tctx, cancel := context.WithTimeout(p, time.Second)\n\t\tdefer cancel()\n\t\treturn use(ctx)\n\t}\n\treturn nil\n}\n",
            // Deferred in a goroutine started by the loop.
            "func f(p context.Context, n int) {\n\tfor i := 0; i < n; i++ {\n\t\tctx, cancel := context.WithTimeout(p, time.Second)\n\t\tgo func() {\n\t\t\tdefer cancel()\n\t\t\tuse(ctx)\n\t\t}()\n\t}\n}\n",
            // Not a context constructor's cancel.
            "func f(n int, open func() (int, func())) {\n\tfor i := 0; i < n; i++ {\n\t\tx, done := open()\n\t\tdefer done()\n\t\tuse(x)\n\t}\n}\n",
        ]
        for body in bodies {
            XCTAssertEqual(findings(source(body), only: rule), [], body)
        }
    }
}
