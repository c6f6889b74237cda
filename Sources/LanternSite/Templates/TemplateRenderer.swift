import Foundation
import LanternDiagnostics

/// Evaluates compiled templates against a `TemplateValue`: the context stack (a name is looked
/// up from the innermost context outwards, a dotted name's first key decides where, `.name`
/// only in the innermost), sections (a list repeats its body per element, `true` renders it in
/// place, any other value, even `""` or `0`, is pushed), inverted sections, partials with
/// their indentation, dynamic partials, parents and blocks, the content-type pragma,
/// transforms, and HTML escaping by grapheme cluster.
///
/// Nothing a template does can crash it: partials and parents nest at most
/// `maximumIncludeDepth` deep (a template that includes or inherits from itself without end
/// stops there) and a page at most `maximumOutput` bytes long; past either, rendering stops
/// with a `TemplateError` at the tag.
struct TemplateRenderer {
    /// Compiled templates by name, for partials and parents. A name that is not here renders
    /// nothing (as the Mustache spec says).
    let templates: [String: CompiledTemplate]

    private var stack: [TemplateValue] = []
    private var out = ""
    private var failure: TemplateError?
    private var depth = 0
    /// Whether `{{name}}` escapes HTML here (`{{%CONTENT_TYPE:TEXT}}` turns it off).
    private var escapesHTML = true
    /// The blocks the parents being rendered override, the outermost parent's first.
    private var overrides: [String: [TemplateNode]] = [:]

    /// Partials and parents nested deeper than this stop the page.
    static let maximumIncludeDepth = 64
    /// A page longer than this (in UTF-8 bytes) stops rendering: a template that doubles its
    /// output at every level of a recursive partial would otherwise fill the memory.
    static let maximumOutput = 64 << 20

    init(templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    /// Where the list being rendered is, for `first()`, `last()`, `index()`, `even()`, `odd()`.
    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// The rendering of `template` against `context`.
    mutating func render(_ template: CompiledTemplate, context: TemplateValue, capacity: Int = 0) throws(TemplateError) -> String {
        stack = [context]
        out = ""
        out.reserveCapacity(capacity)
        failure = nil
        depth = 0
        escapesHTML = true
        overrides = [:]
        render(template.joined, indentation: "", position: nil)
        stack = []
        if let failure { throw failure }
        return out
    }

    private mutating func render(_ nodes: [TemplateNode], indentation: String, position: Position?) {
        if indentation.isEmpty {
            // Through a buffer: nodes are borrowed, not copied (no retain per node).
            nodes.withUnsafeBufferPointer { nodes in
                for index in nodes.indices {
                    render(nodes[index], indentation: indentation, position: position)
                    if failure != nil { return }
                }
            }
            return
        }
        // A node that renders something right after a line break of this body's own output so
        // far gets the indentation first.
        let start = out.utf8.count
        for node in nodes {
            let before = out.utf8.count
            let atLineStart = Self.endsWithLineFeed(out.utf8, from: start, to: before)
            if atLineStart {
                var piece = ""
                swap(&piece, &out)
                render(node, indentation: indentation, position: position)
                swap(&piece, &out)
                if !piece.isEmpty {
                    out += indentation
                    out += piece
                }
            } else {
                render(node, indentation: indentation, position: position)
            }
            if failure != nil { return }
        }
    }

    /// Whether `utf8[from..<to]` ends with a `"\n"` that is a character by itself (not `"\r\n"`).
    private static func endsWithLineFeed(_ utf8: String.UTF8View, from: Int, to: Int) -> Bool {
        guard to > from else { return false }
        let last = utf8.index(utf8.startIndex, offsetBy: to - 1)
        guard utf8[last] == 0x0A else { return false }
        guard to - 1 > from else { return true }
        return utf8[utf8.index(before: last)] != 0x0D
    }

    private mutating func render(_ node: borrowing TemplateNode, indentation: String, position: Position?) {
        switch node {
        case .text(let text):
            out += text

        case .variable(let name, let escaped):
            guard let value = resolve(name, position: position) else { return }
            switch value {
            case .string(let text):
                if escaped && escapesHTML { HTMLText.append(text, to: &out) } else { out += text }
            case .int(let number): out += String(number)
            case .bool(let flag): out += flag ? "true" : "false"
            // A list or an object is not text: it prints nothing.
            case .list, .object: break
            }

        case .section(let name, let body):
            guard let value = resolve(name, position: position) else { return }
            let escapes = escapesHTML
            defer { escapesHTML = escapes }
            switch value {
            case .list(let items):
                guard !items.isEmpty else { return }
                var where_ = Position(first: true, last: false, index: 0)
                for (index, item) in items.enumerated() {
                    where_.first = index == 0
                    where_.last = index == items.count - 1
                    where_.index = index
                    stack.append(item)
                    render(body, indentation: indentation, position: where_)
                    stack.removeLast()
                    escapesHTML = escapes
                    if failure != nil { return }
                }
            case .bool(let flag):
                if flag { render(body, indentation: indentation, position: position) }
            default:
                stack.append(value)
                render(body, indentation: indentation, position: nil)
                stack.removeLast()
            }

        case .invertedSection(let name, let body):
            let escapes = escapesHTML
            defer { escapesHTML = escapes }
            guard let value = resolve(name, position: position) else {
                render(body, indentation: indentation, position: position)
                return
            }
            switch value {
            case .list(let items):
                guard items.isEmpty else { return }
                stack.append(value)
                render(body, indentation: indentation, position: nil)
                stack.removeLast()
            case .bool(let flag):
                if !flag { render(body, indentation: indentation, position: position) }
            default:
                return
            }

        case .partial(let include):
            var name = include.name
            if include.dynamic {
                guard case .string(let text)? = resolve(TemplateName(include.name, transforms: []), position: position) else { return }
                name = text
            }
            guard let partial = templates[name] else { return }
            guard depth < Self.maximumIncludeDepth else {
                failure = TemplateError(template: include.template, line: include.line, column: include.column,
                                        reason: "partials and parents nest more than \(Self.maximumIncludeDepth) levels deep here "
                                            + "(does '\(name)' include or inherit from itself?)")
                return
            }
            guard out.utf8.count <= Self.maximumOutput else {
                failure = TemplateError(template: include.template, line: include.line, column: include.column,
                                        reason: "the page grows past \(Self.maximumOutput >> 20) MiB here (a partial that repeats itself?)")
                return
            }
            depth += 1
            let savedOverrides = overrides
            let escapes = escapesHTML
            if let given = include.overrides {
                // The outermost parent's blocks win over those of a parent it inherits from.
                for (block, body) in given where overrides[block] == nil { overrides[block] = body }
            }
            escapesHTML = true
            let indentation = indentation + (include.indentation ?? "")
            render(indentation.isEmpty ? partial.joined : partial.nodes, indentation: indentation, position: nil)
            escapesHTML = escapes
            overrides = savedOverrides
            depth -= 1

        case .block(let name, let body, let extra):
            let indentation = indentation + (extra ?? "")
            render(overrides[name] ?? body, indentation: indentation, position: position)

        case .contentType(let escapes):
            escapesHTML = escapes

        case .definition:
            break
        }
    }

    // MARK: - Lookup

    private mutating func resolve(_ name: TemplateName, position: Position?) -> TemplateValue? {
        var value: TemplateValue
        switch name.start {
        case .sequence:
            guard let position else { return nil }
            return applySequence(name.transforms, position)
        case .top:
            guard let found = Self.walk(stack[stack.count - 1], name.keys[...]) else { return nil }
            value = found
        case .stack:
            guard let first = name.keys.first else {
                value = stack[stack.count - 1]
                break
            }
            var found: TemplateValue?
            var level = stack.count - 1
            while level >= 0 {
                if case .object(let object) = stack[level], let child = object[first] {
                    found = Self.walk(child, name.keys[1...])
                    break
                }
                level -= 1
            }
            guard let found else { return nil }
            value = found
        }
        for transform in name.transforms {
            guard let transformed = Self.apply(transform, to: value) else { return nil }
            value = transformed
        }
        return value
    }

    private static func walk(_ value: TemplateValue, _ keys: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for key in keys {
            guard case .object(let object) = value, let child = object[key] else { return nil }
            value = child
        }
        return value
    }

    /// `first()`, `last()`, `index()`, `even()`, `odd()` inside a list, then the rest of the chain.
    private func applySequence(_ transforms: [String], _ position: Position) -> TemplateValue? {
        guard let first = transforms.first else { return nil }
        var value: TemplateValue
        switch first {
        case "first": value = .bool(position.first)
        case "last": value = .bool(position.last)
        case "index": value = .int(position.index)
        case "even": value = .bool(position.index & 1 == 0)
        case "odd": value = .bool(position.index & 1 == 1)
        default: return nil
        }
        for transform in transforms.dropFirst() {
            guard let transformed = Self.apply(transform, to: value) else { return nil }
            value = transformed
        }
        return value
    }

    /// The transforms docs/templates.md lists; any other is missing (renders nothing).
    static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .string(let text):
            switch transform {
            case "empty": return .bool(text.isEmpty)
            case "capitalized": return .string(text.capitalized)
            case "lowercased": return .string(text.lowercased())
            case "uppercased": return .string(text.uppercased())
            case "reversed": return .string(String(text.reversed()))
            default: return nil
            }
        case .int(let number):
            switch transform {
            case "equalzero": return .bool(number == 0)
            case "plusone":
                let (sum, overflow) = number.addingReportingOverflow(1)
                return overflow ? nil : .int(sum)
            case "minusone":
                let (difference, overflow) = number.subtractingReportingOverflow(1)
                return overflow ? nil : .int(difference)
            case "even": return .bool(number & 1 == 0)
            case "odd": return .bool(number & 1 == 1)
            default: return nil
            }
        case .bool:
            return nil
        case .list(let items):
            switch transform {
            case "first": return items.first
            case "last": return items.last
            case "count": return .int(items.count)
            case "empty": return .bool(items.isEmpty)
            case "reversed": return .list(items.reversed())
            default: return nil
            }
        case .object(let object):
            switch transform {
            case "count": return .int(object.count)
            case "empty": return .bool(object.count == 0)
            default: return nil
            }
        }
    }
}

/// A template that could not be rendered: where (the template and the tag) and why.
struct TemplateError: Error, Sendable {
    let template: String
    let line: Int
    let column: Int
    let reason: String
}

