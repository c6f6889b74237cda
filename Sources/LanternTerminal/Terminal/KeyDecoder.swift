/// Turns the bytes a terminal sends in raw mode into keys: arrows, PgUp/PgDn, Home/End
/// (both the `CSI` and `SS3` forms), Enter, Backspace, Ctrl-C, and printable UTF-8.
///
/// Bytes may arrive split across reads: an incomplete escape sequence or UTF-8 character is kept
/// until the next `feed`; `flush()` turns a lone Escape into `.escape` once no more bytes came.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// Whether bytes are waiting for the rest of a sequence.
    public var hasPending: Bool { !pending.isEmpty }

    /// The keys in `bytes` (plus any bytes left over from before).
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var index = 0
        while index < pending.count {
            guard let (key, length) = decode(at: index) else { break }
            if let key { keys.append(key) }
            index += length
        }
        pending.removeFirst(index)
        return keys
    }

    /// Whatever is pending, decoded as it stands (a lone ESC becomes `.escape`).
    public mutating func flush() -> [Key] {
        defer { pending.removeAll() }
        guard !pending.isEmpty else { return [] }
        if pending[0] == 0x1B {
            var keys: [Key] = [.escape]
            var rest = KeyDecoder()
            keys += rest.feed(pending.dropFirst())
            keys += rest.flush()
            return keys
        }
        // A broken UTF-8 sequence: drop it rather than guess.
        return []
    }

    /// The key at `index` and how many bytes it took; nil when more bytes are needed.
    /// A nil key with a length skips bytes that mean nothing.
    private func decode(at index: Int) -> (Key?, Int)? {
        let byte = pending[index]
        switch byte {
        case 0x1B:
            return escape(at: index)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x09: return (.tab, 1)
        case 0x03: return (.interrupt, 1)
        case 0x01...0x1A: return (.control(Character(Unicode.Scalar(byte + 0x60))), 1)
        case 0x00..<0x20: return (nil, 1)
        case 0x20..<0x7F: return (.character(Character(Unicode.Scalar(byte))), 1)
        default:
            return utf8(at: index)
        }
    }

    private func escape(at index: Int) -> (Key?, Int)? {
        guard index + 1 < pending.count else { return nil }
        let introducer = pending[index + 1]
        if introducer == UInt8(ascii: "O") {
            guard index + 2 < pending.count else { return nil }
            return (final(pending[index + 2], parameter: nil), 3)
        }
        guard introducer == UInt8(ascii: "[") else {
            // ESC followed by something else: Alt+key; report Escape and let the key through.
            return (.escape, 1)
        }
        var cursor = index + 2
        var parameter = 0
        var hasParameter = false
        var afterSeparator = false
        while cursor < pending.count {
            let byte = pending[cursor]
            if (0x30...0x3F).contains(byte) {
                if byte >= 0x30, byte <= 0x39, !afterSeparator, parameter < 1000 {
                    parameter = parameter * 10 + Int(byte - 0x30)
                    hasParameter = true
                } else if byte == UInt8(ascii: ";") {
                    // Modifiers (Shift, Ctrl) are ignored: keep the first parameter only.
                    hasParameter = true
                    afterSeparator = true
                }
                cursor += 1
                continue
            }
            if (0x20...0x2F).contains(byte) { cursor += 1; continue }
            return (final(byte, parameter: hasParameter ? parameter : nil), cursor - index + 1)
        }
        return nil
    }

    private func final(_ byte: UInt8, parameter: Int?) -> Key? {
        switch byte {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch parameter {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        default: return nil
        }
    }

    private func utf8(at index: Int) -> (Key?, Int)? {
        let byte = pending[index]
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        guard index + length <= pending.count else { return nil }
        let bytes = pending[index..<(index + length)]
        guard bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return (nil, 1) }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let character = text.first, text.unicodeScalars.first != "\u{FFFD}" else { return (nil, length) }
        return (.character(character), length)
    }
}
