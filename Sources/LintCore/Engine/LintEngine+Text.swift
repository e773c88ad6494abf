extension LintEngine {
    /// Lints text that did not come from a file (an editor's unsaved buffer on standard input)
    /// as a whole run: the result is what linting a file at `path` holding `bytes` would give,
    /// with `path` shown as it would be and fingerprints assigned. A path no front end reads
    /// is a problem with a named path, as on the command line.
    public func run(text bytes: [UInt8], path: String, request: LintRequest) -> LintResult {
        let display = PathText.display(path, currentDirectory: request.currentDirectory)
        let source = SourceFile(path: display, bytes: bytes)
        guard var diagnostics = lint(source, settings: request.settings) else {
            let problem = PathProblem(path: display, message: FrontEndTable(frontEnds: frontEnds).unsupportedFileMessage,
                                      origin: .named)
            return LintResult(diagnostics: [], pathProblems: [problem], filesLinted: 0, generatedFilesSkipped: 0,
                              failOn: request.failOn)
        }
        Fingerprints.assign(&diagnostics)
        var result = LintResult(diagnostics: diagnostics, pathProblems: [], filesLinted: 1, generatedFilesSkipped: 0,
                                failOn: request.failOn)
        result.bytesRead = bytes.count
        if !diagnostics.isEmpty { result.sources[display] = LintedSource(file: source, location: nil) }
        return result
    }
}
