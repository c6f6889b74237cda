/// One node of a parsed Markdown document: an immutable value that keeps its source range.
///
/// The tree mirrors CommonMark's (as libcmark builds it). Adjacent text nodes are merged.
public struct MarkdownNode: Hashable, Sendable {
    public var kind: Kind
    public var range: SourceRange
    public var children: [MarkdownNode]

    public init(_ kind: Kind, range: SourceRange, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }

    /// How a list is numbered.
    public struct ListInfo: Hashable, Sendable {
        public enum Style: Hashable, Sendable { case bullet, ordered }
        public var style: Style
        /// The first number of an ordered list.
        public var start: Int
        /// Tight lists have no blank lines between items.
        public var isTight: Bool
        /// `.` or `)` after the number of an ordered list.
        public var delimiter: Character

        public init(style: Style, start: Int = 1, isTight: Bool = true, delimiter: Character = ".") {
            self.style = style
            self.start = start
            self.isTight = isTight
            self.delimiter = delimiter
        }
    }

    public enum Kind: Hashable, Sendable {
        // Blocks
        case document
        case blockQuote
        case list(ListInfo)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        // Inlines
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(destination: String, title: String)
    }

    /// Whether this node is a block (as opposed to inline content).
    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak:
            true
        default:
            false
        }
    }
}
