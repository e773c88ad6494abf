import LintCore
import XCTest

final class GoroutineIgnoresCancelTests: XCTestCase {
    let rule = "goroutine-ignores-cancel"

    func leak(_ what: String, _ name: String = "ctx", buffer: Bool = false) -> String {
        "goroutine waits \(what) without consulting \(name): after \(name) is cancelled nothing may unblock it and it "
            + "leaks; wait in a select with a `case <-\(name).Done():` that returns"
            + (buffer ? ", or give the channel a buffer" : "") + " [goroutine-ignores-cancel]"
    }

    func testReportsEachKindOfWait() {
        let source = goSource("""
        func send(ctx context.Context) int {
        \tresults := make(chan int)
        \tgo func() {
        \t\tresults <- compute()
        \t}()
        \tselect {
        \tcase v := <-results:
        \t\treturn v
        \tcase <-ctx.Done():
        \t\treturn 0
        \t}
        }
        func receive(ctx context.Context, start chan struct{}) {
        \tgo func() {
        \t\t<-start
        \t\twork()
        \t}()
        }
        func selecting(ctx context.Context, a, b chan int) {
        \tgo func() {
        \t\tselect {
        \t\tcase v := <-a:
        \t\t\tuse(v)
        \t\tcase v := <-b:
        \t\t\tuse(v)
        \t\t}
        \t}()
        }
        func waitGroup(ctx context.Context, wg *sync.WaitGroup, done chan struct{}) {
        \tgo func() {
        \t\twg.Wait()
        \t\tclose(done)
        \t}()
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "4:2: warning: " + leak("sending on `results`", buffer: true),
            "15:2: warning: " + leak("receiving from `start`"),
            "21:2: warning: " + leak("in a select"),
            "31:2: warning: " + leak("in `wg.Wait()`"),
        ])
    }

    func testSleepsAndTimers() {
        let source = goSource("""
        func later(ctx context.Context) {
        \tgo func() {
        \t\ttime.Sleep(time.Minute)
        \t\trefresh()
        \t}()
        \tgo func() {
        \t\t<-time.After(time.Minute)
        \t\trefresh()
        \t}()
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "3:2: warning: goroutine waits in time.Sleep without consulting ctx: it sleeps on after ctx is cancelled; "
                + "wait in a select with a `case <-ctx.Done():` that returns [goroutine-ignores-cancel]",
            "7:2: warning: goroutine waits on the timer `time.After(time.Minute)` without consulting ctx: it waits out "
                + "the timer after ctx is cancelled; wait in a select with a `case <-ctx.Done():` that returns "
                + "[goroutine-ignores-cancel]",
        ])
    }

    func testRequestContextAndOwnParameter() {
        let source = goSource("""
        func handle(w http.ResponseWriter, r *http.Request) {
        \tout := make(chan []byte)
        \tgo func() {
        \t\tout <- render(r.URL.Path)
        \t}()
        \tgo func(ctx context.Context) {
        \t\tout <- render("x")
        \t}(context.Background())
        \twrite(w, out)
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "4:2: warning: " + leak("sending on `out`", "r.Context()", buffer: true),
            "7:2: warning: " + leak("sending on `out`", buffer: true),
        ])
    }

    func testLeavesTheGoroutineToLoopIgnoresCancelUnlessItIsDisabled() {
        let source = goSource("""
        func pump(ctx context.Context, in, out chan int) {
        \tgo func() {
        \t\tfor v := range in {
        \t\t\tout <- v
        \t\t}
        \t}()
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [])
        XCTAssertEqual(findings(source, only: rule, settings: settingsDisabling("loop-ignores-cancel")), [
            "3:2: warning: " + leak("ranging over channel `in`"),
        ])
    }

    func testIgnoresGoroutinesThatCannotBeStranded() {
        let cases = [
            // A buffered channel takes the one send.
            "func f(ctx context.Context) {\n\tres := make(chan int, 1)\n\tgo func() {\n\t\tres <- compute()\n\t}()\n\tselect {\n\tcase <-res:\n\tcase <-ctx.Done():\n\t}\n}",
            // Two exclusive sends on a buffered channel assigned later.
            "func f(ctx context.Context) {\n\tvar errc chan error\n\terrc = make(chan error, 1)\n\tgo func() {\n\t\tif err := a(); err != nil {\n\t\t\terrc <- err\n\t\t\treturn\n\t\t}\n\t\terrc <- b()\n\t}()\n\twait(ctx, errc)\n}",
            // The launcher always receives.
            "func f(ctx context.Context) error {\n\tdone := make(chan error)\n\tgo func() {\n\t\tdone <- work()\n\t}()\n\treturn <-done\n}",
            // The launcher closes what the goroutine waits for.
            "func f(ctx context.Context) {\n\tstart := make(chan struct{})\n\tgo func() {\n\t\t<-start\n\t\twork()\n\t}()\n\tclose(start)\n}",
            // The goroutine consults the context.
            "func f(ctx context.Context, ch chan int) {\n\tgo func() {\n\t\tselect {\n\t\tcase ch <- 1:\n\t\tcase <-ctx.Done():\n\t\t}\n\t}()\n}",
            // It passes the context on.
            "func f(ctx context.Context, ch chan int) {\n\tgo func() {\n\t\tch <- fetch(ctx)\n\t}()\n}",
            // It is the canceller.
            "func f(parent context.Context) {\n\tctx, cancel := context.WithCancel(parent)\n\tuse(ctx)\n\tgo func() {\n\t\ttime.Sleep(time.Second)\n\t\tcancel()\n\t}()\n}",
            // Waiting for the goroutines this function launched.
            "func f(ctx context.Context, items []int) {\n\tvar wg sync.WaitGroup\n\tdone := make(chan struct{})\n\tfor range items {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tprocess(ctx)\n\t\t}()\n\t}\n\tgo func() {\n\t\twg.Wait()\n\t\tclose(done)\n\t}()\n\t<-done\n}",
            // Its own stop signal.
            "func f(ctx context.Context, ticks chan int, stop chan struct{}) {\n\tgo func() {\n\t\tselect {\n\t\tcase <-ticks:\n\t\tcase <-stop:\n\t\t}\n\t}()\n}",
            // An OS signal channel.
            "func f(ctx context.Context) {\n\tsigs := make(chan os.Signal, 1)\n\tsignal.Notify(sigs, os.Interrupt)\n\tgo func() {\n\t\t<-sigs\n\t\tos.Exit(1)\n\t}()\n}",
            // No context in scope.
            "func f(ch chan int) {\n\tgo func() {\n\t\tch <- 1\n\t}()\n}",
            // A short one-off sleep.
            "func f(ctx context.Context) {\n\tgo func() {\n\t\ttime.Sleep(100 * time.Microsecond)\n\t\tnotify()\n\t}()\n}",
            // A goroutine that does not wait.
            "func f(ctx context.Context) {\n\tgo func() {\n\t\tlog(\"started\")\n\t}()\n}",
        ]
        assertNoFindings(cases, only: rule)
    }
}
