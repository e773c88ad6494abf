import Foundation
import GoSyntax
import LintCore
import XCTest

/// Lexes every `.go` file under `$LEXER_BENCH_DIR` (skipping `testdata/` directories, which hold
/// intentionally invalid Go) and prints throughput and any lex errors. Skipped unless the variable is set:
///
///     LEXER_BENCH_DIR=/usr/lib/go-1.19/src swift test -c release --scratch-path .build-lexer-release \
///         --filter LexerBenchmarkTests
final class LexerBenchmarkTests: XCTestCase {
    func testLexDirectory() throws {
        guard let directory = ProcessInfo.processInfo.environment["LEXER_BENCH_DIR"], !directory.isEmpty else {
            throw XCTSkip("set LEXER_BENCH_DIR to a directory of Go sources to run the lexer benchmark")
        }
        let files = try loadGoFiles(under: URL(fileURLWithPath: directory).resolvingSymlinksInPath())
        let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
        XCTAssertFalse(files.isEmpty, "no .go files under \(directory)")

        var bestSeconds = Double.infinity
        var tokenCount = 0
        var failures: [(path: String, errors: [LexError])] = []
        for round in 0..<5 {
            var tokensThisRound = 0
            let started = DispatchTime.now().uptimeNanoseconds
            for file in files {
                let stream = GoLexer.tokenize(file)
                tokensThisRound += stream.tokens.count
                if round == 0, !stream.errors.isEmpty { failures.append((file.path, stream.errors)) }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            bestSeconds = min(bestSeconds, seconds)
            tokenCount = tokensThisRound
        }

        let megabytes = Double(totalBytes) / 1_000_000
        print(String(format: "lexer benchmark: %d files, %.1f MB, %d tokens, best of 5 %.3f s = %.0f MB/s",
                     files.count, megabytes, tokenCount, bestSeconds, megabytes / bestSeconds))
        print("lexer benchmark: \(failures.reduce(0) { $0 + $1.errors.count }) lex errors in \(failures.count) files")
        for failure in failures.prefix(20) {
            for error in failure.errors.prefix(5) {
                let position = files.first { $0.path == failure.path }?.position(of: error.offset)
                print("  \(failure.path):\(position?.description ?? "?"): \(error.message)")
            }
        }
        XCTAssertTrue(failures.isEmpty, "valid Go files produced lex errors")
    }

    private func loadGoFiles(under root: URL) throws -> [SourceFile] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else {
            return []
        }
        var files: [SourceFile] = []
        for case let url as URL in enumerator {
            let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            if isDirectory {
                if url.lastPathComponent == "testdata" { enumerator.skipDescendants() }
                continue
            }
            guard url.pathExtension == "go" else { continue }
            let data = try Data(contentsOf: url)
            files.append(SourceFile(path: url.path, bytes: [UInt8](data)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
