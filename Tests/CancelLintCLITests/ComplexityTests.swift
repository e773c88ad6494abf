import CancelLintCLI
import Foundation
import LintCore
import ScalingShapes
import TestSupport
import XCTest

/// Linear cost as a tested property: every shape in `ScalingShapes.all` is linted in-process at
/// its base size n and at 4n; the CPU time of the larger run may be at most 6 times that of the
/// smaller (linear work gives 4, quadratic 16). CPU time, not wall time, and the least of a few
/// runs, so a busy machine does not make the test flaky.
final class ComplexityTests: XCTestCase {
    static let growth = 4
    static let allowedRatio = 6.0
    static let shortestJudgedRun = 0.05

    func testEveryShapeScalesLinearly() throws {
        XCTAssertFalse(ScalingShapes.all.isEmpty)
        for shape in ScalingShapes.all {
            try assertLinear(shape)
        }
    }

    func testTheMeasureSeesQuadraticWork() {
        // The measure itself must be able to fail: a loop that is quadratic in n is caught.
        func quadratic(_ n: Int) -> Double {
            leastCPUSeconds(repetitions: 3) {
                var sum = 0
                for i in 0..<n { for j in 0..<n { sum &+= i ^ j } }
                XCTAssertNotEqual(sum, -1)
            }
        }
        let small = quadratic(1_500)
        let large = quadratic(1_500 * Self.growth)
        XCTAssertGreaterThan(large / max(small, 1e-6), Self.allowedRatio)
    }

    private func assertLinear(_ shape: ScalingShape, file: StaticString = #filePath, line: UInt = #line) throws {
        // A run of a few milliseconds is mostly start-up and timer noise: the size doubles until
        // the smaller run takes long enough to judge (at most 16 times the base size).
        var size = shape.baseSize
        var small = try cost(of: shape, size: size)
        while small < Self.shortestJudgedRun, size < shape.baseSize * 16 {
            size *= 2
            small = try cost(of: shape, size: size)
        }
        var large = try cost(of: shape, size: size * Self.growth)
        // A busy machine (caches shared with another process) can push one measurement over; a
        // real quadratic stays over when both sizes are measured again, noise rarely does.
        for _ in 0..<2 where large / max(small, 0.002) >= Self.allowedRatio {
            small = min(small, try cost(of: shape, size: size))
            large = min(large, try cost(of: shape, size: size * Self.growth))
        }
        let ratio = large / max(small, 0.002)
        XCTAssertLessThan(ratio, Self.allowedRatio,
                          "\(shape.name) (\(shape.summary)): n=\(size) took \(small) s CPU, "
                          + "\(Self.growth)n took \(large) s — worse than linear", file: file, line: line)
    }

    /// The least CPU time of three lints of the shape at `size`, written to a fresh directory.
    private func cost(of shape: ScalingShape, size: Int) throws -> Double {
        let directory = try TemporaryDirectory()
        for generated in shape.generate(size) {
            let path = directory.url(generated.path)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(generated.bytes).write(to: URL(fileURLWithPath: path))
        }
        return leastCPUSeconds(repetitions: 3) {
            let result = runCommand(["--quiet", "--no-color"] + shape.arguments + ["."], in: directory.path,
                                    frontEnds: defaultFrontEnds)
            XCTAssertEqual(result.status >= 2, shape.expectsError, "\(shape.name): \(result.stderr.text)")
        }
    }
}
