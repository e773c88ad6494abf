import GoRules
import LintCore
import TestSupport
import XCTest

/// Fixes whose result builds: an import a fix leaves unused is removed with it, and a value of a
/// configured extra context type is passed as a context.Context only through its accessor.
final class FixesCompileTests: XCTestCase {
    private static let handler = """
        func handle(w http.ResponseWriter, r *http.Request) {
        \twork(context.Background())
        }

        """

    /// The text after background-in-scope's fixes; where gofmt is installed, also checked to be
    /// exactly as gofmt writes it (these sources are gofmt's own layout to begin with).
    private func fixed(_ source: String, settings: LintSettings = LintSettings(),
                       file: StaticString = #filePath, line: UInt = #line) -> String {
        let result = applyingFixes(source, only: "background-in-scope", settings: settings, file: file, line: line)
        if let gofmt = ExternalTool(named: "gofmt"), let formatted = try? gofmt.run([], input: Array(result.utf8)) {
            XCTAssertEqual(formatted.output, result, "gofmt would rewrite the fixed text", file: file, line: line)
        }
        return result
    }

    func testTheLastUseOfAGroupedImportTakesItsLineWithIt() {
        XCTAssertEqual(fixed("package h\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\n" + Self.handler), """
            package h

            import (
            \t"net/http"
            )

            func handle(w http.ResponseWriter, r *http.Request) {
            \twork(r.Context())
            }

            """)
    }

    func testASingleImportDeclarationGoesWithOneOfTheBlankLinesAroundIt() {
        XCTAssertEqual(fixed("package h\n\nimport \"context\"\n\nimport \"net/http\"\n\n" + Self.handler),
                       "package h\n\nimport \"net/http\"\n\n" + Self.handler.replacingOccurrences(
                           of: "context.Background()", with: "r.Context()"))
        XCTAssertEqual(fixed("package h\n\nimport (\n\t\"context\"\n)\n\nimport \"net/http\"\n\n" + Self.handler),
                       "package h\n\nimport \"net/http\"\n\n" + Self.handler.replacingOccurrences(
                           of: "context.Background()", with: "r.Context()"))
    }

    func testBlankLinesInsideAGroupStayAsGofmtWritesThem() {
        let after = Self.handler.replacingOccurrences(of: "context.Background()", with: "r.Context()")
        // First of the group, before a blank line: the blank line goes too.
        XCTAssertEqual(fixed("package h\n\nimport (\n\t\"context\" // for work\n\n\t\"net/http\"\n)\n\n" + Self.handler),
                       "package h\n\nimport (\n\t\"net/http\"\n)\n\n" + after)
        // Last of the group, after a blank line: the blank line before it goes.
        XCTAssertEqual(fixed("package h\n\nimport (\n\t\"net/http\"\n\n\tctxpkg \"context\"\n)\n\n"
                             + Self.handler.replacingOccurrences(of: "context.", with: "ctxpkg.")),
                       "package h\n\nimport (\n\t\"net/http\"\n)\n\n" + after)
        // Between two blank lines: one of them stays.
        XCTAssertEqual(fixed("package h\n\nimport (\n\t\"net/http\"\n\n\t\"context\"\n\n\t\"os\"\n)\n\n" + Self.handler
                             + "\nvar _ = os.Args\n"),
                       "package h\n\nimport (\n\t\"net/http\"\n\n\t\"os\"\n)\n\n" + after + "\nvar _ = os.Args\n")
    }

    func testAnImportStillUsedElsewhereStays() {
        let source = "package h\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\n" + Self.handler
            + "func work(ctx context.Context) {}\n"
        XCTAssertEqual(fixed(source), source.replacingOccurrences(of: "context.Background()", with: "r.Context()"))
    }

    func testALocalNamedLikeThePackageIsNoUseOfIt() {
        let source = "package h\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\n" + Self.handler
            + "func other(context struct{ Background func() }) { context.Background() }\n"
        XCTAssertEqual(fixed(source), "package h\n\nimport (\n\t\"net/http\"\n)\n\n"
                       + Self.handler.replacingOccurrences(of: "context.Background()", with: "r.Context()")
                       + "func other(context struct{ Background func() }) { context.Background() }\n")
    }

    func testTheOlderContextPackageIsRemovedTheSameWay() {
        XCTAssertEqual(fixed("package h\n\nimport (\n\t\"net/http\"\n\n\t\"golang.org/x/net/context\"\n)\n\n" + Self.handler),
                       "package h\n\nimport (\n\t\"net/http\"\n)\n\n"
                       + Self.handler.replacingOccurrences(of: "context.Background()", with: "r.Context()"))
    }

    func testAnImportSharingItsLineWithOtherCodeMeansNoFix() {
        let source = "package h\n\nimport \"context\"; import \"net/http\"\n\n" + Self.handler
        XCTAssertEqual(findings(source, only: "background-in-scope"), [
            "6:7: warning: context.Background() drops the cancellation and deadline of r.Context(), which is in scope: "
                + "derive from r.Context() instead (context.WithoutCancel(r.Context()) if the work must outlive the caller) "
                + "[background-in-scope]",
        ])
        XCTAssertEqual(diagnostics(source, only: "background-in-scope").map(\.fixes.count), [0])
    }

    func testTwoFixesTogetherRemovingTheLastUseAreRepairedAfterwards() throws {
        let source = "package h\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\n"
            + "func handle(w http.ResponseWriter, r *http.Request) {\n\twork(context.Background())\n\twork(context.TODO())\n}\n"
        let each = fixed(source)
        XCTAssertTrue(each.contains("\t\"context\"\n"), "neither fix alone removes the last use")
        XCTAssertEqual(ImportEdits.verdict(on: SourceFile(path: "h.go", text: each), original: SourceFile(path: "h.go", text: source)),
                       .repaired(text: Array(each.replacingOccurrences(of: "\t\"context\"\n", with: "").utf8),
                                 note: "removed import \"context\": the fixes removed its last use"))
    }

    func testTheVerdictRejectsFixesThatRemoveAnImportStillUsedOrOneThatSharesItsLine() {
        let original = SourceFile(path: "h.go", text: "package h\n\nimport \"context\"\n\nvar a = context.Background()\n")
        XCTAssertEqual(ImportEdits.verdict(on: SourceFile(path: "h.go", text: "package h\n\nvar a = context.Background()\n"),
                                           original: original),
                       .rejected(reason: "they remove import \"context\", which the fixed text still uses"))
        XCTAssertEqual(ImportEdits.verdict(on: SourceFile(path: "h.go", text: "package h\n\nimport \"context\"; var a = 1\n"),
                                           original: SourceFile(path: "h.go", text: "package h\n\nimport \"context\"; var a = context.TODO()\n")),
                       .rejected(reason: "they remove the last use of import \"context\", which cannot be removed: "
                                 + "other code shares its line"))
        XCTAssertEqual(ImportEdits.verdict(on: original, original: original), .accepted)
        // Blank, dot and cgo imports are never counted as unused.
        let special = SourceFile(path: "h.go", text: "package h\n\nimport (\n\t_ \"embed\"\n\t. \"context\"\n\t\"C\"\n)\n")
        XCTAssertEqual(ImportEdits.verdict(on: special, original: special), .accepted)
    }

    // MARK: Extra context types

    private static let echoSource = """
        package h

        import (
        \t"context"
        \t"database/sql"
        \t"net/http"

        \t"github.com/labstack/echo/v4"
        )

        func handler(c echo.Context, db *sql.DB) error {
        \trun(context.Background())
        \trun(nil)
        \thttp.NewRequest("GET", "/", nil)
        \tdb.Query("SELECT 1")
        \treturn nil
        }

        func run(ctx context.Context) {}

        """

    private func echoSettings(_ item: NameWithAccessor) -> LintSettings {
        LintSettings(options: ["extra-context-types": .accessors([item])])
    }

    func testAnExtraContextTypeWithoutAccessorGetsTheMessagesButNoFix() {
        let settings = echoSettings(NameWithAccessor(name: "echo.Context"))
        let found = diagnostics(Self.echoSource, settings: settings).filter { $0.ruleID != "lost-cancel" }
        XCTAssertEqual(found.map(render), [
            "12:6: warning: context.Background() drops the cancellation and deadline of c, which is in scope: "
                + "derive from c instead (context.WithoutCancel if the work must outlive the caller) [background-in-scope]",
            "13:6: error: nil is passed as the context of run: nothing can cancel the work, and it panics as soon as "
                + "it uses the context; pass c [nil-context]",
            "14:2: warning: http.NewRequest builds a request that no context can cancel: use "
                + "http.NewRequestWithContext(c, ...) [http-request-without-context]",
            "15:5: warning: db.Query cannot be cancelled although c is in scope: the call holds its connection after "
                + "the caller gave up; use db.QueryContext(c, ...) [sql-without-context]",
        ])
        XCTAssertEqual(found.map(\.fixes.count), [0, 0, 0, 0])
    }

    func testAnExtraContextTypeWithAccessorIsPassedThroughIt() {
        let settings = echoSettings(NameWithAccessor(name: "echo.Context", accessor: ".Request().Context()"))
        let found = diagnostics(Self.echoSource, settings: settings).filter { $0.ruleID != "lost-cancel" }
        XCTAssertEqual(found.map { $0.fixes.first?.edits.map(\.replacement) ?? [] }, [
            ["c.Request().Context()"], ["c.Request().Context()"],
            ["NewRequestWithContext", "c.Request().Context(), "], ["QueryContext", "c.Request().Context(), "],
        ])
        XCTAssertEqual(found.first.map(render), "12:6: warning: context.Background() drops the cancellation and deadline "
                       + "of c.Request().Context(), which is in scope: derive from c.Request().Context() instead "
                       + "(context.WithoutCancel(c.Request().Context()) if the work must outlive the caller) [background-in-scope]")
        // A copy of the value is reached the same way.
        let copied = Self.echoSource.replacingOccurrences(of: "\trun(context.Background())", with: "\te := c\n\trun(context.Background())")
        XCTAssertEqual(diagnostics(copied, only: "background-in-scope", settings: settings).first?.fixes.first?.edits.first?.replacement,
                       "e.Request().Context()")
    }

    func testAnEmptyAccessorSaysTheTypeIsAContextItself() {
        let source = "package h\n\nimport (\n\t\"context\"\n\n\t\"github.com/gin-gonic/gin\"\n)\n\n"
            + "func handler(c *gin.Context) {\n\trun(context.Background())\n}\n\nfunc run(ctx context.Context) {}\n"
        let settings = echoSettings(NameWithAccessor(name: "*gin.Context", accessor: ""))
        XCTAssertEqual(fixed(source, settings: settings), source.replacingOccurrences(of: "run(context.Background())", with: "run(c)"))
    }

    // MARK: Configuring accessors

    private func parsedTypes(_ yaml: String) -> Result<OptionValue?, ConfigurationError> {
        let schema = ConfigurationSchema(frontEnds: [GoFrontEnd()])
        do {
            let configuration = try Configuration.parse("go:\n  extra-context-types:\n" + yaml, path: "c.yml",
                                                        directory: "/", schema: schema)
            return .success(configuration.languages["go"]?.options["extra-context-types"])
        } catch {
            return .failure(error)
        }
    }

    func testExtraContextTypesAreStringsOrTypesWithTheirContext() {
        XCTAssertEqual(try parsedTypes("    - echo.Context\n    - type: \"*gin.Context\"\n      context: \"\"\n"
                                       + "    - type: x.Ctx\n      context: .Request().Context()\n    - type: y.Ctx\n").get(),
                       .accessors([NameWithAccessor(name: "echo.Context"), NameWithAccessor(name: "*gin.Context", accessor: ""),
                                   NameWithAccessor(name: "x.Ctx", accessor: ".Request().Context()"),
                                   NameWithAccessor(name: "y.Ctx")]))
        XCTAssertEqual(try parsedTypes("    [echo.Context, \"*gin.Context\"]\n").get(),
                       .accessors([NameWithAccessor(name: "echo.Context"), NameWithAccessor(name: "*gin.Context")]))
        XCTAssertEqual(try parsedTypes("").get(), .accessors([]))
    }

    func testAMalformedExtraContextTypeIsRefusedWithItsPosition() {
        func message(_ yaml: String) -> String? {
            if case .failure(let error) = parsedTypes(yaml) { return error.message }
            return nil
        }
        XCTAssertEqual(message("    - type: echo.Context\n      context: Request().Context()\n"),
                       "expected member calls such as `.Request().Context()` for `context`, found `Request().Context()` "
                       + "at c.yml:4:16; each member starts with `.`; `\"\"` stands for the value itself")
        XCTAssertEqual(message("    - type: echo.Context\n      context: .Request(r)\n"),
                       "expected member calls such as `.Request().Context()` for `context`, found `.Request(r)` "
                       + "at c.yml:4:16; each member starts with `.`; `\"\"` stands for the value itself")
        XCTAssertEqual(message("    - typ: echo.Context\n"),
                       "unknown key `typ` in an item of `extra-context-types` at c.yml:3:7; did you mean `type`?")
        XCTAssertEqual(message("    - context: .Context()\n"), "missing `type` in an item of `extra-context-types` at c.yml:3:7")
        XCTAssertEqual(message("    - - echo.Context\n"),
                       "expected a string or a mapping in the list `extra-context-types`, found a list at c.yml:3:7")
        XCTAssertEqual(message("    - type: [echo.Context]\n"),
                       "expected a string for `type`, found a list at c.yml:3:13")
    }
}
