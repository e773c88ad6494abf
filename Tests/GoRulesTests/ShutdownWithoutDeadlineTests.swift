import XCTest

final class ShutdownWithoutDeadlineTests: XCTestCase {
    let rule = "shutdown-without-deadline"
    let advice = "graceful shutdown waits for every active connection, for ever if one never closes; pass a context from context.WithTimeout [shutdown-without-deadline]"

    func testReportsShutdownWithoutADeadline() {
        let source = """
        package p

        import (
        \t"context"
        \t"log"
        \t"net/http"
        \t"time"
        )

        type App struct {
        \tserver *http.Server
        }

        type embedded struct {
        \t*http.Server
        }

        func run(ctx context.Context, handler http.Handler) {
        \tsrv := &http.Server{Addr: ":8080", Handler: handler}
        \tgo srv.ListenAndServe()
        \t<-ctx.Done()
        \tif err := srv.Shutdown(context.Background()); err != nil {
        \t\tlog.Print(err)
        \t}
        }

        func (a *App) Stop() error {
        \tctx, cancel := context.WithCancel(context.Background())
        \tdefer cancel()
        \treturn a.server.Shutdown(ctx)
        }

        func (e embedded) Close(ctx context.Context) {
        \te.Shutdown(context.TODO())
        \te.Shutdown(context.WithoutCancel(ctx))
        }

        func withValue(srv *http.Server) {
        \tbase := context.WithValue(context.Background(), key{}, 1)
        \tsrv.Shutdown(base)
        }

        func good(srv *http.Server, parent context.Context) {
        \tctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
        \tdefer cancel()
        \tsrv.Shutdown(ctx)
        \tsrv.Shutdown(parent)
        }

        type key struct{}
        """
        XCTAssertEqual(findings(source, only: rule), [
            "22:25: warning: srv.Shutdown(context.Background()) has no deadline: \(advice)",
            "30:27: warning: the context passed to a.server.Shutdown has no deadline (it derives from context.Background() without a timeout): \(advice)",
            "34:13: warning: e.Shutdown(context.TODO()) has no deadline: \(advice)",
            "35:13: warning: the context passed to e.Shutdown has no deadline (context.WithoutCancel dropped its deadline): \(advice)",
            "40:15: warning: the context passed to srv.Shutdown has no deadline (it derives from context.Background() without a timeout): \(advice)",
        ])
    }
}

extension ShutdownWithoutDeadlineTests {
    func testSilentCases() {
        let cases = [
            // A deadline on some path: unknown, not reported.
            "package p\nimport (\n\t\"context\"\n\t\"net/http\"\n\t\"time\"\n)\nfunc f(srv *http.Server, slow bool) { ctx := context.Background(); if slow { ctx, _ = context.WithTimeout(ctx, time.Second) }; srv.Shutdown(ctx) }",
            // Not an http.Server: a type of another file.
            "package p\nimport (\n\t\"context\"\n\t\"net/http\"\n)\nvar _ http.Handler\nfunc f(s *grpcServer) { s.Shutdown(context.Background()) }",
            // A local type with its own Shutdown.
            "package p\nimport (\n\t\"context\"\n\t\"net/http\"\n)\ntype srv struct{ *http.Server }\nfunc (s srv) Shutdown(ctx context.Context) error { return nil }\nfunc f(s srv) { s.Shutdown(context.Background()) }",
            // The caller's context: its deadline is the caller's business.
            "package p\nimport (\n\t\"context\"\n\t\"net/http\"\n)\nfunc f(ctx context.Context, srv *http.Server) error { return srv.Shutdown(ctx) }",
            // A server of a test.
            "package p\nimport (\n\t\"context\"\n\t\"net/http\"\n)\nfunc f(srv *http.Server) { srv.Shutdown(context.Background()) }",
        ]
        for (index, source) in cases.enumerated() {
            XCTAssertEqual(findings(source, only: rule, path: index == cases.count - 1 ? "server_test.go" : "server.go"), [], source)
        }
    }
}
