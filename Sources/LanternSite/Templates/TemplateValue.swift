/// A value in a page template's context (docs/templates.md), typed so that rendering needs no
/// dynamic casts. Objects keep their keys in the order they were written.
enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateObject)

    /// A value of an object, or nil when this is not an object or has no such key.
    subscript(key: String) -> TemplateValue? {
        get {
            guard case .object(let object) = self else { return nil }
            return object[key]
        }
        set {
            guard case .object(var object) = self else { return }
            self = .list([])  // drop the reference so the object is changed in place
            object[key] = newValue
            self = .object(object)
        }
    }
}

/// An object of a template context: keys in order, looked up by a scan (contexts have a few
/// short keys each, compared as small strings).
struct TemplateObject: Sendable {
    private(set) var keys: [String] = []
    private(set) var values: [TemplateValue] = []

    init() {}

    init(_ pairs: [(String, TemplateValue)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    var count: Int { keys.count }

    /// Setting a key that exists replaces its value in place; setting nil removes it.
    subscript(key: String) -> TemplateValue? {
        get {
            guard let index = keys.firstIndex(of: key) else { return nil }
            return values[index]
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) { self = .object(TemplateObject(elements)) }

    /// This object with the keys of `other` added; `combine` decides for a key both have.
    /// Not an object: `other`.
    func merging(_ other: TemplateValue, uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) -> TemplateValue {
        guard case .object(var object) = self, case .object(let added) = other else { return other }
        for (key, value) in zip(added.keys, added.values) {
            object[key] = object[key].map { combine($0, value) } ?? value
        }
        return .object(object)
    }

    /// A list of strings.
    static func strings(_ items: [String]) -> TemplateValue { .list(items.map { .string($0) }) }
}
