import XCTest

final class ErrgroupContextUnusedTests: XCTestCase {
    let rule = "errgroup-context-unused"
    let siblings = "when a task fails, its siblings are not cancelled"

    func testReportsAGroupContextTheTasksDoNotUse() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"

        \t"golang.org/x/sync/errgroup"
        )

        func fetchAll(ctx context.Context, urls []string) error {
        \tg, gctx := errgroup.WithContext(ctx)
        \tfor _, url := range urls {
        \t\turl := url
        \t\tg.Go(func() error { return fetch(ctx, url) })
        \t}
        \t_ = gctx
        \treturn g.Wait()
        }

        func discarded(ctx context.Context, urls []string) error {
        \tg, _ := errgroup.WithContext(ctx)
        \tfor _, url := range urls {
        \t\turl := url
        \t\tg.Go(func() error { return fetch(ctx, url) })
        \t}
        \treturn g.Wait()
        }

        func handler(w http.ResponseWriter, r *http.Request) {
        \tvar group, groupCtx = errgroup.WithContext(r.Context())
        \tgroup.Go(func() error { return fetch(r.Context(), "a") })
        \tgroup.Go(func() error { return fetch(r.Context(), "b") })
        \tgroup.Wait()
        \t_ = groupCtx
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "11:5: warning: gctx from errgroup.WithContext is not used by the g.Go tasks, which use ctx instead: \(siblings); pass gctx to them [errgroup-context-unused]",
            "21:5: warning: the context returned by errgroup.WithContext is discarded: \(siblings); name it and use it in the tasks (or use a plain errgroup.Group) [errgroup-context-unused]",
            "30:13: warning: groupCtx from errgroup.WithContext is not used by the group.Go tasks, which use r.Context() instead: \(siblings); pass groupCtx to them [errgroup-context-unused]",
        ])
    }

    func testSilentWhenTheTasksUseTheGroupContext() {
        let source = """
        package p

        import (
        \t"context"

        \t"golang.org/x/sync/errgroup"
        )

        func good(ctx context.Context, urls []string) error {
        \tg, gctx := errgroup.WithContext(ctx)
        \tfor _, url := range urls {
        \t\turl := url
        \t\tg.Go(func() error { return fetch(gctx, url) })
        \t}
        \treturn g.Wait()
        }

        func shadowing(ctx context.Context) error {
        \tg, ctx := errgroup.WithContext(ctx)
        \tg.Go(func() error { return fetch(ctx, "a") })
        \treturn g.Wait()
        }

        func derived(ctx context.Context) error {
        \tg, gctx := errgroup.WithContext(ctx)
        \tinner, cancel := context.WithCancel(gctx)
        \tdefer cancel()
        \tg.Go(func() error { return fetch(inner, "a") })
        \tg.Go(func() error { defer cancel(); return fetch(ctx, "b") })
        \treturn g.Wait()
        }

        func noParentInTasks(ctx context.Context) error {
        \tg, gctx := errgroup.WithContext(ctx)
        \tg.Go(func() error { return nil })
        \t<-gctx.Done()
        \treturn g.Wait()
        }

        func namedTasks(ctx context.Context) error {
        \tg, gctx := errgroup.WithContext(ctx)
        \tg.Go(work)
        \t_ = gctx
        \treturn g.Wait()
        }

        func work() error { return nil }

        func fetch(ctx context.Context, url string) error { return nil }
        """
        XCTAssertEqual(findings(source, only: rule), [])
    }
}

extension ErrgroupContextUnusedTests {
    func testSilentForOtherPackages() {
        let cases = [
            "package p\nimport \"example.com/errgroup\"\nfunc f(ctx context.Context) { g, _ := errgroup.WithContext(ctx); g.Go(func() error { return use(ctx) }) }",
            "package p\nimport \"golang.org/x/sync/errgroup\"\nfunc f() { var g errgroup.Group; g.Go(func() error { return nil }) }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }
}

extension ErrgroupContextUnusedTests {
    func testReportsVarFormsAliasesAndDerivedParents() {
        let source = """
        package p

        import (
        \t"context"
        \t"time"

        \teg "golang.org/x/sync/errgroup"
        )

        func a(ctx context.Context) error {
        \tvar g, _ = eg.WithContext(ctx)
        \tg.Go(func() error { return nil })
        \treturn g.Wait()
        }

        func b(parent context.Context) error {
        \tctx, cancel := context.WithTimeout(parent, time.Second)
        \tdefer cancel()
        \tg, gctx := eg.WithContext(ctx)
        \tg.Go(func() error { return run(ctx) })
        \tg.Go(func() error { return run(ctx) })
        \t<-gctx.Done()
        \treturn g.Wait()
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "11:9: warning: the context returned by errgroup.WithContext is discarded: \(siblings); name it and use it in the tasks (or use a plain errgroup.Group) [errgroup-context-unused]",
            "19:5: warning: gctx from errgroup.WithContext is not used by the g.Go tasks, which use ctx instead: \(siblings); pass gctx to them [errgroup-context-unused]",
        ])
    }
}
