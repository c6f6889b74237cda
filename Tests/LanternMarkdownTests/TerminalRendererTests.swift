import Foundation
import LanternMarkdown
import LanternTestSupport
import Testing

@Suite("Terminal rendering")
struct TerminalRendererTests {
    static let widths = [20, 33, 47, 60, 80, 132]

    /// Every shipped module and golden input, for properties that must hold on real text.
    static let corpus: [String] = {
        var sources: [String] = []
        let folders = [
            RepositoryPaths.packageRoot().appendingPathComponent("curriculum"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"),
        ]
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".md") {
                if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { sources.append(text) }
            }
        }
        return sources
    }()

    @Test("no line is wider than the width", arguments: widths)
    func widthIsRespected(width: Int) {
        #expect(!Self.corpus.isEmpty)
        for source in Self.corpus {
            for line in TerminalRenderer(options: .init(width: width)).renderLines(MarkdownDocument(parsing: source)) {
                #expect(DisplayWidth.of(line.plain) <= width, "\(width): \(line.plain)")
            }
        }
    }

    @Test("no escape codes without colour; the same words with it")
    func colourOnlyWhenAsked() {
        for source in Self.corpus {
            let document = MarkdownDocument(parsing: source)
            let plain = TerminalRenderer(options: .init(width: 70, color: false)).renderLines(document)
            let styled = TerminalRenderer(options: .init(width: 70, color: true)).renderLines(document)
            #expect(!plain.contains { $0.text.contains("\u{1B}") })
            #expect(styled.contains { $0.text.contains("\u{1B}[") })
            let words = { (lines: [TerminalLine]) in lines.flatMap { $0.plain.split(whereSeparator: \.isWhitespace) }.filter { $0.allSatisfy { $0.isLetter } } }
            #expect(words(plain) == words(styled))
        }
    }

    @Test("lists, quotes, links and breaks")
    func structure() {
        let source = "1. one\n2. two\n   - inner\n\n> quoted\n\n[site](https://example.org) and <https://a.org>\n\n---\n"
        let text = TerminalRenderer(options: .init(width: 40)).render(MarkdownDocument(parsing: source))
        #expect(text == """
        1. one
        2. two
           - inner

        > quoted

        site <https://example.org> and
        https://a.org

        ----------------------------------------

        """)
    }

    @Test("wide characters take two columns when wrapping")
    func wideCharacters() {
        let lines = TerminalRenderer(options: .init(width: 20)).renderLines(MarkdownDocument(parsing: String(repeating: "支", count: 25)))
        #expect(lines.map(\.plain) == [String(repeating: "支", count: 10), String(repeating: "支", count: 10), String(repeating: "支", count: 5)])
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🙂") == 2)
    }

    @Test("headings are marked for the pager")
    func headingLines() {
        let lines = TerminalRenderer(options: .init(width: 40)).renderLines(MarkdownDocument(parsing: "# One\n\ntext\n\n### Three\n"))
        #expect(lines.compactMap(\.headingLevel) == [1, 3])
        #expect(lines.first { $0.headingLevel == 3 }?.plain == "Three")
    }
}

/// Issue 20.7: module text is cleaned of control, escape and bidi characters before the
/// renderer adds its own styling.
@Suite struct TerminalSafeRenderingTests {
    @Test func controlEscapeAndBidiCharactersNeverReachTheTerminal() {
        let source = "Read \u{1B}]52;c;ZXZpbA==\u{07}this\u{9B}2J and `co\u{1B}[8mde`\u{202E} now.\n\n```\nblock\u{1B}[2J\n```\n"
        for color in [false, true] {
            let text = TerminalRenderer(options: .init(width: 60, color: color)).render(MarkdownDocument(parsing: source))
            #expect(!text.unicodeScalars.contains { [0x07, 0x9B, 0x202E].contains($0.value) })
            #expect(!text.contains("\u{1B}]") && !text.contains("\u{1B}[2J") && !text.contains("\u{1B}[8m"))
            #expect(text.contains("this") && text.contains("block"))
        }
    }
}
