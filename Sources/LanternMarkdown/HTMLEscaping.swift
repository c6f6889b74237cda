import LanternDiagnostics

/// HTML and URL escaping, byte-for-byte as libcmark's HTML renderer does it (text through
/// LanternDiagnostics' `HTMLText`, the one HTML escaper).
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` for HTML text and attribute values, as cmark does (no
    /// `'`: the renderer writes double-quoted attributes only), through the one HTML escaper.
    public static func escapeText(_ text: String, into out: inout String) {
        HTMLText.append(text, to: &out, apostrophe: false)
    }

    public static func escapeText(_ text: String) -> String {
        HTMLText.escape(text, apostrophe: false)
    }

    /// Escapes a URL for an `href` or `src` attribute: characters that are not URL-safe are
    /// percent-encoded, `&` and `'` become entities.
    public static func escapeHref(_ url: String, into out: inout String) {
        for byte in url.utf8 {
            if byte < 128, hrefSafe[Int(byte)] {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: "&") {
                out += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                out += "&#x27;"
            } else {
                out += "%"
                out.unicodeScalars.append(hexDigit(byte >> 4))
                out.unicodeScalars.append(hexDigit(byte & 0xF))
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10)
    }

    /// cmark's HREF_SAFE table: alphanumerics and `-_.+!*(),%#@?=;:/$~`.
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for scalar in "-_.+!*(),%#@?=;:/$~".unicodeScalars { table[Int(scalar.value)] = true }
        for range in [UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                      UInt8(ascii: "0")...UInt8(ascii: "9")] {
            for byte in range { table[Int(byte)] = true }
        }
        return table
    }()
}
