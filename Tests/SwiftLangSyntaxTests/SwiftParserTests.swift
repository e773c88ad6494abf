import LintCore
import SwiftLangSyntax
import XCTest

func parse(_ text: String) -> SwiftSyntaxTree {
    SwiftParser.parse(SourceFile(path: "t.swift", text: text))
}

final class SwiftParserTests: XCTestCase {
    func testTypesPropertiesAndAccessors() {
        let tree = parse("""
        @MainActor final class Poller: NSObject, Sendable {
            private(set) var task: Task<Void, Never>?
            var count: Int { tasks.count }
            var name = "" { didSet { print(name) } }
            var value: Int { get async throws { 1 } }
            deinit { task?.cancel() }
        }
        """)
        XCTAssertEqual(tree.dump(), "(sourceFile (typeDecl Poller NSObject, Sendable (codeBlock "
            + "(variableDecl (patternBinding task Task<Void, Never>? _ _)) "
            + "(variableDecl (patternBinding count Int _ (codeBlock (memberAccess tasks count)))) "
            + "(variableDecl (patternBinding name _ \"\" (accessorBlock (accessor didSet (codeBlock (call print (argument _ name))))))) "
            + "(variableDecl (patternBinding value Int _ (accessorBlock (accessor get (codeBlock 1))))) "
            + "(functionDecl _ _ _ (codeBlock (call (memberAccess (optionalChain task) cancel)))))))")
        XCTAssertEqual(tree.unmodeled, [])
    }

    func testFunctionsWithEffectsAndGenerics() {
        let tree = parse("""
        public static func ==<T: Equatable>(lhs: T, rhs: T) -> Bool { true }
        init?<D: Decoder>(from decoder: inout D) async throws where D: Sendable {}
        func run(_ operation: @escaping @Sendable () async throws -> Void = {}) async rethrows {}
        """)
        let functions = tree.nodes.indices.filter { tree.nodes[$0].kind == .functionDecl }
        XCTAssertEqual(functions.map { tree.nodes[$0].flags & SwiftNodeFlags.isAsync != 0 }, [false, true, true])
        XCTAssertEqual(tree.dump(), "(sourceFile (functionDecl == (parameterList (parameter lhs T _) (parameter rhs T _)) Bool (codeBlock true)) "
            + "(functionDecl _ (parameterList (parameter decoder inout D _)) _ (codeBlock)) "
            + "(functionDecl run (parameterList (parameter operation @escaping @Sendable () async throws -> Void "
            + "(closure _ _ (codeBlock)))) _ (codeBlock)))")
    }

    func testStatements() {
        let tree = parse("""
        func f() async throws {
            outer: for try await case let value? in stream where value > 0 {
                guard let v = value as? Int, v > 1 else { continue outer }
                repeat { await g() } while true
            }
            switch x {
            case .a(let y), .b(let y) where y > 1: break
            @unknown default: fallthrough
            }
            do { try h() } catch is CancellationError { return } catch { }
            defer { cleanup() }
            if let x { throw E.bad } else if case .some(let z) = y {}
        }
        """)
        XCTAssertEqual(tree.dump(), "(sourceFile (functionDecl f (parameterList) _ (codeBlock "
            + "(labeledStmt outer (forInStmt (bindingPattern (optionalChain value)) stream (binaryExpr value > 0) (codeBlock "
            + "(guardStmt (conditionList (optionalBinding v _ (cast value Int)) (binaryExpr v > 1)) (codeBlock (jumpStmt outer))) "
            + "(repeatStmt (codeBlock (awaitExpr (call g))) true)))) "
            + "(switchStmt x (switchCase (patternList (call (memberAccess _ a) (argument _ (bindingPattern y))) "
            + "(call (memberAccess _ b) (argument _ (bindingPattern y)))) (jumpStmt)) (switchCase (patternList) (jumpStmt))) "
            + "(doStmt (codeBlock (tryExpr (call h))) (catchClause (patternList (cast _ CancellationError)) (codeBlock (returnStmt _))) "
            + "(catchClause (patternList) (codeBlock))) "
            + "(deferStmt (codeBlock (call cleanup))) "
            + "(ifStmt (conditionList (optionalBinding x _ _)) (codeBlock (throwStmt (memberAccess E bad))) "
            + "(ifStmt (conditionList (caseCondition (call (memberAccess _ some) (argument _ (bindingPattern z))) y)) (codeBlock))))))")
    }

    func testClosuresTrailingClosuresAndCaptureLists() {
        let tree = parse("""
        task = Task<Void, Never>(priority: .high) { [weak self, x = y] in await self?.run(x) }
        withTaskCancellationHandler { await op() } onCancel: { stop() }
        items.map { $0 * 2 }.filter { (a: Int) -> Bool in a > 1 }
        if list.contains(where: { $0 > 1 }) { go() }
        """)
        XCTAssertEqual(tree.dump(), "(sourceFile "
            + "(assignment task (call (specialization Task <Void, Never>) (argument priority (memberAccess _ high)) "
            + "(argument _ (closure (captureList (captureItem self _) (captureItem x y)) _ "
            + "(codeBlock (awaitExpr (call (memberAccess (optionalChain self) run) (argument _ x)))))))) "
            + "(call withTaskCancellationHandler (argument _ (closure _ _ (codeBlock (awaitExpr (call op))))) "
            + "(argument onCancel (closure _ _ (codeBlock (call stop))))) "
            + "(call (memberAccess (call (memberAccess items map) (argument _ (closure _ _ (codeBlock (binaryExpr $0 * 2))))) filter) "
            + "(argument _ (closure _ (parameterList (parameter a Int _)) (codeBlock (binaryExpr a > 1))))) "
            + "(ifStmt (conditionList (call (memberAccess list contains) (argument where (closure _ _ (codeBlock (binaryExpr $0 > 1)))))) "
            + "(codeBlock (call go))))")
    }

    func testDirectivesAreTransparent() {
        let tree = parse("""
        #if canImport(Glibc)
        import Glibc
        #elseif os(Windows)
        func f() {}
        #else
        let x = 1
        #endif
        """)
        XCTAssertEqual(tree.dump(), "(sourceFile (otherDecl) (functionDecl f (parameterList) _ (codeBlock)) "
            + "(variableDecl (patternBinding x _ 1 _)))")
    }

    func testUnmodeledCodeIsSkippedAndRecorded() {
        let tree = parse("func f() { a ) b }\nlet y = 2")
        XCTAssertEqual(tree.unmodeled.map(\.reason), ["unexpected token"])
        XCTAssertEqual(tree.dump(), "(sourceFile (functionDecl f (parameterList) _ (codeBlock a (unmodeled) b)) "
            + "(variableDecl (patternBinding y _ 2 _)))")
    }
}
