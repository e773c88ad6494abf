import CancelLintCLI
import Foundation
import XCTest

/// The files users copy into their setup: the plain git hook, the pre-commit framework's hook
/// definition, and the commands the README tells them to run.
final class IntegrationFilesTests: XCTestCase {
    static let root = ExampleGoldenTests.root

    /// The `cancellint` executable built beside the tests (by `swift build` or `swift test`).
    static var builtExecutable: String? {
        let candidates = [Bundle(for: IntegrationFilesTests.self).bundleURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()]
        return candidates.map { $0.appendingPathComponent("cancellint").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let leak = """
        package server

        import (
        \t"context"
        \t"time"
        )

        func Handle(parent context.Context) {
        \tctx, _ := context.WithTimeout(parent, time.Second)
        \t<-ctx.Done()
        }

        """
    static let fixed = leak.replacingOccurrences(of: "ctx, _ :=", with: "ctx, cancel :=")
        .replacingOccurrences(of: "\t<-ctx.Done()", with: "\tdefer cancel()\n\t<-ctx.Done()")

    private func repositoryWithHook() throws -> (GitRepository, [String: String]) {
        let executable = try XCTUnwrap(Self.builtExecutable, "build the cancellint executable first (swift build)")
        let repository = try GitRepository()
        try repository.write("README.md", "a Go project\n")
        try repository.commitAll("start")
        let hook = repository.directory.url(".git/hooks/pre-commit")
        try FileManager.default.createDirectory(atPath: repository.directory.url(".git/hooks"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("scripts/pre-commit").path, toPath: hook)
        chmod(hook, 0o755)
        return (repository, ["CANCELLINT": executable])
    }

    private func commitCount(_ repository: GitRepository) throws -> Int {
        Int(try repository.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    func testTheGitHookRefusesALeakAndAcceptsTheFix() throws {
        let (repository, environment) = try repositoryWithHook()
        try repository.write("server/handle me.go", Self.leak)
        try repository.write("notes.txt", "not Go\n")
        try repository.git("add", "-A")
        let refused = try repository.attempt(["commit", "-q", "-m", "leak"], environment: environment)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains(
            "server/handle me.go:9:7: error: the cancel function returned by context.WithTimeout is discarded;"), refused.output)
        XCTAssertTrue(refused.output.contains("pre-commit: commit refused: cancellint found problems in the staged Go files"),
                      refused.output)
        XCTAssertEqual(try commitCount(repository), 1)

        try repository.write("server/handle me.go", Self.fixed)
        try repository.git("add", "-A")
        let accepted = try repository.attempt(["commit", "-q", "-m", "fixed"], environment: environment)
        XCTAssertEqual(accepted.status, 0, accepted.output)
        XCTAssertEqual(accepted.output, "", "a clean commit is silent")
        XCTAssertEqual(try commitCount(repository), 2)
    }

    /// The hook lints what is staged, not what is in the working tree.
    func testTheGitHookLintsTheStagedVersion() throws {
        let (repository, environment) = try repositoryWithHook()
        try repository.write("a.go", Self.fixed)
        try repository.git("add", "a.go")
        try repository.write("a.go", Self.leak)
        let cleanStaged = try repository.attempt(["commit", "-q", "-m", "clean staged"], environment: environment)
        XCTAssertEqual(cleanStaged.status, 0, cleanStaged.output)

        try repository.git("add", "a.go")
        try repository.write("a.go", Self.fixed)
        let leakStaged = try repository.attempt(["commit", "-q", "-m", "leak staged"], environment: environment)
        XCTAssertNotEqual(leakStaged.status, 0)
        XCTAssertTrue(leakStaged.output.contains("a.go:9:7: error: "), leakStaged.output)
    }

    func testTheGitHookWithoutGoFilesOrWithoutTheTool() throws {
        let (repository, _) = try repositoryWithHook()
        try repository.write("notes.txt", "x\n")
        try repository.git("add", "-A")
        let noGo = try repository.attempt(["commit", "-q", "-m", "notes"], environment: ["CANCELLINT": "/nonexistent/cancellint"])
        XCTAssertEqual(noGo.status, 0, "no staged Go file: the tool is not even looked for")

        try repository.write("a.go", "package a\n")
        try repository.git("add", "-A")
        let missing = try repository.attempt(["commit", "-q", "-m", "go"], environment: ["CANCELLINT": "/nonexistent/cancellint"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.output.contains("pre-commit: '/nonexistent/cancellint' not found"), missing.output)
    }

    func testPreCommitFrameworkHookDefinition() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for expected in ["- id: cancellint", "entry: cancellint", "language: swift", "types: [go]"] {
            XCTAssertTrue(lines.contains(expected), "missing `\(expected)`")
        }
        XCTAssertFalse(lines.contains("pass_filenames: false"), "the framework must pass the staged file names")
    }

    /// Every `cancellint ...` command in the README's shell and workflow blocks parses.
    func testReadmeCommandsAreValid() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        var inBlock = false
        var commands: [String] = []
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line.count > 3 && !line.hasPrefix("```go")
                continue
            }
            guard inBlock else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            for prefix in ["cancellint ", "run: cancellint ", "- run: cancellint "] where trimmed.hasPrefix(prefix) {
                commands.append(String(trimmed.dropFirst(prefix.count)))
            }
        }
        XCTAssertGreaterThanOrEqual(commands.count, 10, "\(commands)")
        for command in commands {
            let words = command.split(separator: "#").first.map(String.init) ?? ""
            let arguments = words.split(separator: " ").map(String.init)
                .prefix { !["|", ">", "||", "&&", "2>&1", "2>/dev/null", "<"].contains($0) }
            if case .failure(let error) = parseCommandLine(Array(arguments)) {
                XCTFail("README: `cancellint \(command)`: \(error.message)")
            }
        }
    }
}
