import CancelLintCLI
import Foundation
import GoRules
import XCTest

/// SARIF output validated against the SARIF 2.1.0 JSON schema (the OASIS standard's own file,
/// copied into Resources/), with the validator in Support/.
final class SARIFSchemaTests: XCTestCase {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    private func validator() throws -> JSONSchemaValidator {
        let text = try String(contentsOf: Self.here.appendingPathComponent("Resources/sarif-schema-2.1.0.json"), encoding: .utf8)
        return JSONSchemaValidator(root: try JSONDocument.parse(text))
    }

    func testGoldenLogsAreValid() throws {
        let validator = try validator()
        for name in ["go.sarif", "scripted.sarif"] {
            let text = try String(contentsOf: Self.here.appendingPathComponent("Golden/\(name)"), encoding: .utf8)
            XCTAssertEqual(validator.errors(in: try JSONDocument.parse(text)), [], name)
        }
    }

    /// The examples with every registered rule, and a run whose named path is missing (which turns
    /// into a failed invocation with a notification).
    func testLiveLogsAreValid() throws {
        let validator = try validator()
        let root = ExampleGoldenTests.root.path
        for arguments in [["Examples"], ["Examples", "missing.go"]] {
            let result = runCommand(["--format", "sarif"] + arguments, in: root, frontEnds: defaultFrontEnds)
            let log = try JSONDocument.parse(result.stdout.text)
            XCTAssertEqual(validator.errors(in: log), [], "\(arguments)")
            let driverRules = log["runs"]?[0]?["tool"]?["driver"]?["rules"]?.arrayValue ?? []
            XCTAssertEqual(driverRules.compactMap { $0["id"]?.stringValue }, defaultFrontEnds.flatMap(\.rules).map(\.id),
                           "every rule is described, not only those that fired")
            for rule in driverRules {
                XCTAssertNotNil(rule["fullDescription"]?["text"]?.stringValue, "\(rule)")
                XCTAssertNotNil(rule["help"]?["markdown"]?.stringValue, "\(rule)")
            }
        }
        let failed = try JSONDocument.parse(runCommand(["--format", "sarif", "missing.go"], in: root,
                                                       frontEnds: defaultFrontEnds).stdout.text)
        XCTAssertEqual(failed["runs"]?[0]?["invocations"]?[0]?["executionSuccessful"], .bool(false))
    }

    /// The validator is only worth something if it rejects what the schema forbids.
    func testValidatorRejectsInvalidLogs() throws {
        let validator = try validator()
        let broken = """
            {"version": "2.0.0", "runs": [{"tool": {"driver": {"name": "x", "informationUri": "not a uri",
              "rules": [{"id": "a"}, {"id": "a"}]}},
              "results": [{"message": {"text": "m"}, "level": "fatal", "ruleIndex": -2, "unknown": true,
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 0}}}]},
                {"message": {}}],
              "columnKind": "bytes"}]}
            """
        XCTAssertEqual(validator.errors(in: try JSONDocument.parse(broken)), [
            "/runs/0/columnKind: string 'bytes' is not one of the allowed values",
            "/runs/0/results/0/level: string 'fatal' is not one of the allowed values",
            "/runs/0/results/0/locations/0/physicalLocation/region/startLine: 0.0 is less than the minimum 1.0",
            "/runs/0/results/0/ruleIndex: -2.0 is less than the minimum -1.0",
            "/runs/0/results/0/unknown: member not allowed here",
            "/runs/0/results/1/message: matches none of anyOf",
            "/runs/0/tool/driver/informationUri: 'not a uri' is not a valid uri",
            "/runs/0/tool/driver/rules/1: duplicate item",
            "/version: string '2.0.0' is not one of the allowed values",
        ])
        XCTAssertEqual(validator.errors(in: .object(["runs": .array([])])), [": missing required member version"])
        XCTAssertEqual(validator.errors(in: .array([])), [": expected object, found array"])
    }
}
