import CCmark

/// A parsed Markdown document. Parsing happens once, through libcmark; the result is an
/// immutable, `Sendable` tree that the HTML and terminal renderers, the assessment parser and
/// the site all share. cmark's own memory is freed before `init` returns.
public struct MarkdownDocument: Hashable, Sendable {
    /// The `.document` node at the root.
    public let root: MarkdownNode

    /// Containers nested deeper than this are flattened into their text, so a hostile file
    /// (ten thousand `>` in a row) cannot exhaust the stack of a recursive walk.
    public static let maximumDepth = 64

    /// Parses CommonMark text.
    ///
    /// - Parameters:
    ///   - text: the Markdown source (without front matter).
    ///   - lineOffset: added to every line number, so positions point into the original file
    ///     when `text` started after a front matter block.
    public init(parsing text: String, lineOffset: Int = 0) {
        var source = text
        root = source.withUTF8 { bytes in
            // CMARK_OPT_DEFAULT is safe mode in cmark ≥ 0.29 (raw HTML is kept in the tree but
            // every renderer here drops it). VALIDATE_UTF8 replaces invalid bytes with U+FFFD.
            let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
            let empty: [CChar] = [0]
            let parsed = empty.withUnsafeBufferPointer { emptyPointer in
                let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                return cmark_parse_document(base ?? emptyPointer.baseAddress!, bytes.count, options)
            }
            guard let document = parsed else {
                let origin = SourcePosition(line: 1 + lineOffset, column: 1)
                return MarkdownNode(.document, range: SourceRange(start: origin, end: origin))
            }
            defer { cmark_node_free(document) }
            return CmarkTreeReader(lineOffset: lineOffset, maximumDepth: Self.maximumDepth).read(document)
        }
    }

    /// The top-level blocks.
    public var blocks: [MarkdownNode] { root.children }
}
