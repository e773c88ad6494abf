import LintCore
import SwiftLangRules
import XCTest

/// `syntax-error` for Swift: one finding per broken file, at the first error, with the count of the
/// others; the rest of the file is still checked.
final class SwiftSyntaxErrorTests: XCTestCase {
    let rule = "syntax-error"

    func testReportsTheFirstErrorOfABrokenFile() {
        assertFindings([
            ("""
            func g( {
            }
            """, [
                "1:7: error: this `(` is never closed: the file ends first [syntax-error]",
            ]),
            ("""
            let s = "abc
            let t = 1
            """, [
                "1:9: error: unterminated string literal [syntax-error]",
            ]),
            ("""
            let x = 1
            /* a comment
            that never ends
            """, [
                "2:1: error: unterminated block comment: `/*` without its `*/` [syntax-error]",
            ]),
            ("""
            func f() {
                call(a, b]
            }
            """, [
                "2:14: error: expected `)` to close the `(` at line 2, found `]` (and 1 more syntax error in this file) [syntax-error]",
            ]),
            ("""
            }
            func f() {}
            """, [
                "1:1: error: unexpected `}`: no bracket is open here [syntax-error]",
            ]),
            ("""
            func (x: Int) {}
            """, [
                "1:6: error: expected a name after `func`, found `(` [syntax-error]",
            ]),
            ("""
            func g -> Int { 1 }
            """, [
                "1:8: error: expected `(` to open the parameter list, found `->` [syntax-error]",
            ]),
            ("""
            struct {
                var x: Int
            }
            """, [
                "1:8: error: expected a name after `struct`, found `{` [syntax-error]",
            ]),
            ("""
            let c = 'a'
            """, [
                "1:9: error: unexpected character `'` (and 1 more syntax error in this file) [syntax-error]",
            ]),
            ("""
            func f() {
                let s = "x
                call(
            }
            let t = "y
            """, [
                "2:13: error: unterminated string literal (and 2 more syntax errors in this file) [syntax-error]",
            ]),
        ], rule: rule)
    }

    func testValidSwiftHasNoSyntaxError() {
        assertSilent([
            // Each `#if` branch opens the same brace.
            """
            #if os(Linux)
            func f(x: Int) {
            #else
            func f(y: Int) {
            #endif
                print(1)
            }
            """,
            // Brackets inside strings, interpolations, regexes and comments do not count.
            """
            let s = "( [ { \\(call(")"))"
            let r = #/[a-z]+\\)/#
            let m = \"\"\"
                }
                \"\"\"
            // }
            /* ( /* nested ) */ */
            """,
            // Operators that start with a dot, operator functions, failable and generic inits.
            """
            extension SIMDMask {
                public static func .== (a: Self, b: Self) -> Self { a }
                static func ==<T>(lhs: T, rhs: T) -> Bool { true }
                init?(raw: Int) {}
                init<T>(_ t: T) {}
                subscript(i: Int) -> Int { i }
                deinit {}
            }
            let range = 0...10
            let open = ..<5
            """,
            // An inheritance list that starts on the line after the colon.
            """
            final class Transaction:
                // a reason
                @unchecked Sendable
            {
                let x = 1
            }
            """,
            // Protocol requirements have no bodies.
            """
            protocol P {
                func f() async throws -> Int
                init(x: Int)
            }
            """,
        ], rule: rule)
    }

    func testTheRestOfABrokenFileIsStillChecked() {
        let source = """
            func broken( {
            }

            final class Poller {
                func start() {
                    Task {
                        while true { await poll() }
                    }
                }
            }
            """
        let found = swiftFindings(source)
        XCTAssertEqual(found.first, "1:12: error: this `(` is never closed: the file ends first [syntax-error]")
        XCTAssertTrue(found.contains { $0.hasSuffix("[swift-unstructured-task-discarded]") }, "\(found)")
    }

    func testAnUnclosedCallDoesNotSwallowTheDeclarationsAfterIt() {
        let source = """
            func broken() {
                call(a,
            }

            final class Poller {
                func start() {
                    Task {
                        while true { await poll() }
                    }
                }
            }
            """
        let found = swiftFindings(source)
        XCTAssertEqual(found.first, "3:1: error: expected `)` to close the `(` at line 2, found `}` [syntax-error]")
        XCTAssertTrue(found.contains { $0.hasSuffix("[swift-unstructured-task-discarded]") }, "\(found)")
    }

    func testADisabledRuleReportsNothing() {
        var settings = LintSettings()
        settings.rules["syntax-error"] = RuleSettings(enabled: false)
        XCTAssertEqual(swiftFindings("func g( {", settings: settings), [])
    }

    func testFilesWithoutTriggerWordsAreStillChecked() {
        XCTAssertEqual(swiftFindings("let s = \"abc"), ["1:9: error: unterminated string literal [syntax-error]"])
    }
}
