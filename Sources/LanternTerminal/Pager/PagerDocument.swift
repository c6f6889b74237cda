import LanternMarkdown

/// What the pager shows: blocks that are wrapped again whenever the width changes. The pager
/// keeps the reader's place by block, so a resize never loses it.
public struct PagerDocument: Sendable {
    /// One block of content.
    public enum Block: Sendable {
        /// A Markdown block, rendered by `TerminalRenderer`.
        case markdown(MarkdownNode)
        /// Plain text wrapped with a hanging indent.
        case text(String, style: TerminalStyle = [], first: String = "", rest: String = "")
        /// Lines already made (kept as they are).
        case lines([TerminalLine])
        /// Several blocks with no blank line between them (a heading and its list).
        indirect case tight([Block])
    }

    /// Shown in the title bar.
    public var title: String
    public var blocks: [Block]

    public init(title: String, blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }

    /// The lines at `width`, with the index of the block each came from. Blocks are separated
    /// by a blank line, as the renderer separates Markdown blocks.
    public func layout(width: Int, color: Bool) -> (lines: [TerminalLine], blockOfLine: [Int]) {
        let renderer = TerminalRenderer(options: .init(width: width, color: color))
        var lines: [TerminalLine] = []
        var owners: [Int] = []
        for (index, block) in blocks.enumerated() {
            let rendered = Self.render(block, renderer)
            guard !rendered.isEmpty else { continue }
            if !lines.isEmpty {
                lines.append(TerminalLine(text: "", plain: ""))
                owners.append(index)
            }
            lines += rendered
            owners += Array(repeating: index, count: rendered.count)
        }
        return (lines, owners)
    }

    private static func render(_ block: Block, _ renderer: TerminalRenderer) -> [TerminalLine] {
        switch block {
        case .markdown(let node): renderer.renderLines(node)
        case .text(let text, let style, let first, let rest): renderer.wrap(text, first: first, rest: rest, style: style)
        case .lines(let made): made
        case .tight(let blocks): blocks.flatMap { render($0, renderer) }
        }
    }
}
