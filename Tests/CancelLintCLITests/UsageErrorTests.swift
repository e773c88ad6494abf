import TestSupport
@testable import CancelLintCLI
import LintCore
import XCTest

final class UsageErrorTests: XCTestCase {
    private func assertUsageError(_ arguments: [String], _ message: String, file: StaticString = #filePath,
                                  line: UInt = #line) {
        let result = runCommand(arguments)
        XCTAssertEqual(result.stderr.text, "cancellint: \(message)\nRun 'cancellint --help' for usage.\n",
                       file: file, line: line)
        XCTAssertEqual(result.stdout.text, "", file: file, line: line)
        XCTAssertEqual(result.status, 2, file: file, line: line)
    }

    func testUnknownOptions() {
        assertUsageError(["--qiet"], "unknown option --qiet; did you mean --quiet?")
        assertUsageError(["-quiet"], "unknown option -quiet; did you mean --quiet?")
        assertUsageError(["--verison"], "unknown option --verison; did you mean --version?")
        assertUsageError(["--fail"], "unknown option --fail; did you mean --fail-on?")
        assertUsageError(["--fail-no=error"], "unknown option --fail-no; did you mean --fail-on?")
        assertUsageError(["--formt", "json"], "unknown option --formt; did you mean --format?")
        assertUsageError(["-x"], "unknown option -x")
    }

    func testBadValues() {
        assertUsageError(["--fail-on"], "--fail-on needs a value: error, warning or info")
        assertUsageError(["--fail-on", "--quiet"], "--fail-on needs a value: error, warning or info")
        assertUsageError(["--fail-on", "fatal"], "invalid value 'fatal' for --fail-on; expected error, warning or info")
        assertUsageError(["--fail-on="], "invalid value '' for --fail-on; expected error, warning or info")
        assertUsageError(["--quiet=yes"], "--quiet does not take a value")
    }

    func testBadOperands() {
        assertUsageError(["rules", "extra"], "unexpected argument 'extra' after 'rules'")
        assertUsageError(["explain"], "'explain' needs RULE")
        assertUsageError(["explain", "a", "b"], "unexpected argument 'b' after 'explain'")
        assertUsageError(["a.go", ""], "empty path argument")
    }

    func testOptionsThatDoNotGoTogether() {
        assertUsageError(["--format", "xml"], "invalid value 'xml' for --format; expected text, json, sarif, github or checkstyle")
        assertUsageError(["rules", "--format", "sarif"],
                         "invalid value 'sarif' for --format with rules; expected text, json or markdown")
        assertUsageError(["--format"], "--format needs a value: FORMAT")
        assertUsageError(["--output="], "--output needs a file name")
        assertUsageError(["--diff"], "--diff goes with --fix: --fix --diff shows the fixes without applying them")
        assertUsageError(["--fix", "--diff", "--format", "json"],
                         "--fix --diff prints a unified diff; it cannot be combined with --format json")
        assertUsageError(["--new-from-rev", "main", "--new-from-patch", "p.diff"],
                         "--new-from-rev and --new-from-patch cannot be used together")
        assertUsageError(["--new-from-rev="], "--new-from-rev needs a revision")
        assertUsageError(["--new-from-patch="], "--new-from-patch needs a file name")
        assertUsageError(["--stdin-filename="], "--stdin-filename needs a path")
        assertUsageError(["--stdin-filename", "a.go", "b.go"],
                         "--stdin-filename lints standard input; it cannot be combined with paths")
        assertUsageError(["--stdin-filename", "a.go", "--fix"],
                         "--fix cannot rewrite standard input; --fix --diff shows the fixes instead")
        assertUsageError(["--no-color=yes"], "--no-color does not take a value")
    }

    func testParsedIntegrationOptions() {
        var options = LintOptions(paths: ["x"])
        options.report = ReportOptions(format: .sarif, outputPath: "out.sarif", noColor: true)
        options.fix = .apply
        options.changedLines = .revision("origin/main")
        XCTAssertEqual(try parseCommandLine(["--format=sarif", "--output", "out.sarif", "--no-color", "--fix",
                                             "--new-from-rev", "origin/main", "x"]).get(), .lint(options))
        var stdin = LintOptions()
        stdin.stdinFilename = "a.go"
        stdin.changedLines = .patch("p.diff")
        stdin.fix = .diff
        XCTAssertEqual(try parseCommandLine(["--stdin-filename", "a.go", "--new-from-patch", "p.diff", "--diff", "--fix"]).get(),
                       .lint(stdin))
        XCTAssertEqual(try parseCommandLine(["rules", "--format", "markdown"]).get(), .listRules(.markdown))
        XCTAssertEqual(try parseCommandLine(["explain", "x"]).get(), .explain(ruleID: "x"))
        XCTAssertEqual(try parseCommandLine(["--", "explain", "x"]).get(), .lint(LintOptions(paths: ["explain", "x"])))
    }

    func testParsedCommands() {
        XCTAssertEqual(try parseCommandLine([]).get(), .lint(LintOptions()))
        XCTAssertEqual(try parseCommandLine(["--fail-on=error", "-q", "a", "-", "--", "-b", "rules"]).get(),
                       .lint(LintOptions(paths: ["a", "-", "-b", "rules"], failOn: .error, quiet: true)))
        XCTAssertEqual(try parseCommandLine(["--fail-on", "info", "x"]).get(),
                       .lint(LintOptions(paths: ["x"], failOn: .info)))
        XCTAssertEqual(try parseCommandLine(["rules"]).get(), .listRules(.text))
        XCTAssertEqual(try parseCommandLine(["--", "rules"]).get(), .lint(LintOptions(paths: ["rules"])))
        XCTAssertEqual(try parseCommandLine(["a", "rules"]).get(), .lint(LintOptions(paths: ["a", "rules"])))
        XCTAssertEqual(try parseCommandLine(["--version"]).get(), .showVersion)
    }

    func testSuggestions() {
        let names = ["--fail-on", "--quiet", "--help", "--version"]
        XCTAssertEqual(Suggestion.closest(to: "--qutie", among: names), "--quiet")
        XCTAssertEqual(Suggestion.closest(to: "--vers", among: names), "--version")
        XCTAssertNil(Suggestion.closest(to: "--format", among: names))
        XCTAssertNil(Suggestion.closest(to: "-x", among: ["-a", "-b"]))
        XCTAssertEqual(Suggestion.editDistance(Array("ab"), Array("ba")), 1)
        XCTAssertEqual(Suggestion.editDistance(Array("kitten"), Array("sitting")), 3)
        XCTAssertEqual(Suggestion.distance(Array("kitten"), Array("sitting"), atMost: 2), nil)
        XCTAssertEqual(Suggestion.distance(Array("--qutie"), Array("--quiet"), atMost: 2), 2)
    }

    /// Comparing a huge name with every candidate once took seconds (1 MB: 11 s in a release
    /// build); lengths too different to be within two edits are not compared at all.
    func testSuggestionsForHugeNamesAreBounded() {
        let names = ["--fail-on", "--quiet", "--help", "--version"]
        let huge = String(repeating: "--quiet", count: 1_000_000)
        let seconds = cpuSeconds {
            XCTAssertNil(Suggestion.closest(to: huge, among: names))
            XCTAssertNil(Suggestion.closest(to: huge + "x", among: names + [huge]))
        }
        XCTAssertLessThan(seconds, 0.5)
        XCTAssertEqual(Suggestion.closest(to: "--quietx", among: names), "--quiet")
        XCTAssertEqual(Suggestion.excerpt(huge), String(huge.prefix(60)) + "…")
        XCTAssertEqual(Suggestion.excerpt("a\u{1B}[2Jb\n"), "a\\u{1B}[2Jb\\n")
    }
}
