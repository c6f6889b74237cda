import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// A document parsed by libcmark and left in libcmark's own tree, for passes that read it once
/// — the checks of `lantern check`, the pages of `lantern build` — without copying it into
/// `MarkdownNode` values. The walk is libcmark's iterator (no recursion, any depth) and the
/// HTML is libcmark's own safe renderer, so these passes run at C speed.
///
/// Not `Sendable`: make one per document, on the thread that uses it; it frees libcmark's
/// memory when it goes away.
public final class CmarkDocument {
    private let root: OpaquePointer?
    /// Lines before the text in its file, added to every position.
    public let lineOffset: Int

    /// Parses CommonMark text with the same options as `MarkdownDocument`.
    public init(parsing text: String, lineOffset: Int = 0) {
        self.lineOffset = lineOffset
        var source = text
        root = source.withUTF8 { bytes in
            let empty: [CChar] = [0]
            return empty.withUnsafeBufferPointer { emptyPointer in
                let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                return cmark_parse_document(base ?? emptyPointer.baseAddress!, bytes.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
    }

    deinit {
        if let root { cmark_node_free(root) }
    }

    /// Calls `visit` for every node in document order: containers twice (`entering` true, then
    /// false after their children), leaves once (`entering` true).
    public func walk(_ visit: (Node, _ entering: Bool) -> Void) {
        guard let root, let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { break }
            visit(Node(pointer: node, lineOffset: lineOffset), event == CMARK_EVENT_ENTER)
        }
    }

    /// libcmark's safe HTML for the document (raw HTML replaced by a comment, dangerous link
    /// targets emptied), exactly as `HTMLRenderer` with default options renders it.
    public func html() -> String {
        guard let root, let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// One node of the tree, valid only inside the `walk` call that gave it.
    public struct Node {
        fileprivate let pointer: OpaquePointer
        fileprivate let lineOffset: Int

        /// What kind of node this is.
        public var kind: Kind {
            switch cmark_node_get_type(pointer) {
            case CMARK_NODE_DOCUMENT: .document
            case CMARK_NODE_BLOCK_QUOTE: .blockQuote
            case CMARK_NODE_LIST: .list
            case CMARK_NODE_ITEM: .item
            case CMARK_NODE_CODE_BLOCK: .codeBlock
            case CMARK_NODE_HTML_BLOCK: .htmlBlock
            case CMARK_NODE_PARAGRAPH: .paragraph
            case CMARK_NODE_HEADING: .heading
            case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
            case CMARK_NODE_TEXT: .text
            case CMARK_NODE_SOFTBREAK: .softBreak
            case CMARK_NODE_LINEBREAK: .lineBreak
            case CMARK_NODE_CODE: .code
            case CMARK_NODE_HTML_INLINE: .htmlInline
            case CMARK_NODE_EMPH: .emphasis
            case CMARK_NODE_STRONG: .strong
            case CMARK_NODE_LINK: .link
            case CMARK_NODE_IMAGE: .image
            default: .other
            }
        }

        public enum Kind: Sendable, Equatable {
            case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
            case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image, other
        }

        /// Where the node starts in the file (line offset applied, never below 1).
        public var start: SourcePosition {
            SourcePosition(line: max(Int(cmark_node_get_start_line(pointer)), 1) + lineOffset,
                           column: max(Int(cmark_node_get_start_column(pointer)), 1))
        }

        /// The bytes of a text, code, code block or HTML node (empty for others), valid during
        /// the visit only.
        public var literalBytes: UnsafeBufferPointer<UInt8> {
            guard let literal = cmark_node_get_literal(pointer) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        }

        /// The literal as a string.
        public var literal: String {
            guard let literal = cmark_node_get_literal(pointer) else { return "" }
            return String(cString: literal)
        }

        /// A link's or image's destination.
        public var url: String {
            guard let url = cmark_node_get_url(pointer) else { return "" }
            return String(cString: url)
        }

        /// Changes a link's or image's destination (for the HTML rendered afterwards).
        public func setURL(_ url: String) {
            _ = cmark_node_set_url(pointer, url)
        }

        /// A heading's level, 1–6.
        public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

        /// Changes a heading's level (clamped to 1–6).
        public func setHeadingLevel(_ level: Int) {
            _ = cmark_node_set_heading_level(pointer, Int32(min(6, max(1, level))))
        }
    }
}

/// Collects the plain text of nodes while a `CmarkDocument` is walked — what
/// `MarkdownNode.plainText` gives for the same node: text and code as written, soft breaks as
/// spaces, hard breaks as newlines, raw HTML left out, image descriptions kept.
public struct PlainTextCollector {
    private var open: [String] = []

    public init() {}

    /// Whether some node's text is being collected.
    public var isCollecting: Bool { !open.isEmpty }

    /// Starts collecting for a node (call when entering it).
    public mutating func begin() { open.append("") }

    /// Ends the innermost collection and returns its text (call when leaving the node).
    public mutating func end() -> String {
        let text = open.popLast() ?? ""
        if !open.isEmpty { open[open.count - 1] += text }
        return text
    }

    /// Feeds a leaf node to the open collections.
    public mutating func add(_ node: CmarkDocument.Node) {
        guard !open.isEmpty else { return }
        switch node.kind {
        case .text, .code, .codeBlock: open[open.count - 1] += node.literal
        case .softBreak: open[open.count - 1] += " "
        case .lineBreak: open[open.count - 1] += "\n"
        default: break
        }
    }
}
