import LanternMarkdown

enum LanternMarkdownBridge {
    static func plain(_ markdown: String) -> String {
        MarkdownDocument(parsing: markdown).root.plainText
    }
}
