import CancelLintCLI
import XCTest

final class InformationCommandTests: XCTestCase {
    func testVersion() {
        let result = runCommand(["--version"])
        XCTAssertEqual(result.stdout.text, "cancellint 0.1.0\n")
        XCTAssertEqual(result.stderr.text, "")
        XCTAssertEqual(result.status, 0)
    }

    static let help = """
        usage: cancellint [options] [path ...]
               cancellint rules

        Finds misuse of context and cancellation in Go code. Directories are searched
        recursively, skipping vendor, testdata, node_modules, hidden and generated files;
        files named explicitly are linted even if generated. No paths means the current directory.
        Put -- before paths that look like options or commands.

        commands:
          rules                      list every rule with its default severity and summary

        options:
              --fail-on SEVERITY     fail on findings this severe or worse: error, warning (default) or info
              --config FILE          use this configuration for every file instead of the nearest .lintconfig.yml
              --no-config            ignore every .lintconfig.yml: all rules at their defaults
              --baseline FILE        report only findings not recorded in this baseline
              --write-baseline FILE  record the current findings in this baseline file instead of reporting them
              --strict-suppressions  report unused or reason-less suppression comments as warnings, not info
          -q, --quiet                do not print the summary line
          -h, --help                 print this help and exit
              --version              print the version and exit

        exit status: 0 if nothing at or above --fail-on was found, 1 if something was,
        2 for usage errors, invalid configuration and named paths that could not be linted.

        """

    func testHelpListsEveryOption() {
        for arguments in [["--help"], ["-h"], ["--version", "--help"], ["some/path", "-h", "-q"]] {
            let result = runCommand(arguments)
            XCTAssertEqual(result.stdout.text, Self.help, "\(arguments)")
            XCTAssertEqual(result.stderr.text, "", "\(arguments)")
            XCTAssertEqual(result.status, 0, "\(arguments)")
        }
    }

    func testRulesListsEveryRuleSortedById() {
        let result = runCommand(["rules"])
        XCTAssertEqual(result.stdout.text, """
            RULE                SEVERITY  SUMMARY
            bad-line            warning   a line contains BAD
            note-line           info      a line contains NOTE
            unused-suppression  info      a suppression comment names an unknown rule, gives no reason, or silences nothing
            worse-line          error     a line contains WORSE

            """)
        XCTAssertEqual(result.stderr.text, "")
        XCTAssertEqual(result.status, 0)
    }

    func testRulesWithNoFrontEndsPrintsOnlyTheHeader() {
        XCTAssertEqual(runCommand(["rules"], frontEnds: []).stdout.text, "RULE  SEVERITY  SUMMARY\n")
    }
}
