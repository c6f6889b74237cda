import LanternCurriculum
import LanternMarkdown
#if canImport(Glibc)
import Glibc
#endif

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
    /// Curriculum files the module shows or links to (see `ModuleLinks.publishableFile(target:)`).
    var media: [String]

    static let maximumWords = 1500

    init(html: String, headings: [Heading], words: [String], media: [String]) {
        self.html = html
        self.headings = headings
        self.words = words
        self.media = media
    }

    init(_ module: Module) {
        let document = CmarkDocument(parsing: module.bodyText, lineOffset: module.bodyLineOffset)
        // One walk finds the headings (with their text), the files the module shows or links to,
        // and the words for search, and points links at their pages on the site.
        var levels: [(Int, String)] = []
        var media: [String] = []
        var words = WordCollector(limit: Self.maximumWords)
        var text = PlainTextCollector()
        document.walk { node, entering in
            switch node.kind {
            case .heading:
                if entering { text.begin() } else { levels.append((node.headingLevel, text.end())) }
            case .link, .image:
                guard entering else { return }
                let url = node.url
                if URLSafety.isDangerous(url) {
                    node.setURL("")
                } else {
                    let target = LinkTarget.classify(url)
                    if let path = ModuleLinks.publishableFile(target: target) { media.append(path) }
                    let rewritten = ModuleLinks.rewrite(url, target: target)
                    if rewritten != url { node.setURL(rewritten) }
                }
            case .text, .code, .codeBlock:
                words.add(node.literalBytes)
                if text.isCollecting { text.add(node) }
            case .softBreak, .lineBreak:
                words.separate()
                if text.isCollecting { text.add(node) }
            default:
                break
            }
        }
        words.separate()
        // The module's top heading level becomes <h2>, under the page's <h1>.
        let top = levels.map(\.0).min() ?? 1
        let offset = 2 - top
        var slugger = HeadingSlugger()
        headings = levels.map { level, text in
            Heading(level: min(6, max(1, level + offset)), text: text, id: slugger.slug(for: text))
        }
        if offset != 0 {
            document.walk { node, entering in
                if entering, node.kind == .heading { node.setHeadingLevel(node.headingLevel + offset) }
            }
        }
        html = Self.addingHeadingIDs(document.html(), headings) ?? {
            // Never expected: libcmark's headings did not line up with the walk's.
            HTMLRenderer(options: .init(headingIDs: true, headingLevelOffset: offset, rewriteLink: ModuleLinks.rewrite))
                .render(module.parsedBody())
        }()
        self.words = words.words
        self.media = media
    }

    /// Gives each `<hN>` of libcmark's HTML its anchor, in order. In safe mode every `<h1>`–`<h6>`
    /// in the output is a heading (raw HTML is replaced by a comment and text is escaped); nil
    /// when the count or levels do not match the headings.
    static func addingHeadingIDs(_ html: String, _ headings: [Heading]) -> String? {
        guard !headings.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 32)
        var next = 0
        let matched: Bool = html.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var copied = 0
            var index = 0
            let count = bytes.count
            while index + 3 < count {
                // Jump to the next '<'.
                guard let found = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "<")), count - 3 - index) else { break }
                index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
                if bytes[index + 1] == UInt8(ascii: "h"),
                   bytes[index + 2] >= UInt8(ascii: "1"), bytes[index + 2] <= UInt8(ascii: "6"), bytes[index + 3] == UInt8(ascii: ">") {
                    guard next < headings.count, Int(bytes[index + 2] - UInt8(ascii: "0")) == headings[next].level else { return false }
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<(index + 3)]), as: UTF8.self)
                    out += " id=\""
                    HTMLEscaping.escapeText(headings[next].id, into: &out)
                    out += "\""
                    next += 1
                    copied = index + 3
                    index += 4
                } else {
                    index += 1
                }
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self)
            return next == headings.count
        } ?? false
        return matched ? out : nil
    }

    /// Splits text into distinct lower-case words, in order of first use. Bytes, not Characters:
    /// ASCII letters and digits, and any non-ASCII byte, make words; a word may continue from one
    /// text node into the next, as it does in the joined plain text.
    struct WordCollector {
        let limit: Int
        private(set) var words: [String] = []
        /// Words already kept, as an open-addressing table over their lower-cased bytes: a
        /// repeated word costs a hash and a compare, no `String` (most words are repeats).
        private var seen = SeenWords()
        /// A word that may continue into the next text.
        private var current: [UInt8] = []
        /// The lower-cased bytes of the word being kept.
        private var scratch: [UInt8] = []

        init(limit: Int) {
            self.limit = limit
            current.reserveCapacity(64)
            scratch.reserveCapacity(64)
        }

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            if bytes.contains(where: { $0 >= 0x80 }) {
                // Only text beyond ASCII needs Unicode's lower-casing.
                var lowered = String(decoding: bytes, as: UTF8.self).lowercased()
                lowered.withUTF8 { addLowering($0) }
            } else {
                addLowering(bytes)
            }
        }

        /// Ends the current word.
        mutating func separate() {
            if !current.isEmpty {
                current.withUnsafeBufferPointer { keep($0) }
                current.removeAll(keepingCapacity: true)
            }
        }

        private static func isWordByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: true
            default: false
            }
        }

        private static func lowered(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        }

        private mutating func addLowering(_ bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            var index = 0
            while index < count {
                guard Self.isWordByte(bytes[index]) else {
                    separate()
                    index += 1
                    continue
                }
                var end = index + 1
                while end < count, Self.isWordByte(bytes[end]) { end += 1 }
                if current.isEmpty, end < count {
                    // The whole word is in this text: no copy unless it has capitals.
                    keep(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                } else {
                    for position in index..<end { current.append(Self.lowered(bytes[position])) }
                    if end < count { separate() }
                }
                index = end
            }
        }

        private mutating func keep(_ word: UnsafeBufferPointer<UInt8>) {
            guard word.count > 1, words.count < limit else { return }
            if !word.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) {
                // Already lower case (most words): no copy.
                if seen.insert(word) { words.append(String(decoding: word, as: UTF8.self)) }
                return
            }
            scratch.removeAll(keepingCapacity: true)
            for byte in word { scratch.append(Self.lowered(byte)) }
            let isNew = scratch.withUnsafeBufferPointer { seen.insert($0) }
            if isNew { words.append(String(decoding: scratch, as: UTF8.self)) }
        }
    }

    /// A set of short byte strings: FNV-1a hashes, linear probing, the bytes in one arena.
    struct SeenWords {
        private var arena: [UInt8] = []
        private var ranges: [(start: Int, count: Int)] = []
        /// Indices into `ranges` plus one; 0 is empty.
        private var table = [Int32](repeating: 0, count: 1024)

        /// Adds the bytes; whether they were new.
        mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while table[slot] != 0 {
                let range = ranges[Int(table[slot]) - 1]
                if range.count == bytes.count,
                   arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + range.start, bytes.baseAddress!, range.count) == 0 }) {
                    return false
                }
                slot = (slot + 1) & mask
            }
            ranges.append((arena.count, bytes.count))
            arena.append(contentsOf: bytes)
            table[slot] = Int32(ranges.count)
            if ranges.count * 2 > table.count { grow() }
            return true
        }

        private mutating func grow() {
            var bigger = [Int32](repeating: 0, count: table.count * 2)
            let mask = bigger.count - 1
            for (index, range) in ranges.enumerated() {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for position in range.start..<(range.start + range.count) { hash = (hash ^ UInt64(arena[position])) &* 0x0000_0100_0000_01b3 }
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                while bigger[slot] != 0 { slot = (slot + 1) & mask }
                bigger[slot] = Int32(index + 1)
            }
            table = bigger
        }
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
