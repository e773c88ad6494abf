import LintCore
import XCTest

final class LoopIgnoresCancelTests: XCTestCase {
    let rule = "loop-ignores-cancel"

    func message(_ what: String, _ name: String = "ctx") -> String {
        "loop waits \(what) but never checks \(name): it keeps waiting after \(name) is cancelled; "
            + "select on \(name).Done() and return, or check \(name).Err() each iteration [loop-ignores-cancel]"
    }

    func testReportsEachKindOfWait() {
        let source = goSource("""
        func receive(ctx context.Context, ch chan int) {
        \tfor {
        \t\tuse(<-ch)
        \t}
        }
        func send(ctx context.Context, out chan<- int, n int) {
        \tfor n > 0 {
        \t\tout <- n
        \t\tn--
        \t}
        }
        func ranging(ctx context.Context, jobs <-chan int) {
        \tfor job := range jobs {
        \t\tuse(job)
        \t}
        }
        func polling(ctx context.Context, ready func() bool) {
        \tfor !ready() {
        \t\ttime.Sleep(time.Second)
        \t}
        }
        func selecting(ctx context.Context, in chan int, tick *time.Ticker) {
        \tfor {
        \t\tselect {
        \t\tcase v := <-in:
        \t\t\tuse(v)
        \t\tcase <-tick.C:
        \t\t\tflush()
        \t\t}
        \t}
        }
        func waiting(ctx context.Context, batches [][]int) {
        \tvar wg sync.WaitGroup
        \tfor more() {
        \t\tstart(&wg)
        \t\twg.Wait()
        \t}
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "3:2: warning: " + message("receiving from `ch`"),
            "8:2: warning: " + message("sending on `out`"),
            "14:2: warning: " + message("ranging over channel `jobs`"),
            "19:2: warning: " + message("in time.Sleep"),
            "24:2: warning: " + message("in a select"),
            "35:2: warning: " + message("in `wg.Wait()`"),
        ])
    }

    func testReportsALoopThatNeverExits() {
        let source = goSource("""
        func spin(ctx context.Context, queue *Queue) {
        \tfor {
        \t\tqueue.Process()
        \t}
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "3:2: warning: loop never exits and never checks ctx: it keeps running after ctx is cancelled; "
                + "check ctx.Err() or select on ctx.Done() and return [loop-ignores-cancel]",
        ])
    }

    func testNamesTheInnermostContextAndTheRequestContext() {
        let source = goSource("""
        func derived(parent context.Context, ch chan int) {
        \tctx, cancel := context.WithTimeout(parent, time.Minute)
        \tdefer cancel()
        \tuse(ctx)
        \tfor {
        \t\tuse(<-ch)
        \t}
        }
        func handler(w http.ResponseWriter, r *http.Request) {
        \tevents := subscribe()
        \tfor ev := range events.C {
        \t\tw.Write(ev)
        \t}
        \tfor {
        \t\ttime.Sleep(time.Second)
        \t}
        }
        func captured(ctx context.Context, ch chan int) {
        \tdrain := func() {
        \t\tfor {
        \t\t\tuse(<-ch)
        \t\t}
        \t}
        \tdrain()
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "6:2: warning: " + message("receiving from `ch`"),
            "15:2: warning: " + message("in time.Sleep", "r.Context()"),
            "21:3: warning: " + message("receiving from `ch`"),
        ])
    }

    func testReportsOnlyTheOuterOfNestedLoops() {
        let source = goSource("""
        func nested(ctx context.Context, ch chan []int) {
        \tfor {
        \t\tfor v := range ch {
        \t\t\tuse(v)
        \t\t}
        \t}
        }
        """)
        XCTAssertEqual(findings(source, only: rule), ["3:2: warning: " + message("ranging over channel `ch`")])
    }

    func testConfiguredBlockingCalls() {
        let source = goSource("""
        func read(ctx context.Context, conn net.Conn, buf []byte) error {
        \tfor {
        \t\tif _, err := conn.Read(buf); err != nil {
        \t\t\treturn err
        \t\t}
        \t}
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [])
        let settings = LintSettings(rules: [rule: RuleSettings(options: ["blocking-calls": .list(["conn.Read"])])])
        XCTAssertEqual(findings(source, only: rule, settings: settings), [
            "3:2: warning: " + message("in `conn.Read(buf)`"),
        ])
    }

    func testIgnoresLoopsThatConsultCancellation() {
        let cases = [
            // A Done case.
            "func f(ctx context.Context, ch chan int) {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\tcase v := <-ch:\n\t\t\tuse(v)\n\t\t}\n\t}\n}",
            // ctx.Err() each iteration.
            "func f(ctx context.Context) {\n\tfor {\n\t\tif ctx.Err() != nil {\n\t\t\treturn\n\t\t}\n\t\ttime.Sleep(time.Second)\n\t}\n}",
            // The context is passed to the call that blocks.
            "func f(ctx context.Context, q Queue) {\n\tfor {\n\t\titem := <-q.Next(ctx)\n\t\tuse(item)\n\t}\n}",
            // A condition that involves the context.
            "func f(ctx context.Context, ch chan int) {\n\tfor ctx.Err() == nil {\n\t\tuse(<-ch)\n\t}\n}",
            // context.Cause.
            "func f(ctx context.Context, ch chan int) {\n\tfor {\n\t\tif context.Cause(ctx) != nil {\n\t\t\treturn\n\t\t}\n\t\tuse(<-ch)\n\t}\n}",
            // A derived context is passed on.
            "func f(ctx context.Context, ch chan int) {\n\tfor {\n\t\tc, cancel := context.WithTimeout(ctx, time.Second)\n\t\tuse(c, <-ch)\n\t\tcancel()\n\t}\n}",
            // A flag set where cancellation is seen.
            "func f(ctx context.Context, ch chan int) {\n\tstopped := false\n\tgo func() {\n\t\t<-ctx.Done()\n\t\tstopped = true\n\t}()\n\tfor !stopped {\n\t\tuse(<-ch)\n\t}\n}",
            // A local closure that checks the context.
            "func f(ctx context.Context, ch chan int) {\n\tdone := func() bool { return ctx.Err() != nil }\n\tfor !done() {\n\t\tuse(<-ch)\n\t}\n}",
            // A loop that cancels: it drives cancellation.
            "func f(ctx context.Context, sigs chan os.Signal) {\n\tctx, cancel := context.WithCancel(ctx)\n\tfor {\n\t\t<-sigs\n\t\tcancel()\n\t}\n}",
        ]
        assertNoFindings(cases, only: rule)
    }

    func testIgnoresLoopsThatEndOrAreReleasedAnyway() {
        let cases = [
            // A counting loop is bounded.
            "func f(ctx context.Context) {\n\tfor i := 0; i < 3; i++ {\n\t\ttime.Sleep(time.Second)\n\t}\n}",
            // A range over a slice is bounded.
            "func f(ctx context.Context, items []chan int) {\n\tfor _, ch := range items {\n\t\tuse(<-ch)\n\t}\n}",
            // The function makes the channel and closes it: the producer ends the range.
            "func f(ctx context.Context) {\n\tch := make(chan int)\n\tgo func() {\n\t\tdefer close(ch)\n\t\tproduce(ctx, ch)\n\t}()\n\tfor v := range ch {\n\t\tuse(v)\n\t}\n}",
            // A channel from a call given the context.
            "func f(ctx context.Context, w Watcher) {\n\tevents := w.Watch(ctx)\n\tfor ev := range events {\n\t\tuse(ev)\n\t}\n}",
            // A channel handed to a producer that is given the context.
            "func f(ctx context.Context) {\n\tfiles := make(chan string)\n\tgo scan(ctx, files)\n\tfor name := range files {\n\t\tuse(name)\n\t}\n}",
            // An OS signal channel, whoever registers it.
            "func f(ctx context.Context) {\n\tdump := make(chan os.Signal, 1)\n\tregister(dump)\n\tfor range dump {\n\t\tdumpStacks()\n\t}\n}",
            // Its own stop signal.
            "func f(ctx context.Context, ch chan int, quit chan struct{}) {\n\tfor {\n\t\tselect {\n\t\tcase <-quit:\n\t\t\treturn\n\t\tcase v := <-ch:\n\t\t\tuse(v)\n\t\t}\n\t}\n}",
            // No wait, and a way out.
            "func f(ctx context.Context, it Iterator) {\n\tfor {\n\t\tif !it.Next() {\n\t\t\treturn\n\t\t}\n\t}\n}",
            // A non-blocking select does not wait.
            "func f(ctx context.Context, ch chan int) {\n\tfor more() {\n\t\tselect {\n\t\tcase v := <-ch:\n\t\t\tuse(v)\n\t\tdefault:\n\t\t}\n\t}\n}",
            // No context in scope: a Background context cannot be cancelled.
            "func f(ch chan int) {\n\tctx := context.Background()\n\tuse(ctx)\n\tfor {\n\t\tuse(<-ch)\n\t}\n}",
            // The context was cancelled before the loop on purpose.
            "func f(ch chan int) {\n\tctx, cancel := context.WithCancel(context.Background())\n\tuse(ctx)\n\tcancel()\n\tfor {\n\t\tuse(<-ch)\n\t}\n}",
            // A wait inside a nested function literal is not the loop's.
            "func f(ctx context.Context, ch chan int, it Iterator) {\n\tfor it.Next() {\n\t\tgo func() { use(<-ch) }()\n\t}\n}",
        ]
        assertNoFindings(cases, only: rule)
    }
}
