import LintCore
import XCTest

final class ContextNotFirstTests: XCTestCase {
    let rule = "context-not-first"
    let convention = "by convention the context comes first, so that it is seen and passed along [context-not-first]"

    func testReportsContextsAfterOtherParameters() {
        let source = """
        package p

        import (
        \t"context"
        \t"testing"
        )

        type Store struct{}

        func (s *Store) Get(key string, ctx context.Context) error { return nil }

        func Copy(dst, src string, ctx context.Context) error { return nil }

        func unnamed(int, context.Context) {}

        type Fetcher interface {
        \tFetch(url string, ctx context.Context) ([]byte, error)
        \tClose() error
        }

        func first(ctx context.Context, key string) {}

        func two(ctx, other context.Context) {}

        func helper(t *testing.T, ctx context.Context) {}

        func benchHelper(tb testing.TB, ctx context.Context) {}

        func notAllowed(t *testing.T, n int, ctx context.Context) {}

        func none(a, b int) {}

        var literal = func(n int, ctx context.Context) {}
        """
        XCTAssertEqual(findings(source, only: rule), [
            "10:33: info: the context.Context parameter ctx of Get is not its first parameter: \(convention)",
            "12:28: info: the context.Context parameter ctx of Copy is not its first parameter: \(convention)",
            "14:19: info: the context.Context parameter of unnamed is not its first parameter: \(convention)",
            "17:20: info: the context.Context parameter ctx of Fetch is not its first parameter: \(convention)",
            "29:38: info: the context.Context parameter ctx of notAllowed is not its first parameter: \(convention)",
        ])
    }
}

extension ContextNotFirstTests {
    func testSilentCases() {
        let cases = [
            "package p\nimport \"context\"\nfunc f(ctx context.Context, n int) {}",
            "package p\nimport \"context\"\nfunc (s *S) f(ctx context.Context, n int) {}",
            "package p\nimport \"context\"\nfunc f(parent, child context.Context) {}",
            "package p\nimport (\n\t\"context\"\n\t\"testing\"\n)\nfunc helper(t *testing.T, ctx context.Context) {}",
            // Function literals follow the callback type they implement.
            "package p\nimport \"context\"\nvar f = func(n int, ctx context.Context) {}",
            // Another package's Context.
            "package p\nimport \"example.com/context\"\nfunc f(n int, ctx context.Context) {}",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }

    func testAContextAfterOtherParametersIsReportedEvenWhenOneComesFirst() {
        let source = "package p\nimport \"context\"\nfunc merge(ctx context.Context, name string, other context.Context) {}\n"
        XCTAssertEqual(findings(source, only: rule), [
            "3:46: info: the context.Context parameter other of merge is not its first parameter: \(convention)",
        ])
    }

    func testAllowedTypesBeforeTheContextAreConfigurable() {
        let source = "package p\nimport (\n\t\"context\"\n\t\"log/slog\"\n)\nfunc f(logger *slog.Logger, ctx context.Context) {}\n"
        XCTAssertEqual(findings(source, only: rule).count, 1)
        let settings = LintSettings(rules: [rule: RuleSettings(options: ["allow-types-before": .list(["*slog.Logger"])])])
        XCTAssertEqual(findings(source, only: rule, settings: settings), [])
    }
}
