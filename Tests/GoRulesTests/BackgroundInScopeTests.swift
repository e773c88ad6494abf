import LintCore
import XCTest

final class BackgroundInScopeTests: XCTestCase {
    let rule = "background-in-scope"

    func testReportsFreshContextsWhereTheCallersContextIsInScope() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"
        \t"time"
        )

        func handler(w http.ResponseWriter, r *http.Request) {
        \tif err := work(context.Background()); err != nil {
        \t\treturn
        \t}
        \tctx := r.Context()
        \tcallback := func() error { return work(context.TODO()) }
        \t_ = callback
        \tchild, cancel := context.WithTimeout(ctx, time.Second)
        \tdefer cancel()
        \twork(context.Background())
        \t_ = child
        }

        func both(ctx context.Context, r *http.Request) {
        \twork(context.Background())
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "10:17: warning: context.Background() drops the cancellation and deadline of r.Context(), which is in scope: derive from r.Context() instead (context.WithoutCancel(r.Context()) if the work must outlive the caller) [background-in-scope]",
            "14:41: warning: context.TODO() drops the cancellation and deadline of ctx, which is in scope: derive from ctx instead (context.WithoutCancel(ctx) if the work must outlive the caller) [background-in-scope]",
            "18:7: warning: context.Background() drops the cancellation and deadline of child, which is in scope: derive from child instead (context.WithoutCancel(child) if the work must outlive the caller) [background-in-scope]",
            "23:7: warning: context.Background() drops the cancellation and deadline of the contexts in scope (ctx, r.Context()): derive from one of them instead (context.WithoutCancel if the work must outlive the caller) [background-in-scope]",
        ])
    }

    func testReportsDeliberateDetachmentAsInfo() {
        let source = """
        package p

        import (
        \t"context"
        \t"errors"
        )

        func cleanup(ctx context.Context) error {
        \tdefer work(context.Background())
        \tdefer func() {
        \t\twork(context.TODO())
        \t}()
        \tselect {
        \tcase <-ctx.Done():
        \t\treturn work(context.Background())
        \tdefault:
        \t}
        \tif err := ctx.Err(); err != nil {
        \t\treturn work(context.Background())
        \t}
        \tif err := work(ctx); errors.Is(err, context.DeadlineExceeded) {
        \t\treturn work(context.Background())
        \t}
        \tif err := work(ctx); err != nil {
        \t\twork(context.Background())
        \t\treturn err
        \t}
        \tgo work(context.Background())
        \t// The audit record must be written even when the caller gives up: do not cancel it.
        \twork(context.Background())
        \treturn merge(context.Background(), ctx)
        }

        func afterDone(ctx context.Context) {
        \tdone := ctx.Done()
        \t<-done
        \twork(context.Background())
        }
        """
        let withoutCancel = "context.WithoutCancel(ctx) does the same and keeps the caller's values [background-in-scope]"
        XCTAssertEqual(findings(source, only: rule), [
            "9:13: info: context.Background() in a deferred call detaches the cleanup from ctx on purpose; \(withoutCancel)",
            "11:8: info: context.TODO() in a deferred call detaches the cleanup from ctx on purpose; \(withoutCancel)",
            "15:15: info: context.Background() after ctx is done detaches the cleanup from it on purpose; \(withoutCancel)",
            "19:15: info: context.Background() after ctx is done detaches the cleanup from it on purpose; \(withoutCancel)",
            "22:15: info: context.Background() after ctx is done detaches the cleanup from it on purpose; \(withoutCancel)",
            "25:8: info: context.Background() on an error path detaches the cleanup from ctx, which may be what failed, on purpose; \(withoutCancel)",
            "28:10: info: context.Background() in a goroutine the function does not wait for detaches it from ctx on purpose; \(withoutCancel)",
            "30:7: info: context.Background() detaches from ctx on purpose, as the comment says; \(withoutCancel)",
            "31:15: info: context.Background() next to ctx detaches from it on purpose; if only its cancellation should be dropped, context.WithoutCancel(ctx) says so [background-in-scope]",
            "37:7: info: context.Background() after ctx is done detaches the cleanup from it on purpose; \(withoutCancel)",
        ])
    }

    func testGoroutineThatIsWaitedForIsNotDetached() {
        let source = """
        package p

        import (
        \t"context"
        \t"sync"
        )

        func fanOut(ctx context.Context, jobs []string) {
        \tvar wg sync.WaitGroup
        \tfor _, job := range jobs {
        \t\twg.Add(1)
        \t\tgo func(job string) {
        \t\t\tdefer wg.Done()
        \t\t\trun(context.Background(), job)
        \t\t}(job)
        \t}
        \twg.Wait()
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "14:8: warning: context.Background() drops the cancellation and deadline of ctx, which is in scope: derive from ctx instead (context.WithoutCancel(ctx) if the work must outlive the caller) [background-in-scope]",
        ])
    }

    func testBeforeGo121NeitherSuggestsNorReportsDetachment() {
        let source = """
        package p

        import "context"

        func f(ctx context.Context) {
        \tdefer work(context.Background())
        \twork(context.TODO())
        }
        """
        let settings = LintSettings(defaultLanguageVersion: "1.20")
        XCTAssertEqual(findings(source, only: rule, settings: settings), [
            "7:7: warning: context.TODO() drops the cancellation and deadline of ctx, which is in scope: derive from ctx instead [background-in-scope]",
        ])
    }

    func testResolvesAliasedContextImport() {
        let source = """
        package p

        import stdctx "context"

        func f(ctx stdctx.Context) { work(stdctx.Background()) }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "5:35: warning: context.Background() drops the cancellation and deadline of ctx, which is in scope: derive from ctx instead (context.WithoutCancel(ctx) if the work must outlive the caller) [background-in-scope]",
        ])
    }
}

extension BackgroundInScopeTests {
    func testSilentWithoutACallersContext() {
        let cases = [
            // main and init have no caller.
            "package main\nimport \"context\"\nfunc main() { ctx, cancel := context.WithCancel(context.Background()); defer cancel(); run(ctx, context.Background()) }\nfunc init() { run(context.TODO()) }",
            // A context made from Background here is no caller's.
            "package p\nimport \"context\"\nfunc start() { ctx, cancel := context.WithCancel(context.Background()); go loop(ctx, cancel); audit(context.Background()) }",
            // A context that only a nested literal receives is not this function's caller's.
            "package p\nimport \"context\"\nfunc f() { var got context.Context; hook := func(ctx context.Context) { got = ctx }; install(hook); check(got, context.Background()) }",
            // A named result is what the function makes, not what it was given.
            "package p\nimport \"context\"\nfunc f() (ctx context.Context, cancel context.CancelFunc) { ctx, cancel = context.WithCancel(context.Background()); return }",
            // A comparison with Background starts no work.
            "package p\nimport \"context\"\nfunc f(ctx context.Context) bool { return ctx != context.Background() }",
            // `context` is not the context package here.
            "package p\nfunc f(ctx Context) { work(context.Background()) }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
        let test = "package p\nimport (\n\t\"context\"\n\t\"testing\"\n)\nfunc TestF(t *testing.T) { run(context.Background()) }\nfunc BenchmarkF(b *testing.B) { run(context.TODO()) }\n"
        XCTAssertEqual(findings(test, only: rule, path: "f_test.go"), [])
    }

    func testNilGuardsAreNotReported() {
        let cases = [
            "package p\nimport \"context\"\nfunc f(ctx context.Context) { if ctx == nil {\n\tctx = context.Background()\n}\nrun(ctx) }",
            "package p\nimport \"context\"\nfunc f(ctx context.Context) context.Context { if ctx != nil {\n\treturn ctx\n}\nreturn context.Background() }",
            "package p\nimport \"context\"\nfunc f(ctx context.Context, o *Options) { if o.Context == nil {\n\to.Context = context.TODO()\n}\nrun(ctx, o) }",
            "package p\nimport \"context\"\nfunc f(ctx context.Context) { if ok && ctx == nil {\n\tctx = context.Background()\n}\nrun(ctx) }",
            "package p\nimport \"context\"\nfunc f(ctx context.Context) { if ctx != nil {\n\trun(ctx)\n} else {\n\trun(context.Background())\n} }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }

    func testFixReplacesTheCallWithTheSingleContext() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"
        )

        func handler(w http.ResponseWriter, r *http.Request) {
        \tload(context.Background(), r.URL.Path)
        \tdefer audit(context.TODO())
        }

        func both(ctx context.Context, r *http.Request) { load(context.Background(), "") }
        """
        XCTAssertEqual(applyingFixes(source, only: rule), """
        package p

        import (
        \t"context"
        \t"net/http"
        )

        func handler(w http.ResponseWriter, r *http.Request) {
        \tload(r.Context(), r.URL.Path)
        \tdefer audit(context.WithoutCancel(r.Context()))
        }

        func both(ctx context.Context, r *http.Request) { load(context.Background(), "") }
        """)
    }
}
