import CCmark
import Foundation
import LanternMarkdown
import LanternTestSupport
import Testing

@Suite("Safe HTML")
struct HTMLSafetyTests {
    func html(_ markdown: String) -> String {
        HTMLRenderer().render(MarkdownDocument(parsing: markdown))
    }

    @Test("dangerous link targets are emptied", arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox", "file:///etc/passwd",
        "data:text/html;base64,AAAA", "<\u{01}javascript:alert(1)>", "<java\tscript:alert(1)>",
    ])
    func dangerousLinks(url: String) {
        let out = html("[x](\(url))")
        #expect(out == "<p><a href=\"\">x</a></p>\n", "\(out)")
    }

    @Test("safe targets are kept and escaped")
    func safeLinks() {
        #expect(html("[x](https://example.org/?a=1&b='2')") == "<p><a href=\"https://example.org/?a=1&amp;b=&#x27;2&#x27;\">x</a></p>\n")
        #expect(html("![p](data:image/png;base64,AAAA)") == "<p><img src=\"data:image/png;base64,AAAA\" alt=\"p\" /></p>\n")
        #expect(html("[x](<a b>)") == "<p><a href=\"a%20b\">x</a></p>\n")
    }

    @Test("raw HTML is dropped, block and inline")
    func rawHTML() {
        #expect(html("<script>alert(1)</script>") == "<!-- raw HTML omitted -->\n")
        #expect(html("a <b onclick=\"x()\">b</b> c") == "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> c</p>\n")
    }

    @Test("text is escaped")
    func escaping() {
        #expect(html("1 < 2 & \"3\" > 0") == "<p>1 &lt; 2 &amp; &quot;3&quot; &gt; 0</p>\n")
    }

    @Test("links can be rewritten for the site, and headings get unique ids")
    func siteOptions() {
        let renderer = HTMLRenderer(options: .init(headingIDs: true, rewriteLink: { url in
            url.hasSuffix(".md") ? "../" + url.dropLast(3) + "/" : url
        }))
        let out = renderer.render(MarkdownDocument(parsing: "# Hi there\n\n# Hi there\n\n[c](crisis.md) [j](javascript:x)"))
        #expect(out == "<h1 id=\"hi-there\">Hi there</h1>\n<h1 id=\"hi-there-1\">Hi there</h1>\n<p><a href=\"../crisis/\">c</a> <a href=\"\">j</a></p>\n")
    }

    /// Lantern's renderer (without its site options) must match libcmark's own safe HTML byte for
    /// byte on every golden input and every shipped module.
    @Test("matches libcmark's own safe renderer")
    func matchesCmark() throws {
        var sources: [(String, String)] = []
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let curriculum = RepositoryPaths.packageRoot().appendingPathComponent("curriculum")
        for folder in [golden, curriculum] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".md") {
                sources.append((name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)))
            }
        }
        sources.append(("edge cases", """
        * a\n\n  b\n* c\n\n1) x\n2) y\n\n> - q\n>   1. r\n\n    indented code\n\n`` ` `` ![a *b* `c`](u "t") [l](u 't "x"')\n\
        &amp; &copy; \\* a  \nb\n\n<div>\nx\n</div>\n\n***\n\nSetext\n======\n
        """))
        #expect(sources.count >= 5)
        for (name, source) in sources {
            let ours = HTMLRenderer().render(MarkdownDocument(parsing: source))
            let theirs = cmarkHTML(source)
            #expect(ours == theirs, "\(name): \(Golden.firstDifference(theirs, ours))")
        }
    }

    private func cmarkHTML(_ source: String) -> String {
        var copy = source
        return copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let rendered = cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) else { return "" }
                defer { free(rendered) }
                return String(cString: rendered)
            }
        }
    }
}
