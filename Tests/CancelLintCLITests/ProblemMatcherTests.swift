import CancelLintCLI
import Foundation
import GoRules
import LintCore
import XCTest

/// The GitHub Actions problem matcher and the VS Code tasks' matchers, run over real output: every
/// finding line is matched, each group captures the right field, and nothing else is matched.
final class ProblemMatcherTests: XCTestCase {
    struct Matcher {
        let source: String
        let expression: NSRegularExpression
        /// Field name (file, line, column, severity, message, code) to capture group.
        let groups: [String: Int]
    }

    static let fields = ["file", "line", "column", "severity", "message", "code"]

    static func matchers() throws -> [Matcher] {
        let root = ExampleGoldenTests.root
        var patterns: [(String, [String: Any])] = []
        let github = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent(".github/cancellint-problem-matcher.json"))) as? [String: Any]
        for matcher in github?["problemMatcher"] as? [[String: Any]] ?? [] {
            for pattern in matcher["pattern"] as? [[String: Any]] ?? [] { patterns.append(("github", pattern)) }
        }
        let vscode = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("editors/vscode/tasks.json"))) as? [String: Any]
        for task in vscode?["tasks"] as? [[String: Any]] ?? [] {
            let label = task["label"] as? String ?? "?"
            let args = task["args"] as? [String] ?? []
            XCTAssertTrue(args.contains("--no-color"), "\(label): VS Code runs tasks in a terminal, so colour must be off")
            if let pattern = (task["problemMatcher"] as? [String: Any])?["pattern"] as? [String: Any] {
                patterns.append(("vscode \(label)", pattern))
            }
        }
        return try patterns.map { source, pattern in
            let expression = try NSRegularExpression(pattern: pattern["regexp"] as? String ?? "")
            var groups: [String: Int] = [:]
            for field in fields { groups[field] = pattern[field] as? Int }
            return Matcher(source: source, expression: expression, groups: groups)
        }
    }

    private func capture(_ matcher: Matcher, _ line: String) -> [String: String]? {
        guard let match = matcher.expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else {
            return nil
        }
        var captured: [String: String] = [:]
        for (field, group) in matcher.groups {
            if let range = Range(match.range(at: group), in: line) { captured[field] = String(line[range]) }
        }
        return captured
    }

    func testMatchersReadEveryFieldOfRealOutput() throws {
        let matchers = try Self.matchers()
        XCTAssertEqual(matchers.count, 3)
        let root = ExampleGoldenTests.root.path
        let project = try OutputFormatGoldenTests.project(OutputFormatGoldenTests.scriptedFiles
            .merging(["odd: name, with 3:4: colons.go": "old\n"]) { $1 })
        let runs = [(root, ["Examples"], GoFrontEnd() as any LanguageFrontEnd),
                    (project.path, ["."], ScriptedFrontEnd() as any LanguageFrontEnd)]
        var checked = 0
        for (directory, paths, frontEnd) in runs {
            let text = runCommand(paths, in: directory, frontEnds: [frontEnd])
            let json = runCommand(["--format", "json"] + paths, in: directory, frontEnds: [frontEnd])
            let diagnostics = try XCTUnwrap(try JSONDocument.parse(json.stdout.text)["diagnostics"]?.arrayValue)
            let lines = text.stdout.text.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, diagnostics.count)
            for (line, diagnostic) in zip(lines, diagnostics) {
                var expected: [String: String] = [:]
                for (field, member) in [("file", "path"), ("severity", "severity"), ("message", "message"), ("code", "rule")] {
                    expected[field] = diagnostic[member]?.stringValue
                }
                expected["line"] = diagnostic["line"]?.number
                expected["column"] = diagnostic["column"]?.number
                for matcher in matchers {
                    XCTAssertEqual(capture(matcher, line), expected, "\(matcher.source): \(line)")
                    checked += 1
                }
            }
            for line in text.stderr.text.split(separator: "\n").map(String.init) {
                for matcher in matchers { XCTAssertNil(capture(matcher, line), "\(matcher.source) matched stderr: \(line)") }
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 3 * 6)
    }

    func testMatchersIgnoreWhatIsNotAFinding() throws {
        let others = [
            "cancellint: 2 problems (2 errors) in 2 files",
            "cancellint: missing.go: cannot read: no such file or directory",
            "cancellint: fixed 1 problem in 1 file",
            "main.go:3:1: note: not a severity [rule]",
            "main.go:3: error: no column [rule]",
        ]
        for matcher in try Self.matchers() {
            for line in others { XCTAssertNil(capture(matcher, line), "\(matcher.source): \(line)") }
        }
    }
}

extension JSONDocument {
    /// An integral number as text (`12`), for comparing with captured groups.
    fileprivate var number: String {
        if case .number(let value) = self { return String(Int(value)) }
        return "?"
    }
}
