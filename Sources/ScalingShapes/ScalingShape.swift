// Inputs that grow: each shape writes a tree of files whose size is proportional to `n`, so
// that the cost of linting it at n, 2n, 4n, 8n shows whether some analysis is worse than
// linear. The complexity tests (CancelLintCLITests/ComplexityTests) lint every shape at n and
// 4n in-process and bound the CPU-time ratio; `scripts/bench.sh --scaling` prints the timings
// of the real binary; the fuzz seeds include a small instance of each.
//
// Not shipped: a developer library for the tests and cancellint-bench.

/// One generated file of a shape, relative to the directory the shape is written to.
public struct GeneratedFile: Sendable, Equatable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// A family of inputs of growing size that once cost more than linear time (or could).
public struct ScalingShape: Sendable {
    /// Short identifier, used on the command line of cancellint-bench and in test messages.
    public let name: String
    /// What grows, in a few words ("functions with a context and a loop").
    public let summary: String
    /// The `n` at which one run takes long enough to measure (tens of milliseconds in a
    /// release build); the tests use it as is, the benchmark multiplies it.
    public let baseSize: Int
    /// Extra command-line arguments the lint needs (before the directory), e.g. `--fix --diff`.
    public let arguments: [String]
    /// Whether the lint is expected to stop with an error (exit 2): a shape of bad configuration.
    public let expectsError: Bool
    /// The files for size `n`.
    public let generate: @Sendable (_ n: Int) -> [GeneratedFile]

    public init(name: String, summary: String, baseSize: Int, arguments: [String] = [], expectsError: Bool = false,
                generate: @escaping @Sendable (_ n: Int) -> [GeneratedFile]) {
        self.name = name
        self.summary = summary
        self.baseSize = baseSize
        self.arguments = arguments
        self.expectsError = expectsError
        self.generate = generate
    }
}

public enum ScalingShapes {
    /// Every shape, in a stable order. Each area keeps its shapes in its own file
    /// (`GoShapes.swift`, `EngineShapes.swift`, `SwiftShapes.swift`) and lists them here.
    public static var all: [ScalingShape] { goShapes + engineShapes + swiftShapes + fixShapes }

    public static func named(_ name: String) -> ScalingShape? { all.first { $0.name == name } }
}

/// Text built by repetition: `repeated(n) { i in "..." }` joins n pieces.
public func repeated(_ count: Int, _ piece: (Int) -> String) -> String {
    var text = ""
    for index in 0..<count { text += piece(index) }
    return text
}
