import LintCore
import XCTest

final class SelectMissingDoneTests: XCTestCase {
    let rule = "select-missing-done"

    func missing(_ waited: String, _ name: String = "ctx") -> String {
        "warning: select waits on \(waited) with no `case <-\(name).Done():`, so it keeps waiting after \(name) is "
            + "cancelled; add that case and return \(name).Err() [select-missing-done]"
    }

    func ownSignal(_ signal: String, _ name: String = "ctx") -> String {
        "info: select stops on its own signal `\(signal)` but has no `case <-\(name).Done():`, so it does not stop "
            + "when \(name) is cancelled; add that case [select-missing-done]"
    }

    func testReportsSelectsWithoutADoneCase() {
        let source = goSource("""
        func timeout(ctx context.Context, ch chan int) int {
        \tselect {
        \tcase <-time.After(5 * time.Second):
        \t\treturn 0
        \tcase v := <-ch:
        \t\treturn v
        \t}
        }
        func timer(ctx context.Context, t *time.Timer, results chan int) {
        \tselect {
        \tcase <-t.C:
        \tcase r := <-results:
        \t\tuse(r)
        \t}
        }
        func sendOrWait(ctx context.Context, out chan int, a, b, c chan int) {
        \tselect {
        \tcase out <- 1:
        \tcase <-a:
        \tcase <-b:
        \tcase <-c:
        \t}
        }
        func handler(w http.ResponseWriter, r *http.Request, ready chan struct{}) {
        \tselect {
        \tcase <-ready:
        \tcase <-time.After(time.Second):
        \t}
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "3:2: " + missing("`time.After(5 * time.Second)` and `ch`"),
            "11:2: " + missing("`t.C` and `results`"),
            "18:2: " + missing("`out`, `a` and others"),
            "26:2: " + missing("`ready` and `time.After(time.Second)`", "r.Context()"),
        ])
    }

    func testOwnStopSignalsAreInfo() {
        let source = goSource("""
        type worker struct {
        \tquit    chan struct{}
        \tclosing chan struct{}
        \tevents  chan int
        }
        func (w *worker) named(ctx context.Context) {
        \tselect {
        \tcase v := <-w.events:
        \t\tuse(v)
        \tcase <-w.quit:
        \t}
        }
        func (w *worker) suffixed(ctx context.Context, stopCh, doneC chan struct{}) {
        \tselect {
        \tcase v := <-w.events:
        \t\tuse(v)
        \tcase <-stopCh:
        \t}
        }
        func (w *worker) closedOnly(ctx context.Context) {
        \tfinished := make(chan struct{})
        \tdefer close(finished)
        \tselect {
        \tcase v := <-w.events:
        \t\tuse(v)
        \tcase <-finished:
        \t}
        }
        func (w *worker) commaOk(ctx context.Context, updates chan int) {
        \tselect {
        \tcase u, ok := <-updates:
        \t\tif !ok {
        \t\t\treturn
        \t\t}
        \t\tuse(u)
        \tcase v := <-w.events:
        \t\tuse(v)
        \t}
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "8:2: " + ownSignal("w.quit"),
            "15:2: " + ownSignal("stopCh"),
            "24:2: " + ownSignal("finished"),
            "31:2: " + ownSignal("updates"),
        ])
    }

    func testConfiguredStopChannelsReplaceTheDefaults() {
        let source = goSource("""
        func f(ctx context.Context, events chan int, halt, quit chan struct{}) {
        \tselect {
        \tcase <-events:
        \tcase <-halt:
        \t}
        \tselect {
        \tcase <-events:
        \tcase <-quit:
        \t}
        }
        """)
        let settings = LintSettings(rules: [rule: RuleSettings(options: ["stop-channels": .list(["halt"])])])
        XCTAssertEqual(findings(source, only: rule, settings: settings), [
            "3:2: " + ownSignal("halt"),
            "7:2: " + missing("`events` and `quit`"),
        ])
    }

    func testLeavesLoopsAndGoroutinesToTheirRulesUnlessDisabled() {
        let source = goSource("""
        func loop(ctx context.Context, a, b chan int) {
        \tfor {
        \t\tselect {
        \t\tcase v := <-a:
        \t\t\tuse(v)
        \t\tcase v := <-b:
        \t\t\tuse(v)
        \t\t}
        \t}
        }
        func goroutine(ctx context.Context, a, b chan int) {
        \tgo func() {
        \t\tselect {
        \t\tcase <-a:
        \t\tcase <-b:
        \t\t}
        \t}()
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [])
        XCTAssertEqual(findings(source, only: rule, settings: settingsDisabling("loop-ignores-cancel")), [
            "4:3: " + missing("`a` and `b`"),
        ])
        XCTAssertEqual(findings(source, only: rule, settings: settingsDisabling("goroutine-ignores-cancel")), [
            "14:3: " + missing("`a` and `b`"),
        ])
    }

    func testIgnoresSelectsThatSeeCancellation() {
        let cases = [
            // The Done case.
            "func f(ctx context.Context, ch chan int) {\n\tselect {\n\tcase <-ch:\n\tcase <-ctx.Done():\n\t}\n}",
            // A Done channel kept in a variable.
            "func f(ctx context.Context, ch chan int) {\n\tdone := ctx.Done()\n\tselect {\n\tcase <-ch:\n\tcase <-done:\n\t}\n}",
            // Some other context's Done.
            "func f(ctx context.Context, ch chan int, s *Session) {\n\tselect {\n\tcase <-ch:\n\tcase <-s.ctx.Done():\n\t}\n}",
            // A non-blocking select.
            "func f(ctx context.Context, ch chan int) {\n\tselect {\n\tcase <-ch:\n\tdefault:\n\t}\n}",
            // select {} waits on nothing.
            "func f(ctx context.Context) {\n\tselect {}\n}",
            // No context in scope.
            "func f(ch chan int) {\n\tselect {\n\tcase <-ch:\n\tcase <-time.After(time.Second):\n\t}\n}",
            // A result from a goroutine that passes the context on.
            "func f(ctx context.Context) {\n\tres := make(chan int, 1)\n\tgo func() { res <- fetch(ctx) }()\n\tselect {\n\tcase <-res:\n\tcase <-time.After(time.Second):\n\t}\n}",
            // A channel from a call given the context.
            "func f(ctx context.Context, w Watcher) {\n\tevents := w.Watch(ctx)\n\tselect {\n\tcase <-events:\n\tcase <-time.After(time.Second):\n\t}\n}",
            // A channel closed on cancellation.
            "func f(ctx context.Context, ch chan int) {\n\tstop := make(chan struct{})\n\tgo func() {\n\t\t<-ctx.Done()\n\t\tclose(stop)\n\t}()\n\tselect {\n\tcase <-ch:\n\tcase <-stop:\n\t}\n}",
        ]
        assertNoFindings(cases, only: rule)
    }
}
