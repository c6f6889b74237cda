import LanternDiagnostics
import LanternMarkdown

/// Fitting plain text into columns, measured in display width (wide characters take two).
enum TextFit {
    /// `text` cut to `width` columns, ending in `…` when something was cut.
    /// Every row the learner's screens paint passes through here (or through the Markdown
    /// terminal renderer): user text is cleaned of control, escape and bidi characters first.
    static func clip(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let text = TerminalSafeText.clean(text)
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            out.append(character)
            used += characterWidth
        }
        return out + "…"
    }

    /// `text` clipped and padded with spaces to exactly `width` columns.
    static func pad(_ text: String, to width: Int) -> String {
        let clipped = clip(text, to: width)
        return clipped + String(repeating: " ", count: max(0, width - DisplayWidth.of(clipped)))
    }

    /// `left` and `right` on one line of `width` columns, `right` kept whole when it fits.
    static func spread(_ left: String, _ right: String, width: Int) -> String {
        let rightWidth = DisplayWidth.of(right)
        if rightWidth + 2 > width { return clip(left, to: width) }
        let leftText = clip(left, to: width - rightWidth - 1)
        let gap = width - DisplayWidth.of(leftText) - rightWidth
        return leftText + String(repeating: " ", count: max(1, gap)) + right
    }
}
