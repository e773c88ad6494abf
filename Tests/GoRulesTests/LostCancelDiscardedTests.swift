import XCTest

final class LostCancelDiscardedTests: XCTestCase {
    let rule = "lost-cancel-discarded"

    func testReportsEachConstructorWithBlankCancel() {
        let source = """
        package p

        import (
        \t"context"
        \t"os"
        \t"os/signal"
        \t"time"
        )

        func f(parent context.Context) {
        \ta, _ := context.WithCancel(parent)
        \tb, _ := context.WithTimeout(parent, time.Second)
        \tc, _ := context.WithDeadline(parent, time.Now())
        \td, _ := context.WithCancelCause(parent)
        \te, _ := context.WithTimeoutCause(parent, time.Second, nil)
        \tg, _ := context.WithDeadlineCause(parent, time.Now(), nil)
        \th, _ := signal.NotifyContext(parent, os.Interrupt)
        \tuse(a, b, c, d, e, g, h)
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "11:5: error: the cancel function returned by context.WithCancel is discarded; the context lives until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
            "12:5: error: the cancel function returned by context.WithTimeout is discarded; the context and its timer live until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
            "13:5: error: the cancel function returned by context.WithDeadline is discarded; the context and its timer live until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
            "14:5: error: the cancel function returned by context.WithCancelCause is discarded; the context lives until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
            "15:5: error: the cancel function returned by context.WithTimeoutCause is discarded; the context and its timer live until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
            "16:5: error: the cancel function returned by context.WithDeadlineCause is discarded; the context and its timer live until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
            "17:5: error: the stop function returned by signal.NotifyContext is discarded; the context lives until the parent is cancelled: name it and call it (`defer stop()`) [lost-cancel-discarded]",
        ])
    }
}

extension LostCancelDiscardedTests {
    func testResolvesImportAliasAndVarForm() {
        let source = """
        package p

        import stdctx "context"

        var background = stdctx.Background()

        func f() {
        \tvar ctx, _ = stdctx.WithCancel(background)
        \tctx2 := ctx
        \tctx2, _ = stdctx.WithCancel(ctx)
        \t_ = ctx2
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "8:11: error: the cancel function returned by context.WithCancel is discarded; the context lives until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
            "10:8: error: the cancel function returned by context.WithCancel is discarded; the context lives until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
        ])
    }

    func testIgnoresNamedCancelAndLookalikes() {
        let cases = [
            // Named and deferred.
            "package p\nimport \"context\"\nfunc f(p context.Context) { c, cancel := context.WithCancel(p); defer cancel(); use(c) }",
            // A local function called WithCancel is not context's.
            "package p\nfunc WithCancel(x int) (int, int) { return x, x }\nfunc f() { a, _ := WithCancel(1); use(a) }",
            // Another package's WithCancel.
            "package p\nimport \"example.com/context2\"\nfunc f() { a, _ := context2.WithCancel(nil); use(a) }",
            // The file does not import context at all: `context` is something else.
            "package p\nfunc f(context fake) { a, _ := context.WithCancel(nil); use(a) }",
            // A local variable shadows the package name.
            "package p\nimport \"context\"\nfunc f() { context := fake{}; a, _ := context.WithCancel(nil); use(a) }",
            // Discarding the context, not the cancel.
            "package p\nimport \"context\"\nfunc f(p context.Context) { _, cancel := context.WithCancel(p); cancel() }",
            // WithValue has no cancel function.
            "package p\nimport \"context\"\nfunc f(p context.Context) { c := context.WithValue(p, k, 1); use(c) }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }

    func testFixNamesCancelAndDefersIt() {
        let source = """
        package p

        import "context"

        func f(parent context.Context) error {
        \tctx, _ := context.WithCancel(parent) // derived
        \treturn run(ctx)
        }
        """
        XCTAssertEqual(applyingFixes(source, only: rule), """
        package p

        import "context"

        func f(parent context.Context) error {
        \tctx, cancel := context.WithCancel(parent) // derived
        \tdefer cancel()
        \treturn run(ctx)
        }
        """)
    }

    func testNoFixWhenUnsafe() {
        let cases = [
            // The name is already used in the function.
            "package p\nimport \"context\"\nfunc f(p context.Context, cancel func()) {\n\tctx, _ := context.WithCancel(p)\n\tuse(ctx, cancel)\n}\n",
            // Inside a loop a defer would pile up.
            "package p\nimport \"context\"\nfunc f(p context.Context) {\n\tfor {\n\t\tctx, _ := context.WithCancel(p)\n\t\tuse(ctx)\n\t}\n}\n",
            // In an if header there is no next line to put the defer on.
            "package p\nimport \"context\"\nfunc f(p context.Context) {\n\tif ctx, _ := context.WithCancel(p); ok(ctx) {\n\t}\n}\n",
            // Plain assignment: the name would not be declared.
            "package p\nimport \"context\"\nfunc f(p context.Context) {\n\tvar ctx context.Context\n\tctx, _ = context.WithCancel(p)\n\tuse(ctx)\n}\n",
            // More code follows on the same line.
            "package p\nimport \"context\"\nfunc f(p context.Context) {\n\tctx, _ := context.WithCancel(p); use(ctx)\n}\n",
        ]
        for source in cases {
            let found = diagnostics(source, only: rule)
            XCTAssertEqual(found.count, 1, source)
            XCTAssertEqual(found.first?.fixes, [], source)
        }
    }
}
