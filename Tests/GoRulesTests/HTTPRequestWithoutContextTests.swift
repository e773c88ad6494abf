import XCTest

final class HTTPRequestWithoutContextTests: XCTestCase {
    let rule = "http-request-without-context"

    func testReportsRequestsNoContextCanCancel() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"
        \t"net/url"
        \t"strings"
        )

        type Client struct {
        \thttp *http.Client
        \tbase string
        }

        func fetch(url string) (*http.Response, error) {
        \treq, err := http.NewRequest("GET", url, nil)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \treturn http.DefaultClient.Do(req)
        }

        func (c *Client) get(ctx context.Context, path string) (*http.Response, error) {
        \treq, err := http.NewRequest(http.MethodGet, c.base+path, nil)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \treturn c.http.Do(req)
        }

        func (c *Client) sends(ctx context.Context, form url.Values) {
        \thttp.Get(c.base)
        \thttp.Head(c.base)
        \thttp.Post(c.base, "text/plain", strings.NewReader(""))
        \thttp.PostForm(c.base, form)
        \tc.http.Get(c.base)
        \thttp.DefaultClient.Post(c.base, "text/plain", nil)
        \tclient := &http.Client{}
        \tclient.PostForm(c.base, form)
        }

        func handler(w http.ResponseWriter, r *http.Request) {
        \tctx := r.Context()
        \treq, _ := http.NewRequest("GET", "http://upstream/", nil)
        \thttp.DefaultClient.Do(req)
        \t_ = ctx
        }
        """
        let send = "sends a request that no context can cancel"
        let defaultClient = "(and the default client has no timeout): build it with http.NewRequestWithContext(ctx, ...) and send it with http.DefaultClient.Do [http-request-without-context]"
        XCTAssertEqual(findings(source, only: rule), [
            "16:14: warning: http.NewRequest builds a request that no context can cancel: use http.NewRequestWithContext with the caller's context [http-request-without-context]",
            "24:14: warning: http.NewRequest builds a request that no context can cancel: use http.NewRequestWithContext(ctx, ...) [http-request-without-context]",
            "32:2: warning: http.Get \(send) \(defaultClient)",
            "33:2: warning: http.Head \(send) \(defaultClient)",
            "34:2: warning: http.Post \(send) \(defaultClient)",
            "35:2: warning: http.PostForm \(send) \(defaultClient)",
            "36:2: warning: c.http.Get \(send): build it with http.NewRequestWithContext(ctx, ...) and send it with c.http.Do [http-request-without-context]",
            "37:2: warning: http.DefaultClient.Post \(send): build it with http.NewRequestWithContext(ctx, ...) and send it with http.DefaultClient.Do [http-request-without-context]",
            "39:2: warning: client.PostForm \(send): build it with http.NewRequestWithContext(ctx, ...) and send it with client.Do [http-request-without-context]",
            "44:12: warning: http.NewRequest builds a request that no context can cancel: use http.NewRequestWithContext(ctx, ...) [http-request-without-context]",
        ])
    }

    func testSilentWhenTheRequestGetsAContextLater() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"

        \t"golang.org/x/net/context/ctxhttp"
        )

        func attached(ctx context.Context, client *http.Client) {
        \treq, _ := http.NewRequest("GET", "http://a/", nil)
        \treq = req.WithContext(ctx)
        \tclient.Do(req)

        \treq2, _ := http.NewRequest("GET", "http://b/", nil)
        \tctxhttp.Do(ctx, client, req2)

        \treq3, _ := http.NewRequest("GET", "http://c/", nil)
        \treq3.Cancel = ctx.Done()
        \tclient.Do(req3)

        \treq4, _ := http.NewRequest("GET", "http://d/", nil)
        \tdo(ctx, req4)

        \treq5, _ := http.NewRequestWithContext(ctx, "GET", "http://e/", nil)
        \tclient.Do(req5)
        }

        func newRequest(method, url string) (*http.Request, error) {
        \treturn http.NewRequest(method, url, nil)
        }

        func newRequest2(method, url string) (*http.Request, error) {
        \treq, err := http.NewRequest(method, url, nil)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \treq.Header.Set("User-Agent", "x")
        \treturn req, nil
        }

        type notHTTP struct{}

        func (notHTTP) Get(string) {}

        func other(c notHTTP, m map[string]string) {
        \tc.Get("x")
        \tget := m["x"]
        \t_ = get
        }

        func do(ctx context.Context, r *http.Request) {}
        """
        XCTAssertEqual(findings(source, only: rule), [])
    }
}

extension HTTPRequestWithoutContextTests {
    func testSilentForLookalikes() {
        let cases = [
            // Not net/http's Get.
            "package p\nimport \"example.com/http\"\nfunc f() { http.Get(\"x\") }",
            // A local variable named http.
            "package p\nimport \"net/http\"\nfunc f(h *http.ServeMux) { http := fake{}; http.Get(\"x\"); _ = h }",
            // A Get method of a type that is not an http.Client.
            "package p\nimport \"net/http\"\ntype cache struct{}\nfunc (cache) Get(string) {}\nfunc f(c cache, h http.Handler) { c.Get(\"x\") }",
            // The file does not import net/http.
            "package p\nfunc f(client *http.Client) { client.Get(\"x\") }",
            // With a context already.
            "package p\nimport (\n\t\"context\"\n\t\"net/http\"\n)\nfunc f(ctx context.Context) { req, _ := http.NewRequestWithContext(ctx, \"GET\", \"/\", nil); http.DefaultClient.Do(req) }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }

    func testTestFilesAreReportedOnlyWithAContextInScope() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"
        \t"testing"
        )

        func TestHandler(t *testing.T) {
        \treq, _ := http.NewRequest("GET", "/orders", nil)
        \tserve(req)
        \thttp.Get("http://127.0.0.1:8080/")
        }

        func TestCancel(t *testing.T) {
        \tctx, cancel := context.WithCancel(context.Background())
        \tdefer cancel()
        \thttp.Get("http://127.0.0.1:8080/")
        \t_ = ctx
        }
        """
        XCTAssertEqual(findings(source, only: rule, path: "handler_test.go"), [
            "18:2: warning: http.Get sends a request that no context can cancel (and the default client has no timeout): build it with http.NewRequestWithContext(ctx, ...) and send it with http.DefaultClient.Do [http-request-without-context]",
        ])
    }

    func testFixUsesNewRequestWithContext() {
        let source = """
        package p

        import (
        \t"context"
        \tnethttp "net/http"
        )

        func get(ctx context.Context, url string) (*nethttp.Response, error) {
        \treq, err := nethttp.NewRequest(nethttp.MethodGet, url, nil)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \treturn nethttp.DefaultClient.Do(req)
        }

        func noContext(url string) { nethttp.NewRequest("GET", url, nil) }
        """
        XCTAssertEqual(applyingFixes(source, only: rule), """
        package p

        import (
        \t"context"
        \tnethttp "net/http"
        )

        func get(ctx context.Context, url string) (*nethttp.Response, error) {
        \treq, err := nethttp.NewRequestWithContext(ctx, nethttp.MethodGet, url, nil)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \treturn nethttp.DefaultClient.Do(req)
        }

        func noContext(url string) { nethttp.NewRequest("GET", url, nil) }
        """)
    }
}

extension HTTPRequestWithoutContextTests {
    func testARequestBeingBuiltIsNoContextToUse() {
        let source = """
        package p

        import "net/http"

        func requestWithBody(method, path string) (req *http.Request) {
        \treq, _ = http.NewRequest(method, path, nil)
        \treturn
        }

        func build(url string) *http.Request {
        \tvar req *http.Request
        \treq, _ = http.NewRequest("GET", url, nil)
        \thttp.DefaultClient.Do(req)
        \treturn nil
        }
        """
        XCTAssertEqual(findings(source, only: rule, path: "helpers_test.go"), [])
        XCTAssertEqual(findings(source, only: rule), [
            "12:11: warning: http.NewRequest builds a request that no context can cancel: use http.NewRequestWithContext with the caller's context [http-request-without-context]",
        ])
    }
}

extension HTTPRequestWithoutContextTests {
    func testSilentWhenAFunctionOfTheFileAttachesTheContext() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"
        \t"time"
        )

        func token(url string) error {
        \treq, err := http.NewRequest("PUT", url, nil)
        \tif err != nil {
        \t\treturn err
        \t}
        \treturn execute(req, time.Second)
        }

        func execute(req *http.Request, timeout time.Duration) error {
        \tctx, cancel := context.WithTimeout(req.Context(), timeout)
        \tdefer cancel()
        \t_, err := http.DefaultClient.Do(req.WithContext(ctx))
        \treturn err
        }
        """
        XCTAssertEqual(findings(source, only: rule), [])
    }
}
