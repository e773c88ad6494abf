import CancelLintCLI
import Foundation
import GoRules
import TestSupport
import XCTest

/// `--fix` on every fixable fixture the project ships — Examples/ and the Go blocks of Rules/*.md —
/// and then Go's own tools on what it rewrote: `gofmt -e -l` (still parses, still formatted),
/// a type-free check that no import lost its last use, and, where `go` is installed, `go vet` on
/// the fixtures that need nothing outside the standard library (it type-checks: an unused
/// import, or a value of the wrong type, is a new error there).
final class FixedFixturesBuildTests: XCTestCase {
    /// A folder `root` of Go packages with a go.mod, the relative paths of its files, and the
    /// packages (folders) that import only the standard library.
    private struct Module {
        var root: String
        var files: [String] = []
        var vettable: [String] = []
        /// go's build cache, kept between runs (go's cache is content-addressed and safe to share;
        /// a cold one costs about ten seconds here) and outside the module, so nothing is linted there.
        var cache: String { FileManager.default.temporaryDirectory.appendingPathComponent("cancellint-tests-gocache").path }
    }

    func testEveryFixedFixtureStillParsesIsFormattedAndBuilds() throws {
        guard let gofmt = ExternalTool(named: "gofmt") else {
            throw XCTSkip("gofmt is not installed (apt-get install golang-go): the fixed fixtures are not checked")
        }
        let directory = try TemporaryDirectory()
        let modules = [try examplesModule(in: directory.url("examples")),
                       try ruleDocumentsModule(in: directory.url("rules"))]
        let go = ExternalTool(named: "go")
        var changed = 0
        for module in modules {
            let before = try module.files.map { try Data(contentsOf: URL(fileURLWithPath: "\(module.root)/\($0)")) }
            let unformattedBefore = try unformatted(module, gofmt: gofmt)
            let vetBefore = try go.map { try vet(module, go: $0) } ?? [:]
            XCTAssertNil(vetBefore["(go vet)"], "go vet did not run: \(vetBefore)")

            _ = runCommand(["--fix", "."], in: module.root, frontEnds: [GoFrontEnd()])

            let rewritten = try zip(module.files, before).filter { file, bytes in
                try Data(contentsOf: URL(fileURLWithPath: "\(module.root)/\(file)")) != bytes
            }.map(\.0)
            changed += rewritten.count
            let unformattedAfter = try unformatted(module, gofmt: gofmt)
            for file in rewritten {
                let text = try String(contentsOfFile: "\(module.root)/\(file)", encoding: .utf8)
                if unformattedAfter.contains(file), !unformattedBefore.contains(file) {
                    let difference = try gofmt.run(["-d", file], in: module.root).output
                    XCTFail("\(file): gofmt rejects or reformats the fixed text:\n\(difference)")
                }
                for name in Self.unusedImports(in: text) {
                    XCTFail("\(file): import \(name) is no longer used after the fixes:\n\(text)")
                }
            }
            if let go {
                let vetAfter = try vet(module, go: go)
                for (file, messages) in vetAfter {
                    let new = messages.subtracting(vetBefore[file] ?? []).filter { !Self.isNewerThanToolchain($0, go: go) }
                    XCTAssertEqual(new, [], "\(file): go vet finds new problems after the fixes")
                }
            }
        }
        XCTAssertGreaterThan(changed, 5, "the fixtures have fixes to check")
        if go == nil { throw XCTSkip("go is not installed: checked with gofmt and the import check only, not go vet") }
    }

    // MARK: Fixtures

    /// A copy of Examples/' Go files (its go.mod included).
    private func examplesModule(in root: String) throws -> Module {
        let examples = ExampleGoldenTests.root.appendingPathComponent("Examples").path
        var module = Module(root: root)
        let manager = FileManager.default
        for case let relative as String in manager.enumerator(atPath: examples) ?? .init()
        where relative.hasSuffix(".go") || relative == "go.mod" {
            let target = "\(root)/\(relative)"
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                        withIntermediateDirectories: true)
            try manager.copyItem(atPath: "\(examples)/\(relative)", toPath: target)
            if relative.hasSuffix(".go") { module.files.append(relative) }
        }
        module.files.sort()
        module.vettable = vettablePackages(module)
        return module
    }

    /// Each ```go block of Rules/*.md as the one file of its own package.
    private func ruleDocumentsModule(in root: String) throws -> Module {
        let rules = ExampleGoldenTests.root.appendingPathComponent("Rules").path
        var module = Module(root: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "module fixtures\n\ngo 1.21\n".write(toFile: "\(root)/go.mod", atomically: true, encoding: .utf8)
        for document in try FileManager.default.contentsOfDirectory(atPath: rules).sorted() where document.hasSuffix(".md") {
            let text = try String(contentsOfFile: "\(rules)/\(document)", encoding: .utf8)
            for (index, block) in Self.goBlocks(in: text).enumerated() where block.hasPrefix("package ") {
                let package = "\(document.dropLast(3))-\(index + 1)"
                try FileManager.default.createDirectory(atPath: "\(root)/\(package)", withIntermediateDirectories: true)
                try block.write(toFile: "\(root)/\(package)/main.go", atomically: true, encoding: .utf8)
                module.files.append("\(package)/main.go")
            }
        }
        module.vettable = vettablePackages(module)
        return module
    }

    static func goBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let lines = current {
                if line == "```" {
                    blocks.append(lines.joined(separator: "\n") + "\n")
                    current = nil
                } else {
                    current = lines + [line]
                }
            } else if line == "```go" {
                current = []
            }
        }
        return blocks
    }

    /// Folders whose files import only the standard library (no dot in the path's first element):
    /// go vet cannot fetch anything else here.
    private func vettablePackages(_ module: Module) -> [String] {
        var packages: [String: Bool] = [:]
        for file in module.files {
            let package = (file as NSString).deletingLastPathComponent
            let text = (try? String(contentsOfFile: "\(module.root)/\(file)", encoding: .utf8)) ?? ""
            let standardOnly = Self.imports(in: text).allSatisfy { !($0.path.split(separator: "/").first ?? "").contains(".") }
            packages[package] = (packages[package] ?? true) && standardOnly
        }
        return packages.filter(\.value).map { "./" + $0.key }.sorted()
    }

    // MARK: Checks

    /// The files `gofmt -l -e` lists: those it cannot parse or would reformat.
    private func unformatted(_ module: Module, gofmt: ExternalTool) throws -> Set<String> {
        let result = try gofmt.run(["-l", "-e"] + module.files, in: module.root)
        let listed = result.output.split(separator: "\n").map { line in
            // Parse errors come as `file:line:col: message`.
            String(line.split(separator: ":", maxSplits: 1).first ?? line)
        }
        return Set(listed)
    }

    /// go vet's findings and type errors per file, positions left out (`line N` too), so that the
    /// same finding on a moved line is the same.
    private func vet(_ module: Module, go: ExternalTool) throws -> [String: Set<String>] {
        guard !module.vettable.isEmpty else { return [:] }
        let result = try go.run(["vet"] + module.vettable, in: module.root,
                                environment: ["GOCACHE": module.cache, "GOPATH": module.cache + "-path", "GOPROXY": "off", "GOFLAGS": "-mod=mod", "GO111MODULE": "on",
                                              "GOTOOLCHAIN": "local"])
        var messages: [String: Set<String>] = [:]
        for line in result.output.split(separator: "\n") where !line.hasPrefix("#") {
            var text = line.hasPrefix("vet: ") ? line.dropFirst(5) : line
            let parts = text.split(separator: ":", maxSplits: 3)
            guard parts.count == 4 else {
                messages["(go vet)", default: []].insert(String(text))
                continue
            }
            text = parts[3].drop { $0 == " " }
            let message = String(text).replacingOccurrences(of: #"line \d+"#, with: "line N", options: .regularExpression)
            messages[String(parts[0]).replacingOccurrences(of: "./", with: ""), default: []].insert(message)
        }
        return messages
    }

    /// A standard-library name the installed Go predates (`WithoutCancel` is Go 1.21's; Debian's
    /// golang-go may be 1.19): a fix may rightly use it when the module says `go 1.21`.
    static func isNewerThanToolchain(_ message: String, go: ExternalTool) -> Bool {
        guard message.hasSuffix("not declared by package context") || message.hasPrefix("undefined: context.") else {
            return false
        }
        let version = (try? go.run(["env", "GOVERSION"]).output) ?? ""
        let minor = version.split(separator: ".").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
        return minor < 21
    }

    /// Imports by local name and path, read with plain text matching (not our parser, so that
    /// its mistakes cannot hide ours).
    static func imports(in text: String) -> [(name: String, path: String, line: String)] {
        var found: [(String, String, String)] = []
        var inGroup = false
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            var spec: Substring?
            if inGroup {
                if line.hasPrefix(")") { inGroup = false; continue }
                spec = Substring(line)
            } else if line == "import (" {
                inGroup = true
            } else if line.hasPrefix("import ") {
                spec = Substring(line).dropFirst(7)
            }
            guard let spec, let quote = spec.firstIndex(of: "\"") else { continue }
            let rest = spec[spec.index(after: quote)...]
            guard let close = rest.firstIndex(of: "\"") else { continue }
            let path = String(rest[..<close])
            let alias = spec[..<quote].trimmingCharacters(in: .whitespaces)
            var name = alias.isEmpty ? String(path.split(separator: "/").last ?? "") : alias
            if alias.isEmpty, name.count >= 2, name.first == "v", name.dropFirst().allSatisfy(\.isNumber) {
                name = String(path.split(separator: "/").dropLast().last ?? "")
            }
            found.append((name, path, line))
        }
        return found
    }

    /// The imports (`"path"`) whose name appears nowhere as `name.` outside comments, strings and
    /// the import lines themselves. Blank, dot and cgo imports never count.
    static func unusedImports(in text: String) -> [String] {
        let imports = imports(in: text)
        let importLines = Set(imports.map(\.line))
        let code = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !importLines.contains($0.trimmingCharacters(in: .whitespaces)) }
            .joined(separator: "\n")
            .replacingOccurrences(of: #"//[^\n]*|/\*[\s\S]*?\*/|"(\\.|[^"\\\n])*"|`[^`]*`"#, with: " ", options: .regularExpression)
        return imports.filter { entry in
            guard entry.name != "_", entry.name != ".", entry.path != "C" else { return false }
            let pattern = #"(^|[^\w.])"# + NSRegularExpression.escapedPattern(for: entry.name) + #"\."#
            return code.range(of: pattern, options: .regularExpression) == nil
        }.map { "\"\($0.path)\"" }
    }

    func testTheImportCheckFindsAnImportWithoutUse() {
        let source = """
            package p

            import (
            \t"context"
            \tctx "context"
            \t_ "embed"
            \t"net/http"
            \t"github.com/labstack/echo/v4"
            )

            // context.Background() in a comment is no use.
            var s = "context.TODO()"
            var h = http.StatusOK
            var e echo.Context
            /* ctx.Background() */
            """
        XCTAssertEqual(Self.unusedImports(in: source), ["\"context\"", "\"context\""])
        XCTAssertEqual(Self.unusedImports(in: source + "\nvar c = ctx.Background()\nvar d = context.TODO()\n"), [])
    }
}
