import TestSupport
import LintCore
import XCTest

/// Runs the engine with the fake front end, as the command line would from `directory/subdirectory`.
func lint(_ paths: [String], in directory: TemporaryDirectory, from subdirectory: String = "",
          configuration: ConfigurationChoice = .fixed, failOn: Severity? = .warning, workers: Int = 3) -> LintResult {
    LintEngine(frontEnds: [FakeFrontEnd()])
        .run(LintRequest(paths: paths, currentDirectory: directory.url(subdirectory), configuration: configuration,
                         failOn: failOn, workerCount: workers))
}

extension LintResult {
    /// The diagnostics as the text reporter prints them.
    var lines: [String] { diagnostics.map(TextReporter.line(for:)) }
    var problemLines: [String] { pathProblems.map(\.description) }
}
