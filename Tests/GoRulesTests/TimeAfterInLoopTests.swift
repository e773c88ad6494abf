import Foundation
import GoAnalysis
import LintCore
import XCTest

final class TimeAfterInLoopTests: XCTestCase {
    let rule = "time-after-in-loop"
    let remedy = "create one time.NewTimer before the loop and Reset it each iteration [time-after-in-loop]"

    func warning(_ module: String) -> String {
        "warning: time.After in a select inside a loop makes a new timer every iteration, and before Go 1.23 none is "
            + "freed until it fires (\(module)); " + remedy
    }

    var info: String {
        "info: time.After in a select inside a loop makes a new timer every iteration (collected early since Go 1.23, "
            + "but still allocated); " + remedy
    }

    let loops = goSource("""
    func forward(in, out chan int) {
    \tfor {
    \t\tselect {
    \t\tcase v := <-in:
    \t\t\tout <- v
    \t\tcase <-time.After(time.Minute):
    \t\t\treturn
    \t\t}
    \t}
    }
    func each(ctx context.Context, items []int, out chan int) {
    \tfor _, item := range items {
    \t\tselect {
    \t\tcase out <- item:
    \t\tcase t := <-(time.After(time.Second)):
    \t\t\tuse(t)
    \t\tcase <-ctx.Done():
    \t\t\treturn
    \t\t}
    \t}
    }
    """)

    func testWarnsWithoutAGoMod() {
        XCTAssertEqual(findings(loops, only: rule), [
            "7:10: " + warning("no go.mod found"),
            "16:16: " + warning("no go.mod found"),
        ])
    }

    func testFollowsTheConfiguredDefaultVersion() {
        XCTAssertEqual(findings(loops, only: rule, settings: LintSettings(defaultLanguageVersion: "1.21")), [
            "7:10: " + warning("go 1.21"),
            "16:16: " + warning("go 1.21"),
        ])
        XCTAssertEqual(findings(loops, only: rule, settings: LintSettings(defaultLanguageVersion: "1.23")), [
            "7:10: " + info,
            "16:16: " + info,
        ])
    }

    func testReadsTheNearestGoMod() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cancellint-goversion-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("old/pkg")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try "module example.com/new\n\ngo 1.24.1 // toolchain\n".write(to: root.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try "module example.com/old\ngo 1.20\n".write(to: root.appendingPathComponent("old/go.mod"), atomically: true, encoding: .utf8)
        let newFile = root.appendingPathComponent("main.go")
        let oldFile = nested.appendingPathComponent("main.go")
        try loops.write(to: newFile, atomically: true, encoding: .utf8)
        try loops.write(to: oldFile, atomically: true, encoding: .utf8)
        // The go.mod wins over the configured default.
        let settings = LintSettings(defaultLanguageVersion: "1.21")
        XCTAssertEqual(findings(loops, only: rule, path: newFile.path, settings: settings), ["7:10: " + info, "16:16: " + info])
        XCTAssertEqual(findings(loops, only: rule, path: oldFile.path, settings: settings),
                       ["7:10: " + warning("go 1.20"), "16:16: " + warning("go 1.20")])
    }

    func testIgnoresTimersThatAreNotMadeEveryIteration() {
        let cases = [
            // Not in a loop.
            "func f(ch chan int) {\n\tselect {\n\tcase <-ch:\n\tcase <-time.After(time.Second):\n\t}\n}",
            // A reused timer.
            "func f(ch chan int) {\n\tt := time.NewTimer(time.Second)\n\tfor {\n\t\tselect {\n\t\tcase <-ch:\n\t\tcase <-t.C:\n\t\t\treturn\n\t\t}\n\t}\n}",
            // Made once, before the loop.
            "func f(ch chan int) {\n\ttimeout := time.After(time.Second)\n\tfor {\n\t\tselect {\n\t\tcase <-ch:\n\t\tcase <-timeout:\n\t\t\treturn\n\t\t}\n\t}\n}",
            // A select in a goroutine launched by the loop runs once per goroutine.
            "func f(chs []chan int) {\n\tfor _, ch := range chs {\n\t\tgo func(ch chan int) {\n\t\t\tselect {\n\t\t\tcase <-ch:\n\t\t\tcase <-time.After(time.Second):\n\t\t\t}\n\t\t}(ch)\n\t}\n}",
            // Some other package's After.
            "func f(ch chan int, clock Clock) {\n\tfor {\n\t\tselect {\n\t\tcase <-ch:\n\t\tcase <-clock.After(time.Second):\n\t\t}\n\t}\n}",
            // Every case leaves the loop: the select runs once.
            "func f(ch chan int) int {\n\tfor {\n\t\tselect {\n\t\tcase v := <-ch:\n\t\t\treturn v\n\t\tcase <-time.After(time.Second):\n\t\t\treturn 0\n\t\t}\n\t}\n}",
            // Only the timer goes round again: each one has fired before the next is made.
            "func f(ctx context.Context, d time.Duration) {\n\tfor {\n\t\tselect {\n\t\tcase <-time.After(d):\n\t\t\tpoll(ctx)\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\t}\n\t}\n}",
            // Outside a select.
            "func f(d time.Duration) {\n\tfor i := 0; i < 3; i++ {\n\t\t<-time.After(d)\n\t}\n}",
        ]
        assertNoFindings(cases, only: rule)
    }

    func testGoDirectiveAndVersionParsing() {
        XCTAssertEqual(ModuleVersions.goDirective(in: "module a\n\ngo 1.22\n"), "1.22")
        XCTAssertEqual(ModuleVersions.goDirective(in: "module a\r\n// go 1.10\r\ngo\t1.21.3 // pinned\r\n"), "1.21.3")
        XCTAssertNil(ModuleVersions.goDirective(in: "module a\nrequire (\n\tgolang.org/x/sync v0.1.0\n)\n"))
        XCTAssertEqual(GoVersion("1.21.3"), GoVersion(major: 1, minor: 21))
        XCTAssertEqual(GoVersion("go1.23rc1"), GoVersion(major: 1, minor: 23))
        XCTAssertEqual(GoVersion("1"), GoVersion(major: 1, minor: 0))
        XCTAssertNil(GoVersion("latest"))
        XCTAssertTrue(GoVersion(major: 1, minor: 9) < GoVersion(major: 1, minor: 23))
    }
}
