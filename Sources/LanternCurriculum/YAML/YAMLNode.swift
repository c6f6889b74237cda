import LanternDiagnostics
@preconcurrency import Yams

/// A YAML value with the place it was written, so every diagnostic can point at it.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// A scalar: its text and whether YAML reads it as null (`~`, `null`, or nothing).
        case scalar(String, isNull: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar text, or nil for sequences, mappings and null.
    public var scalar: String? {
        if case .scalar(let text, let isNull) = content, !isNull { return text }
        return nil
    }

    public var isNull: Bool {
        if case .scalar(_, true) = content { return true }
        return false
    }

    /// What kind of value this is, in words a trainer understands ("a list", "text").
    public var kindDescription: String {
        switch content {
        case .scalar(_, true): "nothing"
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a set of keys"
        }
    }

    /// Where `key` is written again at the same indentation after the first occurrence `mark`.
    static func repeatLocation(of key: String, after mark: Mark, in yaml: String, path: String, lineOffset: Int) -> SourceLocation? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let indent = mark.column - 1
        for number in (mark.line + 1)...max(mark.line + 1, lines.count) where number <= lines.count {
            let line = lines[number - 1]
            let leading = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(leading)
            if leading == indent, rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" {
                return SourceLocation(path: path, line: number + lineOffset, column: leading + 1)
            }
        }
        return nil
    }

    /// Parses YAML text. `firstLine` is the line the text starts at in its file.
    ///
    /// Syntax errors, duplicate keys and documents with too many nodes (alias bombs) are
    /// thrown at their position.
    public static func parse(_ yaml: String, path: String, firstLine: Int = 1) throws(LanternError) -> YAMLNode {
        let lineOffset = firstLine - 1
        func at(_ mark: Mark?) -> SourceLocation {
            SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }
        let hint = "check the indentation, that each key is followed by ': ', and quote text that contains ': ' or starts with a special character"
        let composed: Node?
        // The parser holds the anchors that nodes refer to weakly: keep it alive while converting.
        var parser: Parser?
        do {
            // The basic resolver (no regular expressions) and an explicit encoding keep this fast;
            // Lantern reads every value as text and decides types itself.
            parser = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            composed = try parser?.singleRoot()
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _):
                // The scanner notices a mistake late (often on the next line); where the token it
                // was scanning began is where the author went wrong.
                let detail = context.map { " \($0.text)" } ?? ""
                throw LanternError(.yamlSyntax, "YAML syntax error: \(problem)\(detail)", at: at(context?.mark ?? mark), hint: hint)
            case let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
                let detail = context.map { " \($0.text) that starts at line \($0.mark.line + lineOffset)" } ?? ""
                // An unclosed [list] or {mapping} is noticed on a later line; point at its start.
                let place = context.map { $0.text.contains("flow") ? $0.mark : mark } ?? mark
                throw LanternError(.yamlSyntax, "YAML syntax error: \(problem)\(detail)", at: at(place), hint: hint)
            case let .duplicatedKeysInMapping(duplicates, context):
                let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                // Yams points at the first occurrence; the mistake is the repeat.
                let first = at(context.mark)
                let repeated = duplicates.first.flatMap { repeatLocation(of: $0, after: context.mark, in: yaml, path: path, lineOffset: lineOffset) }
                throw LanternError(.duplicateKey, "duplicate key \(names)\(repeated != nil ? " (first at line \(first.line))" : "")",
                                   at: repeated ?? first, hint: "each key may appear only once; remove or merge the repeats")
            case let .reader(problem, offset, _, yaml):
                throw LanternError(.yamlSyntax, "YAML cannot read this text: \(problem)",
                                   at: location(ofOffset: offset ?? 0, in: yaml, path: path, lineOffset: lineOffset),
                                   hint: "remove control characters from the front matter")
            default:
                throw LanternError(.yamlSyntax, "YAML error: \(error)", at: at(nil), hint: hint)
            }
        } catch {
            throw LanternError(.yamlSyntax, "YAML error: \(error)", at: at(nil), hint: hint)
        }
        guard let composed else {
            return YAMLNode(.scalar("", isNull: true), at: SourceLocation(path: path, line: firstLine, column: 1))
        }
        var budget = 20_000
        defer { withExtendedLifetime(parser) {} }
        return try convert(composed, path: path, lineOffset: lineOffset, budget: &budget)
    }

    private static func convert(_ node: Node, path: String, lineOffset: Int, budget: inout Int) throws(LanternError) -> YAMLNode {
        budget -= 1
        let location = SourceLocation(path: path, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        guard budget >= 0 else {
            throw LanternError(.yamlTooLarge, "the YAML has too many values (more than 20,000, perhaps through aliases)",
                               at: location, hint: "front matter and settings are small; remove the aliases or the extra data")
        }
        // Yams resolves each alias to its anchored node, so refuse the anchor itself: anchors
        // exist only to be aliased (and aliases are how "billion laughs" documents grow).
        if node.anchor != nil {
            throw LanternError(.yamlAlias, "YAML anchors and aliases (&name, *name) are not supported here", at: location,
                               hint: "write the value out in full")
        }
        switch node {
        case .scalar(let scalar):
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            return YAMLNode(.scalar(scalar.string, isNull: isNull), at: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, path: path, lineOffset: lineOffset, budget: &budget)) }
            return YAMLNode(.sequence(items), at: location)
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            for (key, value) in mapping {
                pairs.append((try convert(key, path: path, lineOffset: lineOffset, budget: &budget),
                              try convert(value, path: path, lineOffset: lineOffset, budget: &budget)))
            }
            return YAMLNode(.mapping(pairs), at: location)
        case .alias:
            throw LanternError(.yamlAlias, "YAML aliases (*name) are not supported here", at: location,
                               hint: "write the value out in full")
        }
    }

    private static func location(ofOffset offset: Int, in text: String, path: String, lineOffset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index >= offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(path: path, line: line + lineOffset, column: column)
    }
}
