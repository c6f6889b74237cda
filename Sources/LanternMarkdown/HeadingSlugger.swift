/// Turns heading text into unique, URL-safe anchors (`Why listening comes first` →
/// `why-listening-comes-first`; a repeat gets `-1`, `-2`), the way GitHub does.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The anchor for the next heading with this text.
    public mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
        if let count = used[base] {
            var next = count
            var candidate: String
            repeat {
                next += 1
                candidate = "\(base)-\(next)"
            } while used[candidate] != nil
            used[base] = next
            used[candidate] = 0
            return candidate
        }
        used[base] = 0
        return base
    }

    /// Lower case; letters, digits, `-` and `_` kept; spaces become `-`; everything else dropped.
    public static func baseSlug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character == " " || character == "-" {
                out.append("-")
            } else if character == "_" || character.isLetter || character.isNumber {
                out.append(character)
            }
        }
        return out.isEmpty ? "section" : out
    }
}
