import LintCore
import XCTest

/// The YAML subset: what it reads (rendered compactly: `{key: value}`, `[a, b]`, `"quoted"`, `~`
/// for null) and, for everything outside it, the exact error and its position.
final class YAMLReaderTests: XCTestCase {
    private func read(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            return try YAMLReader.read(text).map(Self.render)
        } catch {
            XCTFail("unexpected error \(error.message) at \(error.line):\(error.column)", file: file, line: line)
            return nil
        }
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            let node = try YAMLReader.read(text)
            XCTFail("expected an error, read \(node.map(Self.render) ?? "nothing")", file: file, line: line)
            return nil
        } catch {
            return "\(error.line):\(error.column): \(error.message)"
        }
    }

    static func render(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, let quoted): return quoted ? "\"\(text)\"" : text
        case .null: return "~"
        case .sequence(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .mapping(let entries): return "{" + entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    func testBlockMappingsAndSequences() {
        XCTAssertEqual(read("""
            a: 1
            b:
              c: x
              d:
                - p
                - q
            e:
            - r
            - s
            f:
            """), "{a: 1, b: {c: x, d: [p, q]}, e: [r, s], f: ~}")
        XCTAssertEqual(read("- a\n-\n  - b\n- - c\n  - d\n- k: v\n  l: w\n"), "[a, [b], [c, d], {k: v, l: w}]")
        XCTAssertEqual(read("key:\n  value on its own line\n"), "{key: value on its own line}")
    }

    func testPositions() throws {
        let node = try XCTUnwrap(try YAMLReader.read("# head\nrules:\n  lost:\n    enabled: [a,  b]\n"))
        guard case .mapping(let top) = node.value, case .mapping(let rules) = top[0].value.value,
              case .mapping(let settings) = rules[0].value.value, case .sequence(let items) = settings[0].value.value else {
            return XCTFail("unexpected shape")
        }
        XCTAssertEqual([top[0].line, top[0].column, rules[0].line, rules[0].column], [2, 1, 3, 3])
        XCTAssertEqual([settings[0].line, settings[0].column, settings[0].value.line, settings[0].value.column], [4, 5, 4, 14])
        XCTAssertEqual(items.map { "\($0.line):\($0.column)" }, ["4:15", "4:19"])
    }

    func testFlowSequences() {
        XCTAssertEqual(read("a: [x, 'y z', \"w\", [n], []]\n"), "{a: [x, \"y z\", \"w\", [n], []]}")
        XCTAssertEqual(read("a: [x,\n    y, # why\n    z,\n]\n"), "{a: [x, y, z]}")
        XCTAssertEqual(read("a: [ ]"), "{a: []}")
    }

    func testScalars() {
        XCTAssertEqual(read("a: plain text with spaces   # comment\n"), "{a: plain text with spaces}")
        XCTAssertEqual(read("a: x#not-a-comment\n"), "{a: x#not-a-comment}")
        XCTAssertEqual(read("a: http://example.com/x\n"), "{a: http://example.com/x}")
        XCTAssertEqual(read("a: 'it''s # here'\n"), "{a: \"it's # here\"}")
        XCTAssertEqual(read(#"a: "tab\there \"q\" \\ \u00e9 \x41""#), "{a: \"tab\there \"q\" \\ é A\"}")
        XCTAssertEqual(read("a: 1.20\nb: true\nc: ~\nd: null\ne: -3\n"), "{a: 1.20, b: true, c: ~, d: ~, e: -3}")
        XCTAssertEqual(read("\"quoted key\": 1\n'other': 2\n"), "{quoted key: 1, other: 2}")
    }

    func testCommentsBlankLinesDocumentStartAndLineEndings() {
        XCTAssertEqual(read(""), nil)
        XCTAssertEqual(read("# only a comment\n\n   \n"), nil)
        XCTAssertEqual(read("---\na: 1\n"), "{a: 1}")
        XCTAssertEqual(read("--- # start\n# c\na: 1\n"), "{a: 1}")
        XCTAssertEqual(read("a: 1\r\nb:\r\n  - x\r\n"), "{a: 1, b: [x]}")
        XCTAssertEqual(read("\u{FEFF}a: 1\n"), "{a: 1}")
        XCTAssertEqual(read("a: 1\n\t\nb: 2\n"), "{a: 1, b: 2}")
        XCTAssertEqual(read("a:\n  # inner comment\n  b: 1\n"), "{a: {b: 1}}")
    }

    func testConstructsOutsideTheSubsetAreErrors() {
        XCTAssertEqual(error("a: &anchor x\n"), "1:4: anchors (`&`) are not supported; write the value out")
        XCTAssertEqual(error("a: *anchor\n"), "1:4: aliases (`*`) are not supported; write the value out")
        XCTAssertEqual(error("a: !!str x\n"), "1:4: tags (`!`) are not supported")
        XCTAssertEqual(error("a: {b: 1}\n"), "1:4: flow mappings (`{ }`) are not supported; use an indented block")
        XCTAssertEqual(error("a: |\n  text\n"), "1:4: block scalars (`|`) are not supported; write the value on one line")
        XCTAssertEqual(error("a: >\n  text\n"), "1:4: block scalars (`>`) are not supported; write the value on one line")
        XCTAssertEqual(error("a: 1\n---\nb: 2\n"), "2:1: a second document (`---`); a configuration is a single document")
        XCTAssertEqual(error("a: 1\n...\n"), "2:1: document end marker (`...`); a configuration is a single document")
        XCTAssertEqual(error("%YAML 1.2\n---\na: 1\n"), "1:1: directives (`%`) are not supported")
        XCTAssertEqual(error("? a\n: b\n"), "1:1: complex keys (`?`) are not supported")
        XCTAssertEqual(error("<<: x\n"), "1:1: merge keys (`<<`) are not supported")
        XCTAssertEqual(error("a: [b: c]\n"), "1:6: `key: value` pairs inside `[ ]` are not supported")
        XCTAssertEqual(error("a: @x\n"), "1:4: a plain value cannot start with `@`; quote the value")
    }

    func testMalformedInputIsAnErrorAtItsPosition() {
        XCTAssertEqual(error("a:\n\tb: 1\n"), "2:1: tab in indentation; indent with spaces")
        XCTAssertEqual(error("a: 1\na: 2\n"), "2:1: duplicate key `a` (first at 1:1)")
        XCTAssertEqual(error("a: b: c\n"), "1:5: unexpected `: ` inside a value; quote the value if it contains `: `")
        XCTAssertEqual(error("a: \"open\n"), "1:4: unterminated double-quoted string; quoted values must end on their line")
        XCTAssertEqual(error("a: 'open\n"), "1:4: unterminated single-quoted string; quoted values must end on their line")
        XCTAssertEqual(error("a: [x, y\n"), "2:1: unterminated list: `[` at 1:4 has no `]`")
        XCTAssertEqual(error("a: [x y] z\n"), "1:10: unexpected `z` after the value; a value ends at the end of its line or at a comment")
        XCTAssertEqual(error("a: [x,, y]\n"), "1:7: empty entry in a list")
        XCTAssertEqual(error("a: [x}\n"), "1:6: expected `,` or `]` in the list opened at 1:4")
        XCTAssertEqual(error("a: - x\n"), "1:4: a list cannot start on the line of its key; put each `- item` on a line of its own below it")
        XCTAssertEqual(error("a: 1\n  b: 2\n"), "2:3: unexpected indentation")
        XCTAssertEqual(error("a:\n  b: 1\n c: 2\n"), "3:2: unexpected indentation")
        XCTAssertEqual(error("  a: 1\nb: 2\n"), "2:1: this line is indented less than the start of the document")
        XCTAssertEqual(error("a: x\n  continued\n"), "2:3: unexpected indentation")
        XCTAssertEqual(error("a:\n  - x\n  b: 1\n"), "3:3: unexpected indentation")
        XCTAssertEqual(error("a: 1\n- x\n"), "2:1: expected `key: value`, found a list entry")
        XCTAssertEqual(error("a: \"x\"y\n"), "1:7: unexpected `y` after the value; a value ends at the end of its line or at a comment")
        XCTAssertEqual(error("a: \"x\"# c\n"), "1:7: a comment needs a space before `#`")
        XCTAssertEqual(error(#"a: "\q""#), "1:5: unknown escape `\\q` in a double-quoted string")
        XCTAssertEqual(error(#"a: "\u12""#), "1:5: `\\u` needs 4 hexadecimal digits")
        XCTAssertEqual(error("- a\nb: 1\n"), "2:1: this line does not continue the list or mapping above it")
        XCTAssertEqual(error(": x\n"), "1:1: empty key")
        XCTAssertEqual(error("a: 1\nplain\n"), "2:1: expected `key: value`")
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertEqual(error("a: " + deep), "1:67: nesting deeper than 64 levels")
        var block = ""
        for depth in 0..<100 { block += String(repeating: " ", count: depth) + "k:\n" }
        XCTAssertEqual(error(block), "65:65: nesting deeper than 64 levels")
    }
}

/// Mangled configurations are refused with a position inside the text, never a crash or a hang.
final class YAMLMutationTests: XCTestCase {
    func testMutatedDocumentsNeverCrash() {
        let original = Array("""
            # comment
            fail-on: warning
            rules:
              bad-line:
                enabled: true
                words: [BAD, "WORSE", 'x''y']
            exclude:
              - "**/*.pb.go"
              - legacy
            go:
              version: "1.21"

            """.utf8)
        let alphabet = Array(" \t\n\r:-#[]{}'\"&*!|>%@`?,\\abc1".utf8)
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<(1 + next(3)) {
                switch next(3) {
                case 0: bytes[next(bytes.count)] = alphabet[next(alphabet.count)]
                case 1: bytes.insert(alphabet[next(alphabet.count)], at: next(bytes.count))
                default: bytes.remove(at: next(bytes.count))
                }
            }
            let lineCount = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            do {
                _ = try YAMLReader.read(bytes)
            } catch {
                XCTAssertTrue((1...lineCount + 1).contains(error.line), "\(error) in \(String(decoding: bytes, as: UTF8.self))")
                XCTAssertGreaterThanOrEqual(error.column, 1)
            }
            _ = try? Configuration.parse(bytes, path: "c.yml", directory: "/", schema: ConfigurationTests.schema)
        }
    }
}
