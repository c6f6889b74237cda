/// A Mustache template compiled once into a tree of nodes that `TemplateRenderer` evaluates
/// against a `TemplateValue`: Lantern's one template engine.
///
/// Why it is hand-written, not a package: every page of a 1,000-module site is rendered on
/// every full build, and the packages available (swift-mustache, Stencil, Leaf) look values up
/// by dynamic casts on `[String: Any]` — swift-mustache was 27–30 % of the build's time. Their
/// failures are not ours to shape either: swift-mustache recursed until the stack overflowed on
/// a template that inherits from itself (a content author could crash `lantern build`). Here
/// the context is typed (`TemplateValue`), templates are parsed once, nesting and output size
/// are bounded, and every problem is a `TemplateError` at the template's line and column.
///
/// The reading rules are those of the Mustache spec and of swift-mustache 2.1.1, whose parser
/// this began as a port of (Apache-2.0, © the Hummingbird authors): standalone lines, partial
/// indentation, set delimiters, comments, sections, inverted sections, partials, dynamic
/// partials (`{{>*name}}`), inheritance (`{{<parent}}` with `{{$block}}` overrides), the
/// `CONTENT_TYPE` pragma (`{{%CONTENT_TYPE:TEXT}}`), dotted names and transforms
/// (`{{uppercased(name)}}`, `{{plusone(index())}}`). docs/templates.md is the reference.
struct CompiledTemplate: Sendable {
    /// One text node per line: what an indented partial renders.
    let nodes: [TemplateNode]
    /// The same with neighbouring texts joined: what the template renders without indentation.
    let joined: [TemplateNode]

    /// Deeper nesting of sections and blocks in one template than this is refused.
    static let maximumNesting = 100

    /// Reads a whole template.
    ///
    /// - Parameter name: the template's name, kept in its partial and parent tags so that an
    ///   error while rendering them says where they are.
    init(_ text: String, name: String = "") throws(TemplateSyntaxError) {
        var scanner = TemplateScanner(text)
        do {
            nodes = try Self.parse(&scanner, state: ParserState(template: name))
        } catch let error as ParseError {
            let (line, column) = Self.lineAndColumn(text, scanner.position)
            throw TemplateSyntaxError(reason: error.reason, line: line, column: column)
        } catch {
            throw TemplateSyntaxError(reason: "\(error)", line: 1, column: 1)
        }
        joined = Self.join(nodes)
    }

    static func join(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var joined: [TemplateNode] = []
        for node in nodes {
            switch node {
            case .text(let text):
                if case .text(let previous)? = joined.last {
                    joined[joined.count - 1] = .text(previous + text)
                } else {
                    joined.append(node)
                }
            case .section(let name, let body): joined.append(.section(name, join(body)))
            case .invertedSection(let name, let body): joined.append(.invertedSection(name, join(body)))
            // Blocks and the overrides of a parent keep their lines: they may be rendered indented.
            case .variable, .partial, .block, .contentType, .definition: joined.append(node)
            }
        }
        return joined
    }
}

/// A template that does not parse: why, and where (from 1).
struct TemplateSyntaxError: Error, Sendable {
    let reason: String
    let line: Int
    let column: Int
}

/// One piece of a compiled template. Sections keep their body as its own list: a section's
/// body is rendered as a template of its own, which matters for partial indentation.
indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// A partial (`{{>name}}`, `{{>*name}}`) or a parent with its overrides (`{{<name}}…{{/name}}`).
    case partial(TemplateInclude)
    /// `{{$name}}default{{/name}}` outside a parent: the override for `name`, else the default.
    /// `indentation` when the tag stands alone on its line.
    case block(String, [TemplateNode], indentation: String?)
    /// `{{%CONTENT_TYPE:TEXT}}` (no escaping from here on in this template) or `:HTML`.
    case contentType(escapesHTML: Bool)
    /// A block defined inside a parent tag (only while parsing it; never rendered).
    case definition(String, [TemplateNode])
}

/// A partial or parent tag.
struct TemplateInclude: Sendable {
    /// The template's name, or for a dynamic tag the context name that holds it.
    let name: String
    let dynamic: Bool
    /// The whitespace before the tag when it stands alone on its line.
    let indentation: String?
    /// For a parent (`{{<name}}`): the blocks it overrides, by name. Nil for a partial.
    let overrides: [String: [TemplateNode]]?
    /// Where the tag is, for errors while rendering it.
    let template: String
    let line: Int
    let column: Int
}

/// A tag's name, resolved once: where the lookup starts, the keys, and the transforms to apply
/// (innermost first).
struct TemplateName: Sendable {
    enum Start: Sendable {
        /// The first key is looked up from the innermost context outwards (`name`, `a.b`).
        case stack
        /// The keys start at the innermost context (`.`, `.name`).
        case top
        /// The position in the list being rendered (`first()`, `index()`).
        case sequence
    }

    let start: Start
    let keys: [String]
    let transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms.reversed()
        if name == "." {
            start = .top
            keys = []
        } else if name.isEmpty, !transforms.isEmpty {
            start = .sequence
            keys = []
        } else {
            start = name.first == "." ? .top : .stack
            keys = name.split(separator: ".").map(String.init)
        }
    }
}

// MARK: - Parser

extension CompiledTemplate {
    enum ParseError: Error {
        case sectionCloseNameIncorrect(expected: String?, found: String)
        case unfinishedName, expectedSectionEnd(String), invalidSetDelimiter, overflow
        case illegalTokenInsideInheritSection, transformAppliedToInheritanceSection, invalidConfigVariableSyntax
        case unknownPragma(String), tooDeep

        var reason: String {
            switch self {
            case .sectionCloseNameIncorrect(let expected?, let found):
                "{{/\(found)}} closes a section, but the open one is '\(expected)'"
            case .sectionCloseNameIncorrect(nil, let found): "{{/\(found)}} closes a section that was never opened"
            case .unfinishedName: "a tag is not finished, or its name has a character a name cannot have"
            case .expectedSectionEnd(let name): "the section '\(name)' is never closed"
            case .invalidSetDelimiter: "a set-delimiter tag must be like {{=<% %>=}}"
            case .overflow: "the template ends inside a tag"
            case .illegalTokenInsideInheritSection: "inside {{<parent}} … {{/parent}} only {{$block}} overrides (and text, ignored) may appear"
            case .transformAppliedToInheritanceSection: "a block name cannot have a transform"
            case .invalidConfigVariableSyntax: "a pragma must be like {{%CONTENT_TYPE:TEXT}}"
            case .unknownPragma(let text): "unknown pragma '\(text)': Lantern knows CONTENT_TYPE:TEXT and CONTENT_TYPE:HTML"
            case .tooDeep: "sections and blocks nest deeper than \(CompiledTemplate.maximumNesting) levels"
            }
        }
    }

    struct ParserState {
        /// The template's name (kept in include tags, for errors).
        var template = ""
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: Substring?
        var depth = 0

        init(template: String) {
            self.template = template
        }

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> ParserState {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            state.depth += 1
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> ParserState {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            state.depth += 1
            return state
        }
    }

    /// Line and column (from 1) of a position.
    static func lineAndColumn(_ text: String, _ position: String.Index) -> (Int, Int) {
        let before = text[..<position]
        let line = before.filter(\.isNewline).count + 1
        let lineStart = before.lastIndex(where: \.isNewline).map { before.index(after: $0) } ?? before.startIndex
        return (line, before.distance(from: lineStart, to: before.endIndex) + 1)
    }

    private static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    private static let spaceOrTab = Set<Character>(" \t")

    static func parse(_ parser: inout TemplateScanner, state: ParserState) throws -> [TemplateNode] {
        guard state.depth <= maximumNesting else { throw ParseError.tooDeep }
        var nodes: [TemplateNode] = []
        var state = state
        var whiteSpaceBefore: Substring = ""
        while !parser.reachedEnd() {
            if state.newLine {
                let whiteSpace = parser.read(whileIn: spaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent.count)
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(&parser, state: state)
            if parser.current().isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(parser.current())))
                state.newLine = true
                parser.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if parser.reachedEnd() { break }
            // Where the tag starts (its start delimiter has been read), for errors while rendering.
            let tagStart = parser.position
            var setNewLine = false
            switch parser.current() {
            case "#", "^":
                let inverted = parser.current() == "^"
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let body = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                let resolved = TemplateName(name, transforms: transforms)
                nodes.append(inverted ? .invertedSection(resolved, body) : .section(resolved, body))

            case "/":
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw ParseError.sectionCloseNameIncorrect(expected: state.sectionName, found: name)
                }
                if isStandalone(&parser, state: state) {
                    // The line state after a section is the opening tag's.
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                return nodes

            case "!":
                parser.advance()
                _ = try parser.read(untilString: state.endDelimiter)
                setNewLine = isStandalone(&parser, state: state)

            case "{", "&":
                let triple = parser.current() == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                if triple {
                    guard try parser.read("}") else { throw ParseError.unfinishedName }
                }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))

            case ">":
                parser.advance()
                parser.read(while: \.isWhitespace)
                var dynamic = false
                if parser.current() == "*" {
                    parser.advance()
                    dynamic = true
                }
                let name = try parsePartialName(&parser, state: state)
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                }
                var indentation: String?
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                    indentation = String(whiteSpaceBefore)
                }
                let (tagLine, tagColumn) = lineAndColumn(parser.buffer, tagStart)
                nodes.append(.partial(TemplateInclude(name: name, dynamic: dynamic, indentation: indentation, overrides: nil,
                                                      template: state.template, line: tagLine, column: max(1, tagColumn - state.startDelimiter.count))))
                whiteSpaceBefore = ""

            case "<":
                parser.advance()
                parser.read(while: \.isWhitespace)
                let sectionName = try parsePartialName(&parser, state: state)
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                }
                let inside = try parse(&parser, state: state.withInheritancePartial(sectionName))
                var overrides: [String: [TemplateNode]] = [:]
                for node in inside {
                    switch node {
                    case .text: break
                    case .definition(let name, let body): overrides[name] = body
                    default: throw ParseError.illegalTokenInsideInheritSection
                    }
                }
                let dynamic = sectionName.first == "*"
                let (tagLine, tagColumn) = lineAndColumn(parser.buffer, tagStart)
                nodes.append(.partial(TemplateInclude(name: dynamic ? String(sectionName.dropFirst()) : sectionName, dynamic: dynamic,
                                                      indentation: String(whiteSpaceBefore), overrides: overrides,
                                                      template: state.template, line: tagLine, column: max(1, tagColumn - state.startDelimiter.count))))
                whiteSpaceBefore = ""

            case "$":
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                guard transforms.isEmpty else { throw ParseError.transformAppliedToInheritanceSection }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&parser, state: state) {
                        setNewLine = true
                    }
                    let body = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.definition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        nodes.append(.text(String(whiteSpaceBefore)))
                    }
                    if isStandalone(&parser, state: state) {
                        setNewLine = true
                    }
                    let body = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name, body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }

            case "=":
                parser.advance()
                state = try parseSetDelimiter(&parser, state: state)
                setNewLine = isStandalone(&parser, state: state)

            case "%":
                parser.advance()
                nodes.append(try parseConfigVariable(&parser, state: state))
                setNewLine = isStandalone(&parser, state: state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let (name, transforms) = try parseName(&parser, state: state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw ParseError.expectedSectionEnd(open) }
        return nodes
    }

    /// Reads up to a tag (consuming its start delimiter) or a line break (not consumed).
    static func readUntilDelimiterOrNewline(_ parser: inout TemplateScanner, state: ParserState) throws -> String {
        guard let first = state.startDelimiter.first else { return "" }
        let until: Set<Character> = ["\n", "\r\n", first]
        var total = ""
        while !parser.reachedEnd() {
            total += parser.read(untilIn: until)
            if parser.current().isNewline {
                break
            } else if parser.current() == first {
                if try parser.read(string: state.startDelimiter) { break }
                total += String(first)
                parser.advance()
            }
        }
        return total
    }

    static func parseName(_ parser: inout TemplateScanner, state: ParserState) throws -> (String, [String]) {
        parser.read(while: \.isWhitespace)
        let text = String(parser.read(whileIn: nameCharacters))
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: state.endDelimiter) else { throw ParseError.unfinishedName }

        var nameParser = TemplateScanner(text)
        let first = nameParser.read(whileIn: nameCharactersWithoutBrackets)
        if nameParser.reachedEnd() { return (text, []) }
        guard nameParser.current() == "(" else { throw ParseError.unfinishedName }
        nameParser.advance()
        var transforms: [Substring] = [first]
        while true {
            let name = nameParser.read(whileIn: nameCharactersWithoutBrackets)
            switch nameParser.current() {
            case ")":
                nameParser.advance()
                guard nameParser.read(whileEqual: ")") + 1 == transforms.count, nameParser.reachedEnd() else {
                    throw ParseError.unfinishedName
                }
                return (String(name), transforms.map(String.init))
            case "(":
                nameParser.advance()
                transforms.append(name)
            default:
                throw ParseError.unfinishedName
            }
        }
    }

    static func parsePartialName(_ parser: inout TemplateScanner, state: ParserState) throws -> String {
        parser.read(while: \.isWhitespace)
        let text = String(parser.read(whileIn: partialNameCharacters))
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: state.endDelimiter) else { throw ParseError.unfinishedName }
        return text
    }

    static func parseSetDelimiter(_ parser: inout TemplateScanner, state: ParserState) throws -> ParserState {
        let start: Substring
        let end: Substring
        do {
            parser.read(while: \.isWhitespace)
            start = try parser.read(until: \.isWhitespace)
            parser.read(while: \.isWhitespace)
            end = try parser.read(until: { $0 == "=" || $0.isWhitespace })
            parser.read(while: \.isWhitespace)
        } catch {
            throw ParseError.invalidSetDelimiter
        }
        guard try parser.read("=") else { throw ParseError.invalidSetDelimiter }
        guard try parser.read(string: state.endDelimiter) else { throw ParseError.invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw ParseError.invalidSetDelimiter }
        var state = state
        state.startDelimiter = String(start)
        state.endDelimiter = String(end)
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// `{{%CONTENT_TYPE:TEXT}}` or `{{%CONTENT_TYPE:HTML}}`; any other pragma is an error.
    static func parseConfigVariable(_ parser: inout TemplateScanner, state: ParserState) throws -> TemplateNode {
        let variable: Substring
        let value: Substring
        do {
            parser.read(while: \.isWhitespace)
            variable = parser.read(whileIn: nameCharactersWithoutBrackets)
            parser.read(while: \.isWhitespace)
            guard try parser.read(":") else { throw ParseError.invalidConfigVariableSyntax }
            parser.read(while: \.isWhitespace)
            value = parser.read(whileIn: nameCharactersWithoutBrackets)
            parser.read(while: \.isWhitespace)
            guard try parser.read(string: state.endDelimiter), !variable.isEmpty, !value.isEmpty else {
                throw ParseError.invalidConfigVariableSyntax
            }
        } catch {
            throw ParseError.invalidConfigVariableSyntax
        }
        switch (variable, value) {
        case ("CONTENT_TYPE", "TEXT"): return .contentType(escapesHTML: false)
        case ("CONTENT_TYPE", "HTML"): return .contentType(escapesHTML: true)
        default: throw ParseError.unknownPragma("\(variable):\(value)")
        }
    }

    /// The rest of the line is blank: consumes it with its line break.
    static func hasLineFinished(_ parser: inout TemplateScanner) -> Bool {
        if parser.reachedEnd() { return true }
        var copy = parser
        copy.read(whileIn: spaceOrTab)
        if copy.current().isNewline {
            copy.advance()
            parser = copy
            return true
        }
        return false
    }

    static func isStandalone(_ parser: inout TemplateScanner, state: ParserState) -> Bool {
        state.newLine && hasLineFinished(&parser)
    }
}

/// The template reader: Characters (grapheme clusters) of a string, `"\0"` past the end.
struct TemplateScanner {
    let buffer: String
    private(set) var position: String.Index

    init(_ text: String) {
        buffer = text
        position = text.startIndex
    }

    func reachedEnd() -> Bool { position == buffer.endIndex }

    func current() -> Character { reachedEnd() ? "\0" : buffer[position] }

    mutating func advance() { position = buffer.index(after: position) }

    @discardableResult
    mutating func read(whileIn set: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd(), set.contains(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    @discardableResult
    mutating func read(while predicate: (Character) -> Bool) -> Substring {
        let start = position
        while !reachedEnd(), predicate(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    mutating func read(whileEqual character: Character) -> Int {
        var count = 0
        while !reachedEnd(), buffer[position] == character {
            advance()
            count += 1
        }
        return count
    }

    /// Up to a character of `set` (not consumed) or the end.
    mutating func read(untilIn set: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd(), !set.contains(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    /// Up to a character for which `predicate` holds; throws (position unchanged) at the end.
    mutating func read(until predicate: (Character) -> Bool) throws -> Substring {
        let start = position
        while !reachedEnd() {
            if predicate(buffer[position]) { return buffer[start..<position] }
            advance()
        }
        position = start
        throw CompiledTemplate.ParseError.overflow
    }

    /// Consumes `character` when it is next; throws at the end.
    mutating func read(_ character: Character) throws -> Bool {
        guard !reachedEnd() else { throw CompiledTemplate.ParseError.overflow }
        guard buffer[position] == character else { return false }
        advance()
        return true
    }

    /// Consumes `string` when it comes next; throws when fewer characters remain than it has.
    mutating func read(string: String) throws -> Bool {
        let count = string.count
        guard count > 0 else { return true }
        guard let end = buffer.index(position, offsetBy: count, limitedBy: buffer.endIndex) else {
            throw CompiledTemplate.ParseError.overflow
        }
        guard buffer[position..<end] == string else { return false }
        position = end
        return true
    }

    /// Skips past the first `string` (no backtracking); throws when there is none.
    mutating func read(untilString string: String) throws -> Substring {
        guard !string.isEmpty else { return "" }
        let start = position
        var found = position
        var index = string.startIndex
        while !reachedEnd() {
            if buffer[position] == string[index] {
                if index == string.startIndex { found = position }
                index = string.index(after: index)
                if index == string.endIndex {
                    advance()
                    return buffer[start..<found]
                }
            } else {
                index = string.startIndex
            }
            advance()
        }
        position = start
        throw CompiledTemplate.ParseError.overflow
    }
}
