import XCTest

/// lost-cancel: path-sensitive over every control-flow construct. Every source starts with the
/// same ten-line header, so the body's first line is line 11.
final class LostCancelTests: XCTestCase {
    let rule = "lost-cancel"

    static let header = """
    package p

    import (
    \t"context"
    \t"log"
    \t"os"
    \t"os/signal"
    \t"time"
    )


    """

    func check(_ body: String) -> [String] {
        findings(LostCancelTests.header + body, only: rule)
    }

    /// The message for a path reaching a return (or, with `end: true`, the closing brace) on `exitLine`.
    func leak(_ position: String, _ constructor: String = "context.WithCancel", name: String = "cancel",
              exitLine: Int, end: Bool = false) -> String {
        let role = constructor == "signal.NotifyContext" ? "stop" : "cancel"
        let timer = constructor.contains("Timeout") || constructor.contains("Deadline")
        let place = end ? "the end of the function on line \(exitLine)" : "the return on line \(exitLine)"
        return "\(position): error: the \(role) function returned by \(constructor) is not called on all paths; "
            + (timer ? "the context and its timer leak" : "the context leaks") + " until its parent is cancelled: "
            + "\(place) is reached without calling \(name) (call it on every path, usually with `defer \(name)()`) [lost-cancel]"
    }

    func overwrite(_ position: String, _ constructor: String = "context.WithCancel", name: String = "cancel",
                   line: Int) -> String {
        let timer = constructor.contains("Timeout") || constructor.contains("Deadline")
        return "\(position): error: the cancel function returned by \(constructor) is not called before \(name) is "
            + "assigned again on line \(line); " + (timer ? "the context and its timer leak" : "the context leaks")
            + " until its parent is cancelled (call \(name) before reassigning it) [lost-cancel]"
    }

    func perIteration(_ position: String, _ constructor: String = "context.WithTimeout") -> String {
        "\(position): error: the cancel function returned by \(constructor) is not called before the loop comes "
            + "back to its definition; every iteration's context leaks until its parent is cancelled (call cancel "
            + "before the iteration ends) [lost-cancel]"
    }

    func assertSilent(_ bodies: [String], file: StaticString = #filePath, line: UInt = #line) {
        for body in bodies {
            XCTAssertEqual(check(body), [], body, file: file, line: line)
        }
    }
}

// MARK: Reported

extension LostCancelTests {
    func testExactMessageForAnEarlyReturn() {
        XCTAssertEqual(check("""
        func f(parent context.Context, ok bool) error {
        \tctx, cancel := context.WithTimeout(parent, time.Second)
        \tif !ok {
        \t\treturn nil
        \t}
        \tdefer cancel()
        \treturn use(ctx)
        }
        """), [
            "12:7: error: the cancel function returned by context.WithTimeout is not called on all paths; the context and its timer leak until its parent is cancelled: the return on line 14 is reached without calling cancel (call it on every path, usually with `defer cancel()`) [lost-cancel]",
        ])
    }

    func testRelatedLocationIsTheLeakingReturn() {
        let found = diagnostics(LostCancelTests.header + """
        func f(parent context.Context, ok bool) error {
        \tctx, cancel := context.WithCancel(parent)
        \tif ok {
        \t\tcancel()
        \t\treturn nil
        \t}
        \treturn use(ctx)
        }
        """, only: rule)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.related.map { "\($0.start.line):\($0.start.column): \($0.message)" },
                       ["17:2: returns without calling cancel"])
    }

    func testNeverCalledInEachAssignmentForm() {
        XCTAssertEqual(check("""
        func a(parent context.Context) {
        \tvar ctx, cancel = context.WithCancel(parent)
        \tuse(ctx)
        }

        func b(parent context.Context) {
        \tvar cancel context.CancelFunc
        \tvar ctx context.Context
        \tctx, cancel = context.WithDeadline(parent, time.Now())
        \tuse(ctx)
        }

        func c(parent context.Context) {
        \tctx, stop := signal.NotifyContext(parent, os.Interrupt)
        \tuse(ctx)
        }
        """), [
            leak("12:11", exitLine: 14, end: true),
            leak("19:7", "context.WithDeadline", exitLine: 21, end: true),
            leak("24:7", "signal.NotifyContext", name: "stop", exitLine: 26, end: true),
        ])
    }

    func testBlankAssignmentIsNotACall() {
        XCTAssertEqual(check("""
        func f(parent context.Context) {
        \tctx, cancel := context.WithCancel(parent)
        \t_ = cancel
        \tuse(ctx)
        }
        """), [leak("12:7", exitLine: 15, end: true)])
    }

    func testElseIfChainWithAMissingBranch() {
        XCTAssertEqual(check("""
        func f(parent context.Context, n int) {
        \tctx, cancel := context.WithCancel(parent)
        \tif n == 0 {
        \t\tcancel()
        \t} else if n == 1 {
        \t\tdefer cancel()
        \t} else if n == 2 {
        \t\tuse(ctx)
        \t} else {
        \t\tcancel()
        \t}
        }
        """), [leak("12:7", exitLine: 22, end: true)])
    }

    func testSwitchWithoutDefaultFallsPast() {
        XCTAssertEqual(check("""
        func f(parent context.Context, n int) {
        \t_, cancel := context.WithCancel(parent)
        \tswitch n {
        \tcase 0:
        \t\tcancel()
        \tcase 1:
        \t\tpanic("one")
        \t}
        }
        """), [leak("12:5", exitLine: 19, end: true)])
    }

    func testSwitchCaseEndingWithoutFallthrough() {
        XCTAssertEqual(check("""
        func f(parent context.Context, n int) {
        \t_, cancel := context.WithCancel(parent)
        \tswitch n {
        \tcase 0:
        \t\tlog.Print("zero")
        \tcase 1:
        \t\tcancel()
        \tdefault:
        \t\tos.Exit(1)
        \t}
        }
        """), [leak("12:5", exitLine: 21, end: true)])
    }

    func testTypeSwitchCaseThatReturns() {
        XCTAssertEqual(check("""
        func f(parent context.Context, v any) error {
        \t_, cancel := context.WithTimeout(parent, time.Second)
        \tswitch x := v.(type) {
        \tcase int:
        \t\treturn nil
        \tcase string:
        \t\tuse(x)
        \t}
        \tcancel()
        \treturn nil
        }
        """), [leak("12:5", "context.WithTimeout", exitLine: 15)])
    }

    func testSelectCaseAndDefaultMissingTheCall() {
        XCTAssertEqual(check("""
        func f(parent context.Context, ch chan int) {
        \t_, cancel := context.WithCancel(parent)
        \tselect {
        \tcase <-ch:
        \t\tcancel()
        \tdefault:
        \t\treturn
        \t}
        }
        """), [leak("12:5", exitLine: 17)])
    }

    func testBreakOutOfAForLoopSkipsTheCall() {
        XCTAssertEqual(check("""
        func f(parent context.Context, items []int) {
        \t_, cancel := context.WithCancel(parent)
        \tfor i := 0; i < len(items); i++ {
        \t\tif items[i] < 0 {
        \t\t\tbreak
        \t\t}
        \t\tif items[i] == 0 {
        \t\t\tcancel()
        \t\t\treturn
        \t\t}
        \t}
        }
        """), [leak("12:5", exitLine: 22, end: true)])
    }

    func testLabeledContinueLeavesTheInnerLoop() {
        XCTAssertEqual(check("""
        func f(parent context.Context, rows [][]int) {
        \t_, cancel := context.WithCancel(parent)
        outer:
        \tfor _, row := range rows {
        \t\tfor _, v := range row {
        \t\t\tif v < 0 {
        \t\t\t\tcontinue outer
        \t\t\t}
        \t\t}
        \t\tcancel()
        \t\treturn
        \t}
        }
        """), [leak("12:5", exitLine: 23, end: true)])
    }

    func testGotoPastTheCall() {
        XCTAssertEqual(check("""
        func f(parent context.Context, ok bool) {
        \t_, cancel := context.WithCancel(parent)
        \tif !ok {
        \t\tgoto done
        \t}
        \tcancel()
        done:
        \tlog.Print("done")
        }
        """), [leak("12:5", exitLine: 19, end: true)])
    }

    func testReturnInsideARangeBody() {
        XCTAssertEqual(check("""
        func f(parent context.Context, items []string) error {
        \tctx, cancel := context.WithCancel(parent)
        \tfor _, item := range items {
        \t\tif err := send(ctx, item); err != nil {
        \t\t\treturn err
        \t\t}
        \t}
        \tcancel()
        \treturn nil
        }
        """), [leak("12:7", exitLine: 15)])
    }

    func testOverwrittenBeforeTheFirstIsCalled() {
        XCTAssertEqual(check("""
        func f(parent context.Context, slow bool) {
        \tctx, cancel := context.WithCancel(parent)
        \tif slow {
        \t\tctx, cancel = context.WithTimeout(parent, time.Minute)
        \t}
        \tdefer cancel()
        \tuse(ctx)
        }
        """), [overwrite("12:7", line: 14)])
    }

    func testOverwrittenInALoopOnlyTheLastDeferred() {
        XCTAssertEqual(check("""
        func f(parent context.Context, n int) {
        \tvar cancel context.CancelFunc
        \tfor i := 0; i < n; i++ {
        \t\t_, cancel = context.WithTimeout(parent, time.Second)
        \t}
        \tdefer cancel()
        }
        """), [perIteration("14:6")])
    }

    func testDeclaredInALoopAndSkippedByContinue() {
        XCTAssertEqual(check("""
        func f(parent context.Context, items []int) {
        \tfor _, item := range items {
        \t\tctx, cancel := context.WithTimeout(parent, time.Second)
        \t\tif item < 0 {
        \t\t\tcontinue
        \t\t}
        \t\tuse(ctx)
        \t\tcancel()
        \t}
        }
        """), [perIteration("13:8")])
    }

    func testPassedToASameFileFunctionThatNeverCallsIt() {
        XCTAssertEqual(check("""
        func f(parent context.Context) {
        \tctx, cancel := context.WithCancel(parent)
        \tstart(ctx, cancel)
        }

        func start(ctx context.Context, cancel context.CancelFunc) {
        \tif cancel == nil {
        \t\tlog.Print("no cancel")
        \t}
        \tgo run(ctx)
        }

        func startUnnamed(ctx context.Context, _ context.CancelFunc) {
        \tgo run(ctx)
        }

        func g(parent context.Context) {
        \tctx, cancel := context.WithCancel(parent)
        \tstartUnnamed(ctx, cancel)
        }
        """), [
            leak("12:7", exitLine: 14, end: true),
            leak("28:7", exitLine: 30, end: true),
        ])
    }

    func testLiteralBodyIsItsOwnFunction() {
        XCTAssertEqual(check("""
        func f(parent context.Context) {
        \tgo func() {
        \t\tctx, cancel := context.WithCancel(parent)
        \t\tif ctx == nil {
        \t\t\treturn
        \t\t}
        \t\tdefer cancel()
        \t\trun(ctx)
        \t}()
        }
        """), [leak("13:8", exitLine: 15)])
    }

    func testExplicitReturnOfOtherValuesDropsANamedResult() {
        XCTAssertEqual(check("""
        func f(parent context.Context, ok bool) (ctx context.Context, cancel context.CancelFunc) {
        \tctx, cancel = context.WithCancel(parent)
        \tif !ok {
        \t\treturn nil, nil
        \t}
        \treturn
        }
        """), [leak("12:7", exitLine: 14)])
    }

    func testPanicOnOneBranchStillLeaksOnTheOther() {
        XCTAssertEqual(check("""
        func f(parent context.Context, mode int) error {
        \tctx, cancel := context.WithCancel(parent)
        \tif mode < 0 {
        \t\tpanic("negative mode")
        \t}
        \tif mode == 0 {
        \t\treturn nil
        \t}
        \tdefer cancel()
        \treturn use(ctx)
        }
        """), [leak("12:7", exitLine: 17)])
    }

    func testImportAliasAndParenthesizedCall() {
        XCTAssertEqual(findings("""
        package p

        import stdctx "context"

        func f(parent stdctx.Context) {
        \tctx, cancel := (stdctx.WithCancel(parent))
        \t_ = cancel
        \tuse(ctx)
        }
        """, only: rule), [leak("6:7", exitLine: 9, end: true)])
    }
}

// MARK: Not reported

extension LostCancelTests {
    func testCalledOnEveryPath() {
        assertSilent([
            "func f(p context.Context) {\n\t_, cancel := context.WithCancel(p)\n\tdefer cancel()\n}\n",
            "func f(p context.Context, ok bool) {\n\t_, cancel := context.WithCancel(p)\n\tif ok {\n\t\tcancel()\n\t} else {\n\t\tcancel()\n\t}\n}\n",
            "func f(p context.Context) {\n\t_, cancel := context.WithCancel(p)\n\tfunc() { cancel() }()\n}\n",
            "func f(p context.Context) {\n\t_, cancel := context.WithCancel(p)\n\tdefer func() {\n\t\tlog.Print(\"bye\")\n\t\tcancel()\n\t}()\n}\n",
            // `go cancel()` calls it too, on another goroutine.
            "func f(p context.Context) {\n\t_, cancel := context.WithCancel(p)\n\tgo cancel()\n}\n",
        ])
    }

    func testPathsThatNeverReturn() {
        assertSilent([
            // Every case calls it or never returns; fallthrough into a case that exits.
            """
            func f(p context.Context, n int) {
            \t_, cancel := context.WithCancel(p)
            \tswitch n {
            \tcase 0:
            \t\tlog.Fatal("zero")
            \tcase 1:
            \t\tcancel()
            \tcase 2:
            \t\tlog.Print("two")
            \t\tfallthrough
            \tdefault:
            \t\tos.Exit(1)
            \t}
            }
            """,
            // A select without default runs one of its cases.
            """
            func f(p context.Context, ch chan int) {
            \t_, cancel := context.WithCancel(p)
            \tselect {
            \tcase <-ch:
            \t\tpanic(0)
            \tcase ch <- 1:
            \t\tcancel()
            \t}
            }
            """,
            // An infinite loop never reaches the end.
            "func f(p context.Context, ok bool) {\n\t_, cancel := context.WithCancel(p)\n\tif ok {\n\t\tcancel()\n\t} else {\n\t\tfor {\n\t\t\tlog.Print(0)\n\t\t}\n\t}\n}\n",
            // `select {}` blocks forever.
            "func f(p context.Context) {\n\t_, cancel := context.WithCancel(p)\n\t_ = cancel\n\tselect {}\n}\n",
        ])
    }

    func testTestingFatalEndsThePath() {
        let source = """
        package p

        import (
        \t"context"
        \t"testing"
        )

        func TestX(t *testing.T) {
        \tctx, cancel := context.WithCancel(context.Background())
        \tif ctx == nil {
        \t\tt.Fatal("no context")
        \t}
        \tdefer cancel()
        }
        """
        XCTAssertEqual(findings(source, only: rule, path: "x_test.go"), [])
    }

    func testHandedOverToSomeoneElse() {
        assertSilent([
            "func f(p context.Context) (context.Context, context.CancelFunc) {\n\tctx, cancel := context.WithCancel(p)\n\treturn ctx, cancel\n}\n",
            "func f(p context.Context) (ctx context.Context, cancel context.CancelFunc) {\n\tctx, cancel = context.WithCancel(p)\n\treturn\n}\n",
            "func f(p context.Context, s *server) {\n\t_, cancel := context.WithCancel(p)\n\ts.stop = cancel\n}\n",
            "func f(p context.Context, ch chan func()) {\n\t_, cancel := context.WithCancel(p)\n\tch <- cancel\n}\n",
            "func f(p context.Context) {\n\t_, cancel := context.WithCancel(p)\n\ttime.AfterFunc(time.Second, cancel)\n}\n",
            "func f(p context.Context, done chan struct{}) {\n\t_, cancel := context.WithCancel(p)\n\tgo func() {\n\t\t<-done\n\t\tcancel()\n\t}()\n}\n",
            "func f(p context.Context) func() {\n\t_, cancel := context.WithCancel(p)\n\treturn func() { cancel() }\n}\n",
            "func f(p context.Context) *job {\n\t_, cancel := context.WithCancel(p)\n\treturn &job{cancel: cancel}\n}\n",
        ])
    }

    func testPassedToASameFileFunctionThatKeepsIt() {
        assertSilent([
            """
            func f(p context.Context) {
            \tctx, cancel := context.WithCancel(p)
            \twatch(ctx, cancel)
            }

            func watch(ctx context.Context, cancel context.CancelFunc) {
            \tgo func() {
            \t\tdefer cancel()
            \t\trun(ctx)
            \t}()
            }
            """,
        ])
    }

    func testDeferredLiteralCoversTheRearmingLoop() {
        // golang/go#25720: go vet reports this correct code.
        assertSilent([
            """
            func f(p context.Context, events chan int) {
            \tctx, cancel := context.WithTimeout(p, time.Second)
            \tdefer func() { cancel() }()
            \tfor {
            \t\tselect {
            \t\tcase <-ctx.Done():
            \t\t\treturn
            \t\tcase <-events:
            \t\t\tcancel()
            \t\t\tctx, cancel = context.WithTimeout(p, time.Second)
            \t\t}
            \t}
            }
            """,
        ])
    }

    func testNilCheckedCancel() {
        assertSilent([
            """
            func f(p context.Context, d time.Duration) {
            \tctx := p
            \tvar cancel context.CancelFunc
            \tif d > 0 {
            \t\tctx, cancel = context.WithTimeout(p, d)
            \t}
            \tuse(ctx)
            \tif cancel != nil {
            \t\tcancel()
            \t}
            }
            """,
        ])
    }

    func testNotThisRulesVariables() {
        assertSilent([
            // An enclosing function's variable, assigned in a literal it calls, then called.
            "func f(p context.Context) {\n\tvar cancel func()\n\tfunc() {\n\t\t_, cancel = context.WithCancel(p)\n\t}()\n\tcancel()\n}\n",
            // Package-level variables and fields.
            "var stopAll context.CancelFunc\n\nfunc f(p context.Context) {\n\t_, stopAll = context.WithCancel(p)\n}\n",
            "func f(p context.Context, s *server) {\n\t_, s.cancel = context.WithCancel(p)\n}\n",
            // `_` is lost-cancel-discarded's.
            "func f(p context.Context) {\n\tctx, _ := context.WithCancel(p)\n\tuse(ctx)\n}\n",
            // Not context's WithCancel.
            "func WithCancel(p int) (int, func()) { return p, nil }\n\nfunc f() {\n\t_, cancel := WithCancel(1)\n\t_ = cancel\n}\n",
        ])
        // main.main: the process exits when it returns.
        XCTAssertEqual(findings("package main\n\nimport \"context\"\n\nfunc main() {\n\tctx, cancel := context.WithCancel(context.Background())\n\t_ = cancel\n\tuse(ctx)\n}\n",
                                only: rule), [])
    }

    func testJumpsThatComeBackToTheCall() {
        assertSilent([
            // A labeled break lands on the call.
            """
            func f(p context.Context, rows [][]int) {
            \t_, cancel := context.WithCancel(p)
            scan:
            \tfor _, row := range rows {
            \t\tfor _, v := range row {
            \t\t\tif v < 0 {
            \t\t\t\tbreak scan
            \t\t\t}
            \t\t}
            \t}
            \tcancel()
            }
            """,
            // A goto loop that always ends at the call.
            """
            func f(p context.Context, n int) {
            \t_, cancel := context.WithCancel(p)
            again:
            \tn--
            \tif n > 0 {
            \t\tgoto again
            \t}
            \tcancel()
            }
            """,
            // Cancel per iteration in a loop, every path.
            """
            func f(p context.Context, items []int) {
            \tfor range items {
            \t\tctx, cancel := context.WithTimeout(p, time.Second)
            \t\terr := use(ctx)
            \t\tcancel()
            \t\tif err != nil {
            \t\t\tcontinue
            \t\t}
            \t}
            }
            """,
        ])
    }

    func testMalformedCodeDoesNotCrash() {
        let sources = [
            "package p\nimport \"context\"\nfunc f(p context.Context) {\n\t_, cancel := context.WithCancel(p)\n\tbreak\n\tcontinue x\n\tgoto\n\tfallthrough\n",
            "package p\nimport \"context\"\nfunc f(p context.Context) {\n\tfor {\n\t\tctx, cancel = context.WithCancel(\n\t}\n\tswitch { case",
            "package p\nimport \"context\"\nfunc f() { select { case <-: } ; if { } else if ; for range { ; ctx, c := context.WithTimeout() }",
        ]
        for source in sources {
            _ = findings(source)
        }
    }
}

// MARK: Fix

extension LostCancelTests {
    func testFixDefersTheCancelWhenNeverCalled() {
        let source = LostCancelTests.header + """
        func f(parent context.Context) error {
        \tctx, cancel := context.WithTimeout(parent, time.Second) // bounded
        \t_ = cancel
        \treturn use(ctx)
        }
        """
        XCTAssertEqual(applyingFixes(source, only: rule), LostCancelTests.header + """
        func f(parent context.Context) error {
        \tctx, cancel := context.WithTimeout(parent, time.Second) // bounded
        \tdefer cancel()
        \t_ = cancel
        \treturn use(ctx)
        }
        """)
    }

    func testNoFixWhenUnsafe() {
        let bodies = [
            // Called on some path: a defer would call it twice, and the leak is elsewhere.
            "func f(p context.Context, ok bool) {\n\t_, cancel := context.WithCancel(p)\n\tif ok {\n\t\tcancel()\n\t}\n}\n",
            // Inside a loop a defer would pile up.
            "func f(p context.Context, n int) {\n\tfor i := 0; i < n; i++ {\n\t\tctx, cancel := context.WithCancel(p)\n\t\t_ = cancel\n\t\tuse(ctx)\n\t}\n}\n",
            // The context goes to a goroutine that outlives the function.
            "func f(p context.Context) {\n\tctx, cancel := context.WithCancel(p)\n\t_ = cancel\n\tgo run(ctx)\n}\n",
            // The context is stored.
            "func f(p context.Context, s *server) {\n\tctx, cancel := context.WithCancel(p)\n\t_ = cancel\n\ts.ctx = ctx\n}\n",
            // Plain assignment, and a statement sharing its line.
            "func f(p context.Context) {\n\tvar cancel func()\n\t_, cancel = context.WithCancel(p)\n\t_ = cancel\n}\n",
            "func f(p context.Context) {\n\tctx, cancel := context.WithCancel(p); use(ctx)\n\t_ = cancel\n}\n",
        ]
        for body in bodies {
            let found = diagnostics(LostCancelTests.header + body, only: rule)
            XCTAssertEqual(found.count, 1, body)
            XCTAssertEqual(found.first?.fixes, [], body)
        }
    }
}
