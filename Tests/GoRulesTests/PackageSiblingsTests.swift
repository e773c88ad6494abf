import Foundation
import GoAnalysis
import GoRules
import GoSyntax
import LintCore
import XCTest

/// The other files of a package, as cancel-escapes asks about them: exact word and selector
/// matches, the asking file left out, each directory read once per index and again when it changes.
final class PackageSiblingsTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cancellint-siblings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
    }

    func testWordsAndSelectorsMatchWholeIdentifiersInOtherFilesOnly() throws {
        try write("a.go", "package p\n\nfunc (s *T) Stop() { s.halt() }\nvar mine = 1\n")
        try write("b.go", "package p\n\nvar stopper, x1 = shared, s.done\n// mine\n")
        try write("notes.txt", "s.elsewhere\n")
        let siblings = PackageSiblings(path: directory + "/a.go")
        XCTAssertTrue(siblings.mentionWord("stopper"))
        XCTAssertTrue(siblings.mentionWord("mine"), "b.go mentions it in a comment; a.go's own use does not count")
        XCTAssertTrue(siblings.mentionSelector("done"))
        XCTAssertFalse(siblings.mentionWord("stop"), "`stopper` is another word")
        XCTAssertFalse(siblings.mentionWord("x"), "`x1` is another word")
        XCTAssertFalse(siblings.mentionSelector("stopper"), "not after a dot")
        XCTAssertFalse(siblings.mentionSelector("halt"), "only the asking file has it")
        XCTAssertFalse(siblings.mentionSelector("elsewhere"), "not a .go file")
        XCTAssertFalse(siblings.mentionWord(""))
        XCTAssertTrue(PackageSiblings(path: directory + "/b.go").mentionSelector("halt"))
        XCTAssertFalse(PackageSiblings(path: directory + "/b.go").mentionWord("stopper"))
    }

    func testOneIndexServesEveryFileAndSeesAFileAdded() throws {
        try write("a.go", "package p\n\nvar a = s.one\n")
        try write("b.go", "package p\n\nvar b = s.two\n")
        let index = PackageSiblingIndex()
        XCTAssertTrue(PackageSiblings(path: directory + "/a.go", index: index).mentionSelector("two"))
        XCTAssertTrue(PackageSiblings(path: directory + "/b.go", index: index).mentionSelector("one"))
        XCTAssertFalse(PackageSiblings(path: directory + "/a.go", index: index).mentionSelector("three"))
        // A new file changes the directory: the index reads it again.
        try write("c.go", "package p\n\nvar c = s.three\n")
        XCTAssertTrue(PackageSiblings(path: directory + "/a.go", index: index).mentionSelector("three"))
    }

    func testAFileWithoutDirectoryHasNoSiblings() {
        XCTAssertFalse(PackageSiblings(path: "").mentionWord("package"))
        XCTAssertFalse(PackageSiblings(path: directory + "/missing/a.go").mentionWord("package"))
    }

    func testCancelEscapesAsksTheOtherFilesOfThePackage() throws {
        let store = "package p\n\nimport \"context\"\n\ntype s struct{ stop context.CancelFunc }\n\n"
            + "func (v *s) start(ctx context.Context) context.Context {\n\tctx, v.stop = context.WithCancel(ctx)\n\treturn ctx\n}\n"
        try write("store.go", store)
        let frontEnd = GoFrontEnd()
        func escapes() -> [String] {
            frontEnd.lint(SourceFile(path: directory + "/store.go", text: store), settings: LintSettings())
                .filter { $0.ruleID == "cancel-escapes" }.map { "\($0.start.line):\($0.start.column): \($0.message)" }
        }
        XCTAssertEqual(escapes(), [
            "8:7: the cancel function returned by context.WithCancel is stored in field `stop`, which nothing in this "
                + "file takes back to call it: the context leaks until its parent is cancelled; the owner of the "
                + "struct (e.g. its Close or Stop method) must call it",
        ])
        try write("close.go", "package p\n\nfunc (v *s) close() { v.stop() }\n")
        XCTAssertEqual(escapes(), [])
    }
}

/// The contexts in scope at a node, found through the scopes around it: shadowing by an inner
/// declaration of the same name, declaration order, contexts of other functions left out.
final class ContextsInScopeTests: XCTestCase {
    func testInnerDeclarationsHideOuterContextsAndOtherFunctionsDoNotCount() {
        let source = """
        package p

        import (
        \t"context"
        \t"net/http"
        )

        func other(ctx context.Context) {}

        func f(ctx context.Context, r *http.Request) {
        \tinner, cancel := context.WithCancel(ctx)
        \tdefer cancel()
        \tmarkA()
        \t{
        \t\tctx := 1
        \t\tmarkB(ctx)
        \t}
        \tfunc(r int) {
        \t\tmarkC(r)
        \t}(0)
        \t_ = inner
        }
        """
        let file = GoFile(tree: GoParser.parse(SourceFile(path: "scope.go", text: source)))
        func visible(at marker: String) -> [String] {
            var found: [String] = []
            file.tree.walk(file.tree.root) { node in
                if file.tree.kind(node) == .callExpr, file.calleeName(node) == marker {
                    found = file.contexts.contextsInScope(at: node).map(\.expression)
                    XCTAssertEqual(file.contexts.hasContextInScope(at: node), !found.isEmpty, marker)
                }
                return true
            }
            return found
        }
        XCTAssertEqual(visible(at: "markA"), ["ctx", "inner", "r.Context()"])
        XCTAssertEqual(visible(at: "markB"), ["inner", "r.Context()"])
        XCTAssertEqual(visible(at: "markC"), ["ctx", "inner"])
    }
}
