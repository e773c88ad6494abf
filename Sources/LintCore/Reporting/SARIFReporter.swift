/// `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other viewers.
///
/// - `tool.driver.rules` lists every rule (not only those that fired) with its summary, the
///   "What it finds" section of its document as full description, and the whole document as help.
/// - Paths are URIs relative to the repository root (`%SRCROOT%`, stated in `originalUriBaseIds`),
///   so results line up with the checkout whatever folder the command ran in.
/// - Columns are UTF-16 code units (`columnKind`), what GitHub and most viewers count in;
///   they are computed from the file's text, so a line with non-ASCII text is still exact.
/// - `partialFingerprints` carries the engine's fingerprint, which survives line shifts.
public struct SARIFReporter: Reporter {
    public static let fingerprintKey = "cancellint/v1"
    static let rootBase = "%SRCROOT%"

    public init() {}

    public func report(_ result: LintResult, context: ReportContext) -> String {
        log(result, context: context).rendered()
    }

    public func log(_ result: LintResult, context: ReportContext) -> JSONValue {
        var ruleIndex: [String: Int] = [:]
        var rules: [JSONValue] = []
        for rule in context.rules where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = rules.count
            rules.append(descriptor(rule, document: context.documents[rule.id].map(RuleDocumentation.init)))
        }
        let driver: JSONValue = .object([
            ("name", .string(context.toolName)),
            ("version", .string(context.toolVersion)),
            ("semanticVersion", .string(context.toolVersion)),
            ("informationUri", .string(ToolInfo.informationURI)),
            ("rules", .array(rules)),
        ])
        let paths = context.paths
        var run: [(String, JSONValue)] = [("tool", .object([("driver", driver)]))]
        if let base = paths.map({ $0.root ?? $0.currentDirectory }) {
            run.append(("originalUriBaseIds", .object([
                (Self.rootBase, .object([("uri", .string(RepositoryPaths.fileURI(base, directory: true)))])),
            ])))
        }
        run += [
            ("columnKind", .string("utf16CodeUnits")),
            ("results", .array(result.diagnostics.map { diagnostic in
                self.result(diagnostic, ruleIndex: ruleIndex[diagnostic.ruleID],
                            source: result.sources[diagnostic.path]?.file, context: context)
            })),
            ("invocations", .array([invocation(result)])),
        ]
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    private func descriptor(_ rule: RuleDescriptor, document: RuleDocumentation?) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
        ]
        if let document {
            let full = document.paragraphs("What it finds") ?? rule.summary
            members += [
                ("fullDescription", .object([("text", .string(full))])),
                ("help", .object([("text", .string(document.markdown)), ("markdown", .string(document.markdown))])),
            ]
        }
        members += [
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
            ("properties", .object([("tags", .array([.string(rule.category), .string(rule.language)]))])),
        ]
        return .object(members)
    }

    private func result(_ diagnostic: Diagnostic, ruleIndex: Int?, source: SourceFile?,
                        context: ReportContext) -> JSONValue {
        let artifact = artifactLocation(diagnostic.path, context: context)
        var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.ruleID))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array([.object([("physicalLocation", .object([
                ("artifactLocation", artifact),
                ("region", region(diagnostic.range, source: source)),
            ]))])])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(diagnostic.fingerprint))])),
        ]
        if !diagnostic.related.isEmpty {
            members.append(("relatedLocations", .array(diagnostic.related.enumerated().map { index, related in
                .object([
                    ("id", .int(index + 1)),
                    ("physicalLocation", .object([
                        ("artifactLocation", artifact),
                        ("region", region(related.range, source: source)),
                    ])),
                    ("message", .object([("text", .string(related.message))])),
                ])
            })))
        }
        if !diagnostic.fixes.isEmpty {
            members.append(("fixes", .array(diagnostic.fixes.map { fix in
                .object([
                    ("description", .object([("text", .string(fix.title))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", artifact),
                        ("replacements", .array(fix.edits.map { edit in
                            .object([
                                ("deletedRegion", region(edit.range, source: source)),
                                ("insertedContent", .object([("text", .string(edit.replacement))])),
                            ])
                        })),
                    ])])),
                ])
            })))
        }
        return .object(members)
    }

    /// A repository-relative URI under `%SRCROOT%`, or an absolute `file:` URI for a file outside it.
    private func artifactLocation(_ displayPath: String, context: ReportContext) -> JSONValue {
        guard let paths = context.paths else {
            return .object([("uri", .string(RepositoryPaths.percentEncoded(displayPath)))])
        }
        if let relative = paths.relative(displayPath) {
            return .object([("uri", .string(RepositoryPaths.percentEncoded(relative))),
                            ("uriBaseId", .string(Self.rootBase))])
        }
        return .object([("uri", .string(RepositoryPaths.fileURI(paths.absolute(displayPath))))])
    }

    /// Lines and UTF-16 columns from the file's text; without the text (never the case for the
    /// command's own runs) the region falls back to byte offsets, which SARIF also understands.
    private func region(_ range: ByteRange, source: SourceFile?) -> JSONValue {
        guard let source else {
            return .object([("byteOffset", .int(Int(range.start))), ("byteLength", .int(Int(max(0, range.length))))])
        }
        return .object([
            ("startLine", .int(source.position(of: range.start).line)),
            ("startColumn", .int(source.utf16Column(of: range.start))),
            ("endLine", .int(source.position(of: range.end).line)),
            ("endColumn", .int(source.utf16Column(of: range.end))),
        ])
    }

    /// Paths named on the command line that could not be read make the run unsuccessful; every
    /// path problem is listed as a notification.
    private func invocation(_ result: LintResult) -> JSONValue {
        .object([
            ("executionSuccessful", .bool(!result.pathProblems.contains { $0.origin == .named })),
            ("toolExecutionNotifications", .array(result.pathProblems.map { problem in
                .object([
                    ("level", .string(problem.origin == .named ? "error" : "warning")),
                    ("message", .object([("text", .string(problem.description))])),
                ])
            })),
        ])
    }
}
