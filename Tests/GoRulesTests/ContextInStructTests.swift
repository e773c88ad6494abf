import XCTest

final class ContextInStructTests: XCTestCase {
    let rule = "context-in-struct"
    let advice = "a context belongs to one call; pass it as the first parameter of the methods that need it [context-in-struct]"

    func testReportsContextFieldsButNotContextWrappersAndCarriers() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"
        )

        type Worker struct {
        \tctx    context.Context
        \tcancel context.CancelFunc
        }

        type Job struct {
        \tName string
        \tCtx, Parent context.Context
        }

        var pending = []struct {
        \tctx context.Context
        \tid  int
        }{}

        // detached is a context itself: it embeds one.
        type detached struct {
        \tcontext.Context
        }

        // request carries its context and hands it out, like http.Request.
        type request struct {
        \tctx context.Context
        \tr   *http.Request
        }

        func (r *request) Context() context.Context { return r.ctx }

        // valueOnly implements Value over a parent it keeps.
        type valueOnly struct {
        \tparent context.Context
        }

        func (v valueOnly) Value(key any) any { return v.parent.Value(key) }

        type plain struct {
        \tname string
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "9:2: info: struct field ctx of Worker stores a context.Context: \(advice)",
            "15:2: info: struct field Ctx of Job stores a context.Context: \(advice)",
            "19:2: info: struct field ctx stores a context.Context: \(advice)",
        ])
    }
}

extension ContextInStructTests {
    func testResolvesAliasesAndConfiguredTypes() {
        let source = "package p\nimport stdctx \"context\"\ntype S struct {\n\tc stdctx.Context\n}\n"
        XCTAssertEqual(findings(source, only: rule), [
            "4:2: info: struct field c of S stores a stdctx.Context: \(advice)",
        ])
    }

    func testSilentCases() {
        let cases = [
            // No context package: a Context of another package.
            "package p\nimport \"example.com/context\"\ntype S struct { ctx context.Context }",
            // A cancel function is not a context.
            "package p\nimport \"context\"\ntype S struct { cancel context.CancelFunc }",
            // A pointer to a struct holding one is another type's business.
            "package p\nimport \"context\"\ntype S struct { parent *T; _ context.CancelFunc }",
            // A context in a function's parameters, not in a struct.
            "package p\nimport \"context\"\ntype F func(ctx context.Context) error",
            // A type with a Done method is a context implementation.
            "package p\nimport \"context\"\ntype c struct { parent context.Context }\nfunc (x *c) Done() <-chan struct{} { return x.parent.Done() }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }

    func testTestTablesAreNotReportedButNamedTypesInTestsAre() {
        let source = """
        package p

        import (
        \t"context"
        \t"testing"
        )

        type fixture struct {
        \tctx context.Context
        }

        func TestF(t *testing.T) {
        \tfor _, tc := range []struct {
        \t\tctx  context.Context
        \t\twant error
        \t}{} {
        \t\t_ = tc
        \t}
        }
        """
        XCTAssertEqual(findings(source, only: rule, path: "f_test.go"), [
            "9:2: info: struct field ctx of fixture stores a context.Context: \(advice)",
        ])
    }
}
