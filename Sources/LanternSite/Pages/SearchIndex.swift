/// `assets/search-index.js`: every module's title, summary, headings and words, built once at
/// build time and loaded by the search page as a script (so search works from `file://` too).
enum SearchIndex {
    struct Entry {
        var url: String
        var title: String
        var summary: String
        var headings: [RenderedModule.Heading]
        var words: [String]
    }

    static func script(_ entries: [Entry]) -> String {
        var out = "window.LANTERN_SEARCH = [\n"
        for (index, entry) in entries.enumerated() {
            out += "{\"u\":"; JSONText.string(entry.url, into: &out)
            out += ",\"t\":"; JSONText.string(entry.title, into: &out)
            out += ",\"s\":"; JSONText.string(entry.summary, into: &out)
            out += ",\"h\":["
            for (position, heading) in entry.headings.enumerated() {
                if position > 0 { out += "," }
                out += "["; JSONText.string(heading.text, into: &out); out += ","
                JSONText.string(heading.id, into: &out); out += "]"
            }
            out += "],\"x\":"; JSONText.string(entry.words.joined(separator: " "), into: &out)
            out += index == entries.count - 1 ? "}\n" : "},\n"
        }
        out += "];\n"
        return out
    }
}
