import Foundation

/// A JSON Schema (draft 4) validator covering every keyword the SARIF 2.1.0 schema uses:
/// `type` (one or several), `properties`, `required`, `additionalProperties` (false or a
/// schema), `items`, `minItems`, `uniqueItems`, `enum`, `minimum`, `maximum`, `pattern`,
/// `format` (`uri`, `uri-reference`, `date-time`), `anyOf`, `oneOf`, `allOf`, `not` and local
/// `$ref`s (`#/definitions/...`). Annotations (`description`, `default`, `title`) are ignored;
/// any other keyword makes validation fail loudly rather than pass silently.
struct JSONSchemaValidator {
    let root: JSONDocument
    static let annotations: Set<String> = ["description", "default", "title", "$schema", "id", "definitions"]
    static let supported: Set<String> = ["type", "properties", "required", "additionalProperties", "items", "minItems",
                                         "uniqueItems", "enum", "minimum", "maximum", "pattern", "format", "anyOf",
                                         "oneOf", "allOf", "not", "$ref"]

    /// Every violation, as `pointer: problem`; empty when `instance` is valid.
    func errors(in instance: JSONDocument) -> [String] {
        var errors: [String] = []
        validate(instance, against: root, at: "", errors: &errors)
        return errors
    }

    private func validate(_ instance: JSONDocument, against schema: JSONDocument, at pointer: String, errors: inout [String]) {
        guard case .object(let keywords) = schema else {
            errors.append("\(pointer): schema is not an object")
            return
        }
        for keyword in keywords.keys where !Self.supported.contains(keyword) && !Self.annotations.contains(keyword) {
            errors.append("\(pointer): unsupported schema keyword \(keyword)")
        }
        if let reference = keywords["$ref"]?.stringValue {
            guard let target = resolve(reference) else {
                errors.append("\(pointer): unresolvable $ref \(reference)")
                return
            }
            validate(instance, against: target, at: pointer, errors: &errors)
        }
        if let type = keywords["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            if !allowed.contains(where: { matches(instance, type: $0) }) {
                errors.append("\(pointer): expected \(allowed.joined(separator: " or ")), found \(describe(instance))")
            }
        }
        if let choices = keywords["enum"]?.arrayValue, !choices.contains(instance) {
            errors.append("\(pointer): \(describe(instance)) is not one of the allowed values")
        }
        switch instance {
        case .object(let members):
            validateObject(members, keywords, at: pointer, errors: &errors)
        case .array(let elements):
            if case .number(let minimum)? = keywords["minItems"], Double(elements.count) < minimum {
                errors.append("\(pointer): fewer than \(Int(minimum)) items")
            }
            if keywords["uniqueItems"] == .bool(true) {
                for (index, element) in elements.enumerated() where elements[..<index].contains(element) {
                    errors.append("\(pointer)/\(index): duplicate item")
                }
            }
            if let items = keywords["items"] {
                for (index, element) in elements.enumerated() {
                    validate(element, against: items, at: "\(pointer)/\(index)", errors: &errors)
                }
            }
        case .number(let value):
            if case .number(let minimum)? = keywords["minimum"], value < minimum {
                errors.append("\(pointer): \(value) is less than the minimum \(minimum)")
            }
            if case .number(let maximum)? = keywords["maximum"], value > maximum {
                errors.append("\(pointer): \(value) is more than the maximum \(maximum)")
            }
        case .string(let text):
            if let pattern = keywords["pattern"]?.stringValue, !text.matches(pattern) {
                errors.append("\(pointer): '\(text)' does not match \(pattern)")
            }
            if let format = keywords["format"]?.stringValue, !Self.isValid(text, format: format) {
                errors.append("\(pointer): '\(text)' is not a valid \(format)")
            }
        default:
            break
        }
        validateCombinations(instance, keywords, at: pointer, errors: &errors)
    }

    private func validateObject(_ members: [String: JSONDocument], _ keywords: [String: JSONDocument], at pointer: String,
                                errors: inout [String]) {
        for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            errors.append("\(pointer): missing required member \(name)")
        }
        let properties: [String: JSONDocument]
        if case .object(let declared)? = keywords["properties"] { properties = declared } else { properties = [:] }
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            let memberPointer = "\(pointer)/\(name)"
            if let property = properties[name] {
                validate(value, against: property, at: memberPointer, errors: &errors)
            } else if keywords["additionalProperties"] == .bool(false) {
                errors.append("\(memberPointer): member not allowed here")
            } else if let additional = keywords["additionalProperties"], case .object = additional {
                validate(value, against: additional, at: memberPointer, errors: &errors)
            }
        }
    }

    private func validateCombinations(_ instance: JSONDocument, _ keywords: [String: JSONDocument], at pointer: String,
                                      errors: inout [String]) {
        func passes(_ schema: JSONDocument) -> Bool {
            var scratch: [String] = []
            validate(instance, against: schema, at: pointer, errors: &scratch)
            return scratch.isEmpty
        }
        if let options = keywords["anyOf"]?.arrayValue, !options.contains(where: passes) {
            errors.append("\(pointer): matches none of anyOf")
        }
        if let options = keywords["oneOf"]?.arrayValue, options.filter(passes).count != 1 {
            errors.append("\(pointer): matches \(options.filter(passes).count) of oneOf, not exactly one")
        }
        for schema in keywords["allOf"]?.arrayValue ?? [] {
            validate(instance, against: schema, at: pointer, errors: &errors)
        }
        if let forbidden = keywords["not"], passes(forbidden) {
            errors.append("\(pointer): matches a schema it must not")
        }
    }

    private func resolve(_ reference: String) -> JSONDocument? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONDocument? = root
        for part in reference.dropFirst(2).split(separator: "/") {
            node = node?[String(part).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return node
    }

    private func matches(_ instance: JSONDocument, type: String) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
             ("object", .object):
            return true
        case ("integer", .number(let value)):
            return value.rounded() == value
        default:
            return false
        }
    }

    private func describe(_ instance: JSONDocument) -> String {
        switch instance {
        case .null: return "null"
        case .bool(let value): return "boolean \(value)"
        case .number(let value): return "number \(value)"
        case .string(let value): return "string '\(value)'"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// `uri` needs a scheme; `uri-reference` is checked leniently (anything URL parsing accepts,
    /// and no spaces); `date-time` is RFC 3339.
    static func isValid(_ text: String, format: String) -> Bool {
        switch format {
        case "uri":
            return text.matches("^[A-Za-z][A-Za-z0-9+.-]*:[^ ]*$") && URL(string: text) != nil
        case "uri-reference":
            return !text.contains(" ") && URL(string: text) != nil
        case "date-time":
            return text.matches(#"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#)
        default:
            return true
        }
    }
}

extension String {
    /// Whether the regular expression finds a match anywhere (JSON Schema patterns are not anchored).
    func matches(_ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: self, range: NSRange(startIndex..., in: self)) != nil
    }
}
