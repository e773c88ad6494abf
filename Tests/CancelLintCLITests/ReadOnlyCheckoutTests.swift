import TestSupport
import CancelLintCLI
import Foundation
import XCTest

/// Nothing is written except by --fix, --write-baseline and --output: every example is linted in a
/// read-only copy of the checkout, in every format and mode that reads, and the tree is unchanged.
final class ReadOnlyCheckoutTests: XCTestCase {
    func snapshot(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let path = root + "/" + relative
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            files[relative] = isDirectory.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    func testLintingTheExamplesWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let examples = ExampleGoldenTests.root.appendingPathComponent("Examples").path
        try FileManager.default.copyItem(atPath: examples, toPath: directory.url("Examples"))
        try FileManager.default.copyItem(atPath: ExampleGoldenTests.root.appendingPathComponent(".lintconfig.yml").path,
                                         toPath: directory.url(".lintconfig.yml"))
        let before = try snapshot(directory.path)
        // Read-only as a checkout on a read-only mount would be (root ignores the bits, so the
        // snapshot comparison below is what proves nothing was written).
        for relative in before.keys { chmod(directory.url(relative), 0o555) }
        chmod(directory.path, 0o555)
        defer { chmod(directory.path, 0o755) }

        let runs: [[String]] = [
            ["Examples"], ["--format", "json", "Examples"], ["--format", "sarif", "Examples"],
            ["--format", "github", "Examples"], ["--format", "checkstyle", "Examples"],
            ["--fix", "--diff", "Examples"], ["--strict-suppressions", "Examples"], ["rules"],
        ]
        for arguments in runs {
            let result = runCommand(arguments, in: directory.path, frontEnds: defaultFrontEnds)
            XCTAssertNotEqual(result.status, 2, "\(arguments): \(result.stderr.text)")
            XCTAssertFalse(result.stdout.text.isEmpty, "\(arguments) printed nothing")
        }
        XCTAssertEqual(try snapshot(directory.path), before, "linting changed or created files")
    }
}
