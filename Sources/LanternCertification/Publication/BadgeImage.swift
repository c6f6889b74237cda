import LanternDiagnostics

/// The badge image of an achievement (OB 3.0 `image`): an SVG medal with the organisation's
/// initials and the achievement's name, published at the achievement's address + `badge.svg`.
public enum BadgeImage {
    public static func svg(achievementName: String, organisationName: String) -> String {
        let initials = String(organisationName.split(separator: " ").compactMap(\.first).prefix(3)).uppercased()
        let lines = wrap(achievementName, width: 18, lines: 3)
        let firstY = 112 - (lines.count - 1) * 9
        let text = lines.enumerated().map { index, line in
            "<text x=\"100\" y=\"\(firstY + index * 18)\" text-anchor=\"middle\" font-size=\"15\" font-family=\"Georgia, serif\" fill=\"#fffdf8\">\(HTMLText.escape(line))</text>"
        }.joined()
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200" role="img" aria-label="Badge: \(HTMLText.escape(achievementName)), \(HTMLText.escape(organisationName))">\
        <title>\(HTMLText.escape(achievementName)) — \(HTMLText.escape(organisationName))</title>\
        <circle cx="100" cy="100" r="96" fill="#7a5a1e"/><circle cx="100" cy="100" r="88" fill="#2f4f6f"/>\
        <circle cx="100" cy="100" r="80" fill="none" stroke="#e8d9b5" stroke-width="1.5" stroke-dasharray="3 3"/>\
        <text x="100" y="58" text-anchor="middle" font-size="20" font-family="Georgia, serif" fill="#e8d9b5" letter-spacing="2">\(HTMLText.escape(initials))</text>\
        \(text)\
        <text x="100" y="166" text-anchor="middle" font-size="10" font-family="Georgia, serif" fill="#e8d9b5" letter-spacing="3">CERTIFIED</text></svg>

        """
    }

    /// Words into at most `lines` lines of about `width` characters; the last is cut with "…".
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= width { current += " " + word }
            else { result.append(current); current = String(word) }
        }
        if !current.isEmpty { result.append(current) }
        if result.count > lines {
            result = Array(result.prefix(lines))
            result[lines - 1] += "…"
        }
        return result.isEmpty ? [""] : result
    }
}
