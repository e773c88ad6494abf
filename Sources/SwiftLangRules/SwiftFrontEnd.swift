import LintCore
import SwiftLangSyntax

/// The Swift front end: parses a `.swift` file, builds the shared facts lazily, runs every
/// enabled rule. The parser is lightweight and skips what it does not model; what makes a file
/// invalid Swift (unbalanced brackets, an unterminated literal or comment, a declaration header
/// it cannot read) is reported as one `syntax-error`, and the rest of the file is still checked.
public struct SwiftFrontEnd: LanguageFrontEnd {
    private let registry: [SwiftRule]

    public init(rules: [SwiftRule] = SwiftRuleRegistry.all) {
        registry = rules
    }

    public var language: String { "swift" }
    public var fileExtensions: [String] { ["swift"] }
    public var rules: [RuleDescriptor] { [SyntaxErrorRule.descriptor] + registry.map(\.descriptor) }

    public func isGenerated(_ file: SourceFile) -> Bool {
        SwiftGeneratedFileMarker.isGenerated(file.bytes)
    }

    public var testFilePatterns: [String] { ["*Tests.swift"] }

    /// Calls that block their thread besides the built-in ones, set in the configuration's
    /// `swift:` section: `Type.method` (the method on a value the file declares of that type) or
    /// a free function's name.
    public static let extraBlockingCalls = OptionDeclaration.stringList(
        "extra-blocking-calls",
        summary: "calls that block their thread, as `Type.method` (e.g. `EventLoopFuture.wait`) or a function name")

    public var languageOptions: [OptionDeclaration] { [Self.extraBlockingCalls] }

    public func lint(_ source: SourceFile, settings: LintSettings) -> [Diagnostic] {
        lintFile(source, settings: settings).diagnostics
    }

    /// Parses every file while `syntax-error` is enabled (a broken file must say so); otherwise
    /// only when an enabled rule's trigger word occurs, or a suppression directive that
    /// `unused-suppression` must see. The rules run only when a trigger word occurs.
    public func lintFile(_ source: SourceFile, settings: LintSettings) -> FileLintOutput {
        let enabled = registry.filter { settings.isEnabled($0.descriptor) }
        // Configured blocking calls are trigger words too: `drain` may be all a file has.
        let extraBlockingNames = settings.value(of: Self.extraBlockingCalls).strings.compactMap { entry in
            entry.split(separator: ".").last.map { Array($0.utf8) }
        }
        let words = Set(enabled.flatMap(\.triggers) + extraBlockingNames)
        let hasTrigger = ByteSearch.containsAny(source.bytes, words)
        let checksSyntax = settings.isEnabled(SyntaxErrorRule.descriptor)
        guard hasTrigger || checksSyntax || ByteSearch.containsAny(source.bytes, [Array("cancellint:".utf8)]) else {
            return FileLintOutput(diagnostics: [])
        }
        let tree = SwiftParser.parse(source)
        let comments = tree.comments.map { ByteRange(start: $0.start, end: $0.end) }
        var diagnostics: [Diagnostic] = []
        if let syntaxError = SyntaxErrorRule.diagnostic(firstAt: tree.errors.first?.offset, message: tree.errors.first?.message ?? "",
                                                        errorCount: tree.errors.count, file: source, settings: settings) {
            diagnostics.append(syntaxError)
        }
        guard hasTrigger else { return FileLintOutput(diagnostics: diagnostics, comments: comments) }
        let file = SwiftFile(tree: tree)
        for rule in enabled {
            var context = SwiftRuleContext(file: file, descriptor: rule.descriptor,
                                           settings: settings.settings(for: rule.id).fillingDefaults(rule.descriptor.options),
                                           lintSettings: settings)
            rule.check(&context)
            diagnostics += context.diagnostics
        }
        return FileLintOutput(diagnostics: diagnostics, comments: comments)
    }
}

/// A fast test of whether a file mentions any of a few words, before paying for a parse.
enum ByteSearch {
    static func containsAny(_ bytes: [UInt8], _ words: Set<[UInt8]>) -> Bool {
        guard !words.isEmpty else { return false }
        var firstBytes = [Bool](repeating: false, count: 256)
        for word in words { if let first = word.first { firstBytes[Int(first)] = true } }
        return bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if firstBytes[Int(buffer[index])] {
                    for word in words where word.count <= buffer.count - index && word.first == buffer[index] {
                        var offset = 1
                        while offset < word.count && buffer[index + offset] == word[offset] { offset += 1 }
                        if offset == word.count { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }
}

/// Generated Swift says so in the comment block at the top of the file: `// DO NOT EDIT.`
/// (protoc, gRPC, OpenAPI generators), `// Code generated ... DO NOT EDIT.`, `// @generated`,
/// `// Generated using Sourcery`.
enum SwiftGeneratedFileMarker {
    private static let markers: [[UInt8]] = ["DO NOT EDIT", "@generated", "Generated using Sourcery"].map { Array($0.utf8) }

    static func isGenerated(_ bytes: [UInt8]) -> Bool {
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var first = lineStart
            while first < lineEnd && (bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t")
                                      || bytes[first] == UInt8(ascii: "\r")) { first += 1 }
            let line = bytes[first..<lineEnd]
            if !line.isEmpty {
                guard line.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) else { return false }
                if markers.contains(where: { contains(line, $0) }) { return true }
            }
            lineStart = lineEnd + 1
        }
        return false
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ marker: [UInt8]) -> Bool {
        guard line.count >= marker.count else { return false }
        var start = line.startIndex
        while start + marker.count <= line.endIndex {
            if line[start..<start + marker.count].elementsEqual(marker) { return true }
            start += 1
        }
        return false
    }
}
