import TestSupport
import Foundation
import LintCore
import XCTest

/// Every key of `.lintconfig.yml` and every validation message, exactly.
final class ConfigurationTests: XCTestCase {
    /// The fake front end's rules (`bad-line`, `note-line` in category `test`, `worse-line` in
    /// `serious`, each with a `words` list option), the engine's `unused-suppression`, and a rule
    /// declaring one option of each type.
    static let schema: ConfigurationSchema = {
        let typed = RuleDescriptor(id: "typed-rule", summary: "declares one option of each type", defaultSeverity: .warning,
                                   category: "test", language: "go", options: [
                                       OptionDeclaration(name: "strict", type: .bool, defaultValue: .bool(false), summary: "b"),
                                       OptionDeclaration(name: "limit", type: .int, defaultValue: .int(3), summary: "i"),
                                       OptionDeclaration(name: "label", type: .string, defaultValue: .string("x"), summary: "s"),
                                   ])
        let base = ConfigurationSchema(frontEnds: [FakeFrontEnd()])
        return ConfigurationSchema(rules: base.rules + [typed], languages: base.languages)
    }()

    private func load(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Configuration? {
        do {
            return try Configuration.parse(text, path: ".lintconfig.yml", directory: "/repo", schema: Self.schema)
        } catch {
            XCTFail("unexpected error: \(error)", file: file, line: line)
            return nil
        }
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try Configuration.parse(text, path: ".lintconfig.yml", directory: "/repo", schema: Self.schema)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            return error.message
        }
    }

    private func rule(_ id: String) -> RuleDescriptor? { Self.schema.rulesByID[id] }

    // MARK: Keys

    func testAnEmptyConfigurationChangesNothing() throws {
        for text in ["", "# nothing\n", "rules:\nenable:\nexclude:\n"] {
            let configuration = try XCTUnwrap(load(text))
            XCTAssertNil(configuration.failOn)
            XCTAssertTrue(configuration.testFiles)
            XCTAssertFalse(configuration.generatedFiles)
            XCTAssertTrue(Self.schema.rules.allSatisfy(configuration.isEnabled))
            XCTAssertTrue(configuration.selects(relativePath: "a/b.go", isTestFile: true))
        }
    }

    func testFailOn() throws {
        XCTAssertEqual(load("fail-on: error\n")?.failOn, .error)
        XCTAssertEqual(load("fail-on: 'info'\n")?.failOn, .info)
    }

    func testRuleEnabledSeverityAndOptions() throws {
        let configuration = try XCTUnwrap(load("""
            rules:
              bad-line:
                enabled: false
              worse-line:
                severity: info
                words: [WORST, "VERY BAD"]
              typed-rule:
                strict: true
                limit: 10
                label: "a label"
              note-line:
            """))
        XCTAssertEqual(configuration.isEnabled(try XCTUnwrap(rule("bad-line"))), false)
        XCTAssertEqual(configuration.rules["worse-line"],
                       RuleSettings(severity: .info, options: ["words": .list(["WORST", "VERY BAD"])]))
        XCTAssertEqual(configuration.rules["typed-rule"]?.options,
                       ["strict": .bool(true), "limit": .int(10), "label": .string("a label")])
        XCTAssertEqual(configuration.rules["note-line"], RuleSettings())
    }

    func testEnableAndDisableInBulkTheMostSpecificWordWins() throws {
        let configuration = try XCTUnwrap(load("""
            disable: [all]
            enable: [test]
            rules:
              note-line:
                enabled: false
            """))
        let enabled = Self.schema.rules.filter(configuration.isEnabled).map(\.id)
        XCTAssertEqual(enabled, ["bad-line", "typed-rule"])

        let byID = try XCTUnwrap(load("disable: [serious, bad-line]\nenable: [worse-line]\n"))
        XCTAssertEqual(Self.schema.rules.filter(byID.isEnabled).map(\.id),
                       ["worse-line", "note-line", "unused-suppression", "typed-rule"])
        let categoryOverAll = try XCTUnwrap(load("enable: [all]\ndisable: [test]\n"))
        XCTAssertEqual(Self.schema.rules.filter(categoryOverAll.isEnabled).map(\.id), ["worse-line", "unused-suppression"])
    }

    func testIncludeExcludeAndTestFiles() throws {
        let configuration = try XCTUnwrap(load("""
            include: [src, "tools/*.go"]
            exclude:
              - src/legacy/**
              - "**/*_mock.go"
            test-files: false
            generated-files: true
            """))
        XCTAssertTrue(configuration.selects(relativePath: "src/a.go", isTestFile: false))
        XCTAssertTrue(configuration.selects(relativePath: "tools/gen.go", isTestFile: false))
        XCTAssertFalse(configuration.selects(relativePath: "tools/sub/gen.go", isTestFile: false))
        XCTAssertFalse(configuration.selects(relativePath: "other/a.go", isTestFile: false))
        XCTAssertFalse(configuration.selects(relativePath: "src/legacy/old.go", isTestFile: false))
        XCTAssertFalse(configuration.selects(relativePath: "src/db/store_mock.go", isTestFile: false))
        XCTAssertFalse(configuration.selects(relativePath: "src/a_test.go", isTestFile: true))
        XCTAssertTrue(configuration.generatedFiles)
        XCTAssertFalse(configuration.testFiles)
    }

    func testLanguageSection() throws {
        let configuration = try XCTUnwrap(load("go:\n  version: 1.20\n  extra-words: [FIXME]\n"))
        XCTAssertEqual(configuration.languages["go"],
                       Configuration.LanguageSection(version: "1.20", options: ["extra-words": .list(["FIXME"])]))
        let settings = configuration.lintSettings(language: "go", rules: FakeFrontEnd().rules)
        XCTAssertEqual(settings.defaultLanguageVersion, "1.20")
        XCTAssertEqual(settings.value(of: FakeFrontEnd.extraWords), .list(["FIXME"]))
        XCTAssertEqual(load("go:\n  version: \"1.21.3\"\n")?.languages["go"]?.version, "1.21.3")
    }

    func testLintSettingsSpellOutEveryRule() throws {
        let configuration = try XCTUnwrap(load("disable: [serious]\nrules:\n  bad-line:\n    severity: error\n"))
        let settings = configuration.lintSettings(language: "go", rules: FakeFrontEnd().rules)
        XCTAssertEqual(settings.rules["worse-line"]?.enabled, false)
        XCTAssertEqual(settings.rules["bad-line"], RuleSettings(enabled: true, severity: .error))
        XCTAssertEqual(settings.rules["note-line"], RuleSettings(enabled: true))
        XCTAssertNil(settings.defaultLanguageVersion)
    }

    // MARK: Errors

    /// A huge key is neither compared in full with every candidate (a 10 MB key took 13.5 s) nor
    /// echoed in full: the message shows its first 60 characters.
    func testHugeUnknownKeyIsShownAsAnExcerptAndStillGetsNoSuggestion() {
        let key = String(repeating: "exclude", count: 150_000)
        let seconds = cpuSeconds {
            XCTAssertEqual(self.error(key + ": [a]\n"), "unknown key `" + String(key.prefix(60)) + "…` at .lintconfig.yml:1:1; "
                           + "valid keys: `fail-on`, `enable`, `disable`, `rules`, `include`, `exclude`, `test-files`, "
                           + "`generated-files`, `go`")
        }
        XCTAssertLessThan(seconds, 5)
        // Near misses keep their suggestion; a control character is escaped, not printed raw.
        XCTAssertEqual(error("exclud: [a]\n"), "unknown key `exclud` at .lintconfig.yml:1:1; did you mean `exclude`?")
        XCTAssertEqual(error("fail-on: \"err\\u001b[31m\"\n"),
                       "unknown severity `err\\u{1B}[31m` at .lintconfig.yml:1:10; expected error, warning or info")
    }

    func testUnknownNamesSuggestTheClosestValidOne() {
        XCTAssertEqual(error("exlude: [a]\n"), "unknown key `exlude` at .lintconfig.yml:1:1; did you mean `exclude`?")
        XCTAssertEqual(error("failon: error\n"), "unknown key `failon` at .lintconfig.yml:1:1; did you mean `fail-on`?")
        XCTAssertEqual(error("colour: red\n"), "unknown key `colour` at .lintconfig.yml:1:1; valid keys: `fail-on`, "
                       + "`enable`, `disable`, `rules`, `include`, `exclude`, `test-files`, `generated-files`, `go`")
        XCTAssertEqual(error("rules:\n  bad-lien:\n    enabled: false\n"),
                       "unknown rule `bad-lien` at .lintconfig.yml:2:3; did you mean `bad-line`?")
        XCTAssertEqual(error("rules:\n  frobnicate:\n"),
                       "unknown rule `frobnicate` at .lintconfig.yml:2:3; `cancellint rules` lists the rule ids")
        XCTAssertEqual(error("rules:\n  bad-line:\n    enable: false\n"),
                       "unknown option `enable` for rule `bad-line` at .lintconfig.yml:3:5; did you mean `enabled`?")
        XCTAssertEqual(error("rules:\n  bad-line:\n    word: [X]\n"),
                       "unknown option `word` for rule `bad-line` at .lintconfig.yml:3:5; did you mean `words`?")
        XCTAssertEqual(error("rules:\n  bad-line:\n    colour: red\n"),
                       "unknown option `colour` for rule `bad-line` at .lintconfig.yml:3:5; valid keys: `enabled`, `severity`, `words`")
        XCTAssertEqual(error("rules:\n  bad-line:\n    severity: warn\n"),
                       "unknown severity `warn` at .lintconfig.yml:3:15; did you mean `warning`?")
        XCTAssertEqual(error("fail-on: fatal\n"),
                       "unknown severity `fatal` at .lintconfig.yml:1:10; expected error, warning or info")
        XCTAssertEqual(error("disable: [serios]\n"),
                       "unknown rule or category `serios` in `disable` at .lintconfig.yml:1:11; did you mean `serious`?")
        XCTAssertEqual(error("enable:\n  - everything\n"),
                       "unknown rule or category `everything` in `enable` at .lintconfig.yml:2:5; expected `all`, "
                       + "a category (serious, suppression, test) or a rule id")
        XCTAssertEqual(error("go:\n  verison: 1.21\n"),
                       "unknown key `verison` in `go` at .lintconfig.yml:2:3; did you mean `version`?")
    }

    func testWrongTypes() {
        XCTAssertEqual(error("test-files: yes\n"),
                       "expected true or false for `test-files`, found `yes` at .lintconfig.yml:1:13")
        XCTAssertEqual(error("generated-files: \"true\"\n"),
                       "expected true or false for `generated-files`, found `\"true\"` at .lintconfig.yml:1:18")
        XCTAssertEqual(error("rules:\n  bad-line:\n    enabled:\n"),
                       "expected true or false for `enabled`, found nothing at .lintconfig.yml:3:13")
        XCTAssertEqual(error("rules:\n  typed-rule:\n    limit: ten\n"),
                       "expected an integer for `limit`, found `ten` at .lintconfig.yml:3:12")
        XCTAssertEqual(error("rules:\n  typed-rule:\n    label: [a]\n"),
                       "expected a string for `label`, found a list at .lintconfig.yml:3:12")
        XCTAssertEqual(error("exclude: legacy/**\n"),
                       "expected a list for `exclude`, found `legacy/**` at .lintconfig.yml:1:10; write `[legacy/**]`")
        XCTAssertEqual(error("include:\n  a: b\n"), "expected a list for `include`, found a mapping at .lintconfig.yml:2:3")
        XCTAssertEqual(error("exclude: [[a]]\n"), "expected a string in the list `exclude`, found a list at .lintconfig.yml:1:11")
        XCTAssertEqual(error("rules: [bad-line]\n"), "expected a mapping for `rules`, found a list at .lintconfig.yml:1:8")
        XCTAssertEqual(error("rules:\n  bad-line: off\n"),
                       "expected a mapping for `bad-line`, found `off` at .lintconfig.yml:2:13")
        XCTAssertEqual(error("fail-on: [error]\n"),
                       "expected a severity (error, warning or info), found a list at .lintconfig.yml:1:10")
        XCTAssertEqual(error("go:\n  version: one\n"),
                       "expected a version such as `1.21` for `version`, found `one` at .lintconfig.yml:2:12")
        XCTAssertEqual(error("go:\n  version: 1..2\n"),
                       "expected a version such as `1.21` for `version`, found `1..2` at .lintconfig.yml:2:12")
        XCTAssertEqual(error("- a\n- b\n"), "expected a mapping of settings, found a list at .lintconfig.yml:1:1")
        XCTAssertEqual(error("just text\n"), "expected a mapping of settings, found `just text` at .lintconfig.yml:1:1")
    }

    func testInvalidPatternsAndContradictions() {
        XCTAssertEqual(error("exclude: [\"src/[ab].go\"]\n"),
                       "invalid pattern `src/[ab].go` in `exclude` at .lintconfig.yml:1:16; "
                       + "`[` is not supported in patterns (only `*`, `?` and `**`)")
        XCTAssertEqual(error("include:\n  - /abs\n"),
                       "invalid pattern `/abs` in `include` at .lintconfig.yml:2:5; "
                       + "patterns are relative to the configuration's folder and cannot start with `/`")
        XCTAssertEqual(error("enable: [test]\ndisable: [worse-line, test]\n"),
                       "`test` is both enabled and disabled at .lintconfig.yml:2:23")
    }

    func testYAMLErrorsNameTheFileLineAndColumn() {
        XCTAssertEqual(error("rules:\n  bad-line: &x\n"), "anchors (`&`) are not supported at .lintconfig.yml:2:13; write the value out")
        XCTAssertEqual(error("a: 1\n---\n"), "a second document (`---`) at .lintconfig.yml:2:1; a configuration is a single document")
    }
}
