import XCTest

final class ContextPointerTests: XCTestCase {
    let rule = "context-pointer"
    let advice = "pass and store context.Context by value; a pointer to the interface keeps the context and its cancellation alive in the holder and invites races [context-pointer]"

    func testExactMessage() {
        XCTAssertEqual(findings("package p\n\nimport \"context\"\n\nfunc f(ctx *context.Context) {}\n", only: rule), [
            "5:12: warning: parameter ctx has type *context.Context: pass and store context.Context by value; a pointer to the interface keeps the context and its cancellation alive in the holder and invites races [context-pointer]",
        ])
    }

    func testEveryPlaceOfThePointerType() {
        let source = """
        package p

        import gocontext "context"

        type holder struct {
        \tparent *gocontext.Context
        }

        type ContextRef *gocontext.Context

        var current *gocontext.Context

        func get() (*gocontext.Context, error) { return nil, nil }

        func all(byName map[string]*gocontext.Context, list []*gocontext.Context, fixed [2]*gocontext.Context,
        \tch chan *gocontext.Context, rest ...*gocontext.Context) {
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "6:9: warning: field parent has type *context.Context: \(advice)",
            "9:17: warning: type ContextRef has type *context.Context: \(advice)",
            "11:13: warning: variable current has type *context.Context: \(advice)",
            "13:13: warning: result has type *context.Context: \(advice)",
            "15:28: warning: map value has type *context.Context: \(advice)",
            "15:55: warning: slice element has type *context.Context: \(advice)",
            "15:84: warning: array element has type *context.Context: \(advice)",
            "16:10: warning: channel element has type *context.Context: \(advice)",
            "16:38: warning: parameter rest has type *context.Context: \(advice)",
        ])
    }

    func testAddressOfAContextStored() {
        let source = """
        package p

        import "context"

        type job struct{ ctx interface{} }

        func f(ctx context.Context, ch chan interface{}) interface{} {
        \tp := &ctx
        \tj := job{ctx: &ctx}
        \tch <- &ctx
        \tuse(p, j)
        \treturn &ctx
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "8:7: warning: `&ctx` stores a pointer to a context: \(advice)",
            "9:16: warning: `&ctx` stores a pointer to a context: \(advice)",
            "10:8: warning: `&ctx` stores a pointer to a context: \(advice)",
            "12:9: warning: `&ctx` stores a pointer to a context: \(advice)",
        ])
    }

    func testNotReported() {
        let sources = [
            // By value.
            "package p\nimport \"context\"\nfunc f(ctx context.Context) context.Context { return ctx }\n",
            // The reflection idiom for the interface type.
            "package p\nimport (\n\t\"context\"\n\t\"reflect\"\n)\nvar contextType = reflect.TypeOf((*context.Context)(nil)).Elem()\n",
            // Another package's Context.
            "package p\nimport \"example.com/app/context\"\nfunc f(c *context.Context) {}\n",
            // No import of context at all.
            "package p\ntype Context struct{}\nfunc f(c *Context) {}\n",
            // The address of something that is not a context, and &ctx passed, not stored.
            "package p\nimport \"context\"\nfunc f(ctx context.Context, n int) { p := &n; scan(&ctx); use(p) }\n",
            // A dereference expression, not a type.
            "package p\nimport \"context\"\nfunc f(pp *int) int { return *pp }\n",
        ]
        for source in sources {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }
}
