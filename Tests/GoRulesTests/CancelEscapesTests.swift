import XCTest

final class CancelEscapesTests: XCTestCase {
    let rule = "cancel-escapes"

    func source(_ body: String) -> String {
        "package p\n\nimport (\n\t\"context\"\n\t\"time\"\n)\n\n" + body
    }

    func stored(_ position: String, _ place: String, owner: String, _ constructor: String = "context.WithCancel") -> String {
        "\(position): warning: the cancel function returned by \(constructor) \(place), which nothing in this file takes back to call it: the context leaks until its parent is cancelled; \(owner) must call it [cancel-escapes]"
    }

    func shared(_ position: String) -> String {
        "\(position): warning: the cancel function returned by context.WithCancel is handed to several goroutines: the first one to call it cancels the context of all of them; give each goroutine its own context, or let only the owner call it [cancel-escapes]"
    }

    func testExactMessage() {
        XCTAssertEqual(findings(source("""
        type server struct{ cancel context.CancelFunc }

        func (s *server) Start(p context.Context) {
        \tctx, cancel := context.WithCancel(p)
        \ts.cancel = cancel
        \tgo run(ctx)
        }
        """), only: rule), [
            "12:13: warning: the cancel function returned by context.WithCancel is stored in field `cancel`, which nothing in this file takes back to call it: the context leaks until its parent is cancelled; the owner of the struct (e.g. its Close or Stop method) must call it [cancel-escapes]",
        ])
    }

    func testStoredOrSentWhereNothingReadsItBack() {
        XCTAssertEqual(findings(source("""
        type server struct {
        \tstop     context.CancelFunc
        \tinflight map[string]context.CancelFunc
        }

        var shutdown context.CancelFunc

        func (s *server) Start(p context.Context) {
        \tvar ctx context.Context
        \tctx, s.stop = context.WithCancel(p)
        \tgo run(ctx)
        }

        func (s *server) Track(p context.Context, id string) {
        \tctx, cancel := context.WithTimeout(p, time.Second)
        \ts.inflight[id] = cancel
        \tgo run(ctx)
        }

        func (s *server) Forget(id string) {
        \tdelete(s.inflight, id)
        }

        func Global(p context.Context) {
        \tctx, cancel := context.WithCancel(p)
        \tshutdown = cancel
        \tgo run(ctx)
        }

        func Hand(p context.Context, out chan context.CancelFunc) {
        \tctx, cancel := context.WithCancel(p)
        \tout <- cancel
        \tgo run(ctx)
        }

        func Literal(p context.Context) *server {
        \tctx, cancel := context.WithCancel(p)
        \tgo run(ctx)
        \treturn &server{stop: cancel}
        }
        """), only: rule), [
            stored("17:7", "is stored in field `stop`", owner: "the owner of the struct (e.g. its Close or Stop method)"),
            stored("23:19", "is stored in an element of `s.inflight`", owner: "whoever removes the entry", "context.WithTimeout"),
            stored("33:13", "is stored in package-level variable `shutdown`", owner: "whoever replaces it"),
            stored("39:9", "is sent on channel `out`", owner: "the receiver"),
            stored("46:23", "is stored in field `stop`", owner: "the owner of the struct (e.g. its Close or Stop method)"),
        ])
    }

    func testHandedToSeveralGoroutines() {
        XCTAssertEqual(findings(source("""
        func a(p context.Context, n int) {
        \tctx, cancel := context.WithCancel(p)
        \tdefer cancel()
        \tfor i := 0; i < n; i++ {
        \t\tgo worker(ctx, cancel)
        \t}
        }

        func b(p context.Context, jobs []int) {
        \tctx, cancel := context.WithCancel(p)
        \tdefer cancel()
        \tfor range jobs {
        \t\tgo func() {
        \t\t\tdefer cancel()
        \t\t\trun(ctx)
        \t\t}()
        \t}
        }
        """), only: rule), [shared("12:3"), shared("20:3")])
    }

    func testNotReported() {
        let bodies = [
            // Returned to the caller: the constructor pattern.
            "func f(p context.Context) (context.Context, context.CancelFunc) {\n\tctx, cancel := context.WithCancel(p)\n\treturn ctx, cancel\n}\n",
            // Stored, and a method of the file calls it.
            "type s struct{ cancel func() }\n\nfunc (x *s) Start(p context.Context) {\n\tctx, cancel := context.WithCancel(p)\n\tx.cancel = cancel\n\trun(ctx)\n}\n\nfunc (x *s) Stop() { x.cancel() }\n",
            // Stored directly, and called by the creator on every path.
            "type s struct{ cancel func() }\n\nfunc (x *s) Once(p context.Context) {\n\tvar ctx context.Context\n\tctx, x.cancel = context.WithCancel(p)\n\tdefer x.cancel()\n\trun(ctx)\n}\n",
            // Stored, but the creator calls it on every path anyway.
            "type s struct{ cancel func() }\n\nfunc (x *s) Run(p context.Context) {\n\tctx, cancel := context.WithCancel(p)\n\tdefer cancel()\n\tx.cancel = cancel\n\trun(ctx)\n}\n",
            // A goroutine that owns it.
            "func f(p context.Context) {\n\tctx, cancel := context.WithCancel(p)\n\tgo func() {\n\t\tdefer cancel()\n\t\trun(ctx)\n\t}()\n}\n",
            // Fail-fast workers: each cancels only on error.
            "func f(p context.Context, n int) {\n\tctx, cancel := context.WithCancel(p)\n\tdefer cancel()\n\tfor i := 0; i < n; i++ {\n\t\tgo func() {\n\t\t\tif err := run(ctx); err != nil {\n\t\t\t\tcancel()\n\t\t\t}\n\t\t}()\n\t}\n}\n",
            // One goroutine per cancel, created in the loop.
            "func f(p context.Context, n int) {\n\tfor i := 0; i < n; i++ {\n\t\tctx, cancel := context.WithCancel(p)\n\t\tgo worker(ctx, cancel)\n\t}\n}\n",
            // A field of a struct declared elsewhere: its readers may be anywhere.
            "func f(p context.Context, x *other.Thing) {\n\tctx, cancel := context.WithCancel(p)\n\tx.Cancel = cancel\n\trun(ctx)\n}\n",
            // A map the file reads back.
            "var registry = map[string]context.CancelFunc{}\n\nfunc f(p context.Context, id string) {\n\tctx, cancel := context.WithCancel(p)\n\tregistry[id] = cancel\n\trun(ctx)\n}\n\nfunc stop(id string) { registry[id]() }\n",
            // A channel the file receives from.
            "var handoff = make(chan func())\n\nfunc f(p context.Context) {\n\tctx, cancel := context.WithCancel(p)\n\thandoff <- cancel\n\trun(ctx)\n}\n\nfunc g() { (<-handoff)() }\n",
        ]
        for body in bodies {
            XCTAssertEqual(findings(source(body), only: rule), [], body)
        }
    }
}
