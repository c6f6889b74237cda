/// `assets/search-index.js`: every module's title, summary, headings and words, built once at
/// build time and loaded by the search page as a script (so search works from `file://` too).
///
/// Each module's entry depends on its file alone, so a build keeps entries of unchanged
/// modules (in the build cache) and joins them with the new ones.
enum SearchIndex {
    struct Entry {
        var url: String
        var title: String
        var summary: String
        var headings: [RenderedModule.Heading]
        var words: [String]
    }

    /// One module's entry: a JSON object.
    static func entry(_ entry: Entry) -> [UInt8] {
        var out = "{\"u\":"
        JSONText.string(entry.url, into: &out)
        out += ",\"t\":"; JSONText.string(entry.title, into: &out)
        out += ",\"s\":"; JSONText.string(entry.summary, into: &out)
        out += ",\"h\":["
        for (position, heading) in entry.headings.enumerated() {
            if position > 0 { out += "," }
            out += "["; JSONText.string(heading.text, into: &out); out += ","
            JSONText.string(heading.id, into: &out); out += "]"
        }
        out += "],\"x\":"; JSONText.string(entry.words.joined(separator: " "), into: &out)
        out += "}"
        return Array(out.utf8)
    }

    static let header = Array("window.LANTERN_SEARCH = [\n".utf8)

    /// Where each entry is in the script made of entries of these lengths.
    static func positions(lengths: [Int]) -> [Range<Int>] {
        var offset = header.count
        return lengths.map { length in
            defer { offset += length + 2 }
            return offset..<(offset + length)
        }
    }

    /// The script, from every module's entry in order.
    static func script(entries: [ArraySlice<UInt8>]) -> [UInt8] {
        let header = Self.header
        var out: [UInt8] = []
        out.reserveCapacity(header.count + entries.reduce(0) { $0 + $1.count + 2 } + 4)
        out += header
        for (index, entry) in entries.enumerated() {
            out += entry
            out += index == entries.count - 1 ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")]
        }
        out += Array("];\n".utf8)
        return out
    }
}
