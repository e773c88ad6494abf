import TestSupport
import LintCore
import XCTest

/// The engine with `.lintconfig.yml` files: nearest configuration wins, `--config` and
/// `--no-config` equivalents, per-file selection, and nothing linted when one is invalid.
final class ConfigurationDiscoveryTests: XCTestCase {
    private func run(_ paths: [String], in directory: TemporaryDirectory, from subdirectory: String = "",
                     configuration: ConfigurationChoice = .discover, failOn: Severity? = nil) -> LintResult {
        lint(paths, in: directory, from: subdirectory, configuration: configuration, failOn: failOn)
    }

    /// root: BAD in a.go; svc/ has its own configuration; svc/api/ inherits svc's; lib/ inherits root's.
    private func makeNestedProject() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD NOTE\n")
        try directory.write("lib/b.go", "BAD WORSE\n")
        try directory.write("svc/c.go", "BAD WORSE\n")
        try directory.write("svc/api/d.go", "BAD NOTE\n")
        try directory.write(".lintconfig.yml", "rules:\n  note-line:\n    enabled: false\n")
        try directory.write("svc/.lintconfig.yml", "rules:\n  bad-line:\n    severity: error\n")
        return directory
    }

    func testTheNearestConfigurationWinsWholly() throws {
        let directory = try makeNestedProject()
        XCTAssertEqual(run([], in: directory).lines, [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "lib/b.go:1:1: warning: line contains BAD [bad-line]",
            "lib/b.go:1:5: error: line contains WORSE [worse-line]",
            "svc/api/d.go:1:1: error: line contains BAD [bad-line]",
            // svc's configuration does not disable note-line: the nearest one wins, nothing is merged.
            "svc/api/d.go:1:5: info: line contains NOTE [note-line]",
            "svc/c.go:1:1: error: line contains BAD [bad-line]",
            "svc/c.go:1:5: error: line contains WORSE [worse-line]",
        ])
        // From inside a folder, and for a file named explicitly, the same configurations apply.
        XCTAssertEqual(run(["d.go", "../../a.go"], in: directory, from: "svc/api").lines, [
            "../../a.go:1:1: warning: line contains BAD [bad-line]",
            "d.go:1:1: error: line contains BAD [bad-line]",
            "d.go:1:5: info: line contains NOTE [note-line]",
        ])
    }

    func testAnExplicitConfigurationAppliesToEveryFile() throws {
        let directory = try makeNestedProject()
        try directory.write("other/strict.yml", "rules:\n  worse-line:\n    enabled: false\n")
        let lines = run([], in: directory, configuration: .file("other/strict.yml")).lines
        XCTAssertEqual(lines, [
            "a.go:1:1: warning: line contains BAD [bad-line]",
            "a.go:1:5: info: line contains NOTE [note-line]",
            "lib/b.go:1:1: warning: line contains BAD [bad-line]",
            "svc/api/d.go:1:1: warning: line contains BAD [bad-line]",
            "svc/api/d.go:1:5: info: line contains NOTE [note-line]",
            "svc/c.go:1:1: warning: line contains BAD [bad-line]",
        ])
        let missing = run([], in: directory, configuration: .file("nope.yml"))
        XCTAssertEqual(missing.configurationErrors.map(\.message),
                       ["cannot read configuration nope.yml: no such file or directory"])
        XCTAssertEqual(missing.exitStatus, .usageOrInputError)
    }

    func testFixedSettingsIgnoreEveryConfigurationFile() throws {
        let directory = try makeNestedProject()
        try directory.write("svc/.lintconfig.yml", "this is: not: valid\n")
        let result = run([], in: directory, configuration: .fixed)
        XCTAssertEqual(result.diagnostics.count, 8)
        XCTAssertEqual(result.configurationErrors, [])
    }

    func testAnInvalidConfigurationAnywhereLintsNothing() throws {
        let directory = try makeNestedProject()
        try directory.write("svc/api/.lintconfig.yml", "rules:\n  bad-lin:\n    enabled: false\n")
        let result = run([], in: directory)
        XCTAssertEqual(result.configurationErrors.map(\.message),
                       ["unknown rule `bad-lin` at svc/api/.lintconfig.yml:2:3; did you mean `bad-line`?"])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.filesLinted, 0)
        XCTAssertEqual(result.exitStatus, .usageOrInputError)
        XCTAssertEqual(RunSummary.text(for: result),
                       "cancellint: unknown rule `bad-lin` at svc/api/.lintconfig.yml:2:3; did you mean `bad-line`?\n")
        // A configuration that applies to no linted file does not stop the run.
        XCTAssertEqual(run(["lib"], in: directory).configurationErrors, [])
        XCTAssertEqual(run(["lib"], in: directory).filesLinted, 1)
    }

    func testEveryInvalidConfigurationIsReportedOnce() throws {
        let directory = try makeNestedProject()
        try directory.write(".lintconfig.yml", "fail-on: sometimes\n")
        try directory.write("svc/.lintconfig.yml", "exclude: [\"{a,b}\"]\n")
        XCTAssertEqual(run([], in: directory).configurationErrors.map(\.message), [
            "unknown severity `sometimes` at .lintconfig.yml:1:10; expected error, warning or info",
            "invalid pattern `{a,b}` in `exclude` at svc/.lintconfig.yml:1:12; `{` is not supported in patterns (only `*`, `?` and `**`)",
        ])
    }

    func testAConfigurationThatCannotBeReadStopsTheRun() throws {
        let directory = try makeNestedProject()
        try FileManager.default.removeItem(atPath: directory.url("svc/.lintconfig.yml"))
        try directory.makeDirectory("svc/.lintconfig.yml")
        XCTAssertEqual(run([], in: directory).configurationErrors.map(\.message),
                       ["cannot read configuration svc/.lintconfig.yml: is a directory"])
    }

    func testFailOnComesFromTheCurrentDirectorysConfigurationUnlessGiven() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        XCTAssertEqual(run([], in: directory).exitStatus, .findings)
        try directory.write(".lintconfig.yml", "fail-on: error\n")
        XCTAssertEqual(run([], in: directory).failOn, .error)
        XCTAssertEqual(run([], in: directory).exitStatus, .success)
        XCTAssertEqual(run([], in: directory, failOn: .warning).exitStatus, .findings)
        XCTAssertEqual(run([], in: directory, configuration: .fixed).exitStatus, .findings)
    }

    func testIncludeExcludeRelativeToTheConfigurationsFolder() throws {
        let directory = try TemporaryDirectory()
        try directory.write("src/a.go", "BAD\n")
        try directory.write("src/legacy/old.go", "BAD\n")
        try directory.write("src/store_mock.go", "BAD\n")
        try directory.write("tools/t.go", "BAD\n")
        try directory.write(".lintconfig.yml", "include: [src]\nexclude: [src/legacy, \"**/*_mock.go\"]\n")
        let result = run([], in: directory)
        XCTAssertEqual(result.lines, ["src/a.go:1:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(result.filesExcluded, 3)
        XCTAssertEqual(RunSummary.summaryLine(for: result),
                       "cancellint: 1 problem (1 warning) in 1 file (3 files excluded by configuration)")
        // Named files are selected the same way, so a pre-commit hook passing staged files agrees
        // with a run over the whole tree; and the patterns do not depend on the working directory.
        XCTAssertEqual(run(["old.go", "../a.go"], in: directory, from: "src/legacy").lines,
                       ["../a.go:1:1: warning: line contains BAD [bad-line]"])
    }

    func testTestFilesAndGeneratedFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a_test.go", "BAD\n")
        try directory.write("gen.go", "\(FakeFrontEnd.generatedMarker)\nBAD\n")
        XCTAssertEqual(run([], in: directory).lines, ["a_test.go:1:1: warning: line contains BAD [bad-line]"])
        try directory.write(".lintconfig.yml", "test-files: false\ngenerated-files: true\n")
        let result = run([], in: directory)
        XCTAssertEqual(result.lines, ["gen.go:2:1: warning: line contains BAD [bad-line]"])
        XCTAssertEqual(result.generatedFilesSkipped, 0)
        XCTAssertEqual(result.filesExcluded, 1)
    }

    func testLanguageSectionReachesTheFrontEnd() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "VERSION FIXME\n")
        XCTAssertEqual(run([], in: directory).lines, ["a.go:1:1: info: language version unset [note-line]"])
        try directory.write(".lintconfig.yml", "go:\n  version: \"1.22\"\n  extra-words: [FIXME]\n")
        XCTAssertEqual(run([], in: directory).lines, [
            "a.go:1:1: info: language version 1.22 [note-line]",
            "a.go:1:9: warning: line contains FIXME [bad-line]",
        ])
    }

    func testRuleOptionsAndBulkSelectionReachTheFrontEnd() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD WORSE NOTE TODO\n")
        try directory.write(".lintconfig.yml", """
            disable: [test]
            rules:
              worse-line:
                words: [TODO]
                severity: warning
            """)
        XCTAssertEqual(run([], in: directory).lines, ["a.go:1:16: warning: line contains TODO [worse-line]"])
    }

    func testSettingsForAPathThatIsNotOnDisk() throws {
        let directory = try makeNestedProject()
        try directory.write("svc/.lintconfig.yml", "exclude: [generated]\nrules:\n  bad-line:\n    severity: error\n")
        let engine = LintEngine(frontEnds: [FakeFrontEnd()])
        let request = LintRequest(paths: [], currentDirectory: directory.url("svc"), configuration: .discover)
        XCTAssertEqual(engine.settings(forPath: "buffer.go", request: request).settings?.rules["bad-line"]?.severity, .error)
        XCTAssertEqual(engine.settings(forPath: "../lib/new.go", request: request).settings?.rules["note-line"]?.enabled, false)
        XCTAssertNil(engine.settings(forPath: "generated/x.go", request: request).settings)
        XCTAssertNil(engine.settings(forPath: "notes.txt", request: request).settings)
        try directory.write("svc/.lintconfig.yml", "rules: 3\n")
        XCTAssertEqual(engine.settings(forPath: "buffer.go", request: request).errors.map(\.message),
                       ["expected a mapping for `rules`, found `3` at .lintconfig.yml:1:8"])
    }
}
