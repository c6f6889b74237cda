import CCmark

/// Copies a cmark node tree into `MarkdownNode` values without recursion.
struct CmarkTreeReader {
    let lineOffset: Int
    let maximumDepth: Int

    private struct Frame {
        var kind: MarkdownNode.Kind
        var range: SourceRange
        var children: [MarkdownNode] = []
    }

    func read(_ document: OpaquePointer) -> MarkdownNode {
        guard let iterator = cmark_iter_new(document) else {
            return MarkdownNode(.document, range: range(of: document))
        }
        defer { cmark_iter_free(iterator) }

        var stack: [Frame] = []
        var finished: MarkdownNode?

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { break }

            if event == CMARK_EVENT_EXIT {
                guard let frame = stack.popLast() else { break }
                let built = MarkdownNode(frame.kind, range: frame.range, children: frame.children)
                if stack.isEmpty {
                    finished = built
                } else {
                    append(built, to: &stack[stack.count - 1].children)
                }
                continue
            }

            // ENTER
            let kind = self.kind(of: node)
            let isContainer = Self.isContainerType(cmark_node_get_type(node))
            if isContainer {
                if stack.count >= maximumDepth {
                    // Too deep: keep the words, drop the structure, and skip the subtree.
                    let text = Self.flattenedText(of: node)
                    append(MarkdownNode(.text(text), range: range(of: node)), to: &stack[stack.count - 1].children)
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                stack.append(Frame(kind: kind, range: range(of: node)))
            } else if !stack.isEmpty {
                append(MarkdownNode(kind, range: range(of: node)), to: &stack[stack.count - 1].children)
            }
        }
        return finished ?? MarkdownNode(.document, range: range(of: document))
    }

    /// Adds a child, merging it into a preceding text node when both are text.
    private func append(_ node: MarkdownNode, to children: inout [MarkdownNode]) {
        if case .text(let new) = node.kind, let last = children.last, case .text(let old) = last.kind {
            children[children.count - 1] = MarkdownNode(
                .text(old + new),
                range: SourceRange(start: last.range.start, end: node.range.end)
            )
        } else {
            children.append(node)
        }
    }

    private static func isContainerType(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM,
             CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
             CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            return true
        default:
            return false
        }
    }

    private func range(of node: OpaquePointer) -> SourceRange {
        let startLine = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        return SourceRange(
            start: SourcePosition(line: max(startLine, 1) + lineOffset, column: max(startColumn, 1)),
            end: SourcePosition(line: max(endLine, startLine, 1) + lineOffset, column: max(endColumn, 1))
        )
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let literal = { Self.string(cmark_node_get_literal(node)) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let delimiter: Character = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
            return .list(.init(
                style: ordered ? .ordered : .bullet,
                start: Int(cmark_node_get_list_start(node)),
                isTight: cmark_node_get_list_tight(node) != 0,
                delimiter: delimiter
            ))
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: Self.string(cmark_node_get_fence_info(node)), literal: literal())
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal())
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(literal())
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal())
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal())
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(destination: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)))
        case CMARK_NODE_CUSTOM_BLOCK: return .paragraph
        default: return .text(literal())
        }
    }

    /// The literal text of a subtree, read iteratively.
    private static func flattenedText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH:
                if !text.isEmpty, !text.hasSuffix(" ") { text += " " }
            default:
                break
            }
        }
        return text
    }
}
