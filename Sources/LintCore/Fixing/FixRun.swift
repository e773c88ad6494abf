/// `--fix` and `--fix --diff` over a finished lint run: for each file with fixable findings,
/// choose the fixes (`FixPlan`), apply them in memory, lint the new text, and then either
/// rewrite the file atomically (`FileRewriter`) or add its unified diff to the output.
///
/// A file whose fixed text has more syntax errors than before is left alone: a fix that breaks
/// the build is worse than the finding. Files without fixes are never opened for writing.
public enum FixRun {
    public enum Mode: Sendable {
        case apply
        case diff
    }

    public struct Outcome: Sendable {
        /// After `apply`, the findings that remain (the fixed files linted again); after `diff`,
        /// the result unchanged, since nothing was written.
        public var result: LintResult
        /// Findings whose fix was applied (or shown), and the files they are in.
        public var fixedCount = 0
        public var fixedFiles = 0
        /// Files whose fixes could not be written (each also a path problem).
        public var failedFiles = 0
        /// Fixes skipped and files left unchanged, one line each, for standard error.
        public var messages: [String] = []
        /// The unified diff of every file (`diff` mode).
        public var diff = ""
    }

    /// `keepLine(path, line)`, when given, says whether a finding on that line of the original
    /// file is reported at all (changed-lines mode); findings on lines a fix added are kept.
    public static func run(_ result: LintResult, engine: LintEngine, settings: LintSettings, mode: Mode,
                           keepLine: (@Sendable (String, Int) -> Bool)? = nil) -> Outcome {
        var outcome = Outcome(result: result)
        let syntaxRules = Set(engine.rules.filter { $0.category == "syntax" }.map(\.id))
        var diagnosticsByPath: [String: [Diagnostic]] = [:]
        for diagnostic in result.diagnostics { diagnosticsByPath[diagnostic.path, default: []].append(diagnostic) }
        var replacements: [String: [Diagnostic]] = [:]

        for path in diagnosticsByPath.keys.sorted() {
            guard let diagnostics = diagnosticsByPath[path], diagnostics.contains(where: { !$0.fixes.isEmpty }),
                  let linted = result.sources[path] else { continue }
            let original = linted.file.bytes
            let plan = FixPlan(diagnostics, fileSize: original.count)
            outcome.messages += plan.skipped.map(\.description)
            guard !plan.fixed.isEmpty else { continue }
            let fixed = plan.apply(to: original)
            let fixedSource = SourceFile(path: path, bytes: fixed)
            let relinted = engine.lint(fixedSource, settings: settings) ?? []
            let newSyntaxErrors = relinted.filter { syntaxRules.contains($0.ruleID) }
            if !newSyntaxErrors.isEmpty {
                let before = (engine.lint(linted.file, settings: settings) ?? []).filter { syntaxRules.contains($0.ruleID) }.count
                if newSyntaxErrors.count > before {
                    outcome.messages.append("\(path): fixes not applied: they would introduce a syntax error "
                                            + "(\(newSyntaxErrors[0].start): \(newSyntaxErrors[0].message))")
                    continue
                }
            }
            switch mode {
            case .diff:
                let labels = PathText.isAbsolute(path) ? (path, path) : ("a/\(path)", "b/\(path)")
                outcome.diff += UnifiedDiff.render(old: original, new: fixed, oldLabel: labels.0, newLabel: labels.1)
            case .apply:
                guard let location = linted.location else { continue }
                switch FileRewriter.replace(location, expected: original, with: fixed, allowedRoots: result.namedRealPaths) {
                case .success: break
                case .failure(let failure) where failure.isOutsideNamedPaths:
                    // Not a failure of the run: the user never asked for that file to change.
                    outcome.messages.append("\(TextEscaping.quotedIfNeeded(path)): fixes not applied: \(failure)")
                    continue
                case .failure(let failure):
                    outcome.result.pathProblems.append(PathProblem(path: path, message: "cannot apply fixes: \(failure)",
                                                                   origin: .named))
                    outcome.failedFiles += 1
                    continue
                }
                replacements[path] = kept(relinted, original: original, fixed: fixed, path: path, keepLine: keepLine)
                outcome.result.sources[path] = LintedSource(file: fixedSource, location: location)
            }
            outcome.fixedCount += plan.fixed.count
            outcome.fixedFiles += 1
        }

        if !replacements.isEmpty {
            var diagnostics = outcome.result.diagnostics.filter { replacements[$0.path] == nil }
            diagnostics += replacements.values.joined()
            diagnostics.sort(by: Diagnostic.outputOrder)
            Fingerprints.assign(&diagnostics)
            outcome.result.diagnostics = diagnostics
            for (path, remaining) in replacements where remaining.isEmpty { outcome.result.sources[path] = nil }
        }
        outcome.result.pathProblems.sort(by: PathProblem.reportOrder)
        return outcome
    }

    /// The findings of the fixed text that changed-lines mode still reports: those on lines that
    /// map back to a kept line of the original, and those on lines the fixes wrote.
    private static func kept(_ diagnostics: [Diagnostic], original: [UInt8], fixed: [UInt8], path: String,
                             keepLine: ((String, Int) -> Bool)?) -> [Diagnostic] {
        guard let keepLine else { return diagnostics }
        let originalLines = UnifiedDiff.originalLines(old: original, new: fixed)
        return diagnostics.filter { diagnostic in
            let index = diagnostic.start.line - 1
            guard index >= 0, index < originalLines.count, let originalLine = originalLines[index] else { return true }
            return keepLine(path, originalLine)
        }
    }
}
