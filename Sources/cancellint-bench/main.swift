// Developer tool behind scripts/bench.sh and scripts/parse-corpus.sh: runs one stage of the
// pipeline over trees through the real engine (same discovery, reading and parallelism as the
// linter), so the stages differ only in the work each adds.
//
//   cancellint-bench --stage read|lex|parse|lint [--show-errors] PATH...
//   cancellint-bench --dump FILE.swift     prints the Swift syntax tree of one file
//   cancellint-bench --list-shapes          prints the scaling shapes: name, base size, arguments
//   cancellint-bench --emit SHAPE N DIR     writes the shape's files for size N under DIR
//
// Swift files go through the same stages; at `parse` their unmodeled constructs are counted
// (and listed with --show-errors) in place of syntax errors, since the Swift parser has none.
import Foundation
import GoRules
import GoSyntax
import LintCore
import ScalingShapes
import SwiftLangRules
import SwiftLangSyntax

enum Stage: String {
    case read, lex, parse, lint
}

/// A front end that stops after one stage and reports only syntax errors.
struct StageFrontEnd: LanguageFrontEnd {
    let stage: Stage
    let go = GoFrontEnd()

    var language: String { "go" }
    var fileExtensions: [String] { ["go"] }
    var rules: [RuleDescriptor] { go.rules }
    func isGenerated(_ file: SourceFile) -> Bool { go.isGenerated(file) }

    func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] {
        switch stage {
        case .read:
            return []
        case .lex:
            return GoLexer.tokenize(file).errors.map { error($0.offset, $0.message, file) }
        case .parse:
            return GoParser.parse(file).errors.map { error($0.offset, $0.message, file) }
        case .lint:
            return go.lint(file, settings: settings)
        }
    }

    private func error(_ offset: Int32, _ message: String, _ file: SourceFile) -> Diagnostic {
        Diagnostic(ruleID: "syntax-error", severity: .error, file: file,
                   range: ByteRange(start: offset, end: offset), message: message)
    }
}

/// The Swift twin of `StageFrontEnd`; at `parse` each unmodeled construct becomes a diagnostic
/// `unmodeled` so that the summary line counts them.
struct SwiftStageFrontEnd: LanguageFrontEnd {
    let stage: Stage
    let swift = SwiftFrontEnd()

    var language: String { "swift" }
    var fileExtensions: [String] { ["swift"] }
    var rules: [RuleDescriptor] { swift.rules }
    func isGenerated(_ file: SourceFile) -> Bool { swift.isGenerated(file) }

    func lint(_ file: SourceFile, settings: LintSettings) -> [Diagnostic] {
        switch stage {
        case .read:
            return []
        case .lex:
            _ = SwiftLexer.tokenize(file)
            return []
        case .parse:
            let tree = SwiftParser.parse(file)
            let errors = tree.errors.map { error in
                Diagnostic(ruleID: "syntax-error", severity: .error, file: file,
                           range: ByteRange(start: error.offset, end: error.offset), message: error.message)
            }
            return errors + tree.unmodeled.map { range in
                Diagnostic(ruleID: "unmodeled", severity: .info, file: file,
                           range: ByteRange(start: range.start, end: range.end),
                           message: "\(range.reason): \(file.text(ByteRange(start: range.start, end: min(range.end, range.start + 60))))")
            }
        case .lint:
            return swift.lint(file, settings: settings)
        }
    }
}

var stage = Stage.parse
var showErrors = false
var paths: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--stage":
        guard let name = arguments.popFirst(), let chosen = Stage(rawValue: name) else {
            FileHandle.standardError.write("usage: cancellint-bench --stage read|lex|parse|lint [--show-errors] PATH...\n".data(using: .utf8) ?? Data())
            exit(2)
        }
        stage = chosen
    case "--show-errors":
        showErrors = true
    case "--list-shapes":
        for shape in ScalingShapes.all {
            print("\(shape.name)\t\(shape.baseSize)\t\(shape.arguments.joined(separator: " "))")
        }
        exit(0)
    case "--emit":
        guard let name = arguments.popFirst(), let shape = ScalingShapes.named(name),
              let size = arguments.popFirst().flatMap({ Int($0) }), size > 0,
              let directory = arguments.popFirst() else {
            FileHandle.standardError.write(Data("usage: cancellint-bench --emit SHAPE N DIR (see --list-shapes)\n".utf8))
            exit(2)
        }
        do {
            for generated in shape.generate(size) {
                let path = directory + "/" + generated.path
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(generated.bytes).write(to: URL(fileURLWithPath: path))
            }
        } catch {
            FileHandle.standardError.write(Data("cancellint-bench: \(error)\n".utf8))
            exit(2)
        }
        exit(0)
    case "--dump":
        for path in arguments {
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            print(SwiftParser.parse(SourceFile(path: path, bytes: bytes)).dump())
        }
        exit(0)
    default:
        paths.append(argument)
    }
}

let engine = LintEngine(frontEnds: [StageFrontEnd(stage: stage), SwiftStageFrontEnd(stage: stage)])
let started = Date()
let result = engine.run(LintRequest(paths: paths, currentDirectory: FileManager.default.currentDirectoryPath,
                                    settings: LintSettings(), failOn: .error))
let seconds = Date().timeIntervalSince(started)
let syntaxErrors = result.diagnostics.filter { $0.ruleID == "syntax-error" }
let unmodeled = result.diagnostics.filter { $0.ruleID == "unmodeled" }
if showErrors {
    for error in syntaxErrors + unmodeled {
        print("\(error.path):\(error.start.line):\(error.start.column): \(error.message)")
    }
}
let filesWithErrors = Set(syntaxErrors.map(\.path)).count
print(String(format: "%@: files=%d bytes=%d files_with_syntax_errors=%d syntax_errors=%d unmodeled=%d files_with_unmodeled=%d findings=%d seconds=%.3f MB/s=%.1f",
             stage.rawValue, result.filesLinted, result.bytesRead, filesWithErrors, syntaxErrors.count,
             unmodeled.count, Set(unmodeled.map(\.path)).count,
             result.diagnostics.count - syntaxErrors.count - unmodeled.count, seconds,
             Double(result.bytesRead) / 1_000_000 / max(seconds, 1e-9)))
