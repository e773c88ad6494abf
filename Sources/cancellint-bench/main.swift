// Developer tool: runs one stage of the pipeline (lex, parse, analyze) over a tree and prints
// files, bytes, errors and time. Used by scripts/parse-corpus.sh and scripts/bench.sh.
import Foundation
import GoSyntax
import GoAnalysis
import LintCore

struct Options {
    var stage = "parse"
    var paths: [String] = []
    var showErrors = false
    var skipTestdata = true
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--stage": options.stage = arguments.popFirst() ?? "parse"
        case "--show-errors": options.showErrors = true
        case "--include-testdata": options.skipTestdata = false
        default: options.paths.append(argument)
        }
    }
    return options
}

func collectGoFiles(_ root: String, skipTestdata: Bool, into files: inout [String]) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return }
    if !isDirectory.boolValue {
        if root.hasSuffix(".go") { files.append(root) }
        return
    }
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
    for entry in entries.sorted() {
        if entry.hasPrefix(".") || (skipTestdata && entry == "testdata") { continue }
        let path = root + "/" + entry
        var entryIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &entryIsDirectory) else { continue }
        if entryIsDirectory.boolValue {
            collectGoFiles(path, skipTestdata: skipTestdata, into: &files)
        } else if entry.hasSuffix(".go") {
            files.append(path)
        }
    }
}

final class Results: @unchecked Sendable {
    let lock = NSLock()
    var bytes = 0
    var errorFiles = 0
    var errorCount = 0
    var tokens = 0
    var messages: [String] = []
}

let options = parseOptions()
var files: [String] = []
for path in options.paths { collectGoFiles(path, skipTestdata: options.skipTestdata, into: &files) }
let results = Results()
let started = Date()
let counter = ManagedAtomicCounter()
let workerCount = ProcessInfo.processInfo.activeProcessorCount
let group = DispatchGroup()
for _ in 0..<workerCount {
    group.enter()
    let thread = Thread {
        var localBytes = 0, localErrorFiles = 0, localErrors = 0, localTokens = 0
        var localMessages: [String] = []
        while true {
            let index = counter.next()
            guard index < files.count else { break }
            guard let data = FileManager.default.contents(atPath: files[index]) else { continue }
            let source = SourceFile(path: files[index], bytes: [UInt8](data))
            localBytes += source.bytes.count
            switch options.stage {
            case "read":
                break
            case "lex":
                let stream = GoLexer.tokenize(source)
                localTokens += stream.tokens.count
                if !stream.errors.isEmpty { localErrorFiles += 1; localErrors += stream.errors.count }
            default:
                let tree = GoParser.parse(source)
                localTokens += tree.nodes.count
                if !tree.errors.isEmpty {
                    localErrorFiles += 1
                    localErrors += tree.errors.count
                    if options.showErrors {
                        for error in tree.errors {
                            localMessages.append("\(source.path):\(source.position(of: error.offset)): \(error.message)")
                        }
                    }
                }
                if options.stage == "analyze" {
                    let file = GoFile(tree: tree)
                    if file.imports.importsContext { _ = file.contexts.contextSymbols.count }
                }
            }
        }
        results.lock.lock()
        results.bytes += localBytes
        results.errorFiles += localErrorFiles
        results.errorCount += localErrors
        results.tokens += localTokens
        results.messages += localMessages
        results.lock.unlock()
        group.leave()
    }
    thread.stackSize = 64 << 20
    thread.start()
}
group.wait()
let seconds = Date().timeIntervalSince(started)
for message in results.messages.sorted() { print(message) }
let megabytes = Double(results.bytes) / 1_000_000
print(String(format: "%@: files=%d bytes=%d files_with_errors=%d errors=%d units=%d seconds=%.3f MB/s=%.1f",
             options.stage, files.count, results.bytes, results.errorFiles, results.errorCount, results.tokens,
             seconds, megabytes / max(seconds, 1e-9)))

final class ManagedAtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}
