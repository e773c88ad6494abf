import XCTest

final class ContextKeyBuiltinTests: XCTestCase {
    let rule = "context-key-builtin"
    let collide = "keys of built-in types collide across packages; use a value of an unexported key type (`type ctxKey struct{}`) [context-key-builtin]"

    func testReportsKeysOfBuiltinTypes() {
        let source = """
        package p

        import "context"

        const userKey = "user"

        const (
        \ttraceKey = iota
        \tspanKey
        )

        var tenantKey = "tenant"

        type ctxKey int

        const (
        \trequestKey ctxKey = iota
        \tsessionKey
        )

        func set(ctx context.Context, key string, v any) context.Context {
        \tctx = context.WithValue(ctx, "request-id", v)
        \tctx = context.WithValue(ctx, 42, v)
        \tctx = context.WithValue(ctx, true, v)
        \tctx = context.WithValue(ctx, string(ctxKey(1)), v)
        \tctx = context.WithValue(ctx, userKey, v)
        \tctx = context.WithValue(ctx, spanKey, v)
        \tctx = context.WithValue(ctx, tenantKey, v)
        \tctx = context.WithValue(ctx, key, v)
        \tlocal := 'k'
        \tctx = context.WithValue(ctx, local, v)
        \tctx = context.WithValue(ctx, requestKey, v)
        \tctx = context.WithValue(ctx, sessionKey, v)
        \tctx = context.WithValue(ctx, ctxKey(3), v)
        \tctx = context.WithValue(ctx, struct{}{}, v)
        \tctx = context.WithValue(ctx, otherFileKey, v)
        \treturn ctx
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "22:31: warning: the context key \"request-id\" is of built-in type string: \(collide)",
            "23:31: warning: the context key 42 is of built-in type int: \(collide)",
            "24:31: warning: the context key true is of built-in type bool: \(collide)",
            "25:31: warning: the context key is of built-in type string: \(collide)",
            "26:31: warning: the context key userKey is of built-in type string: \(collide)",
            "27:31: warning: the context key spanKey is of built-in type int: \(collide)",
            "28:31: warning: the context key tenantKey is of built-in type string: \(collide)",
            "29:31: warning: the context key key is of built-in type string: \(collide)",
            "31:31: warning: the context key local is of built-in type rune: \(collide)",
        ])
    }
}

extension ContextKeyBuiltinTests {
    func testSilentForKeysOfOwnTypes() {
        let cases = [
            "package p\nimport \"context\"\ntype key struct{}\nfunc f(ctx context.Context) context.Context { return context.WithValue(ctx, key{}, 1) }",
            "package p\nimport \"context\"\ntype key string\nconst userKey key = \"user\"\nfunc f(ctx context.Context) context.Context { return context.WithValue(ctx, userKey, 1) }",
            "package p\nimport \"context\"\ntype key int\nconst (\n\ta key = iota\n\tb\n)\nfunc f(ctx context.Context) context.Context { return context.WithValue(ctx, b, 1) }",
            // A type that shadows a built-in name is not built in.
            "package p\nimport \"context\"\ntype string struct{}\nfunc f(ctx context.Context, k string) context.Context { return context.WithValue(ctx, k, 1) }",
            // A key declared in another file, or a package's exported key: unknown.
            "package p\nimport (\n\t\"context\"\n\t\"example.com/auth\"\n)\nfunc f(ctx context.Context) context.Context { return context.WithValue(context.WithValue(ctx, auth.UserKey, 1), keyOfOtherFile, 2) }",
            // Not the context package.
            "package p\nimport \"example.com/context\"\nfunc f(ctx context.Context) { context.WithValue(ctx, \"k\", 1) }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }

    func testTestFilesAreNotReported() {
        let source = "package p\nimport \"context\"\nfunc f(ctx context.Context) context.Context { return context.WithValue(ctx, \"k\", 1) }\n"
        XCTAssertEqual(findings(source, only: rule, path: "keys_test.go"), [])
    }
}
