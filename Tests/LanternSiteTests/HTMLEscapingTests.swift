import Foundation
import LanternDiagnostics
import LanternMarkdown
@testable import LanternSite
import Testing

/// One HTML escaper (`HTMLText`) for Markdown, the site's templates and the printable
/// certificate (issue 14). The templates' own escaper compared `Character`s, so a quote followed
/// by a combining mark (`"\u{338}`, one Swift character) was not escaped — and a browser, which
/// reads code points, ended the attribute there: a trainee's name could add an attribute.
@Suite struct HTMLEscapingTests {
    static let hostile = "x\"\u{338} onerror=alert(1) y='\u{301}<\u{338}script>&\u{301}"

    @Test func templateValuesCannotLeaveTheirAttribute() throws {
        let set = try TemplateSet(templates: ["page": "<img alt=\"{{name}}\" title='{{name}}'>"])
        let page = try set.render("page", context: ["name": .string(Self.hostile)])
        // The only quotes and angle brackets left are the template's own.
        #expect(page.unicodeScalars.filter { $0 == "\"" }.count == 2, "\(page)")
        #expect(page.unicodeScalars.filter { $0 == "'" }.count == 2, "\(page)")
        #expect(page.unicodeScalars.filter { $0 == "<" }.count == 1 && page.unicodeScalars.filter { $0 == ">" }.count == 1, "\(page)")
        #expect(page.contains("&quot;\u{338} onerror"))
    }

    @Test func oneEscaperEverywhere() {
        let text = Self.hostile
        let expected = "x&quot;\u{338} onerror=alert(1) y=&#39;\u{301}&lt;\u{338}script&gt;&amp;\u{301}"
        #expect(HTMLText.escape(text) == expected)
        // Markdown keeps cmark's output (no apostrophe entity), by the same code.
        #expect(HTMLEscaping.escapeText(text) == "x&quot;\u{338} onerror=alert(1) y='\u{301}&lt;\u{338}script&gt;&amp;\u{301}")
        #expect(HTMLText.escape("plain") == "plain")
        #expect(HTMLText.escape("") == "")
        // A string without contiguous UTF-8 storage (bridged) takes the same path.
        let bridged = NSString(string: "a\"b<é>") as String
        #expect(HTMLText.escape(bridged) == "a&quot;b&lt;é&gt;")
    }
}
