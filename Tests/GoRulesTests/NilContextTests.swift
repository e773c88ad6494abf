import XCTest

final class NilContextTests: XCTestCase {
    let rule = "nil-context"
    let orTODO = "pass the caller's context, or context.TODO() when there is none yet [nil-context]"

    func testReportsNilWhereAContextIsExpected() {
        let source = """
        package p

        import (
        \t"context"
        \t"database/sql"
        \t"net/http"
        \t"os"
        \t"os/signal"
        \t"time"

        \t"golang.org/x/sync/errgroup"
        )

        type Client struct{}

        func (c *Client) fetch(ctx context.Context, id string) error { return ctx.Err() }

        func load(ctx context.Context, key string) error { return ctx.Err() }

        func start(db *sql.DB, c *Client) {
        \tcontext.WithTimeout(nil, time.Second)
        \tcontext.WithValue(nil, key{}, 1)
        \tcontext.AfterFunc(nil, func() {})
        \tsignal.NotifyContext(nil, os.Interrupt)
        \terrgroup.WithContext(nil)
        \thttp.NewRequestWithContext(nil, "GET", "/", nil)
        \tdb.QueryContext(nil, "SELECT 1")
        \tload(nil, "k")
        \tc.fetch((nil), "id")
        }

        type key struct{}
        """
        let panics = "it panics at run time; \(orTODO)"
        let uses = "nothing can cancel the work, and it panics as soon as it uses the context; \(orTODO)"
        XCTAssertEqual(findings(source, only: rule), [
            "21:22: error: nil is passed as the context of context.WithTimeout: \(panics)",
            "22:20: error: nil is passed as the context of context.WithValue: \(panics)",
            "23:20: error: nil is passed as the context of context.AfterFunc: \(panics)",
            "24:23: error: nil is passed as the context of signal.NotifyContext: \(panics)",
            "25:23: error: nil is passed as the context of errgroup.WithContext: \(panics)",
            "26:29: error: nil is passed as the context of http.NewRequestWithContext: it returns an error instead of a request; \(orTODO)",
            "27:18: error: nil is passed as the context of db.QueryContext: \(panics)",
            "28:7: error: nil is passed as the context of load: \(uses)",
            "29:10: error: nil is passed as the context of c.fetch: \(uses)",
        ])
    }

    func testNamesTheContextInScope() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"
        )

        func handler(w http.ResponseWriter, r *http.Request) {
        \tctx, cancel := context.WithCancel(nil)
        \tdefer cancel()
        \t_ = ctx
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "9:36: error: nil is passed as the context of context.WithCancel: it panics at run time; pass r.Context() [nil-context]",
        ])
    }

    func testSilentWhereNilIsNoContextOrIsAccepted() {
        let source = """
        package p

        import "context"

        func tolerant(ctx context.Context) {
        \tif ctx == nil {
        \t\tctx = context.Background()
        \t}
        \t_ = ctx
        }

        func unused(context.Context, int) {}

        func fine() {
        \ttolerant(nil)
        \tunused(nil, 1)
        \tvar m map[string]int
        \tdelete(m, "x")
        \tother(nil)
        \tcontext.WithValue(context.TODO(), nil, nil)
        }

        func other(x *int) {}
        """
        XCTAssertEqual(findings(source, only: rule), [])
    }
}

extension NilContextTests {
    func testSilentForLookalikes() {
        let cases = [
            // Another package's WithCancel.
            "package p\nimport \"example.com/context\"\nfunc f() { context.WithCancel(nil) }",
            // A local variable called nil.
            "package p\nimport \"context\"\nfunc f() { nil := context.TODO(); context.WithCancel(nil) }",
            // Methods named like database/sql's in a file that does not import it.
            "package p\nfunc f(c *cache) { c.QueryContext(nil, \"k\") }",
            // A function of another file: its parameters are unknown.
            "package p\nimport \"context\"\nfunc f() { remote(nil); _ = context.TODO }",
            // A context that is not literally nil.
            "package p\nimport \"context\"\nfunc f(ctx context.Context) { context.WithCancel(ctx) }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }

    func testFixPassesTheContextInScopeOrTODO() {
        let source = """
        package p

        import (
        \tstdctx "context"
        \t"time"
        )

        func withParent(parent stdctx.Context) {
        \tstdctx.WithTimeout(nil, time.Second)
        }

        func orphan() {
        \tstdctx.WithTimeout(nil, time.Second)
        }
        """
        XCTAssertEqual(applyingFixes(source, only: rule), """
        package p

        import (
        \tstdctx "context"
        \t"time"
        )

        func withParent(parent stdctx.Context) {
        \tstdctx.WithTimeout(parent, time.Second)
        }

        func orphan() {
        \tstdctx.WithTimeout(stdctx.TODO(), time.Second)
        }
        """)
    }
}
