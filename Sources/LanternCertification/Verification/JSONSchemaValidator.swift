import Foundation
import LanternDiagnostics

/// Validates JSON against a JSON Schema (draft 2019-09), for the keywords the Open Badges 3.0
/// schemas use: `type`, `enum`, `const`, `properties`, `required`, `additionalProperties`,
/// `items` (schema or tuple), `additionalItems`, `minItems`, `contains`, `pattern`, `format`
/// (`date-time`, `date`), `oneOf`, `anyOf`, `allOf`, `not` and local `$ref`s. Annotations
/// (`title`, `description`, `$comment`, `default`, `examples`, …) are ignored as the
/// specification allows. Any other keyword — an assertion this validator does not implement,
/// such as `maxLength` — is listed in ``unsupportedKeywords`` and the verifier then refuses to
/// call the schema checked (fails closed) rather than skip it silently.
public struct JSONSchemaValidator: Sendable {
    /// One failure: where in the instance (a JSON Pointer) and why.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var pointer: String
        public var message: String
        public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message)" }
    }

    public let schema: JSONValue
    private let patterns: [String: NSRegularExpressionBox]
    /// Keywords in the schema that are neither implemented here nor annotations.
    public let unsupportedKeywords: Set<String>

    /// The keywords ``check`` applies.
    static let implemented: Set<String> = [
        "type", "enum", "const", "properties", "required", "additionalProperties", "items", "additionalItems",
        "minItems", "contains", "pattern", "format", "oneOf", "anyOf", "allOf", "not", "$ref",
    ]
    /// Annotations and structure that assert nothing about an instance.
    static let annotations: Set<String> = [
        "$schema", "$id", "$defs", "definitions", "$comment", "$anchor", "$vocabulary", "title", "description",
        "default", "examples", "readOnly", "writeOnly", "deprecated", "contentMediaType", "contentEncoding",
    ]

    public init(schema: JSONValue) {
        self.schema = schema
        var patterns: [String: NSRegularExpressionBox] = [:]
        Self.collectPatterns(schema, into: &patterns)
        self.patterns = patterns
        var unsupported: Set<String> = []
        Self.collectUnsupported(schema, into: &unsupported)
        unsupportedKeywords = unsupported
    }

    private static func collectUnsupported(_ node: JSONValue, into unsupported: inout Set<String>) {
        switch node {
        case .object(let object):
            for member in object {
                switch member.key {
                case "properties", "$defs", "definitions":
                    for sub in member.value.objectValue ?? JSONObject() { collectUnsupported(sub.value, into: &unsupported) }
                case "enum", "const", "default", "examples", "required", "type", "pattern", "format", "$ref", "minItems":
                    break
                case "items", "allOf", "anyOf", "oneOf", "not", "additionalProperties", "additionalItems", "contains":
                    collectUnsupported(member.value, into: &unsupported)
                default:
                    if !implemented.contains(member.key) && !annotations.contains(member.key) { unsupported.insert(member.key) }
                }
            }
        case .array(let values):
            for value in values { collectUnsupported(value, into: &unsupported) }
        default: break
        }
    }

    /// Reads a schema file.
    public init(contentsOf url: URL) throws(LanternError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LanternError(.schemaUnreadable, "cannot read the schema \(url.path)")
        }
        self.init(schema: try JSONParser.parse(text, path: url.path))
    }

    /// Every failure; empty when the instance is valid.
    public func validate(_ instance: JSONValue) -> [Failure] {
        var failures: [Failure] = []
        check(instance, against: schema, pointer: "", failures: &failures, depth: 0)
        return failures
    }

    private static func collectPatterns(_ node: JSONValue, into patterns: inout [String: NSRegularExpressionBox]) {
        switch node {
        case .object(let object):
            if let pattern = object["pattern"]?.stringValue, patterns[pattern] == nil,
               let regex = try? NSRegularExpression(pattern: pattern) {
                patterns[pattern] = NSRegularExpressionBox(regex: regex)
            }
            for member in object { collectPatterns(member.value, into: &patterns) }
        case .array(let values):
            for value in values { collectPatterns(value, into: &patterns) }
        default: break
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var node = schema
        for part in reference.dropFirst().split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let index = Int(key), let array = node.arrayValue, index < array.count {
                node = array[index]
            } else if let next = node[key] {
                node = next
            } else {
                return nil
            }
        }
        return node
    }

    private func isValid(_ instance: JSONValue, against schema: JSONValue, pointer: String, depth: Int) -> Bool {
        var failures: [Failure] = []
        check(instance, against: schema, pointer: pointer, failures: &failures, depth: depth)
        return failures.isEmpty
    }

    private func typeMatches(_ instance: JSONValue, _ type: String) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("integer", .int): return true
        case ("integer", .double(let value)): return value == value.rounded()
        case ("number", .int), ("number", .double): return true
        default: return false
        }
    }

    private func check(_ instance: JSONValue, against schema: JSONValue, pointer: String, failures: inout [Failure], depth: Int) {
        if case .bool(let allowed) = schema {
            if !allowed { failures.append(Failure(pointer: pointer, message: "not allowed here")) }
            return
        }
        guard let keywords = schema.objectValue, depth < 128 else { return }
        if let reference = keywords["$ref"]?.stringValue {
            if let target = resolve(reference) {
                check(instance, against: target, pointer: pointer, failures: &failures, depth: depth + 1)
            } else {
                failures.append(Failure(pointer: pointer, message: "schema reference \(reference) cannot be resolved"))
            }
        }
        if let type = keywords["type"] {
            let types = type.stringsValue ?? []
            if !types.contains(where: { typeMatches(instance, $0) }) {
                failures.append(Failure(pointer: pointer, message: "expected \(types.joined(separator: " or "))"))
                return
            }
        }
        if let options = keywords["enum"]?.arrayValue, !options.contains(instance) {
            let shown = options.prefix(5).map(\.serialized).joined(separator: ", ")
            failures.append(Failure(pointer: pointer, message: "must be one of \(shown)\(options.count > 5 ? ", …" : "")"))
        }
        if let constant = keywords["const"], constant != instance {
            failures.append(Failure(pointer: pointer, message: "must be \(constant.serialized)"))
        }
        if let all = keywords["allOf"]?.arrayValue {
            for sub in all { check(instance, against: sub, pointer: pointer, failures: &failures, depth: depth + 1) }
        }
        if let any = keywords["anyOf"]?.arrayValue, !any.contains(where: { isValid(instance, against: $0, pointer: pointer, depth: depth + 1) }) {
            failures.append(Failure(pointer: pointer, message: "matches none of the allowed forms (anyOf)"))
        }
        if let one = keywords["oneOf"]?.arrayValue {
            let matches = one.filter { isValid(instance, against: $0, pointer: pointer, depth: depth + 1) }.count
            if matches != 1 {
                failures.append(Failure(pointer: pointer, message: matches == 0 ? "matches none of the allowed forms (oneOf)" : "matches more than one of the allowed forms (oneOf)"))
            }
        }
        if let not = keywords["not"], isValid(instance, against: not, pointer: pointer, depth: depth + 1) {
            failures.append(Failure(pointer: pointer, message: "matches a form that is not allowed"))
        }
        switch instance {
        case .string(let text):
            if let pattern = keywords["pattern"]?.stringValue, let regex = patterns[pattern]?.regex {
                let range = NSRange(text.startIndex..., in: text)
                if regex.firstMatch(in: text, range: range) == nil {
                    failures.append(Failure(pointer: pointer, message: "does not match the pattern \(pattern)"))
                }
            }
            switch keywords["format"]?.stringValue {
            case "date-time"?:
                if CredentialDate.parse(text) == nil { failures.append(Failure(pointer: pointer, message: "is not a date-time with a time zone")) }
            case "date"?:
                if CredentialDate.parseDay(text) == nil { failures.append(Failure(pointer: pointer, message: "is not a date (yyyy-mm-dd)")) }
            default: break
            }
        case .array(let values):
            if let minimum = keywords["minItems"]?.intValue, values.count < minimum {
                failures.append(Failure(pointer: pointer, message: "needs at least \(minimum) item\(minimum == 1 ? "" : "s")"))
            }
            if let contains = keywords["contains"],
               !values.enumerated().contains(where: { isValid($0.element, against: contains, pointer: pointer + "/\($0.offset)", depth: depth + 1) }) {
                let wanted = contains["enum"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " or ") ?? "an allowed item"
                failures.append(Failure(pointer: pointer, message: "must contain \(wanted)"))
            }
            if let tuple = keywords["items"]?.arrayValue {
                for (index, value) in values.enumerated() {
                    if index < tuple.count {
                        check(value, against: tuple[index], pointer: pointer + "/\(index)", failures: &failures, depth: depth + 1)
                    } else if let additional = keywords["additionalItems"] {
                        check(value, against: additional, pointer: pointer + "/\(index)", failures: &failures, depth: depth + 1)
                    }
                }
            } else if let items = keywords["items"] {
                for (index, value) in values.enumerated() {
                    check(value, against: items, pointer: pointer + "/\(index)", failures: &failures, depth: depth + 1)
                }
            }
        case .object(let object):
            for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
                failures.append(Failure(pointer: pointer, message: "missing required member '\(name)'"))
            }
            let properties = keywords["properties"]?.objectValue
            for member in object {
                let memberPointer = pointer + "/" + member.key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                if let propertySchema = properties?[member.key] {
                    check(member.value, against: propertySchema, pointer: memberPointer, failures: &failures, depth: depth + 1)
                } else if let additional = keywords["additionalProperties"] {
                    if case .bool(false) = additional {
                        failures.append(Failure(pointer: memberPointer, message: "member '\(member.key)' is not allowed"))
                    } else {
                        check(member.value, against: additional, pointer: memberPointer, failures: &failures, depth: depth + 1)
                    }
                }
            }
        default: break
        }
    }
}

/// `NSRegularExpression` is immutable and thread-safe; the box says so to the compiler.
struct NSRegularExpressionBox: @unchecked Sendable {
    let regex: NSRegularExpression
}
