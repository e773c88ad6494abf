import XCTest

final class DoneCaseNoExitTests: XCTestCase {
    let rule = "done-case-no-exit"

    func finding(_ header: String, _ problem: String) -> String {
        "error: `\(header)` does not leave the loop: \(problem), so the loop keeps running after the context is "
            + "cancelled; return, or break to a label on the loop [done-case-no-exit]"
    }

    func testReportsBranchesThatStayInTheLoop() {
        let source = goSource("""
        func breaks(ctx context.Context, ch chan int) {
        \tfor {
        \t\tselect {
        \t\tcase <-ctx.Done():
        \t\t\tbreak
        \t\tcase v := <-ch:
        \t\t\tuse(v)
        \t\t}
        \t}
        }
        func empty(ctx context.Context) {
        \tfor {
        \t\tselect {
        \t\tcase <-ctx.Done():
        \t\tdefault:
        \t\t\twork()
        \t\t}
        \t}
        }
        func continues(ctx context.Context, q Queue) {
        \tfor q.More() {
        \t\tif ctx.Err() != nil {
        \t\t\tcontinue
        \t\t}
        \t\tq.Next()
        \t}
        }
        func logs(ctx context.Context, q Queue) {
        \tfor q.More() {
        \t\tif errors.Is(ctx.Err(), context.Canceled) {
        \t\t\tlog("cancelled")
        \t\t}
        \t\tq.Next()
        \t}
        }
        func switchBreak(ctx context.Context, ch chan int) {
        \tfor {
        \t\tswitch {
        \t\tcase ctx.Err() != nil:
        \t\tdefault:
        \t\t}
        \t\tif err := ctx.Err(); err != nil {
        \t\t\tswitch mode {
        \t\t\tcase 1:
        \t\t\t\tbreak
        \t\t\t}
        \t\t\tbreak
        \t\t}
        \t\tselect {
        \t\tcase x := <-ctx.Done():
        \t\t\tuse(x)
        \t\tcase v := <-ch:
        \t\t\tuse(v)
        \t\t}
        \t}
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "5:3: " + finding("case <-ctx.Done():", "`break` only leaves the select"),
            "15:3: " + finding("case <-ctx.Done():", "the branch is empty"),
            "23:3: " + finding("if ctx.Err() != nil", "`continue` goes on with the next iteration"),
            "31:3: " + finding("if errors.Is(ctx.Err(), context.Canceled)", "the branch ends without a return or a break out of the loop"),
            "51:3: " + finding("case x := <-ctx.Done():", "the branch ends without a return or a break out of the loop"),
        ])
    }

    func testReportsInLoopsBoundedByARangeOnlyForBareBranches() {
        let source = goSource("""
        func send(ctx context.Context, items []int, out chan int) {
        \tfor _, item := range items {
        \t\tselect {
        \t\tcase <-ctx.Done():
        \t\t\tbreak
        \t\tcase out <- item:
        \t\t}
        \t}
        \tfor i := range items {
        \t\tif ctx.Err() != nil {
        \t\t\tresults[i] = ctx.Err()
        \t\t\tcontinue
        \t\t}
        \t\tprocess(items[i])
        \t}
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "5:3: " + finding("case <-ctx.Done():", "`break` only leaves the select"),
        ])
    }

    func testIgnoresBranchesThatLeave() {
        let cases = [
            // return
            "func f(ctx context.Context, ch chan int) {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\tcase <-ch:\n\t\t}\n\t}\n}",
            // A labeled break of the loop.
            "func f(ctx context.Context, ch chan int) {\nloop:\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\tbreak loop\n\t\tcase <-ch:\n\t\t}\n\t}\n}",
            // A plain break in an if leaves the loop.
            "func f(ctx context.Context, q Queue) {\n\tfor q.More() {\n\t\tif ctx.Err() != nil {\n\t\t\tbreak\n\t\t}\n\t\tq.Next()\n\t}\n}",
            // A labeled continue of an outer loop, a goto out, a panic, a fatal log.
            "func f(ctx context.Context, qs []Queue) {\nouter:\n\tfor _, q := range qs {\n\t\tfor q.More() {\n\t\t\tif ctx.Err() != nil {\n\t\t\t\tcontinue outer\n\t\t\t}\n\t\t\tq.Next()\n\t\t}\n\t}\n}",
            "func f(ctx context.Context, ch chan int) {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\tgoto end\n\t\tcase <-ch:\n\t\t}\n\t}\nend:\n}",
            "func f(ctx context.Context, ch chan int) {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\tpanic(\"cancelled\")\n\t\tcase <-ch:\n\t\t}\n\t}\n}",
            "func f(ctx context.Context, ch chan int) {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\tlog.Fatal(\"cancelled\")\n\t\tcase <-ch:\n\t\t}\n\t}\n}",
            // The rest of the iteration returns.
            "func f(ctx context.Context, ch chan int) error {\n\tvar err error\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\terr = ctx.Err()\n\t\tcase <-ch:\n\t\t}\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n}",
            // A flag the loop condition reads.
            "func f(ctx context.Context, ch chan int) {\n\tstopped := false\n\tfor !stopped {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\tstopped = true\n\t\tcase <-ch:\n\t\t}\n\t}\n}",
            // A flag an if in the loop exits on.
            "func f(ctx context.Context, tick *time.Ticker) {\n\tdone := false\n\tfor {\n\t\tselect {\n\t\tcase <-tick.C:\n\t\t\tif done {\n\t\t\t\treturn\n\t\t\t}\n\t\tcase <-ctx.Done():\n\t\t\tdone = true\n\t\t}\n\t}\n}",
            // The Done channel variable is switched off.
            "func f(ctx context.Context, ch chan int) {\n\tdone := ctx.Done()\n\tfor {\n\t\tselect {\n\t\tcase <-done:\n\t\t\tdone = nil\n\t\tcase <-ch:\n\t\t}\n\t}\n}",
            // A context made per iteration.
            "func f(parent context.Context, ch chan int) {\n\tfor {\n\t\tctx, cancel := context.WithTimeout(parent, time.Second)\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\tcase <-ch:\n\t\t}\n\t\tcancel()\n\t}\n}",
            // The loop's own elements.
            "func f(ctxs []context.Context) {\n\tfor _, c := range ctxs {\n\t\tselect {\n\t\tcase <-c.Done():\n\t\tdefault:\n\t\t}\n\t}\n}",
            // Not in a loop.
            "func f(ctx context.Context, ch chan int) {\n\tselect {\n\tcase <-ctx.Done():\n\t\tbreak\n\tcase <-ch:\n\t}\n}",
            // The loop's condition checks the context.
            "func f(ctx context.Context, ch chan int) {\n\tfor ctx.Err() == nil {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\tcase <-ch:\n\t\t}\n\t}\n}",
            // The branch that checks ctx.Err() == nil is not the cancellation branch.
            "func f(ctx context.Context, q Queue) {\n\tfor q.More() {\n\t\tif ctx.Err() == nil {\n\t\t\tq.Next()\n\t\t}\n\t}\n}",
        ]
        assertNoFindings(cases, only: rule)
    }
}
