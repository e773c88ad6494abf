import Foundation
import LintCore
import XCTest

final class JSONValueTests: XCTestCase {
    func testKeysKeepTheirOrderAndNestingIsIndented() {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.bool(true), .null, .string("x")])), ("c", .object([])),
                                      ("d", .array([]))])
        XCTAssertEqual(value.rendered(), """
            {
              "b": 1,
              "a": [
                true,
                null,
                "x"
              ],
              "c": {},
              "d": []
            }

            """)
        XCTAssertEqual(value.rendered(indent: nil), #"{"b":1,"a":[true,null,"x"],"c":{},"d":[]}"#)
    }

    func testStringsEscapeQuotesBackslashesAndControlCharacters() {
        let text = "quote \" backslash \\ newline \n return \r tab \t bell \u{07} escape \u{1B} formfeed \u{0C} backspace \u{08} é 世界 😀 \u{7F}"
        XCTAssertEqual(JSONValue.string(text).rendered(indent: nil),
                       #""quote \" backslash \\ newline \n return \r tab \t bell \u0007 escape \u001b formfeed \f backspace \b é 世界 😀 \#u{7F}""#)
    }

    func testRenderedStringsRoundTripThroughFoundation() throws {
        let samples = ["", "plain", "\u{0}\u{1}\u{1F}", "a\"b\\c/d", "multi\nline\r\n", "ünïcödé 🎉", String(repeating: "x\"", count: 500)]
        for sample in samples {
            let rendered = JSONValue.array([.string(sample)]).rendered(indent: nil)
            let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
            XCTAssertEqual(parsed, [sample], rendered)
        }
    }

    func testOptionalStringsAndEquality() {
        XCTAssertEqual(JSONValue.string(nil), .null)
        XCTAssertEqual(JSONValue.string("x"), .string("x"))
        XCTAssertNotEqual(JSONValue.object([("a", .int(1)), ("b", .int(2))]), .object([("b", .int(2)), ("a", .int(1))]))
        XCTAssertEqual(JSONValue.int(-3).rendered(indent: nil), "-3")
    }
}
