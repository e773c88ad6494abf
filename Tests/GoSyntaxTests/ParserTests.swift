import Foundation
import GoSyntax
import LintCore
import XCTest

final class ParserTests: XCTestCase {
    /// Parses a file and dumps its declarations, one per line.
    func declarations(_ text: String) -> String {
        let tree = GoParser.parse(SourceFile(path: "t.go", text: text))
        XCTAssertEqual(errors(tree), [], text)
        return tree.children(tree.root).dropFirst().map { tree.dump($0) }.joined(separator: "\n")
    }

    /// Parses `body` as the statements of a function and dumps them, one per line.
    func statements(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let tree = GoParser.parse(SourceFile(path: "t.go", text: "package p\nfunc f() {\n\(body)\n}\n"))
        XCTAssertEqual(errors(tree), [], body, file: file, line: line)
        let function = tree.children(tree.root).dropFirst().first ?? .none
        return tree.children(tree.child(function, 3)).map { tree.dump($0) }.joined(separator: "\n")
    }

    func expression(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let tree = GoParser.parse(SourceFile(path: "t.go", text: "package p\nvar _ = \(text)\n"))
        XCTAssertEqual(errors(tree), [], text, file: file, line: line)
        let declaration = tree.children(tree.root).dropFirst().first ?? .none
        let spec = tree.child(declaration, 0)
        return tree.dump(tree.child(tree.child(spec, 2), 0))
    }

    func errors(_ tree: SyntaxTree) -> [String] {
        tree.errors.map { "\(tree.source.position(of: $0.offset)): \($0.message)" }
    }

    func errors(_ text: String) -> [String] {
        errors(GoParser.parse(SourceFile(path: "t.go", text: text)))
    }

    // MARK: Declarations

    func testPackageAndImports() {
        XCTAssertEqual(declarations("""
        package main
        import "fmt"
        import (
        \tstdctx "context"
        \t. "strings"
        \t_ "net/http/pprof"
        )
        """), """
        (genDecl:import (importSpec _ "fmt"))
        (genDecl:import#1 (importSpec stdctx "context") (importSpec . "strings") (importSpec _ "net/http/pprof"))
        """)
    }

    func testConstVarAndTypeDeclarations() {
        XCTAssertEqual(declarations("""
        package p
        const (
        \tA = iota
        \tB
        \tC, D int = 1, 2
        )
        var x, y = f()
        var z []map[string]*T
        type (
        \tPoint struct { X, Y int; Name string `json:"name"`; io.Reader; *Base }
        \tAlias = Point
        \tFn func(int, ...string) (bool, error)
        \tCh <-chan chan<- int
        \tArr [4][N]byte
        \tArr2 [...]int
        )
        """), """
        (genDecl:const#1 (valueSpec (list A) _ (list iota)) (valueSpec (list B) _ _) (valueSpec (list C D) int (list 1 2)))
        (genDecl:var (valueSpec (list x y) _ (list (callExpr f))))
        (genDecl:var (valueSpec (list z) (sliceType (mapType string (starExpr T))) _))
        (genDecl:type#1 (typeSpec Point _ (structType (fieldList (field (list X Y) int _) (field (list Name) string `json:"name"`) (field (list) (selectorExpr io Reader) _) (field (list) (starExpr Base) _)))) (typeSpec#1 Alias _ Point) (typeSpec Fn _ (funcType _ (fieldList (field (list) int _) (field (list) (ellipsis string) _)) (fieldList (field (list) bool _) (field (list) error _)))) (typeSpec Ch _ (chanType#2 (chanType#1 int))) (typeSpec Arr _ (arrayType 4 (arrayType N byte))) (typeSpec Arr2 _ (arrayType (ellipsis) int)))
        """)
    }

    func testGenericsTypeParametersAndConstraints() {
        XCTAssertEqual(declarations("""
        package p
        type Number interface { ~int | ~int64 | float64 }
        type List[T any] struct { next *List[T]; val T }
        type Pair[K comparable, V any] struct{}
        type Array [N]int
        type Ptr[P *C,] struct{}
        func Map[S ~[]E, E, R any](s S, f func(E) R) []R { return nil }
        func (l *List[T]) Push(v T) {}
        var m = Map[[]int, int, string]
        """), """
        (genDecl:type (typeSpec Number _ (interfaceType (binaryExpr:| (binaryExpr:| (unaryExpr:~ int) (unaryExpr:~ int64)) float64))))
        (genDecl:type (typeSpec List (fieldList (field (list T) any _)) (structType (fieldList (field (list next) (starExpr (indexExpr List T)) _) (field (list val) T _)))))
        (genDecl:type (typeSpec Pair (fieldList (field (list K) comparable _) (field (list V) any _)) (structType (fieldList))))
        (genDecl:type (typeSpec Array _ (arrayType N int)))
        (genDecl:type (typeSpec Ptr (fieldList (field (list P) (starExpr C) _)) (structType (fieldList))))
        (funcDecl _ Map (funcType (fieldList (field (list S) (unaryExpr:~ (sliceType E)) _) (field (list E R) any _)) (fieldList (field (list s) S _) (field (list f) (funcType _ (fieldList (field (list) E _)) (fieldList (field (list) R _))) _)) (fieldList (field (list) (sliceType R) _))) (blockStmt (returnStmt nil)))
        (funcDecl (fieldList (field (list l) (starExpr (indexExpr List T)) _)) Push (funcType _ (fieldList (field (list v) T _)) _) (blockStmt))
        (genDecl:var (valueSpec (list m) _ (list (indexExpr Map (sliceType int) int string))))
        """)
    }

    func testInterfaceMethodsAndEmbedding() {
        XCTAssertEqual(declarations("""
        package p
        type RW interface {
        \tio.Reader
        \tWrite(p []byte) (n int, err error)
        \tClose() error
        }
        """), """
        (genDecl:type (typeSpec RW _ (interfaceType (selectorExpr io Reader) (field (list Write) (funcType _ (fieldList (field (list p) (sliceType byte) _)) (fieldList (field (list n) int _) (field (list err) error _))) _) (field (list Close) (funcType _ (fieldList) (fieldList (field (list) error _))) _))))
        """)
    }

    func testParameterGrouping() {
        XCTAssertEqual(declarations("""
        package p
        func a(x, y int, s ...string) {}
        func b(int, string) {}
        func c(ctx context.Context, xs []int, m map[K]V) (err error) {}
        func d(List[int], p.T) {}
        """), """
        (funcDecl _ a (funcType _ (fieldList (field (list x y) int _) (field (list s) (ellipsis string) _)) _) (blockStmt))
        (funcDecl _ b (funcType _ (fieldList (field (list) int _) (field (list) string _)) _) (blockStmt))
        (funcDecl _ c (funcType _ (fieldList (field (list ctx) (selectorExpr context Context) _) (field (list xs) (sliceType int) _) (field (list m) (mapType K V) _)) (fieldList (field (list err) error _))) (blockStmt))
        (funcDecl _ d (funcType _ (fieldList (field (list) (indexExpr List int) _) (field (list) (selectorExpr p T) _)) _) (blockStmt))
        """)
    }

    // MARK: Statements

    func testSimpleStatements() {
        XCTAssertEqual(statements("""
        x := 1
        a, b = b, a
        x += 2
        x++
        ch <- v
        <-ch
        f()
        go worker(ctx)
        defer cancel()
        return
        """), """
        (assignStmt::= (list x) (list 1))
        (assignStmt:= (list a b) (list b a))
        (assignStmt:+= (list x) (list 2))
        (incDecStmt:++ x)
        (sendStmt ch v)
        (exprStmt (unaryExpr:<- ch))
        (exprStmt (callExpr f))
        (goStmt (callExpr worker ctx))
        (deferStmt (callExpr cancel))
        (returnStmt)
        """)
    }

    func testIfElseChainWithInitAndCompositeLiteralAmbiguity() {
        XCTAssertEqual(statements("""
        if err := f(); err != nil {
        \treturn
        } else if x == (T{}) {
        } else {
        \ty := T{1}
        }
        if p := (Point{1, 2}); p.X > 0 {}
        """), """
        (ifStmt (assignStmt::= (list err) (list (callExpr f))) (binaryExpr:!= err nil) (blockStmt (returnStmt)) (ifStmt _ (binaryExpr:== x (parenExpr (compositeLit T))) (blockStmt) (blockStmt (assignStmt::= (list y) (list (compositeLit T 1))))))
        (ifStmt (assignStmt::= (list p) (list (parenExpr (compositeLit Point 1 2)))) (binaryExpr:> (selectorExpr p X) 0) (blockStmt) _)
        """)
    }

    func testForLoopsInAllForms() {
        XCTAssertEqual(statements("""
        for {}
        for x < 10 {}
        for i := 0; i < n; i++ {}
        for ;; {}
        for k, v := range m {}
        for i = range s {}
        for range ch {}
        for _, s := range []string{"a"} {}
        """), """
        (forStmt _ _ _ (blockStmt))
        (forStmt _ (binaryExpr:< x 10) _ (blockStmt))
        (forStmt (assignStmt::= (list i) (list 0)) (binaryExpr:< i n) (incDecStmt:++ i) (blockStmt))
        (forStmt _ _ _ (blockStmt))
        (rangeStmt::= k v m (blockStmt))
        (rangeStmt:= i _ s (blockStmt))
        (rangeStmt _ _ ch (blockStmt))
        (rangeStmt::= _ s (compositeLit (sliceType string) "a") (blockStmt))
        """)
    }

    func testSwitchTypeSwitchAndSelect() {
        XCTAssertEqual(statements("""
        switch x := f(); x {
        case 1, 2:
        \tfallthrough
        default:
        }
        switch {
        case x > 1:
        }
        switch v := i.(type) {
        case nil, *T, []int, map[string]int, func():
        }
        switch i.(type) {}
        select {
        case v, ok := <-ch:
        \t_ = v
        case out <- 1:
        case <-ctx.Done():
        \treturn
        default:
        }
        """), """
        (switchStmt (assignStmt::= (list x) (list (callExpr f))) x (blockStmt (caseClause (list 1 2) (branchStmt:fallthrough)) (caseClause _)))
        (switchStmt _ _ (blockStmt (caseClause (list (binaryExpr:> x 1)))))
        (typeSwitchStmt _ (assignStmt::= (list v) (list (typeAssertExpr i _))) (blockStmt (caseClause (list nil (starExpr T) (sliceType int) (mapType string int) (funcType _ (fieldList) _)))))
        (typeSwitchStmt _ (exprStmt (typeAssertExpr i _)) (blockStmt))
        (selectStmt (blockStmt (commClause (assignStmt::= (list v ok) (list (unaryExpr:<- ch))) (assignStmt:= (list _) (list v))) (commClause (sendStmt out 1)) (commClause (exprStmt (unaryExpr:<- (callExpr (selectorExpr ctx Done)))) (returnStmt)) (commClause _)))
        """)
    }

    func testLabelsBranchesAndBlocks() {
        XCTAssertEqual(statements("""
        outer:
        for {
        \tfor {
        \t\tbreak outer
        \t\tcontinue outer
        \t}
        }
        goto end
        {
        \tx := 1
        }
        end:
        """), """
        (labeledStmt outer (forStmt _ _ _ (blockStmt (forStmt _ _ _ (blockStmt (branchStmt:break outer) (branchStmt:continue outer))))))
        (branchStmt:goto end)
        (blockStmt (assignStmt::= (list x) (list 1)))
        (labeledStmt end (emptyStmt))
        """)
    }

    func testDeclarationStatementsAndFunctionLiterals() {
        XCTAssertEqual(statements("""
        var wg sync.WaitGroup
        const n = 3
        type local struct{}
        go func(id int) {
        \tdefer wg.Done()
        }(1)
        f := func() error { return nil }
        """), """
        (declStmt (genDecl:var (valueSpec (list wg) (selectorExpr sync WaitGroup) _)))
        (declStmt (genDecl:const (valueSpec (list n) _ (list 3))))
        (declStmt (genDecl:type (typeSpec local _ (structType (fieldList)))))
        (goStmt (callExpr (funcLit (funcType _ (fieldList (field (list id) int _)) _) (blockStmt (deferStmt (callExpr (selectorExpr wg Done))))) 1))
        (assignStmt::= (list f) (list (funcLit (funcType _ (fieldList) (fieldList (field (list) error _))) (blockStmt (returnStmt nil)))))
        """)
    }

    // MARK: Expressions

    func testOperatorPrecedence() {
        XCTAssertEqual(expression("a || b && c == d + e * f"),
                       "(binaryExpr:|| a (binaryExpr:&& b (binaryExpr:== c (binaryExpr:+ d (binaryExpr:* e f)))))")
        XCTAssertEqual(expression("-x * ^y &^ z << 2"),
                       "(binaryExpr:<< (binaryExpr:&^ (binaryExpr:* (unaryExpr:- x) (unaryExpr:^ y)) z) 2)")
        XCTAssertEqual(expression("a - b - c"), "(binaryExpr:- (binaryExpr:- a b) c)")
        XCTAssertEqual(expression("!ok || <-ch > 0"), "(binaryExpr:|| (unaryExpr:! ok) (binaryExpr:> (unaryExpr:<- ch) 0))")
    }

    func testPrimaryExpressions() {
        XCTAssertEqual(expression("a.b.c(x, y...)[i][1:2][:n:m].(T)"),
                       "(typeAssertExpr (sliceExpr#1 (sliceExpr (indexExpr (callExpr#1 (selectorExpr (selectorExpr a b) c) x y) i) 1 2 _) _ n m) T)")
        XCTAssertEqual(expression("*p.field"), "(starExpr (selectorExpr p field))")
        XCTAssertEqual(expression("&T{A: 1, B: []int{2}}"),
                       "(unaryExpr:& (compositeLit T (keyValueExpr A 1) (keyValueExpr B (compositeLit (sliceType int) 2))))")
        XCTAssertEqual(expression("map[string][]int{\"a\": {1}, \"b\": nil}"),
                       "(compositeLit (mapType string (sliceType int)) (keyValueExpr \"a\" (compositeLit _ 1)) (keyValueExpr \"b\" nil))")
        XCTAssertEqual(expression("[...]T{{1}, {2}}"), "(compositeLit (arrayType (ellipsis) T) (compositeLit _ 1) (compositeLit _ 2))")
        XCTAssertEqual(expression("struct{ x int }{1}"), "(compositeLit (structType (fieldList (field (list x) int _))) 1)")
        XCTAssertEqual(expression("make(chan<- struct{}, 1)"), "(callExpr make (chanType#1 (structType (fieldList))) 1)")
        XCTAssertEqual(expression("(<-chan int)(c)"), "(callExpr (parenExpr (chanType#2 int)) c)")
        XCTAssertEqual(expression("(*T).Method"), "(selectorExpr (parenExpr (starExpr T)) Method)")
        XCTAssertEqual(expression("interface{}(x)"), "(callExpr (interfaceType) x)")
        XCTAssertEqual(expression("pkg.Map[int, string]{}"), "(compositeLit (indexExpr (selectorExpr pkg Map) int string))")
        XCTAssertEqual(expression("func(x int) int { return x }(1)"),
                       "(callExpr (funcLit (funcType _ (fieldList (field (list x) int _)) (fieldList (field (list) int _))) (blockStmt (returnStmt x))) 1)")
        XCTAssertEqual(expression("1_000 + 0x1p-2i + 'a' + `raw`"), "(binaryExpr:+ (binaryExpr:+ (binaryExpr:+ 1_000 0x1p-2i) 'a') `raw`)")
    }

    // MARK: Positions

    func testNodesCarryByteRangesAndPositions() {
        let source = SourceFile(path: "t.go", text: "package p\n\nfunc f() {\n\tctx, cancel := g()\n}\n")
        let tree = GoParser.parse(source)
        var assignment = NodeID.none
        tree.walk(tree.root) { node in
            if tree.kind(node) == .assignStmt { assignment = node }
            return true
        }
        XCTAssertEqual(tree.text(assignment), "ctx, cancel := g()")
        XCTAssertEqual(source.position(of: tree[assignment].start), SourcePosition(line: 4, column: 2, offset: 23))
        XCTAssertEqual(tree.kind(tree.parent(assignment)), .blockStmt)
    }

    // MARK: Errors and recovery

    func testSyntaxErrorsAreReportedAndParsingResumes() {
        let text = """
        package p

        func broken() {
        \tx := (1 +
        \ty := 2
        }

        func fine(ctx context.Context) {
        \tdefer cancel()
        }

        func alsoBroken() { a b }
        """
        let tree = GoParser.parse(SourceFile(path: "t.go", text: text))
        XCTAssertEqual(errors(tree), [
            "5:4: expected `)`, found `:=`",
            "12:23: expected `;` or newline, found identifier `b`",
        ])
        let names = tree.children(tree.root).dropFirst().filter { tree.kind($0) == .funcDecl }.map { tree.text(tree.child($0, 1)) }
        XCTAssertEqual(names, ["broken", "fine", "alsoBroken"])
    }

    func testMissingBraceStopsAtNextDeclaration() {
        let text = "package p\nfunc a() {\n\tif x {\n}\nfunc b() {}\nfunc (r *T) c() {}\n"
        let tree = GoParser.parse(SourceFile(path: "t.go", text: text))
        XCTAssertEqual(errors(tree), ["5:1: expected `}`, found `func`"])
        let names = tree.children(tree.root).dropFirst().map { tree.text(tree.child($0, 1)) }
        XCTAssertEqual(names, ["a", "b", "c"])
    }

    func testMessagesForCommonMistakes() {
        XCTAssertEqual(errors("package p\nfunc f() {\n\tfoo(a\n\t)\n}\n"), ["3:7: missing `,` before newline in argument list"])
        XCTAssertEqual(errors("package p\nvar = 1\n"), ["2:5: expected identifier, found `=`"])
        XCTAssertEqual(errors("package p\nfunc f() { if {} }\n"), ["2:15: missing condition in if statement"])
        XCTAssertEqual(errors("func f() {}\n"), ["1:1: expected `package` clause, found `func`"])
        XCTAssertEqual(errors("package p\nfunc f() { go x }\n"), ["2:15: expression in go must be function call"])
        XCTAssertEqual(errors("package p\n}\n"), ["2:1: expected declaration, found `}`"])
    }

    func testHostileNestingEndsWithOneCleanError() {
        onWorkerSizedStack {
            let parens = "package p\nvar x = " + String(repeating: "(", count: 100_000)
            XCTAssertEqual(self.errors(parens), ["2:2509: nesting deeper than 2500 levels; the rest of the file is not parsed"])
            let blocks = "package p\nfunc f() {" + String(repeating: "{", count: 100_000) + String(repeating: "}", count: 100_000) + "}\n"
            XCTAssertEqual(self.errors(blocks), ["2:2510: nesting deeper than 2500 levels; the rest of the file is not parsed"])
            // Nesting without brackets counts too: unary operators, labels.
            let nots = "package p\nvar x = " + String(repeating: "!", count: 100_000) + "y\n"
            XCTAssertEqual(self.errors(nots), ["2:2509: nesting deeper than 2500 levels; the rest of the file is not parsed"])
            let labels = "package p\nfunc f() {\n" + String(repeating: "a: ", count: 100_000) + "}\n"
            XCTAssertEqual(self.errors(labels), ["3:7501: nesting deeper than 2500 levels; the rest of the file is not parsed"])
        }
        let deepButFine = "package p\nvar x = " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500) + "\n"
        XCTAssertEqual(self.errors(deepButFine), [])
    }

    /// The limit counts real nesting: 2,500 parentheses are accepted, the 2,501st is the first level too deep.
    func testNestingLimitIsExactForParentheses() {
        onWorkerSizedStack {
            func parenthesized(_ depth: Int) -> String {
                "package p\nvar x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n"
            }
            XCTAssertEqual(self.errors(parenthesized(2_500)), [])
            XCTAssertEqual(self.errors(parenthesized(2_501)), ["2:2509: nesting deeper than 2500 levels; the rest of the file is not parsed"])
        }
    }

    /// An `if` inside an `if` is one level (its block), not three (statement, `if`, block) as it
    /// once was, when 338 nested `if`s were refused. The function body is the first level.
    func testNestedIfsCountOneLevelEach() {
        @Sendable func nestedIfs(_ count: Int) -> String {
            "package p\nfunc f(x int) {\n" + String(repeating: "if x > 0 {\n", count: count) + "x++\n"
                + String(repeating: "}\n", count: count) + "}\n"
        }
        onWorkerSizedStack {
            XCTAssertEqual(self.errors(nestedIfs(2_000)), [])
            XCTAssertEqual(self.errors(nestedIfs(2_499)), [])
            // The 2,500th `if` (line 2502) opens level 2,501.
            XCTAssertEqual(self.errors(nestedIfs(2_500)), ["2502:10: nesting deeper than 2500 levels; the rest of the file is not parsed"])
        }
    }

    /// `else if` is a chain, not nesting: 5,000 links parse (in a loop, without stack), and the
    /// tree keeps its shape (each `if` the else branch of the one before).
    func testElseIfChainIsNotNesting() {
        @Sendable func chain(_ count: Int) -> String {
            "package p\nfunc f(x int) {\n\tif x == 0 {\n\t}" + (1..<count).map { " else if x == \($0) {\n\t}" }.joined()
                + " else {\n\t}\n}\n"
        }
        onWorkerSizedStack {
            let tree = GoParser.parse(SourceFile(path: "t.go", text: chain(5_000)))
            XCTAssertEqual(self.errors(tree), [])
            var links = 0
            var statement = tree.child(tree.child(tree.child(tree.root, 1), 3), 0)
            while tree.kind(statement) == .ifStmt {
                links += 1
                statement = tree.child(statement, 3)
            }
            XCTAssertEqual(links, 5_000)
            XCTAssertEqual(tree.kind(statement), .blockStmt)
            // The tree as deep as the chain is bounded: the 6,000th link (with the body, 6,001 levels) stops the parse.
            XCTAssertEqual(self.errors(chain(5_999 + 1)), [])
            XCTAssertEqual(self.errors(chain(6_001)), ["6003:9: `else if` chain too long: the syntax tree would be deeper than "
                                                  + "6000 levels; the rest of the file is not parsed"])
        }
        XCTAssertEqual(declarations("package p\nfunc f() { if a {} else if b {} else if c {} else {} }\n"), """
        (funcDecl _ f (funcType _ (fieldList) _) (blockStmt (ifStmt _ a (blockStmt) (ifStmt _ b (blockStmt) (ifStmt _ c (blockStmt) (blockStmt))))))
        """)
    }

    /// Runs `body` on a thread with the stack of the engine's workers: deep nesting is parsed by
    /// recursion, and the 8 MiB of the main thread are not what cancellint runs on.
    func onWorkerSizedStack(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        done.wait()
    }

    /// Found by the fuzzer: `name [[[[...` in a struct field used to be parsed both ways at every
    /// level, exponentially; deciding by bracket counting keeps it linear.
    func testNestedBracketsInFieldsParseInLinearTime() {
        let field = "\tp " + String(repeating: "[", count: 40) + "\n"
        let text = "package p\ntype T struct {\n" + String(repeating: field, count: 20) + "}\n"
        let started = Date()
        // 800 unclosed brackets nest 800 levels: more than the main thread's stack holds in a debug build.
        onWorkerSizedStack { XCTAssertFalse(self.errors(text).isEmpty) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        XCTAssertEqual(declarations("package p\ntype T struct {\n\tList[int]\n\ta [2]List[int]\n}\nfunc f(List[int], [3]int) {}\n"), """
        (genDecl:type (typeSpec T _ (structType (fieldList (field (list) (indexExpr List int) _) (field (list a) (arrayType 2 (indexExpr List int)) _)))))
        (funcDecl _ f (funcType _ (fieldList (field (list) (indexExpr List int) _) (field (list) (arrayType 3 int) _)) _) (blockStmt))
        """)
    }

    func testEmptyAndDegenerateFiles() {
        XCTAssertEqual(errors(""), ["1:1: expected `package` clause, found end of file"])
        XCTAssertEqual(errors("package p"), [])
        XCTAssertEqual(errors("\u{FEFF}package p\n"), [])
        XCTAssertEqual(errors("package p\r\nfunc f() {\r\n}\r\n"), [])
    }

    func testAtMostTenErrorsAndOnePerLine() {
        let text = "package p\n" + String(repeating: "func f() { a b c d }\n", count: 30)
        XCTAssertEqual(errors(text).count, 10)
    }
}
