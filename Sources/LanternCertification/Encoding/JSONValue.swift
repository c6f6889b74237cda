/// A JSON value that keeps the order of object members, so Lantern writes credentials in a
/// readable, stable order and can parse any credential strictly (see ``JSONParser``).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value == value.rounded() && abs(value) < 9.0e15: return Int(value)
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Member of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// A string, or every string of an array of strings (JSON-LD lets `type` be either).
    public var stringsValue: [String]? {
        switch self {
        case .string(let value): return [value]
        case .array(let values):
            let strings = values.compactMap(\.stringValue)
            return strings.count == values.count ? strings : nil
        default: return nil
        }
    }

    /// Compact JSON text (no spaces), members in their stored order.
    public var serialized: String {
        var writer = JSONWriter(pretty: false)
        writer.write(self)
        return writer.output
    }

    /// Compact JSON as UTF-8 bytes.
    public var serializedBytes: [UInt8] {
        var writer = JSONWriter(pretty: false)
        writer.write(self)
        return writer.bytes
    }

    /// Indented JSON text for people, members in their stored order.
    public var prettySerialized: String {
        var writer = JSONWriter(pretty: true)
        writer.write(self)
        return writer.output + "\n"
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
