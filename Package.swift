// swift-tools-version:5.9
import PackageDescription

// Layering (each target only imports the ones above it):
//   LintCore      language-neutral: source text, diagnostics, rules' descriptors, engine, reporters
//   GoSyntax      Go lexer, parser and syntax tree; knows nothing about rules
//   GoAnalysis    per-file facts shared by all Go rules: imports, scopes, contexts, control flow
//   GoRules       one file per Go rule, the registry, and the Go front end for the engine
//   SwiftLangSyntax Swift lexer, lightweight parser and syntax tree; knows nothing about rules
//   SwiftLangRules  facts shared by the Swift rules, one file per rule, the Swift front end
//   CancelLintCLI argument parsing and the command, drivable in-process by tests
//   cancellint    the executable: a few lines calling CancelLintCLI
let package = Package(
    name: "cancellint",
    products: [
        .executable(name: "cancellint", targets: ["cancellint"]),
        .library(name: "CancelLintCLI", targets: ["CancelLintCLI"]),
    ],
    targets: [
        .target(name: "LintCore"),
        .target(name: "GoSyntax", dependencies: ["LintCore"]),
        .target(name: "GoAnalysis", dependencies: ["LintCore", "GoSyntax"]),
        .target(name: "GoRules", dependencies: ["LintCore", "GoSyntax", "GoAnalysis"]),
        .target(name: "SwiftLangSyntax", dependencies: ["LintCore"]),
        .target(name: "SwiftLangRules", dependencies: ["LintCore", "SwiftLangSyntax"]),
        .target(name: "CancelLintCLI", dependencies: ["LintCore", "GoRules", "SwiftLangRules"]),
        .executableTarget(name: "cancellint", dependencies: ["CancelLintCLI"]),
        // Developer tool behind scripts/parse-corpus.sh and scripts/bench.sh; not shipped.
        .executableTarget(name: "cancellint-bench",
                          dependencies: ["LintCore", "GoSyntax", "GoRules", "SwiftLangSyntax", "SwiftLangRules", "ScalingShapes"]),
        // Inputs of growing size for the complexity tests and `scripts/bench.sh --scaling`; not shipped.
        .target(name: "ScalingShapes"),
        // Helpers shared by the test targets (temporary directories); not shipped.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LintCoreTests", dependencies: ["LintCore", "TestSupport"]),
        .testTarget(name: "GoSyntaxTests", dependencies: ["GoSyntax", "LintCore"]),
        .testTarget(name: "GoRulesTests", dependencies: ["GoRules", "GoAnalysis", "GoSyntax", "LintCore", "SwiftLangRules", "TestSupport"],
                    exclude: ["FuzzRegressions"]),
        .testTarget(name: "SwiftLangSyntaxTests", dependencies: ["SwiftLangSyntax", "LintCore"]),
        .testTarget(name: "SwiftLangRulesTests",
                    dependencies: ["SwiftLangRules", "SwiftLangSyntax", "GoRules", "LintCore"]),
        // Golden/ and Resources/ (the SARIF schema) are read by path from the sources, not bundled.
        .testTarget(name: "CancelLintCLITests", dependencies: ["CancelLintCLI", "GoRules", "SwiftLangRules", "LintCore", "TestSupport", "ScalingShapes"],
                    exclude: ["Golden", "Resources"]),
    ]
)
