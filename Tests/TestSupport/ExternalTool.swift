import Foundation

/// A program found on `PATH` (`gofmt`, `go`), for tests that check our output with the real
/// tools when they are installed and skip when they are not.
public struct ExternalTool {
    public let path: String

    /// Nil when no executable of that name is on `PATH`.
    public init?(named name: String) {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let found = directories.map({ "\($0)/\(name)" }).first(where: FileManager.default.isExecutableFile)
        else { return nil }
        path = found
    }

    /// Runs the tool to completion; standard output and error come back together, in order.
    public func run(_ arguments: [String], in directory: String? = nil, input: [UInt8] = [],
                    environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = standardInput
        try process.run()
        // Small inputs (a source file) fit the pipe's buffer, so writing before reading cannot block.
        standardInput.fileHandleForWriting.write(Data(input))
        try standardInput.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
