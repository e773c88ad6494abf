import GoAnalysis
import GoSyntax
import LintCore
import XCTest

/// The shared control-flow graph, checked directly: which statements reach the normal exit.
final class ControlFlowGraphTests: XCTestCase {
    /// Parses `source`, builds the graph of its first function and answers, for each statement that
    /// calls `mark(...)`, whether a path continues from it to the function's exit.
    func reachesExit(_ source: String, path: String = "flow.go") -> [Bool] {
        let file = GoFile(tree: GoParser.parse(SourceFile(path: path, text: source)))
        let tree = file.tree
        guard let function = tree.children(tree.root).first(where: { tree.kind($0) == .funcDecl }) else { return [] }
        let graph = file.controlFlowGraph(for: function)
        var marks: [NodeID] = []
        tree.walk(function) { node in
            if tree.kind(node) == .exprStmt, file.calleeName(tree.child(node, 0)) == "mark" { marks.append(node) }
            return true
        }
        return marks.map { mark in
            guard let location = graph.location(of: mark) else { return false }
            return !graph.unsettledPathEnds(after: location, steps: [:]).isEmpty
        }
    }

    func testStraightLineAndReturn() {
        let source = "package p\nfunc f() {\n\tmark()\n\treturn\n\tmark()\n}\n"
        XCTAssertEqual(reachesExit(source), [true, true])
        // The statement after the return is in a block no path from the entry reaches.
        let file = GoFile(tree: GoParser.parse(SourceFile(path: "flow.go", text: source)))
        let function = file.tree.children(file.tree.root).first { file.tree.kind($0) == .funcDecl } ?? .none
        let graph = file.controlFlowGraph(for: function)
        let reachable = graph.reachableBlocks(from: ControlFlowGraph.entry)
        let blocksOfStatements = graph.blocks.indices.filter { !graph.blocks[$0].nodes.isEmpty }
        XCTAssertEqual(blocksOfStatements.map { reachable.contains(Int32($0)) }, [true, false])
    }

    func testNoReturnCallsEndPaths() {
        XCTAssertEqual(reachesExit("""
        package p
        import ("log"; "os"; "runtime")
        func f(n int) {
        \tswitch n {
        \tcase 0:
        \t\tmark()
        \t\tpanic("x")
        \tcase 1:
        \t\tmark()
        \t\tos.Exit(1)
        \tcase 2:
        \t\tmark()
        \t\tlog.Fatalf("%d", n)
        \tcase 3:
        \t\tmark()
        \t\truntime.Goexit()
        \tcase 4:
        \t\tmark()
        \t\tlogger.Panic("x")
        \t}
        }
        """), [false, false, false, false, false])
    }

    func testTestingHelpersNeedTheTestingPackage() {
        let body = "func f(t *T) {\n\tmark()\n\tt.FailNow()\n}\n"
        XCTAssertEqual(reachesExit("package p\nimport \"testing\"\ntype T = testing.T\n" + body), [false])
        XCTAssertEqual(reachesExit("package p\ntype T struct{}\n" + body), [true])
    }

    func testLoops() {
        XCTAssertEqual(reachesExit("package p\nfunc f() {\n\tfor {\n\t\tmark()\n\t}\n}\n"), [false])
        XCTAssertEqual(reachesExit("package p\nfunc f() {\n\tfor {\n\t\tmark()\n\t\tbreak\n\t}\n}\n"), [true])
        XCTAssertEqual(reachesExit("package p\nfunc f(n int) {\n\tfor n > 0 {\n\t\tmark()\n\t}\n}\n"), [true])
        XCTAssertEqual(reachesExit("package p\nfunc f(xs []int) {\n\tfor range xs {\n\t\tmark()\n\t}\n}\n"), [true])
        // A labelled break leaves the outer infinite loop; a plain one only the inner.
        let nested = """
        package p
        func f(xs []int) {
        outer:
        \tfor {
        \t\tfor range xs {
        \t\t\tmark()
        \t\t\tbreak LABEL
        \t\t}
        \t}
        }
        """
        XCTAssertEqual(reachesExit(nested.replacingOccurrences(of: "LABEL", with: "outer")), [true])
        XCTAssertEqual(reachesExit(nested.replacingOccurrences(of: "LABEL", with: "")), [false])
        // continue with a label goes back to the outer loop's post statement.
        XCTAssertEqual(reachesExit("package p\nfunc f(n int) {\nouter:\n\tfor i := 0; i < n; i++ {\n\t\tfor {\n\t\t\tmark()\n\t\t\tcontinue outer\n\t\t}\n\t}\n}\n"), [true])
    }

    func testSelectAndSwitch() {
        // Without default a select waits for a case; `select {}` waits forever.
        XCTAssertEqual(reachesExit("package p\nfunc f(c chan int) {\n\tmark()\n\tselect {\n\tcase <-c:\n\t\tpanic(1)\n\t}\n}\n"), [false])
        XCTAssertEqual(reachesExit("package p\nfunc f(c chan int) {\n\tmark()\n\tselect {\n\tcase <-c:\n\t\tpanic(1)\n\tdefault:\n\t}\n}\n"), [true])
        XCTAssertEqual(reachesExit("package p\nfunc f() {\n\tmark()\n\tselect {}\n}\n"), [false])
        // A switch without default can skip every case; fallthrough runs the next clause.
        XCTAssertEqual(reachesExit("package p\nfunc f(n int) {\n\tmark()\n\tswitch n {\n\tcase 1:\n\t\tpanic(1)\n\t}\n}\n"), [true])
        XCTAssertEqual(reachesExit("package p\nfunc f(n int) {\n\tswitch n {\n\tcase 1:\n\t\tmark()\n\t\tfallthrough\n\tdefault:\n\t\tpanic(1)\n\t}\n}\n"), [false])
        XCTAssertEqual(reachesExit("package p\nfunc f(v any) {\n\tmark()\n\tswitch v.(type) {\n\tcase int:\n\t\tpanic(1)\n\tdefault:\n\t\tpanic(2)\n\t}\n}\n"), [false])
    }

    func testGotoAndDefers() {
        XCTAssertEqual(reachesExit("package p\nfunc f() {\nloop:\n\tmark()\n\tgoto loop\n}\n"), [false])
        let source = "package p\nfunc f() {\n\tdefer a()\n\tif x {\n\t\tdefer b()\n\t}\n}\n"
        let file = GoFile(tree: GoParser.parse(SourceFile(path: "flow.go", text: source)))
        let function = file.tree.children(file.tree.root).first { file.tree.kind($0) == .funcDecl } ?? .none
        XCTAssertEqual(file.controlFlowGraph(for: function).defers.count, 2)
    }

    func testLiteralsHaveTheirOwnGraph() {
        let source = "package p\nfunc f() {\n\tgo func() {\n\t\tmark()\n\t\treturn\n\t}()\n\tmark()\n}\n"
        let file = GoFile(tree: GoParser.parse(SourceFile(path: "flow.go", text: source)))
        let tree = file.tree
        var literal = NodeID.none
        tree.walk(tree.root) { node in
            if tree.kind(node) == .funcLit { literal = node }
            return true
        }
        let outer = file.controlFlowGraph(for: file.enclosingFunction(of: literal))
        let inner = file.controlFlowGraph(for: literal)
        // The literal is one statement of the outer graph; its body's statements are in its own.
        XCTAssertNotNil(outer.location(of: tree.parent(tree.parent(literal))))
        XCTAssertEqual(inner.blocks.flatMap(\.nodes).filter { tree.kind($0) == .exprStmt }.count, 1)
        XCTAssertEqual(outer.blocks.flatMap(\.nodes).filter { tree.kind($0) == .exprStmt }.count, 1)
    }
}
