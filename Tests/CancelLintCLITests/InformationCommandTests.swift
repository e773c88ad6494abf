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
               cancellint rules [--format FORMAT]
               cancellint explain RULE

        Finds misuse of context and cancellation in Go code. Directories are searched
        recursively, skipping vendor, testdata, node_modules, hidden and generated files;
        files named explicitly are always linted. No paths means the current directory.
        Put -- before paths that look like options or commands.

        commands:
          rules [--format FORMAT]    list the rules as text (default), json or markdown
          explain RULE               print a rule's document: what it finds, why, how to fix it

        options:
              --fail-on SEVERITY     fail on findings this severe or worse: error, warning (default) or info
          -q, --quiet                do not print the summary line
              --format FORMAT        report as text (default), json, sarif, github or checkstyle
              --output FILE          write the report to FILE; the summary stays on stderr
              --no-color             no colour or source excerpts on a terminal (also NO_COLOR=1)
              --fix                  apply the fixes findings suggest, then report what remains
              --diff                 with --fix: print the fixes as a unified diff, change nothing
              --new-from-rev REV     report only findings on lines changed since git revision REV
              --new-from-patch FILE  report only findings on lines a unified diff adds
              --stdin-filename PATH  lint standard input, reported as the file PATH
          -h, --help                 print this help and exit
              --version              print the version and exit

        exit status: 0 if nothing at or above --fail-on was found, 1 if something was,
        2 for usage errors and named paths that could not be linted.

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
            RULE        SEVERITY  SUMMARY
            bad-line    warning   a line contains BAD
            note-line   info      a line contains NOTE
            worse-line  error     a line contains WORSE

            """)
        XCTAssertEqual(result.stderr.text, "")
        XCTAssertEqual(result.status, 0)
    }

    func testRulesWithNoFrontEndsPrintsOnlyTheHeader() {
        XCTAssertEqual(runCommand(["rules"], frontEnds: []).stdout.text, "RULE  SEVERITY  SUMMARY\n")
    }
}
