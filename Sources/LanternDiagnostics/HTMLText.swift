/// The one HTML escaper: Markdown's renderer, the site's templates and the printable
/// certificate all escape through it.
///
/// It works on UTF-8 bytes, never on `Character`s: a quote or `<` followed by a combining mark
/// (`"\u{338}`) is one Swift `Character` but two code points to a browser, whose tokenizer ends
/// an attribute at the quote — an escaper that compared `Character`s let such a value out of
/// its attribute. Every byte escaped is ASCII, which never occurs inside a multi-byte UTF-8
/// sequence, so escaping byte by byte always leaves valid UTF-8.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` — and `'` as `&#39;` when `apostrophe` (the default: safe in single-
    /// quoted attributes too). Markdown's renderer passes `false` to match cmark byte for byte;
    /// it only writes double-quoted attributes.
    public static func append(_ text: String, to out: inout String, apostrophe: Bool = true) {
        let specials = apostrophe ? withApostrophe : withoutApostrophe
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            append(bytes, to: &out, specials: specials, text: text)
        }
        if done == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { append($0, to: &out, specials: specials, text: text) }
        }
    }

    public static func escape(_ text: String, apostrophe: Bool = true) -> String {
        var out = ""
        append(text, to: &out, apostrophe: apostrophe)
        return out
    }

    /// Bit `b` set for each byte `b` (all below 64) that is escaped.
    private static let withApostrophe: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
    private static let withoutApostrophe: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    @inline(__always)
    private static func isSpecial(_ byte: UInt8, _ specials: UInt64) -> Bool { byte < 64 && specials >> UInt64(byte) & 1 != 0 }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout String, specials: UInt64, text: String) {
        var count = 0
        for byte in bytes where isSpecial(byte, specials) { count += 1 }
        if count == 0 {
            out += text
            return
        }
        // Longest replacement: "&quot;", 6 bytes for 1.
        out += String(unsafeUninitializedCapacity: bytes.count + 5 * count) { buffer in
            var written = 0
            func put(_ literal: StaticString) {
                literal.withUTF8Buffer { source in
                    for byte in source {
                        buffer[written] = byte
                        written += 1
                    }
                }
            }
            for byte in bytes {
                if isSpecial(byte, specials) {
                    switch byte {
                    case UInt8(ascii: "<"): put("&lt;")
                    case UInt8(ascii: ">"): put("&gt;")
                    case UInt8(ascii: "&"): put("&amp;")
                    case UInt8(ascii: "\""): put("&quot;")
                    default: put("&#39;")
                    }
                } else {
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
    }
}
