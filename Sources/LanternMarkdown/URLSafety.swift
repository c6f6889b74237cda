/// Decides which link and image destinations are safe to publish.
public enum URLSafety {
    /// Whether a destination would run code or read local files when followed: `javascript:`,
    /// `vbscript:`, `file:` and `data:` (except `data:image/png|gif|jpeg|webp`), compared
    /// case-insensitively after dropping leading spaces and control characters, which browsers
    /// ignore. This is libcmark's safe-mode rule, made stricter about leading whitespace.
    public static func isDangerous(_ url: String) -> Bool {
        // Look at the first bytes only, lower-cased, skipping what browsers skip; no allocation.
        var prefix: (UInt64, UInt64) = (0, 0)
        var count = 0
        var started = false
        for byte in url.utf8 {
            if !started, byte <= 0x20 { continue }
            started = true
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if count < 8 {
                prefix.0 |= UInt64(lower) << (8 * UInt64(count))
            } else {
                prefix.1 |= UInt64(lower) << (8 * UInt64(count - 8))
            }
            count += 1
            if count == 16 { break }
        }
        func starts(with word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard length <= count else { return false }
            return word.withUTF8Buffer { letters in
                for (index, letter) in letters.enumerated() {
                    let byte = index < 8 ? UInt8(truncatingIfNeeded: prefix.0 >> (8 * UInt64(index)))
                                         : UInt8(truncatingIfNeeded: prefix.1 >> (8 * UInt64(index - 8)))
                    if byte != letter { return false }
                }
                return true
            }
        }
        if starts(with: "data:image/png") || starts(with: "data:image/gif")
            || starts(with: "data:image/jpeg") || starts(with: "data:image/webp") {
            return false
        }
        return starts(with: "javascript:") || starts(with: "vbscript:") || starts(with: "file:") || starts(with: "data:")
    }

    /// Whether a destination names a scheme (`https:`, `mailto:`) rather than a relative path.
    public static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
