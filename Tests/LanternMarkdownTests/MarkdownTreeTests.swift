import LanternMarkdown
import Testing

@Suite("Markdown tree")
struct MarkdownTreeTests {
    @Test("positions point into the original file, after front matter")
    func positions() throws {
        let document = MarkdownDocument(parsing: "# Title\n\nSee [the crisis module](crisis.md) now.\n", lineOffset: 5)
        let link = try #require(document.root.collect { if case .link = $0.kind { true } else { false } }.first)
        #expect(link.range.start == SourcePosition(line: 8, column: 5))
        #expect(link.kind == .link(destination: "crisis.md", title: ""))
        let heading = try #require(document.blocks.first)
        #expect(heading.kind == .heading(level: 1))
        #expect(heading.range.start.line == 6)
    }

    @Test("adjacent text is merged and plain text drops markup")
    func plainText() {
        let document = MarkdownDocument(parsing: "Don't *stop* [now](x) ![alt](y)\nok")
        let paragraph = document.blocks[0]
        #expect(paragraph.plainText == "Don't stop now alt ok")
        #expect(paragraph.children.first?.kind == .text("Don't "))
    }

    @Test("deeply nested input is flattened, not a stack overflow")
    func deepNesting() {
        let depth = 20_000
        let source = String(repeating: ">", count: depth) + " deep words\n\n" + String(repeating: "*a ", count: 5_000)
        let document = MarkdownDocument(parsing: source)
        var maximum = 0
        func measure(_ node: MarkdownNode, _ level: Int) {
            maximum = max(maximum, level)
            for child in node.children { measure(child, level + 1) }
        }
        measure(document.root, 0)
        #expect(maximum <= MarkdownDocument.maximumDepth + 1)
        #expect(document.root.plainText.contains("deep words"))
        #expect(!HTMLRenderer().render(document).isEmpty)
        #expect(!TerminalRenderer().render(document).isEmpty)
    }

    @Test("empty and odd input parse to a document")
    func oddInput() {
        for source in ["", "\n\n", "\u{0}", "\u{FEFF}# x", "\r\n# y\r\n"] {
            let document = MarkdownDocument(parsing: source)
            #expect(document.root.kind == .document)
        }
    }

    @Test("heading slugs are unique and URL-safe")
    func slugs() {
        var slugger = HeadingSlugger()
        #expect(slugger.slug(for: "Why listening comes first") == "why-listening-comes-first")
        #expect(slugger.slug(for: "Why listening comes first") == "why-listening-comes-first-1")
        #expect(slugger.slug(for: "What's next? (Part 2)") == "whats-next-part-2")
        #expect(slugger.slug(for: "!!!") == "section")
    }
}
