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
        // ASCII (nearly every heading): the same rules on bytes, without Unicode tables.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "-"): bytes.append(UInt8(ascii: "-"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): bytes.append(byte)
                default: break
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
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
