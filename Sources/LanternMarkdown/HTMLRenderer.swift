/// Renders a Markdown tree as HTML in safe mode: raw HTML is dropped (replaced by a comment,
/// as libcmark does) and dangerous link targets (`javascript:` and friends) are emptied.
///
/// With default options the output is byte-for-byte what libcmark's own safe renderer gives;
/// `headingIDs` and `rewriteLink` add what a website needs.
public struct HTMLRenderer: Sendable {
    public struct Options: Sendable {
        /// Give every heading an `id` from its text (see `HeadingSlugger`).
        public var headingIDs: Bool
        /// Change link and image destinations, for example `crisis.md` → `../crisis/`.
        /// Called only for destinations that are safe.
        public var rewriteLink: (@Sendable (String) -> String)?
        /// Shift heading levels down (a module's `#` becomes `<h2>` when the page title is `<h1>`).
        public var headingLevelOffset: Int

        public init(headingIDs: Bool = false, headingLevelOffset: Int = 0,
                    rewriteLink: (@Sendable (String) -> String)? = nil) {
            self.headingIDs = headingIDs
            self.headingLevelOffset = headingLevelOffset
            self.rewriteLink = rewriteLink
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func render(_ document: MarkdownDocument) -> String {
        render(document.root)
    }

    public func render(_ node: MarkdownNode) -> String {
        var state = State(options: options)
        state.out.reserveCapacity(4096)
        state.render(node, tightParent: false)
        return state.out
    }

    private struct State {
        let options: Options
        var out = ""
        var slugger = HeadingSlugger()

        /// Starts a new line unless the output is empty or already at one.
        mutating func cr() {
            if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
        }

        mutating func destination(_ url: String) {
            guard !URLSafety.isDangerous(url) else { return }
            HTMLEscaping.escapeHref(options.rewriteLink?(url) ?? url, into: &out)
        }

        mutating func children(_ node: MarkdownNode, tightParent: Bool) {
            node.children.withUnsafeBufferPointer { buffer in
                for index in buffer.indices { render(buffer[index], tightParent: tightParent) }
            }
        }

        mutating func render(_ node: MarkdownNode, tightParent: Bool) {
            switch node.kind {
            case .document:
                children(node, tightParent: false)
            case .blockQuote:
                cr(); out += "<blockquote>\n"
                children(node, tightParent: false)
                cr(); out += "</blockquote>\n"
            case .list(let info):
                cr()
                switch info.style {
                case .bullet: out += "<ul>\n"
                case .ordered: out += info.start == 1 ? "<ol>\n" : "<ol start=\"\(info.start)\">\n"
                }
                children(node, tightParent: info.isTight)
                out += info.style == .bullet ? "</ul>\n" : "</ol>\n"
            case .item:
                cr(); out += "<li>"
                children(node, tightParent: tightParent)
                out += "</li>\n"
            case .codeBlock(let info, let literal):
                cr()
                let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
                if language.isEmpty {
                    out += "<pre><code>"
                } else {
                    out += "<pre><code class=\"language-"
                    HTMLEscaping.escapeText(language, into: &out)
                    out += "\">"
                }
                HTMLEscaping.escapeText(literal, into: &out)
                out += "</code></pre>\n"
            case .htmlBlock:
                cr(); out += "<!-- raw HTML omitted -->"; cr()
            case .paragraph:
                if tightParent {
                    children(node, tightParent: false)
                } else {
                    cr(); out += "<p>"
                    children(node, tightParent: false)
                    out += "</p>\n"
                }
            case .heading(let level):
                let shown = min(6, max(1, level + options.headingLevelOffset))
                cr()
                if options.headingIDs {
                    out += "<h\(shown) id=\""
                    HTMLEscaping.escapeText(slugger.slug(for: node.plainText), into: &out)
                    out += "\">"
                } else {
                    out += "<h\(shown)>"
                }
                children(node, tightParent: false)
                out += "</h\(shown)>\n"
            case .thematicBreak:
                cr(); out += "<hr />\n"
            case .text(let text):
                HTMLEscaping.escapeText(text, into: &out)
            case .softBreak:
                out += "\n"
            case .lineBreak:
                out += "<br />\n"
            case .code(let code):
                out += "<code>"
                HTMLEscaping.escapeText(code, into: &out)
                out += "</code>"
            case .htmlInline:
                out += "<!-- raw HTML omitted -->"
            case .emphasis:
                out += "<em>"; children(node, tightParent: false); out += "</em>"
            case .strong:
                out += "<strong>"; children(node, tightParent: false); out += "</strong>"
            case .link(let url, let title):
                out += "<a href=\""
                destination(url)
                if !title.isEmpty {
                    out += "\" title=\""
                    HTMLEscaping.escapeText(title, into: &out)
                }
                out += "\">"
                children(node, tightParent: false)
                out += "</a>"
            case .image(let url, let title):
                out += "<img src=\""
                destination(url)
                out += "\" alt=\""
                for child in node.children { altText(child) }
                if !title.isEmpty {
                    out += "\" title=\""
                    HTMLEscaping.escapeText(title, into: &out)
                }
                out += "\" />"
            }
        }

        /// An image's description, flattened to escaped text as cmark does.
        mutating func altText(_ node: MarkdownNode) {
            switch node.kind {
            case .text(let text), .code(let text), .htmlInline(let text):
                HTMLEscaping.escapeText(text, into: &out)
            case .softBreak, .lineBreak:
                out += " "
            default:
                for child in node.children { altText(child) }
            }
        }
    }
}
