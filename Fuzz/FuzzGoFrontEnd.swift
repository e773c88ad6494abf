// libFuzzer entry point: lexes, parses and runs every Go rule on arbitrary bytes.
// Built by scripts/fuzz.sh (swiftc -sanitize=fuzzer,address); a crash, a sanitizer report or an
// input that takes over a second is a bug: add the input to Tests/GoRulesTests/FuzzRegressionTests.
import GoRules
import LintCore

private let frontEnd = GoFrontEnd()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGoFrontEnd(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "fuzz.go", bytes: bytes)
    _ = frontEnd.lint(file, settings: LintSettings())
    return 0
}
