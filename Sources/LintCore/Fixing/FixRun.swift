/// `--fix` and `--fix --diff` over a finished lint run: for each file with fixable findings,
/// choose the fixes (`FixPlan`), apply them in memory, lint the new text, and then either
/// rewrite the file atomically (`FileRewriter`) or add its unified diff to the output.
///
/// A file whose fixed text has more syntax errors than before, or that its front end rejects
/// (`LanguageFrontEnd.judgeFixedText`), is left alone: a fix that breaks the build is worse than
/// the finding; a front end may instead repair the text (remove an import the fixes left unused).
/// Files without fixes are never opened for writing.
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
            guard let (fixed, fixedSource, relinted) = validated(plan.apply(to: original), original: linted.file, path: path,
                                                                 engine: engine, settings: settings,
                                                                 syntaxRules: syntaxRules, messages: &outcome.messages)
            else { continue }
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

    /// The text to write for `fixed` (`original` with the plan applied), with its source and
    /// findings; nil, with the reason in `messages`, when the fixes would add a syntax error or the
    /// front end rejects the text. A front end's repair replaces the text, and is itself held to
    /// the syntax check.
    private static func validated(_ fixed: [UInt8], original: SourceFile, path: String, engine: LintEngine,
                                  settings: LintSettings, syntaxRules: Set<String>,
                                  messages: inout [String]) -> (text: [UInt8], source: SourceFile, findings: [Diagnostic])? {
        var text = fixed
        var source = SourceFile(path: path, bytes: text)
        var findings = engine.lint(source, settings: settings) ?? []
        var syntaxErrors = findings.filter { syntaxRules.contains($0.ruleID) }
        var originalSyntaxErrors: Int?
        func addsSyntaxErrors() -> Bool {
            guard !syntaxErrors.isEmpty else { return false }
            let before = originalSyntaxErrors ?? (engine.lint(original, settings: settings) ?? [])
                .filter { syntaxRules.contains($0.ruleID) }.count
            originalSyntaxErrors = before
            return syntaxErrors.count > before
        }
        if addsSyntaxErrors() {
            messages.append("\(path): fixes not applied: they would introduce a syntax error "
                            + "(\(syntaxErrors[0].start): \(syntaxErrors[0].message))")
            return nil
        }
        switch engine.frontEnd(forPath: path)?.judgeFixedText(source, original: original, settings: settings) ?? .accepted {
        case .accepted:
            break
        case .rejected(let reason):
            messages.append("\(path): fixes not applied: \(reason)")
            return nil
        case .repaired(let repaired, let note):
            text = repaired
            source = SourceFile(path: path, bytes: text)
            findings = engine.lint(source, settings: settings) ?? []
            syntaxErrors = findings.filter { syntaxRules.contains($0.ruleID) }
            if addsSyntaxErrors() {
                messages.append("\(path): fixes not applied: \(note), and that would introduce a syntax error "
                                + "(\(syntaxErrors[0].start): \(syntaxErrors[0].message))")
                return nil
            }
            messages.append("\(path): \(note)")
        }
        return (text, source, findings)
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
