/// Writes ``JSONValue``s as RFC 8259 text; strings escaped so the output is safe in HTML
/// script blocks too (`<`, `>`, `&` and U+2028/2029 as `\u` escapes).
struct JSONWriter {
    let pretty: Bool
    private(set) var output = ""
    private var depth = 0

    init(pretty: Bool) {
        self.pretty = pretty
        output.reserveCapacity(2048)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                output += String(Int(number))
            } else if number.isFinite {
                output += "\(number)"
            } else {
                output += "null"
            }
        case .string(let text): writeString(text)
        case .array(let values):
            if values.isEmpty { output += "[]"; return }
            output += "["
            depth += 1
            for (index, element) in values.enumerated() {
                if index > 0 { output += "," }
                newline()
                write(element)
            }
            depth -= 1
            newline()
            output += "]"
        case .object(let object):
            if object.count == 0 { output += "{}"; return }
            output += "{"
            depth += 1
            for (index, member) in object.members.enumerated() {
                if index > 0 { output += "," }
                newline()
                writeString(member.key)
                output += pretty ? ": " : ":"
                write(member.value)
            }
            depth -= 1
            newline()
            output += "}"
        }
    }

    private mutating func newline() {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: depth)
    }

    private mutating func writeString(_ text: String) {
        output += "\""
        var plainStart = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "<": escape = "\\u003c"
            case ">": escape = "\\u003e"
            case "&": escape = "\\u0026"
            case "\u{2028}": escape = "\\u2028"
            case "\u{2029}": escape = "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                output += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        output += "\""
    }
}
