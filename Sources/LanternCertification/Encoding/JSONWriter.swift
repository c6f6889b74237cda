/// Writes ``JSONValue``s as RFC 8259 text into UTF-8 bytes; strings escaped so the output is
/// safe in HTML script blocks too (`<`, `>`, `&` and U+2028/2029 as `\u` escapes).
struct JSONWriter {
    let pretty: Bool
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let flag): flag ? append("true") : append("false")
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .double(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                bytes.append(contentsOf: String(Int(number)).utf8)
            } else if number.isFinite {
                bytes.append(contentsOf: "\(number)".utf8)
            } else {
                append("null")
            }
        case .string(let text): writeString(text)
        case .array(let values):
            if values.isEmpty { append("[]"); return }
            bytes.append(UInt8(ascii: "["))
            depth += 1
            for (index, element) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline()
                write(element)
            }
            depth -= 1
            newline()
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.count == 0 { append("{}"); return }
            bytes.append(UInt8(ascii: "{"))
            depth += 1
            for (index, member) in object.members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline()
                writeString(member.key)
                if pretty { append(": ") } else { bytes.append(UInt8(ascii: ":")) }
                write(member.value)
            }
            depth -= 1
            newline()
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<depth { append("  ") }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = Array(text.utf8)
        var index = 0
        var runStart = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            var escape: StaticString?
            var unicodeEscape: UInt32?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): unicodeEscape = UInt32(byte)
            case 0xE2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                unicodeEscape = utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029
                width = 3
            default:
                if byte < 0x20 { unicodeEscape = UInt32(byte) }
            }
            if escape != nil || unicodeEscape != nil {
                bytes.append(contentsOf: utf8[runStart..<index])
                if let escape { append(escape) }
                if let code = unicodeEscape {
                    append("\\u")
                    for shift in [12, 8, 4, 0] { bytes.append(Self.hex[Int(code >> UInt32(shift) & 0xF)]) }
                }
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        bytes.append(contentsOf: utf8[runStart..<count])
        utf8 = []
        bytes.append(UInt8(ascii: "\""))
    }
}
