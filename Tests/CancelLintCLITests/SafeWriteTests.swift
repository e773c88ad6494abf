import TestSupport
import CancelLintCLI
import Foundation
import LintCore
import XCTest

/// What `--output`, `--write-baseline` and `--fix` may write, follow and change (README, "Guarantees").
final class SafeWriteTests: XCTestCase {
    private func status(_ path: String) -> stat {
        var status = stat()
        lstat(path, &status)
        return status
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    // MARK: --output and --write-baseline

    func testAnOutputNamingALintedFileIsRefusedBeforeAnythingIsFixed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.go", "old\n")
        XCTAssertEqual(link(directory.url("v.go"), directory.url("hard-link.txt")), 0)
        for spelling in ["v.go", "./sub/../v.go", directory.url("v.go"), "hard-link.txt"] {
            try directory.makeDirectory("sub")
            let result = runCommand(["--fix", "--output", spelling, "v.go"], in: directory.path,
                                    frontEnds: [ScriptedFrontEnd()])
            XCTAssertEqual(result.stderr.text,
                           "cancellint: cannot write the report to \(spelling): it is one of the files being linted\n")
            XCTAssertEqual(result.stdout.text, "")
            XCTAssertEqual(result.status, 2)
            XCTAssertEqual(try contents(directory.url("v.go")), "old\n", spelling)
        }
        let baseline = runCommand(["--write-baseline", "v.go", "v.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(baseline.stderr.text, "cancellint: cannot write baseline v.go: it is one of the files being linted\n")
        XCTAssertEqual(baseline.status, 2)
        XCTAssertEqual(try contents(directory.url("v.go")), "old\n")
    }

    func testLinksAndDirectoriesAreNeverReplaced() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        try directory.write("kept.txt", "precious\n")
        try directory.symlink("link.txt", to: "kept.txt")
        try directory.makeDirectory("folder")
        for option in ["--output", "--write-baseline"] {
            let linked = runCommand([option, "link.txt", "a.go"], in: directory.path)
            let noun = option == "--output" ? "the report to" : "baseline"
            XCTAssertEqual(linked.stderr.text.split(separator: "\n").last.map(String.init),
                           "cancellint: cannot write \(noun) link.txt: it is a symbolic link; only regular files are replaced")
            XCTAssertEqual(linked.status, 2)
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: directory.url("link.txt")), "kept.txt")
            XCTAssertEqual(try contents(directory.url("kept.txt")), "precious\n")
            let folder = runCommand([option, "folder", "a.go"], in: directory.path)
            XCTAssertEqual(folder.stderr.text.split(separator: "\n").last.map(String.init),
                           "cancellint: cannot write \(noun) folder: is a directory")
            XCTAssertEqual(folder.status, 2)
            try directory.write("locked.txt", "kept\n")
            directory.setPermissions("locked.txt", 0o444)
            let locked = runCommand([option, "locked.txt", "a.go"], in: directory.path)
            XCTAssertEqual(locked.stderr.text.split(separator: "\n").last.map(String.init),
                           "cancellint: cannot write \(noun) locked.txt: it is read-only")
            XCTAssertEqual(locked.status, 2)
            XCTAssertEqual(try contents(directory.url("locked.txt")), "kept\n")
            directory.setPermissions("locked.txt", 0o644)
        }
    }

    func testDevicesAndFIFOsAreWrittenInPlace() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        let null = runCommand(["--output", "/dev/null", "a.go"], in: directory.path)
        XCTAssertEqual(null.stderr.text, "cancellint: 1 problem (1 warning) in 1 file\n")
        XCTAssertEqual(null.status, 1)
        XCTAssertEqual(status("/dev/null").st_mode & S_IFMT, S_IFCHR, "still a device")

        XCTAssertEqual(mkfifo(directory.url("pipe"), 0o600), 0)
        // The reader opens the FIFO in the background; writing to it blocks until then, as with `> pipe`.
        let received = CapturedStream()
        let done = DispatchSemaphore(value: 0)
        let fifo = directory.url("pipe")
        DispatchQueue(label: "fifo reader").async {
            let data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
            received.sink.write(String(decoding: data, as: UTF8.self))
            done.signal()
        }
        let piped = runCommand(["--output", "pipe", "a.go"], in: directory.path)
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(piped.status, 1)
        XCTAssertEqual(received.text, "a.go:1:1: warning: line contains BAD [bad-line]\n")
        XCTAssertEqual(status(directory.url("pipe")).st_mode & S_IFMT, S_IFIFO, "still a FIFO")
    }

    func testAReplacedReportKeepsItsPermissionsAndANewOneGetsTheUmasks() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        try directory.write("old-report.txt", "stale\n")
        directory.setPermissions("old-report.txt", 0o600)
        XCTAssertEqual(runCommand(["--output", "old-report.txt", "a.go"], in: directory.path).status, 1)
        XCTAssertEqual(try contents(directory.url("old-report.txt")), "a.go:1:1: warning: line contains BAD [bad-line]\n")
        XCTAssertEqual(status(directory.url("old-report.txt")).st_mode & 0o777, 0o600)
        XCTAssertEqual(link(directory.url("old-report.txt"), directory.url("linked-report.txt")), 0)
        XCTAssertEqual(runCommand(["--output", "linked-report.txt", "--format", "github", "a.go"], in: directory.path).status, 1)
        XCTAssertEqual(try contents(directory.url("old-report.txt")), "::warning file=a.go,line=1,col=1,endLine=1,endColumn=4,title=bad-line::line contains BAD\n",
                       "a hard link stays one file")
        try FileManager.default.removeItem(atPath: directory.url("linked-report.txt"))

        let mask = umask(0o027)
        defer { umask(mask) }
        XCTAssertEqual(runCommand(["--write-baseline", "new-baseline.txt", "a.go"], in: directory.path).status, 0)
        XCTAssertEqual(status(directory.url("new-baseline.txt")).st_mode & 0o777, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(),
                       ["a.go", "new-baseline.txt", "old-report.txt"], "no temporary file left behind")
    }

    func testWriteBaselineRefusesTheOptionsItWouldIgnore() {
        let cases: [([String], String)] = [
            (["--fix"], "--fix"), (["--fix", "--diff"], "--fix --diff"),
            (["--output", "r.txt"], "--output"), (["--format", "json"], "--format"),
        ]
        for (options, name) in cases {
            let result = runCommand(["--write-baseline", "b.txt"] + options + ["a.go"], in: "/nonexistent")
            XCTAssertEqual(result.stderr.text, """
                cancellint: --write-baseline records the findings and writes nothing else; it cannot be combined with \(name)
                Run 'cancellint --help' for usage.

                """)
            XCTAssertEqual(result.status, 2)
        }
        let fine = runCommand(["--write-baseline", "b.txt", "--quiet", "--no-color", "/nonexistent/a.go"], in: "/")
        XCTAssertEqual(fine.stderr.text.contains("Run 'cancellint --help'"), false, fine.stderr.text)
    }

    // MARK: --fix

    func testFixDoesNotFollowALinkOutOfTheNamedPaths() throws {
        let directory = try TemporaryDirectory()
        try directory.write("outside/real.go", "old\n")
        try directory.write("tree/inside.go", "x\n")
        try directory.symlink("tree/escape.go", to: "../outside/real.go")
        let result = runCommand(["--fix", "tree"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(result.stderr.text, """
            cancellint: tree/escape.go: fixes not applied: it leads to \(directory.url("outside/real.go")), outside the paths being linted; not rewritten
            cancellint: nothing to fix
            cancellint: 1 problem (1 warning) in 2 files

            """)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try contents(directory.url("outside/real.go")), "old\n")

        // Naming the link, or a folder holding its target, is asking for the target to be fixed.
        for named in [["tree/escape.go"], ["tree", "outside"]] {
            try directory.write("outside/real.go", "old\n")
            let asked = runCommand(["--fix"] + named, in: directory.path, frontEnds: [ScriptedFrontEnd()])
            XCTAssertEqual(asked.status, 0, asked.stderr.text)
            XCTAssertEqual(try contents(directory.url("outside/real.go")), "new\n")
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: directory.url("tree/escape.go")),
                           "../outside/real.go")
        }
    }

    func testFixRefusesReadOnlyFilesAndSaysSoInTheSummary() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "old\n")
        try directory.write("b.go", "old\n")
        directory.setPermissions("a.go", 0o444)
        let result = runCommand(["--fix", "a.go", "b.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(result.stdout.text, "a.go:1:1: warning: old is old; call it new [rename]\n")
        XCTAssertEqual(result.stderr.text, """
            cancellint: a.go: cannot apply fixes: it is read-only; not rewritten
            cancellint: fixed 1 problem in 1 file; 1 file could not be rewritten
            cancellint: 1 problem (1 warning) in 2 files

            """)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(try contents(directory.url("a.go")), "old\n")
        XCTAssertEqual(status(directory.url("a.go")).st_mode & 0o777, 0o444)
        XCTAssertEqual(try contents(directory.url("b.go")), "new\n")

        let alone = runCommand(["--fix", "a.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(alone.stderr.text, """
            cancellint: a.go: cannot apply fixes: it is read-only; not rewritten
            cancellint: fixed nothing: 1 file could not be rewritten
            cancellint: 1 problem (1 warning) in 1 file

            """, "never \"nothing to fix\" when a write failed")
        XCTAssertEqual(alone.status, 2)
    }

    func testFixKeepsHardLinksModeOwnerAndGroup() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "x old\n")
        XCTAssertEqual(link(directory.url("a.go"), directory.url("other-name.txt")), 0)
        try directory.write("b.go", "old y\n")
        directory.setPermissions("b.go", 0o640)
        let owned = geteuid() == 0 && chown(directory.url("b.go"), 1234, 5678) == 0
        let inodeBefore = status(directory.url("a.go")).st_ino

        let result = runCommand(["--fix", "a.go", "b.go"], in: directory.path, frontEnds: [ScriptedFrontEnd()])
        XCTAssertEqual(result.stderr.text, "cancellint: fixed 2 problems in 2 files\ncancellint: no problems in 2 files\n")
        XCTAssertEqual(try contents(directory.url("a.go")), "x new\n")
        XCTAssertEqual(try contents(directory.url("other-name.txt")), "x new\n", "the other link sees the fix")
        XCTAssertEqual(status(directory.url("a.go")).st_ino, inodeBefore, "rewritten through its own inode")
        XCTAssertEqual(status(directory.url("a.go")).st_nlink, 2)
        XCTAssertEqual(try contents(directory.url("b.go")), "new y\n")
        XCTAssertEqual(status(directory.url("b.go")).st_mode & 0o7777, 0o640)
        if owned {
            XCTAssertEqual(status(directory.url("b.go")).st_uid, 1234)
            XCTAssertEqual(status(directory.url("b.go")).st_gid, 5678)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(),
                       ["a.go", "b.go", "other-name.txt"], "no temporary file left behind")
    }

    // MARK: Standard output

    func testAWriteErrorOnStandardOutputIsExitTwo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.go", "BAD\n")
        let full = open("/dev/full", O_WRONLY)
        try XCTSkipIf(full < 0, "no /dev/full")
        defer { close(full) }
        let stderr = CapturedStream()
        let status = CancelLintCLI.run(arguments: ["--format", "json", "a.go"], frontEnds: [FakeFrontEnd()],
                         stdout: OutputSink(fileDescriptor: full), stderr: stderr.sink,
                         currentDirectory: directory.path, environment: RunEnvironment())
        XCTAssertEqual(status, 2)
        XCTAssertEqual(stderr.text, """
            cancellint: 1 problem (1 warning) in 1 file
            cancellint: cannot write to standard output: no space left on device

            """)
        let clean = CancelLintCLI.run(arguments: ["--version"], frontEnds: [FakeFrontEnd()], stdout: OutputSink(fileDescriptor: full),
                        stderr: stderr.sink, currentDirectory: directory.path, environment: RunEnvironment())
        XCTAssertEqual(clean, 2)
    }
}
