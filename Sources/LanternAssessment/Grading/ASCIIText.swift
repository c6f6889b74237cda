/// Fast paths for ASCII text, with exactly Foundation's results on it.
enum ASCIIText {
    /// `text` without leading and trailing ASCII whitespace: space and tab (Foundation's
    /// `.whitespaces` on ASCII), plus LF, VT, FF and CR when `newlines` (`.whitespacesAndNewlines`).
    static func trimmed(_ text: String, newlines: Bool) -> String {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || (newlines && byte >= 0x0A && byte <= 0x0D)
        }
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex, last == utf8.index(before: utf8.endIndex) { return text }
        return String(Substring(utf8[first...last]))
    }
}
