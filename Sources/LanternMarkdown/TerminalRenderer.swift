/// Renders a Markdown tree as text for a terminal: wrapped to a width, with ANSI styling only
/// when asked (the caller decides: a TTY, and no `NO_COLOR`, and `TERM` not `dumb`).
///
/// Headings are bold (underlined with a rule for levels 1 and 2), lists keep their markers and
/// nesting, block quotes get a bar, code keeps its line breaks, links show their target, and raw
/// HTML is dropped.
public struct TerminalRenderer: Sendable {
    public struct Options: Sendable {
        /// Columns available, at least 20.
        public var width: Int
        /// Use ANSI escapes for bold, italic, underline and colour.
        public var color: Bool

        public init(width: Int = 80, color: Bool = false) {
            self.width = width
            self.color = color
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The whole document as text ending in a newline.
    public func render(_ document: MarkdownDocument) -> String {
        renderLines(document).map(\.text).joined(separator: "\n") + "\n"
    }

    /// The document as lines, for a pager that scrolls, searches and jumps to headings.
    public func renderLines(_ document: MarkdownDocument) -> [TerminalLine] {
        renderLines(document.root)
    }

    public func renderLines(_ node: MarkdownNode) -> [TerminalLine] {
        let width = max(20, options.width)
        if node.isBlock, case .document = node.kind {
            return blocks(node.children, width: width, tight: false)
        }
        return block(node, width: width, tight: false)
    }

    /// Plain text (not Markdown) wrapped to the width: `first` starts the first line and
    /// `rest` the others, as for a list item with a hanging indent.
    public func wrap(_ text: String, first: String = "", rest: String = "", style: TerminalStyle = []) -> [TerminalLine] {
        let width = max(20, options.width) - max(DisplayWidth.of(first), DisplayWidth.of(rest))
        let lines = TextWrapper(width: width, color: options.color).wrap([StyledFragment(text: text, style: style)])
        return lines.enumerated().map { prefixed($1, first: $0 == 0 ? first : rest, rest: rest) }
    }

    // MARK: Blocks

    private func blocks(_ nodes: [MarkdownNode], width: Int, tight: Bool) -> [TerminalLine] {
        var lines: [TerminalLine] = []
        for node in nodes {
            let rendered = block(node, width: width, tight: tight)
            guard !rendered.isEmpty else { continue }
            if !lines.isEmpty, !tight { lines.append(.blank) }
            lines += rendered
        }
        return lines
    }

    private func block(_ node: MarkdownNode, width: Int, tight: Bool) -> [TerminalLine] {
        let wrapper = TextWrapper(width: width, color: options.color)
        switch node.kind {
        case .document:
            return blocks(node.children, width: width, tight: false)
        case .paragraph:
            return wrapper.wrap(inlines(node.children, style: []))
        case .heading(let level):
            let style: TerminalStyle = level <= 2 ? [.bold, .accent] : [.bold]
            var lines = wrapper.wrap(inlines(node.children, style: style))
            if !lines.isEmpty { lines[0].headingLevel = level }
            if level <= 2 {
                let ruleWidth = min(width, lines.map { DisplayWidth.of($0.plain) }.max() ?? 0)
                let character = options.color ? (level == 1 ? "━" : "─") : (level == 1 ? "=" : "-")
                let rule = String(repeating: character, count: max(3, ruleWidth))
                lines.append(TerminalLine(text: styled(rule, [.accent]), plain: rule))
            }
            return lines
        case .thematicBreak:
            let rule = String(repeating: options.color ? "─" : "-", count: width)
            return [TerminalLine(text: styled(rule, [.dim]), plain: rule)]
        case .codeBlock(_, let literal):
            let code = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
            var lines: [TerminalLine] = []
            let inner = TextWrapper(width: width - 4, color: options.color)
            for sourceLine in code.split(separator: "\n", omittingEmptySubsequences: false) {
                let expanded = sourceLine.reduce(into: "") { line, character in
                    if character == "\t" { line += "    " } else { line.append(character) }
                }
                let wrapped = expanded.isEmpty
                    ? [TerminalLine.blank]
                    : inner.wrapVerbatim(StyledFragment(text: expanded, style: [.code]))
                lines += wrapped.map { prefixed($0, first: "    ", rest: "    ") }
            }
            return lines
        case .htmlBlock:
            return []
        case .blockQuote:
            let bar = options.color ? "│ " : "> "
            let inner = blocks(node.children, width: width - 2, tight: false)
            let emptyBar = String(bar.dropLast())
            return inner.map { line in
                let prefix = line.plain.isEmpty ? emptyBar : bar
                return TerminalLine(text: styled(prefix, [.dim]) + line.text, plain: prefix + line.plain, headingLevel: line.headingLevel)
            }
        case .list(let info):
            var lines: [TerminalLine] = []
            let lastNumber = info.start + max(0, node.children.count - 1)
            let numberWidth = String(lastNumber).count
            for (index, item) in node.children.enumerated() {
                let marker: String
                switch info.style {
                case .bullet:
                    marker = options.color ? "• " : "- "
                case .ordered:
                    let number = String(info.start + index)
                    marker = String(repeating: " ", count: numberWidth - number.count) + number + String(info.delimiter) + " "
                }
                let markerWidth = DisplayWidth.of(marker)
                let content = blocks(item.children, width: width - markerWidth, tight: info.isTight)
                if !lines.isEmpty, !info.isTight { lines.append(.blank) }
                if content.isEmpty {
                    lines.append(TerminalLine(text: marker, plain: marker))
                    continue
                }
                let indent = String(repeating: " ", count: markerWidth)
                for (lineIndex, line) in content.enumerated() {
                    lines.append(prefixed(line, first: lineIndex == 0 ? marker : indent, rest: indent))
                }
            }
            return lines
        case .item:
            return blocks(node.children, width: width, tight: tight)
        default:
            // Inline content at block level (not produced by cmark): wrap it as a paragraph.
            return wrapper.wrap(inlines([node], style: []))
        }
    }

    private func prefixed(_ line: TerminalLine, first: String, rest: String) -> TerminalLine {
        // Blank lines inside a list item stay blank rather than carrying trailing spaces.
        if line.plain.isEmpty, first.allSatisfy({ $0 == " " }) { return line }
        return TerminalLine(text: first + line.text, plain: first + line.plain, headingLevel: line.headingLevel)
    }

    private func styled(_ text: String, _ style: TerminalStyle) -> String {
        options.color && !style.isEmpty ? style.escape + text + TerminalStyle.reset : text
    }

    // MARK: Inlines

    private func inlines(_ nodes: [MarkdownNode], style: TerminalStyle) -> [StyledFragment] {
        var fragments: [StyledFragment] = []
        for node in nodes { inline(node, style: style, into: &fragments) }
        return fragments
    }

    private func inline(_ node: MarkdownNode, style: TerminalStyle, into fragments: inout [StyledFragment]) {
        switch node.kind {
        case .text(let text):
            fragments.append(StyledFragment(text: text, style: style))
        case .softBreak:
            fragments.append(StyledFragment(text: " ", style: style))
        case .lineBreak:
            fragments.append(StyledFragment(text: "\n", style: style))
        case .code(let code):
            fragments.append(StyledFragment(text: code, style: style.union(.code)))
        case .htmlInline:
            break
        case .emphasis:
            for child in node.children { inline(child, style: style.union(.italic), into: &fragments) }
        case .strong:
            for child in node.children { inline(child, style: style.union(.bold), into: &fragments) }
        case .link(let destination, _):
            for child in node.children { inline(child, style: style.union(.underline), into: &fragments) }
            let text = node.plainText
            if !destination.isEmpty, text != destination, "mailto:" + text != destination {
                let shown = URLSafety.isDangerous(destination) ? " (unsafe link removed)" : " <\(destination)>"
                fragments.append(StyledFragment(text: shown, style: style.union(.dim)))
            }
        case .image:
            let alt = node.plainText
            fragments.append(StyledFragment(text: alt.isEmpty ? "[Image]" : "[Image: \(alt)]", style: style.union(.dim)))
        default:
            for child in node.children { inline(child, style: style, into: &fragments) }
        }
    }
}

extension TextWrapper {
    /// Breaks one line of code at the width without reflowing its spaces.
    func wrapVerbatim(_ fragment: StyledFragment) -> [TerminalLine] {
        var lines: [TerminalLine] = []
        var piece = ""
        var column = 0
        let limit = max(1, width)
        func finish() {
            let text = color && !fragment.style.isEmpty ? fragment.style.escape + piece + TerminalStyle.reset : piece
            lines.append(TerminalLine(text: text, plain: piece))
            piece = ""
            column = 0
        }
        for character in fragment.text {
            let characterWidth = DisplayWidth.of(character)
            if column + characterWidth > limit, column > 0 { finish() }
            piece.append(character)
            column += characterWidth
        }
        finish()
        return lines
    }
}
