import TestSupport
import CancelLintCLI
import Foundation
import GoRules
import LintCore
import XCTest

/// The command line with configuration files, suppression and baselines, on real Go.
final class ConfigurationCommandTests: XCTestCase {
    static let leak = """
        package p

        import "context"

        func Start(parent context.Context) {
        \tctx, _ := context.WithCancel(parent)
        \t_ = ctx
        }

        """

    static let leakFinding = "the cancel function returned by context.WithCancel is discarded; the context lives "
        + "until the parent is cancelled: name it and call it (`defer cancel()`) [lost-cancel-discarded]"

    private func go(_ arguments: [String], in directory: TemporaryDirectory, from subdirectory: String = "") -> CommandLineRun {
        runCommand(arguments, in: directory.url(subdirectory), frontEnds: [GoFrontEnd()])
    }

    // MARK: Configuration

    func testAnInvalidConfigurationLintsNothingAndExitsTwo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", Self.leak)
        try directory.write(".lintconfig.yml", "# team settings\n\nfail-on: error\n\nrules:\n\n  lost-cancle-discarded:\n    enabled: false\n")
        let result = go([], in: directory)
        XCTAssertEqual(result.stdout.text, "")
        XCTAssertEqual(result.stderr.text, "cancellint: unknown rule `lost-cancle-discarded` at .lintconfig.yml:7:3; "
                       + "did you mean `lost-cancel-discarded`?\n")
        XCTAssertEqual(result.status, 2)
        // The README shows this very message.
        let readme = try String(contentsOf: ExampleGoldenTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains(result.stderr.text), "README's example of a configuration error is out of date")
    }

    /// The issue's own example, word for word.
    func testTheIssuesExampleMessage() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", Self.leak)
        try directory.write(".lintconfig.yml", "# cancellint\n\nfail-on: warning\n\n# rules\nrules:\n    lost-cancle:\n        enabled: false\n")
        let result = go([], in: directory)
        XCTAssertEqual(result.stderr.text, "cancellint: unknown rule `lost-cancle` at .lintconfig.yml:7:5; did you mean `lost-cancel`?\n")
        XCTAssertEqual(result.status, 2)
    }

    func testNoConfigAndConfigFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", Self.leak)
        try directory.write(".lintconfig.yml", "rules:\n  lost-cancel-discarded:\n    severity: warning\n")
        try directory.write("ci/strict.yml", "rules:\n  lost-cancel-discarded:\n    severity: info\n")
        XCTAssertEqual(go(["-q"], in: directory).stdout.text, "a.go:6:7: warning: \(Self.leakFinding)\n")
        XCTAssertEqual(go(["-q", "--no-config"], in: directory).stdout.text, "a.go:6:7: error: \(Self.leakFinding)\n")
        let explicit = go(["--config", "ci/strict.yml"], in: directory)
        XCTAssertEqual(explicit.stdout.text, "a.go:6:7: info: \(Self.leakFinding)\n")
        XCTAssertEqual(explicit.status, 0)
        XCTAssertEqual(go(["--config=ci/strict.yml", "--fail-on", "info"], in: directory).status, 1)
        XCTAssertEqual(go(["--config", "ci/missing.yml"], in: directory).stderr.text,
                       "cancellint: cannot read configuration ci/missing.yml: no such file or directory\n")
    }

    func testContradictoryOptionsAreUsageErrors() throws {
        let directory = try TemporaryDirectory()
        for (arguments, message) in [
            (["--config", "a.yml", "--no-config"], "--config and --no-config cannot be used together"),
            (["--baseline", "b", "--write-baseline", "b"], "--baseline and --write-baseline cannot be used together"),
            (["--baseline="], "--baseline needs a file name"),
            (["--config", ""], "--config needs a file name"),
            (["--no-confg"], "unknown option --no-confg; did you mean --no-config?"),
        ] {
            let result = go(arguments, in: directory)
            XCTAssertEqual(result.stderr.text, "cancellint: \(message)\nRun 'cancellint --help' for usage.\n", "\(arguments)")
            XCTAssertEqual(result.status, 2, "\(arguments)")
        }
    }

    func testTheRepositorysConfigurationDocumentsEveryKeyAndIsValid() throws {
        let root = ExampleGoldenTests.root
        let text = try String(contentsOf: root.appendingPathComponent(".lintconfig.yml"), encoding: .utf8)
        let schema = ConfigurationSchema(frontEnds: [GoFrontEnd()])
        let configuration = try Configuration.parse(text, path: ".lintconfig.yml", directory: root.path, schema: schema)
        XCTAssertTrue(schema.rules.allSatisfy(configuration.isEnabled))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var keys = Set<String>()
        for (index, line) in lines.enumerated() {
            let content = line.drop { $0 == " " }
            guard !content.isEmpty, !content.hasPrefix("#"), let colon = content.firstIndex(of: ":") else { continue }
            let key = String(content[..<colon])
            keys.insert(key)
            let commented = line.contains(" # ") || (index > 0 && lines[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#"))
            XCTAssertTrue(commented, ".lintconfig.yml:\(index + 1): `\(key)` has no comment")
        }
        let expected = ConfigurationSchema.topLevelKeys + ConfigurationSchema.ruleKeys + ConfigurationSchema.languageKeys
            + GoFrontEnd().languageOptions.map(\.name) + ["go"]
        XCTAssertEqual(Set(expected).subtracting(keys), [], ".lintconfig.yml does not show every key")
    }

    func testTheReadmesConfigurationExampleLoads() throws {
        let schema = ConfigurationSchema(frontEnds: defaultFrontEnds)
        let blocks = try readmeBlocks("yaml", section: "Configuration")
        XCTAssertEqual(blocks.count, 1)
        for block in blocks {
            let configuration = try Configuration.parse(block, path: "README.md", directory: "/r", schema: schema)
            XCTAssertEqual(configuration.failOn, .error)
            XCTAssertEqual(configuration.languages["go"]?.options["extra-context-types"], .accessors([
                NameWithAccessor(name: "echo.Context", accessor: ".Request().Context()"),
                NameWithAccessor(name: "*gin.Context", accessor: ""), NameWithAccessor(name: "*web.Ctx"),
            ]))
            XCTAssertEqual(configuration.languages["swift"]?.options["extra-blocking-calls"], .list(["Pipe.drain", "waitForExit"]))
            XCTAssertFalse(configuration.selects(relativePath: "internal/legacy/x.go", isTestFile: false))
        }
    }

    func testTheReadmesSuppressionExampleIsSilent() throws {
        let blocks = try readmeBlocks("go", section: "Suppressing a finding")
        XCTAssertEqual(blocks.count, 1)
        let engine = LintEngine(frontEnds: [GoFrontEnd()])
        for block in blocks {
            XCTAssertEqual(engine.lint(SourceFile(path: "worker.go", text: block), settings: LintSettings())?.map(\.message), [])
            let unsuppressed = block.replacingOccurrences(of: " //cancellint:ignore", with: " // was:")
            XCTAssertEqual(engine.lint(SourceFile(path: "worker.go", text: unsuppressed), settings: LintSettings())?.map(\.ruleID),
                           ["lost-cancel-discarded"])
        }
    }

    /// Runs the README's baseline commands in order in a project with one old leak, then adds a new one.
    func testTheReadmesBaselineCommands() throws {
        let commands = try readmeBlocks("sh", section: "Adopting cancellint on an existing codebase: baselines")
            .flatMap { $0.split(separator: "\n") }
            .map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(commands.map(\.first), ["cancellint", "cancellint"])
        let directory = try TemporaryDirectory()
        try directory.write("old.go", Self.leak)
        let write = go(Array(commands[0].dropFirst()), in: directory)
        XCTAssertEqual(write.stdout.text, "")
        XCTAssertEqual(write.stderr.text, "cancellint: wrote 1 finding in 1 file to .cancellint-baseline\n")
        XCTAssertEqual(write.status, 0)
        let gate = go(Array(commands[1].dropFirst()), in: directory)
        XCTAssertEqual(gate.stdout.text, "")
        XCTAssertEqual(gate.stderr.text, "cancellint: no problems in 1 file (1 baselined finding hidden)\n")
        XCTAssertEqual(gate.status, 0)
        try directory.write("old.go", "// Package p starts things.\n" + Self.leak)
        try directory.write("new.go", Self.leak.replacingOccurrences(of: "Start", with: "Begin"))
        let after = go(Array(commands[1].dropFirst()), in: directory)
        XCTAssertEqual(after.stdout.text, "new.go:6:7: error: \(Self.leakFinding)\n")
        XCTAssertEqual(after.status, 1)
    }

    // MARK: Baselines and suppressions

    func testWriteBaselineRefusesAnIncompleteRunAndUnusableFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", Self.leak)
        let missing = go(["--write-baseline", "b.txt", "a.go", "gone.go"], in: directory)
        XCTAssertEqual(missing.stderr.text, "cancellint: gone.go: cannot read: no such file or directory\n"
                       + "cancellint: baseline not written: a named path could not be linted\n")
        XCTAssertEqual(missing.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.url("b.txt")))
        let unreadable = go(["--baseline", "b.txt"], in: directory)
        XCTAssertEqual(unreadable.stderr.text, "cancellint: cannot read baseline b.txt: no such file or directory\n")
        XCTAssertEqual(unreadable.status, 2)
        try directory.write(".lintconfig.yml", "fail-on: never\n")
        let invalid = go(["--write-baseline", "b.txt"], in: directory)
        XCTAssertEqual(invalid.stderr.text, "cancellint: unknown severity `never` at .lintconfig.yml:1:10; "
                       + "expected error, warning or info\n")
        XCTAssertEqual(invalid.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.url("b.txt")))
        try FileManager.default.removeItem(atPath: directory.url(".lintconfig.yml"))
        XCTAssertEqual(go(["-q", "--write-baseline", "b.txt"], in: directory).stderr.text, "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.url("b.txt")))
    }

    func testStrictSuppressionsFailTheRunOnAStaleIgnore() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "package p\n\nfunc f() {} //cancellint:ignore lost-cancel-discarded was a leak\n")
        let lenient = go([], in: directory)
        XCTAssertEqual(lenient.stdout.text, "a.go:3:13: info: suppression of `lost-cancel-discarded` silenced nothing; "
                       + "remove it [unused-suppression]\n")
        XCTAssertEqual(lenient.status, 0)
        let strict = go(["--strict-suppressions"], in: directory)
        XCTAssertEqual(strict.stdout.text, "a.go:3:13: warning: suppression of `lost-cancel-discarded` silenced nothing; "
                       + "remove it [unused-suppression]\n")
        XCTAssertEqual(strict.status, 1)
    }

    /// The fenced blocks of one language under a `## section` of the README.
    private func readmeBlocks(_ language: String, section: String) throws -> [String] {
        let text = try String(contentsOf: ExampleGoldenTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [String] = []
        var inSection = false
        var block: [Substring]?
        var wanted = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if var open = block {
                if line.hasPrefix("```") {
                    if wanted { blocks.append(open.joined(separator: "\n") + "\n") }
                    block = nil
                } else {
                    open.append(line)
                    block = open
                }
            } else if line.hasPrefix("## ") {
                inSection = line.dropFirst(3) == section
            } else if line.hasPrefix("```") {
                block = []
                wanted = inSection && line == "```\(language)"
            }
        }
        return blocks
    }
}
