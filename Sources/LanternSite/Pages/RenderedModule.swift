import LanternCurriculum
import LanternMarkdown

/// One module rendered once: its HTML and what the outline, the table of contents and the
/// search index need from it.
struct RenderedModule: Sendable {
    struct Heading: Sendable {
        var level: Int
        var text: String
        var id: String
    }

    var html: String
    /// Every heading, in order, with the level it has on the page (2 = `<h2>`).
    var headings: [Heading]
    /// Distinct lower-case words of the module, in order of first use, for search.
    var words: [String]
    /// Curriculum files the module shows or links to (see `ModuleLinks.publishableFile`).
    var media: [String]

    static let maximumWords = 1500

    init(_ module: Module) {
        let root = module.body.root
        // One walk finds the headings (with their text) and the files the module shows or links to.
        var levels: [(Int, String)] = []
        var media: [String] = []
        root.forEach { node in
            switch node.kind {
            case .heading(let level): levels.append((level, node.plainText))
            case .link(let url, _), .image(let url, _):
                if let path = ModuleLinks.publishableFile(url) { media.append(path) }
            default: break
            }
        }
        // The module's top heading level becomes <h2>, under the page's <h1>.
        let top = levels.map(\.0).min() ?? 1
        let offset = 2 - top
        var slugger = HeadingSlugger()
        headings = levels.map { level, text in
            return Heading(level: min(6, level + offset), text: text, id: slugger.slug(for: text))
        }
        let renderer = HTMLRenderer(options: .init(headingIDs: true, headingLevelOffset: offset, rewriteLink: ModuleLinks.rewrite))
        html = renderer.render(module.body)

        // Bytes, not Characters: ASCII letters and digits, and any non-ASCII byte, make words.
        var seen = Set<String>()
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if current.count > 1, words.count < Self.maximumWords {
                let word = String(decoding: current, as: UTF8.self)
                if seen.insert(word).inserted { words.append(word) }
            }
            current.removeAll(keepingCapacity: true)
        }
        // The loop lower-cases ASCII itself; only other text needs Unicode's rules.
        let plain = root.plainText
        let text = plain.utf8.allSatisfy({ $0 < 0x80 }) ? plain : plain.lowercased()
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: current.append(byte)
            default: flush()
            }
        }
        flush()
        self.words = words
        self.media = media
    }

    /// Top-level sections and their direct subsections, for "On this page".
    var tableOfContents: [TemplateValue] {
        var entries: [TemplateValue] = []
        var children: [TemplateValue] = []
        func close() {
            guard !entries.isEmpty else { return }
            entries[entries.count - 1]["children"] = .list(children)
            entries[entries.count - 1]["hasChildren"] = .bool(!children.isEmpty)
            children = []
        }
        for heading in headings where heading.level <= 3 {
            if heading.level == 2 {
                close()
                entries.append(["id": .string(heading.id), "text": .string(heading.text)])
            } else if entries.isEmpty {
                entries.append(["id": .string(heading.id), "text": .string(heading.text), "hasChildren": false])
            } else {
                children.append(["id": .string(heading.id), "text": .string(heading.text)])
            }
        }
        close()
        return entries
    }
}
