import Foundation
@testable import LanternCurriculum
import LanternMarkdown
@testable import LanternSite
import LanternTestSupport
import Testing

/// The site renders module bodies from libcmark's own tree and HTML (`RenderedModule`); these
/// tests hold it to what the Swift tree and `HTMLRenderer` give for the same text.
@Suite("module pages rendered from libcmark's tree")
struct ModuleRenderingTests {
    static let edgeCases: [String] = [
        "# Title\n\n## Part *one* and `code`\n\nText with [a link](other.md#part) and ![an image](images/a.png \"t\").\n\n## Part *one* and `code`\n",
        "### Only level three\n\n#### Four\n\nfoo*bar* baz__qux__ UPPER lower MiXeD x y 42 4.2\n",
        "# Ünïcode Ärger\n\nÉcole ÇA va? 日本語のテキスト ΣΊΣΥΦΟΣ straße İstanbul\n",
        "# Dangerous\n\n[x](javascript:alert(1)) [y]( JAVASCRIPT:alert(2)) ![z](data:text/html,hi) ![ok](data:image/png;base64,AA)\n",
        "<div>raw</div>\n\n# After raw <b>bold</b>\n\ntext <span>inline</span> end\n",
        "# A heading with ![alt *text*](pic.png) inside\n\n---\n\nSetext\n======\n\n    code block WORDS\n\n```\nfenced CODE\n```\n",
        "- a\n- b\n\n  c\n\n1. x\n2. y\n\n> quote [link](../outside.md) [mail](mailto:a@b.c) [abs](/root) [q](m.md?x=1#y)\n",
        "# <h2>not a heading</h2> &lt;h3&gt;\n\n`<h4>` and <h5> and &#60;h6&#62;\n",
        "",
        "No headings at all, just words words WORDS.\n",
        "# One\nsoft\nbreak  \nhard break\n",
    ]

    static func module(_ body: String, id: String = "m") -> Module {
        Module(id: id, title: "T", summary: "S", minutes: 1, outcomes: [], requires: [], assessments: [], tags: [],
               isCrisisRelated: false, relativePath: "curriculum/\(id).md", displayPath: "curriculum/\(id).md",
               bodyText: body, bodyLineOffset: 3)
    }

    /// The words of the Swift tree's plain text, as the search index wants them.
    static func referenceWords(_ document: MarkdownDocument) -> [String] {
        var words: [String] = []
        var seen = Set<String>()
        var current: [UInt8] = []
        func flush() {
            let word = String(decoding: current, as: UTF8.self)
            if current.count > 1, words.count < RenderedModule.maximumWords, seen.insert(word).inserted { words.append(word) }
            current = []
        }
        for byte in document.root.plainText.lowercased().utf8 {
            let isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            if isWord { current.append(byte) } else { flush() }
        }
        flush()
        return words
    }

    static func sources() throws -> [(String, String)] {
        var sources = edgeCases.enumerated().map { ("edge case \($0.offset)", $0.element) }
        let root = RepositoryPaths.packageRoot()
        let golden = root.appendingPathComponent("Tests/LanternMarkdownTests/Golden")
        for name in try FileManager.default.contentsOfDirectory(atPath: golden.path) where name.hasSuffix(".md") {
            sources.append((name, try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)))
        }
        let loaded = WorkspaceLoader().load(at: root)
        for module in try #require(loaded.workspace).modules {
            sources.append((module.id, module.bodyText))
        }
        return sources
    }

    @Test("HTML, headings, words and media match the Swift tree's rendering on every shipped module and edge case")
    func matchesTheSwiftTree() throws {
        let sources = try Self.sources()
        #expect(sources.count >= 20)
        for (name, body) in sources {
            let module = Self.module(body)
            let rendered = RenderedModule(module)
            let document = module.parsedBody()
            var levels: [Int] = []
            var texts: [String] = []
            document.root.forEach { node in
                if case .heading(let level) = node.kind {
                    levels.append(level)
                    texts.append(node.plainText)
                }
            }
            let offset = 2 - (levels.min() ?? 1)
            let expected = HTMLRenderer(options: .init(headingIDs: true, headingLevelOffset: offset, rewriteLink: ModuleLinks.rewrite))
                .render(document)
            #expect(rendered.html == expected, "\(name): \(Golden.firstDifference(expected, rendered.html))")
            #expect(rendered.headings.map(\.text) == texts, "\(name)")
            #expect(rendered.headings.map(\.level) == levels.map { min(6, $0 + offset) }, "\(name)")
            let words = Self.referenceWords(document)
            #expect(rendered.words == words, "\(name): \(rendered.words.count) words, expected \(words.count); first difference at \(zip(rendered.words, words).enumerated().first { $0.element.0 != $0.element.1 }.map { "\($0.offset): \($0.element)" } ?? "-")")
        }
    }

    @Test("a word split by markup stays one word; capitals and repeats fold")
    func words() {
        let rendered = RenderedModule(Self.module("Peer*support* PEER support, peer-support.\n"))
        #expect(rendered.words == ["peersupport", "peer", "support"])
    }

    @Test("media: images and linked files in the curriculum, never dangerous or external ones")
    func media() {
        let rendered = RenderedModule(Self.module("![a](images/a.png) [b](docs/b.pdf) [c](https://x.org/c.png) ![d](javascript:x.png) [e](other.md)\n"))
        #expect(rendered.media == ["images/a.png", "docs/b.pdf"])
        #expect(rendered.html.contains("src=\"../../media/images/a.png\""))
        #expect(rendered.html.contains("href=\"../other/\""))
    }

    @Test("ten thousand nested quotes render without exhausting the stack")
    func deepNesting() {
        let rendered = RenderedModule(Self.module(String(repeating: ">", count: 10_000) + " # deep\n\ntext\n"))
        #expect(rendered.html.contains("deep"))
    }

    @Test("heading ids are added only to real headings")
    func headingIDs() {
        let html = RenderedModule(Self.module("# One\n\n`<h2>` text <h3>raw</h3>\n\n## Two\n")).html
        #expect(html.contains("<h2 id=\"one\">One</h2>"))
        #expect(html.contains("<h3 id=\"two\">Two</h3>"))
        #expect(html.contains("<code>&lt;h2&gt;</code>"))
        #expect(RenderedModule.addingHeadingIDs("<h2>a</h2>", []) == "<h2>a</h2>")
        #expect(RenderedModule.addingHeadingIDs("<h2>a</h2>", [.init(level: 3, text: "a", id: "a")]) == nil)
    }

    @Test("the set of seen words keeps every distinct word once, through growth")
    func seenWords() {
        var seen = RenderedModule.SeenWords()
        var reference = Set<String>()
        var state: UInt64 = 42
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var word = Array("w\(state >> 52)".utf8)
            if state & 1 == 0 { word.append(UInt8(ascii: "x")) }
            let isNew = word.withUnsafeBufferPointer { seen.insert($0) }
            #expect(isNew == reference.insert(String(decoding: word, as: UTF8.self)).inserted)
        }
        #expect(reference.count > 2_000)
    }
}
