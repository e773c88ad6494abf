import LintCore
import XCTest

final class SleepIgnoresCancelTests: XCTestCase {
    let rule = "sleep-ignores-cancel"

    func remedy(_ duration: String, _ name: String = "ctx") -> String {
        "use `select { case <-\(name).Done(): return \(name).Err(); case <-time.After(\(duration)): }` or a reusable "
            + "timer [sleep-ignores-cancel]"
    }

    func testWarnsInLoopsAndGoroutinesAndInformsElsewhere() {
        let source = goSource("""
        func retry(ctx context.Context, backoff time.Duration) error {
        \tfor attempt := 0; attempt < 5; attempt++ {
        \t\tif err := call(ctx); err == nil {
        \t\t\treturn nil
        \t\t}
        \t\ttime.Sleep(backoff)
        \t}
        \treturn errFailed
        }
        func poll(ctx context.Context, ready func() bool) {
        \tfor ctx.Err() == nil && !ready() {
        \t\ttime.Sleep(2 * time.Second)
        \t}
        }
        func later(ctx context.Context) {
        \tgo func() {
        \t\tif ctx.Err() == nil {
        \t\t\ttime.Sleep(time.Minute)
        \t\t}
        \t}()
        }
        func once(w http.ResponseWriter, r *http.Request) {
        \ttime.Sleep(time.Second / 2)
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [
            "7:3: warning: time.Sleep in a loop ignores ctx: each iteration waits the full backoff even after ctx is "
                + "cancelled; " + remedy("backoff"),
            "13:3: warning: time.Sleep in a loop ignores ctx: each iteration waits the full 2 * time.Second even after "
                + "ctx is cancelled; " + remedy("2 * time.Second"),
            "19:4: warning: time.Sleep in a goroutine ignores ctx: the goroutine waits the full time.Minute even after "
                + "ctx is cancelled; " + remedy("time.Minute"),
            "24:2: info: time.Sleep cannot be interrupted: cancelling r.Context() takes effect only after "
                + "time.Second / 2; " + remedy("time.Second / 2", "r.Context()"),
        ])
    }

    func testLeavesSleepsToLoopAndGoroutineFindingsUnlessDisabled() {
        let source = goSource("""
        func f(ctx context.Context) {
        \tfor {
        \t\ttime.Sleep(time.Second)
        \t}
        }
        func g(ctx context.Context) {
        \tgo func() {
        \t\ttime.Sleep(time.Second)
        \t\trefresh()
        \t}()
        }
        """)
        XCTAssertEqual(findings(source, only: rule), [])
        let loopFinding = "4:3: warning: time.Sleep in a loop ignores ctx: each iteration waits the full time.Second "
            + "even after ctx is cancelled; " + remedy("time.Second")
        let goroutineFinding = "9:3: warning: time.Sleep in a goroutine ignores ctx: the goroutine waits the full "
            + "time.Second even after ctx is cancelled; " + remedy("time.Second")
        XCTAssertEqual(findings(source, only: rule, settings: settingsDisabling("loop-ignores-cancel")), [loopFinding])
        XCTAssertEqual(findings(source, only: rule, settings: settingsDisabling("goroutine-ignores-cancel")),
                       [goroutineFinding])
        XCTAssertEqual(findings(source, only: rule,
                                settings: settingsDisabling("loop-ignores-cancel", "goroutine-ignores-cancel")),
                       [loopFinding, goroutineFinding])
    }

    func testIgnoresSleepsThatCannotDelayCancellation() {
        let cases = [
            // No context in scope.
            "func f() {\n\ttime.Sleep(time.Second)\n}",
            // A short constant sleep.
            "func f(ctx context.Context) {\n\ttime.Sleep(10 * time.Millisecond)\n}",
            "func f(ctx context.Context) {\n\ttime.Sleep(time.Duration(50) * time.Millisecond)\n}",
            // It times a cancellation.
            "func f(parent context.Context) {\n\tctx, cancel := context.WithCancel(parent)\n\tgo run(ctx)\n\ttime.Sleep(time.Second)\n\tcancel()\n}",
            // The context was cancelled before.
            "func f() {\n\tctx, cancel := context.WithCancel(context.Background())\n\tcancel()\n\tuse(ctx)\n\ttime.Sleep(time.Second)\n}",
            // Another package's Sleep.
            "func f(ctx context.Context, clock Clock) {\n\tclock.Sleep(time.Second)\n}",
            // A local variable shadows the time package.
            "func f(ctx context.Context, time Clock) {\n\ttime.Sleep(5)\n}",
        ]
        assertNoFindings(cases, only: rule)
    }
}
