/// A Mustache template compiled once into a tree of nodes that `TemplateRenderer` evaluates
/// against a `TemplateValue`, with swift-mustache's output byte for byte.
///
/// The compiler reads templates with swift-mustache 2.1.1's own rules (its parser, ported
/// here: Apache-2.0, © the Hummingbird authors), quirks included, so text, standalone lines and
/// partial indentation split exactly where swift-mustache splits them. What it does not support
/// makes `compile` throw, and the template is then rendered by swift-mustache itself:
/// inheritance (`{{<parent}}`, `{{$block}}`), dynamic partials (`{{>*name}}`) and pragmas
/// (`{{%CONTENT_TYPE:TEXT}}`). Set delimiters, comments, partials, dotted names and transforms
/// (`{{uppercased(name)}}`, `{{plusone(index())}}`) are compiled.
struct CompiledTemplate: Sendable {
    /// swift-mustache's tokens, one text node per line: what an indented partial renders.
    let nodes: [TemplateNode]
    /// The same with neighbouring texts joined: what the template renders without indentation.
    let joined: [TemplateNode]
    /// The partials the template names, at any depth.
    let partials: Set<String>

    /// Thrown for a template the compiler leaves to swift-mustache.
    struct Unsupported: Error, Sendable {
        let reason: String
    }

    /// Thrown for a template on which swift-mustache's parser would crash (a section closed
    /// right where it opens, with a one-character delimiter: `{{=| |=}}|#a||/a|`).
    struct WouldCrash: Error, Sendable {
        let line: Int
        let column: Int
    }

    /// Reads the whole template as swift-mustache does; throws `Unsupported` only at the end,
    /// so that `WouldCrash` is found anywhere in it.
    init(_ text: String) throws {
        var scanner = TemplateScanner(text)
        var found = Found()
        nodes = try Self.parse(&scanner, state: ParserState(), found: &found)
        if let unsupported = found.unsupported { throw Unsupported(reason: unsupported) }
        joined = Self.join(nodes)
        partials = found.partials
    }

    /// What the parser found besides nodes.
    struct Found {
        var partials = Set<String>()
        /// The first feature the renderer leaves to swift-mustache.
        var unsupported: String?
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
            case .variable, .partial, .unsupported: joined.append(node)
            }
        }
        return joined
    }
}

/// One piece of a compiled template. Sections keep their body as its own list: swift-mustache
/// renders a section's body as a template of its own, which matters for partial indentation.
indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// A partial, by name; `indentation` when the tag stands alone on its line.
    case partial(String, indentation: String?)
    /// What only swift-mustache renders (a template with one is never compiled):
    /// `definition` for a block defined inside `{{<parent}}`.
    case unsupported(definition: Bool)
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

    /// The same reading as swift-mustache's `getChild(named:transforms:context:)`.
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

// MARK: - Parser (swift-mustache's rules)

extension CompiledTemplate {
    enum ParseError: Error {
        case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, invalidSetDelimiter, overflow
        case illegalTokenInsideInheritSection, transformAppliedToInheritanceSection, invalidConfigVariableSyntax
    }

    struct ParserState {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: Substring?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> ParserState {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
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
            return state
        }
    }

    /// Line and column (from 1) of a position, counting lines as swift-mustache does.
    static func lineAndColumn(_ text: String, _ position: String.Index) -> (Int, Int) {
        let before = text[..<position]
        let line = before.filter(\.isNewline).count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before.distance(from: lineStart, to: before.endIndex) + 1)
    }

    private static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    private static let spaceOrTab = Set<Character>(" \t")

    static func parse(_ parser: inout TemplateScanner, state: ParserState, found: inout Found) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = state
        var whiteSpaceBefore: Substring = ""
        let bodyStart = parser.position
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
                let body = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine, transforms: transforms),
                                     found: &found)
                let resolved = TemplateName(name, transforms: transforms)
                nodes.append(inverted ? .invertedSection(resolved, body) : .section(resolved, body))

            case "/":
                let slash = parser.position
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw ParseError.sectionCloseNameIncorrect
                }
                // swift-mustache then takes the section's text up to two characters before the
                // "/": when that is before the section's start, its parser traps.
                guard parser.buffer.distance(from: bodyStart, to: slash) >= 2 else {
                    let (line, column) = lineAndColumn(parser.buffer, slash)
                    throw WouldCrash(line: line, column: column)
                }
                if isStandalone(&parser, state: state) {
                    // swift-mustache drops this: the line state after a section is the opening tag's.
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
                    found.unsupported = found.unsupported ?? "dynamic partial"
                }
                let name = try parsePartialName(&parser, state: state)
                if !dynamic { found.partials.insert(name) }
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: String(whiteSpaceBefore)))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                // Inheritance: read as swift-mustache reads it, rendered by swift-mustache.
                found.unsupported = found.unsupported ?? "template inheritance"
                parser.advance()
                parser.read(while: \.isWhitespace)
                let sectionName = try parsePartialName(&parser, state: state)
                if sectionName.first != "*" { found.partials.insert(sectionName) }
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                }
                let inside = try parse(&parser, state: state.withInheritancePartial(sectionName), found: &found)
                for node in inside {
                    switch node {
                    case .text, .unsupported(definition: true): break
                    default: throw ParseError.illegalTokenInsideInheritSection
                    }
                }
                nodes.append(.unsupported(definition: false))
                whiteSpaceBefore = ""

            case "$":
                found.unsupported = found.unsupported ?? "block"
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                guard transforms.isEmpty else { throw ParseError.transformAppliedToInheritanceSection }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&parser, state: state) {
                        setNewLine = true
                    }
                    _ = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine), found: &found)
                    nodes.append(.unsupported(definition: true))
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        nodes.append(.text(String(whiteSpaceBefore)))
                    }
                    if isStandalone(&parser, state: state) {
                        setNewLine = true
                    }
                    _ = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine), found: &found)
                    nodes.append(.unsupported(definition: false))
                    whiteSpaceBefore = ""
                }

            case "=":
                parser.advance()
                state = try parseSetDelimiter(&parser, state: state)
                setNewLine = isStandalone(&parser, state: state)

            case "%":
                found.unsupported = found.unsupported ?? "pragma"
                parser.advance()
                try parseConfigVariable(&parser, state: state)
                nodes.append(.unsupported(definition: false))
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
        guard state.sectionName == nil else { throw ParseError.expectedSectionEnd }
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

    /// `{{%CONTENT_TYPE: TEXT}}`: read, not checked (swift-mustache checks it).
    static func parseConfigVariable(_ parser: inout TemplateScanner, state: ParserState) throws {
        do {
            parser.read(while: \.isWhitespace)
            let variable = parser.read(whileIn: nameCharactersWithoutBrackets)
            parser.read(while: \.isWhitespace)
            guard try parser.read(":") else { throw ParseError.invalidConfigVariableSyntax }
            parser.read(while: \.isWhitespace)
            let value = parser.read(whileIn: nameCharactersWithoutBrackets)
            parser.read(while: \.isWhitespace)
            guard try parser.read(string: state.endDelimiter), !variable.isEmpty, !value.isEmpty else {
                throw ParseError.invalidConfigVariableSyntax
            }
        } catch {
            throw ParseError.invalidConfigVariableSyntax
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

/// swift-mustache's reader: Characters (grapheme clusters) of a string, `"\0"` past the end.
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

    /// Skips past the first `string` (swift-mustache's matching: no backtracking); throws when
    /// there is none.
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
