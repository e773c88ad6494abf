import TestSupport
import Foundation
import XCTest

/// A temporary git repository for tests; skips the test when `git` is not installed.
final class GitRepository {
    let directory: TemporaryDirectory
    var path: String { directory.path }

    static var gitPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init() throws {
        try XCTSkipIf(Self.gitPath == nil, "git is not installed")
        directory = try TemporaryDirectory()
        try git("init", "-q")
    }

    /// Runs git in the repository (or `subdirectory`) with a fixed identity; its standard output.
    @discardableResult
    func git(_ arguments: String..., in subdirectory: String = "") throws -> String {
        try Self.run(arguments, in: directory.url(subdirectory))
    }

    /// Runs git with extra environment variables; its exit status and both outputs, whatever the status.
    func attempt(_ arguments: [String], environment extra: [String: String] = [:]) throws
        -> (status: Int32, output: String) {
        let process = Self.process(arguments, in: path, extra: extra)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private static func process(_ arguments: [String], in directory: String, extra: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gitPath ?? "/usr/bin/git")
        process.arguments = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                             "-c", "init.defaultBranch=main"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[name] = nil }
        process.environment = environment.merging(extra) { $1 }
        return process
    }

    static func run(_ arguments: [String], in directory: String) throws -> String {
        let process = process(arguments, in: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "git", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    func write(_ relative: String, _ text: String) throws {
        try directory.write(relative, text)
    }

    func commitAll(_ message: String = "commit") throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }
}
