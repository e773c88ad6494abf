import GoRules
import LintCore
import XCTest

/// Suppression comments in real Go, through the engine: the Go front end supplies the comments
/// and, for golangci-lint's `//nolint` above a declaration, where that declaration ends.
final class SuppressionGoTests: XCTestCase {
    private func lint(_ source: String, path: String = "example.go") -> [String] {
        let diagnostics = LintEngine(frontEnds: [GoFrontEnd()])
            .lint(SourceFile(path: path, text: source), settings: LintSettings()) ?? []
        return diagnostics.map(render)
    }

    static let leaky = """
        package p

        import "context"

        func a(parent context.Context) {
        \tctx, _ := context.WithCancel(parent)
        \t_ = ctx
        }

        """

    func testIgnoreOnTheLineBeforeAndAtTheEnd() {
        XCTAssertEqual(lint(Self.leaky.replacingOccurrences(
            of: "\tctx, _ :=", with: "\t//cancellint:ignore lost-cancel-discarded the parent is per-call\n\tctx, _ :=")), [])
        XCTAssertEqual(lint(Self.leaky.replacingOccurrences(
            of: "(parent)\n", with: "(parent) //cancellint:ignore lost-cancel-discarded the parent is per-call\n")), [])
    }

    func testNolintAboveAFunctionCoversItsWholeBody() {
        XCTAssertEqual(lint(Self.leaky.replacingOccurrences(of: "func a(", with: "//nolint:lost-cancel-discarded // legacy\nfunc a(")), [])
        XCTAssertEqual(lint(Self.leaky.replacingOccurrences(of: "func a(", with: "//nolint:cancellint\nfunc a(")), [])
        // Our own form is precise: above the function it reaches only the signature line.
        XCTAssertEqual(lint(Self.leaky.replacingOccurrences(
            of: "func a(", with: "//cancellint:ignore lost-cancel-discarded legacy\nfunc a(")), [
            "5:1: info: suppression of `lost-cancel-discarded` silenced nothing; remove it [unused-suppression]",
            "7:7: error: the cancel function returned by context.WithCancel is discarded; the context lives until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
        ])
    }

    func testNolintAboveAMultiLineStatementCoversAllOfIt() {
        let source = """
            package p

            import "context"

            func a(parent context.Context) {
            \t//nolint:lost-cancel-discarded // handed to the pool, which cancels it
            \tctx, _ :=
            \t\tcontext.WithCancel(parent)
            \t_ = ctx
            \tctx2, _ := context.WithCancel(parent)
            \t_ = ctx2
            }

            """
        XCTAssertEqual(lint(source), [
            "10:8: error: the cancel function returned by context.WithCancel is discarded; the context lives until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]",
        ])
    }

    func testDirectivesInsideStringsAndBlockCommentsAreText() {
        let source = """
            package p

            const usage = "//cancellint:ignore lost-cancel-discarded not a comment"

            /*
            //cancellint:ignore lost-cancel-discarded inside a block comment
            */
            var x = `
            //nolint:cancellint
            `

            """
        XCTAssertEqual(lint(source), [])
    }

    func testSyntaxErrorsCanBeSuppressedForTheWholeFile() {
        let broken = "package p\n\nfunc f() {\n\tgo func() {}(\n}\n"
        XCTAssertEqual(Set(lint(broken).map { $0.hasSuffix("[syntax-error]") }), [true])
        XCTAssertEqual(lint("//cancellint:file-ignore syntax-error uses syntax the parser does not know yet\n" + broken), [])
    }

    func testTheGoFrontEndDeclaresItsConfigurableParts() {
        let frontEnd = GoFrontEnd()
        XCTAssertEqual(frontEnd.languageOptions.map(\.name), ["extra-context-types"])
        XCTAssertEqual(frontEnd.testFilePatterns, ["*_test.go"])
        let schema = ConfigurationSchema(frontEnds: [frontEnd])
        XCTAssertEqual(schema.categories, ["cancellation", "concurrency", "conventions", "lifecycle", "propagation", "suppression", "syntax", "values"])
        XCTAssertNoThrow(try Configuration.parse("go:\n  version: \"1.22\"\n  extra-context-types: [echo.Context]\n",
                                                 path: "c.yml", directory: "/", schema: schema))
    }
}
