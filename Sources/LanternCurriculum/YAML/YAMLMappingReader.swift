import Foundation
import LanternDiagnostics

/// Reads the keys of a YAML mapping as typed values, reporting every problem — unknown keys
/// (with a suggestion), missing required keys, values of the wrong type — at its position.
///
/// Each accessor reports its own problem and returns nil, so a caller can read all keys and
/// collect every mistake in one pass.
public struct YAMLMappingReader {
    /// What the mapping is, for messages: "module front matter", "certificate".
    public let context: String
    public let node: YAMLNode
    let engine: DiagnosticsEngine
    private let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    /// Reads `node` as a mapping whose allowed keys are `knownKeys`. Reports (and returns nil)
    /// when it is not a mapping; reports every key outside `knownKeys`.
    public init?(_ node: YAMLNode, context: String, knownKeys: [String], engine: DiagnosticsEngine) {
        self.context = context
        self.node = node
        self.engine = engine
        guard case .mapping(let pairs) = node.content else {
            if node.isNull {
                engine.error("expected-mapping", "\(context) is empty", at: node.location,
                             hint: "expected keys such as \(knownKeys.prefix(3).map { "'\($0):'" }.joined(separator: ", "))")
            } else {
                engine.error("wrong-type", "\(context) should be a set of 'key: value' lines, not \(node.kindDescription)",
                             at: node.location)
            }
            return nil
        }
        var entries: [(String, YAMLNode, YAMLNode)] = []
        for pair in pairs {
            guard let key = pair.key.scalar else {
                engine.error("wrong-type", "a key in \(context) must be a plain name", at: pair.key.location)
                continue
            }
            if !knownKeys.contains(key) {
                let suggestion = Suggestions.didYouMean(key, in: knownKeys)
                engine.error("unknown-key", "unknown key '\(key)' in \(context)", at: pair.key.location,
                             hint: suggestion ?? "allowed keys: \(knownKeys.joined(separator: ", "))")
            }
            entries.append((key, pair.key, pair.value))
        }
        self.entries = entries
    }

    /// The value for a key, if present (null values count as absent).
    public func value(_ key: String) -> YAMLNode? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return entry.value
    }

    /// Where a key was written, or the mapping itself when the key is absent.
    public func location(of key: String) -> SourceLocation {
        entries.first(where: { $0.key == key })?.keyNode.location ?? node.location
    }

    public func has(_ key: String) -> Bool { value(key) != nil }

    private func missing(_ key: String, required: Bool, example: String) {
        guard required else { return }
        let present = entries.contains { $0.key == key }
        engine.error("missing-key", present ? "'\(key)' in \(context) has no value" : "\(context) is missing the required key '\(key)'",
                     at: present ? location(of: key) : node.location, hint: "add a line such as '\(key): \(example)'")
    }

    private func wrongType(_ key: String, _ value: YAMLNode, expected: String) {
        engine.error("wrong-type", "'\(key)' should be \(expected), not \(value.kindDescription)", at: value.location)
    }

    /// A text value. Numbers and booleans are accepted as their text.
    public func string(_ key: String, required: Bool = false, example: String = "…") -> String? {
        guard let value = value(key) else {
            missing(key, required: required, example: example)
            return nil
        }
        guard let text = value.scalar else {
            wrongType(key, value, expected: "text")
            return nil
        }
        if required, text.allSatisfy(\.isWhitespace) {
            engine.error("missing-key", "'\(key)' in \(context) is blank", at: value.location, hint: "add a line such as '\(key): \(example)'")
            return nil
        }
        return text
    }

    /// A whole number within `range`.
    public func int(_ key: String, required: Bool = false, in range: ClosedRange<Int> = 0...Int.max, example: String = "1") -> Int? {
        guard let value = value(key) else {
            missing(key, required: required, example: example)
            return nil
        }
        guard let text = value.scalar, let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            engine.error("wrong-type", "'\(key)' should be a whole number, not '\(value.scalar ?? value.kindDescription)'",
                         at: value.location, hint: "for example '\(key): \(example)'")
            return nil
        }
        guard range.contains(number) else {
            let upper = range.upperBound == Int.max ? "" : " and at most \(range.upperBound)"
            engine.error("out-of-range", "'\(key)' must be at least \(range.lowerBound)\(upper), not \(number)", at: value.location)
            return nil
        }
        return number
    }

    /// `true` or `false`.
    public func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        switch value.scalar?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            engine.error("wrong-type", "'\(key)' should be true or false, not '\(value.scalar ?? value.kindDescription)'", at: value.location)
            return nil
        }
    }

    /// A list of text values, each with its position. A single value is accepted as a list of one.
    public func stringList(_ key: String, required: Bool = false, example: String = "[a, b]") -> [(String, SourceLocation)]? {
        guard let value = value(key) else {
            missing(key, required: required, example: example)
            return nil
        }
        switch value.content {
        case .scalar(let text, _):
            return [(text, value.location)]
        case .sequence(let items):
            var result: [(String, SourceLocation)] = []
            for item in items {
                guard let text = item.scalar else {
                    engine.error("wrong-type", "each entry of '\(key)' should be a single value, not \(item.kindDescription)",
                                 at: item.location)
                    continue
                }
                result.append((text, item.location))
            }
            return result
        case .mapping:
            wrongType(key, value, expected: "a list such as \(example)")
            return nil
        }
    }

    /// A nested mapping.
    public func mapping(_ key: String, context: String, knownKeys: [String], required: Bool = false) -> YAMLMappingReader? {
        guard let value = value(key) else {
            missing(key, required: required, example: "")
            return nil
        }
        return YAMLMappingReader(value, context: context, knownKeys: knownKeys, engine: engine)
    }

    /// The items of a list value.
    public func sequence(_ key: String, required: Bool = false) -> [YAMLNode]? {
        guard let value = value(key) else {
            missing(key, required: required, example: "[…]")
            return nil
        }
        guard case .sequence(let items) = value.content else {
            wrongType(key, value, expected: "a list")
            return nil
        }
        return items
    }
}
