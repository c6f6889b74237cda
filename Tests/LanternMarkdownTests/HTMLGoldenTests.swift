import Foundation
import LanternMarkdown
import Testing

@Suite("HTML rendering against golden files")
struct HTMLGoldenTests {
    @Test("a heading, emphasis and code render as the golden file says")
    func basic() throws {
        let url = try #require(Bundle.module.url(forResource: "basic", withExtension: "html", subdirectory: "Golden"))
        let expected = try String(contentsOf: url, encoding: .utf8)
        let html = HTMLRenderer().render(MarkdownDocument(parsing: "# Title\n\nSome *text* and `code`.\n"))
        #expect(html == expected)
    }

    @Test("positions are shifted by the line offset")
    func lineOffset() {
        let document = MarkdownDocument(parsing: "para\n", lineOffset: 4)
        #expect(document.blocks.first?.range.start.line == 5)
    }
}
