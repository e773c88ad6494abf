/// `--format json`: one document, schema version 1 (documented in the README; adding members is
/// compatible, renaming or removing them bumps `version`).
///
///     {
///       "version": 1,
///       "tool": { "name": "cancellint", "version": "0.1.0" },
///       "diagnostics": [ { "rule", "severity", "path", "line", "column", "endLine", "endColumn",
///                          "offset", "endOffset", "message", "fingerprint",
///                          "related": [ { "line", "column", "offset", "message" } ],
///                          "fixes": [ { "title", "edits": [ { "line", "column", "endLine", "endColumn",
///                                                             "offset", "endOffset", "replacement" } ] } ] } ],
///       "problems": [ { "path", "message" } ],
///       "counts": { "error", "warning", "info", "total", "fixable", "filesLinted", "generatedFilesSkipped" },
///       "failOn": "warning"
///     }
///
/// Lines and columns are 1-based, columns and offsets count bytes (like gofmt); end positions are
/// exclusive. Paths are the display paths of the text format.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 1

    public init() {}

    public func report(_ result: LintResult, context: ReportContext) -> String {
        document(result, context: context).rendered()
    }

    public func document(_ result: LintResult, context: ReportContext) -> JSONValue {
        let counts: [(String, JSONValue)] = Severity.allCases.reversed().map { ("\($0)", .int(result.count(of: $0))) } + [
            ("total", .int(result.diagnostics.count)),
            ("fixable", .int(result.diagnostics.filter { !$0.fixes.isEmpty }.count)),
            ("filesLinted", .int(result.filesLinted)),
            ("generatedFilesSkipped", .int(result.generatedFilesSkipped)),
        ]
        return .object([
            ("version", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string(context.toolName)), ("version", .string(context.toolVersion))])),
            ("diagnostics", .array(result.diagnostics.map { diagnostic($0, source: result.sources[$0.path]?.file) })),
            ("problems", .array(result.pathProblems.map {
                .object([("path", .string($0.path)), ("message", .string($0.message))])
            })),
            ("counts", .object(counts)),
            ("failOn", .string("\(result.failOn)")),
        ])
    }

    private func diagnostic(_ diagnostic: Diagnostic, source: SourceFile?) -> JSONValue {
        .object([
            ("rule", .string(diagnostic.ruleID)),
            ("severity", .string("\(diagnostic.severity)")),
            ("path", .string(diagnostic.path)),
            ("line", .int(diagnostic.start.line)),
            ("column", .int(diagnostic.start.column)),
            ("endLine", .int(diagnostic.end.line)),
            ("endColumn", .int(diagnostic.end.column)),
            ("offset", .int(Int(diagnostic.range.start))),
            ("endOffset", .int(Int(diagnostic.range.end))),
            ("message", .string(diagnostic.message)),
            ("fingerprint", .string(diagnostic.fingerprint)),
            ("related", .array(diagnostic.related.map { related in
                .object([
                    ("line", .int(related.start.line)),
                    ("column", .int(related.start.column)),
                    ("offset", .int(Int(related.range.start))),
                    ("message", .string(related.message)),
                ])
            })),
            ("fixes", .array(diagnostic.fixes.map { fix in
                .object([("title", .string(fix.title)), ("edits", .array(fix.edits.map { edit($0, source: source) }))])
            })),
        ])
    }

    /// Line and column need the file's line table; the engine keeps it for every file with findings,
    /// so they are always present in the command's output.
    private func edit(_ edit: TextEdit, source: SourceFile?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let source {
            let start = source.position(of: edit.range.start)
            let end = source.position(of: edit.range.end)
            members += [("line", .int(start.line)), ("column", .int(start.column)),
                        ("endLine", .int(end.line)), ("endColumn", .int(end.column))]
        }
        members += [("offset", .int(Int(edit.range.start))), ("endOffset", .int(Int(edit.range.end))),
                    ("replacement", .string(edit.replacement))]
        return .object(members)
    }
}
