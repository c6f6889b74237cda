import LanternDiagnostics

/// The layout rendered once per kind of page, with the per-page values (title, description,
/// content) left as holes: ten thousand certificate pages share one layout rendering.
///
/// The holes are private-use sentinels holding a `&`, so the output tells whether the
/// template escaped a value (`{{title}}`, the sentinel's `&` became `&amp;`) or not
/// (`{{{content}}}`); each page's value is then inserted the same way Mustache would have.
struct PreparedLayout: Sendable {
    enum Field: Character, Sendable { case title = "T", description = "D", content = "C" }
    enum Piece: Sendable { case text(String), value(Field, escaped: Bool) }

    let pieces: [Piece]

    static func sentinel(_ field: Field) -> String { "\u{E000}\(field.rawValue)&\u{E001}" }

    /// Splits a layout rendered with sentinels into text and holes.
    init(rendered: String) {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(rendered)
        while let start = rest.firstIndex(of: "\u{E000}") {
            text += rest[..<start]
            let after = rest[rest.index(after: start)...]
            var matched = false
            if let letter = after.first, let field = Field(rawValue: letter) {
                let tail = after.dropFirst()
                for (marker, escaped) in [("&amp;\u{E001}", true), ("&\u{E001}", false)] where tail.hasPrefix(marker) {
                    pieces.append(.text(text))
                    text = ""
                    pieces.append(.value(field, escaped: escaped))
                    rest = tail.dropFirst(marker.count)
                    matched = true
                    break
                }
            }
            if !matched {
                text.append("\u{E000}")
                rest = after
            }
        }
        text += rest
        pieces.append(.text(text))
        self.pieces = pieces.filter { if case .text(let t) = $0 { return !t.isEmpty } else { return true } }
    }

    func fill(title: String, description: String?, content: String) -> String {
        var out = ""
        out.reserveCapacity(content.utf8.count + 4096)
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .value(let field, let escaped):
                let value: String
                switch field {
                case .title: value = title
                case .description: value = description ?? ""
                case .content: value = content
                }
                if escaped { Self.escape(value, into: &out) } else { out += value }
            }
        }
        return out
    }

    /// The same escaping as swift-mustache's HTML content type.
    static func escape(_ text: String, into out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}

/// Prepared layouts by the parts of the layout context that are not per-page values.
final class LayoutCache: Sendable {
    private let layouts = Locked<[String: PreparedLayout]>([:])

    func layout(for key: String, make: () -> PreparedLayout) -> PreparedLayout {
        if let found = layouts.withLock({ $0[key] }) { return found }
        let made = make()
        layouts.withLock { $0[key] = made }
        return made
    }
}
