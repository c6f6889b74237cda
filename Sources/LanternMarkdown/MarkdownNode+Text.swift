extension MarkdownNode {
    /// The node's text with all markup removed: what a screen reader or a search index sees.
    /// Soft breaks become spaces, hard breaks newlines; images contribute their alt text.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let text), .code(let text):
            out += text
        case .codeBlock(_, let literal):
            out += literal
        case .softBreak:
            out += " "
        case .lineBreak:
            out += "\n"
        case .htmlInline, .htmlBlock:
            break
        default:
            // Through the buffer: children are borrowed, not copied (no retain per node).
            children.withUnsafeBufferPointer { buffer in
                for index in buffer.indices { buffer[index].appendPlainText(to: &out) }
            }
        }
    }

    /// Calls `visit` on this node and every descendant, parents before children.
    public func forEach(_ visit: (MarkdownNode) throws -> Void) rethrows {
        try visit(self)
        try children.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { try buffer[index].forEach(visit) }
        }
    }

    /// Every descendant (and self) for which `predicate` is true, in document order.
    public func collect(where predicate: (MarkdownNode) -> Bool) -> [MarkdownNode] {
        var found: [MarkdownNode] = []
        forEach { if predicate($0) { found.append($0) } }
        return found
    }
}
