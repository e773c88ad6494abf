// libFuzzer entry point: lexes and parses arbitrary bytes as Swift, dumps the tree, and runs every
// Swift rule. Built by `scripts/fuzz.sh SECONDS swift`; a crash, a sanitizer report or an input
// that takes over a second is a bug: add it to Tests/SwiftLangSyntaxTests/SwiftHostileInputTests.
import LintCore
import SwiftLangRules
import SwiftLangSyntax

private let frontEnd = SwiftFrontEnd()
// The front end skips files that mention no rule's trigger word; a prefix that mentions them all
// keeps every rule running on the fuzzed bytes.
private let triggers = Array("// Task await sleep wait AsyncStream detached\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSwiftFrontEnd(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = SwiftParser.parse(SourceFile(path: "fuzz.swift", bytes: bytes)).dump()
    _ = frontEnd.lint(SourceFile(path: "fuzz.swift", bytes: triggers + bytes), settings: LintSettings())
    return 0
}
