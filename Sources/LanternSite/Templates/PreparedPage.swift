import LanternDiagnostics

/// A page template rendered once per *shape* of context, with every string value left as a
/// hole: ten thousand certificate pages of the same shape cost one Mustache rendering and ten
/// thousand fills.
///
/// The shape of a context is its key paths, its booleans and which of its strings are empty;
/// contexts with lists or numbers are not prepared. Each string becomes a private-use sentinel
/// holding a `&`, so the output tells whether the template escaped it (`&amp;`) or not. The
/// first page of every shape is also rendered by Mustache itself and compared: a template that
/// does anything else with a value (a transform such as `uppercased(...)`) makes that shape fall
/// back to Mustache for good, so the output is always what Mustache gives.
struct PreparedPage: Sendable {
    enum Piece: Sendable { case text(String), value(Int, escaped: Bool) }

    let pieces: [Piece]

    static func sentinel(_ index: Int) -> String { "\u{E000}\(index)&\u{E001}" }

    /// A context with its strings replaced by sentinels, the strings in order, and its shape.
    struct Flattened {
        var holes: [String: Any]
        var values: [String]
        var shape: String
    }

    /// Nil when the context holds anything but nested dictionaries, strings and booleans.
    static func flatten(_ context: [String: Any]) -> Flattened? {
        var values: [String] = []
        var shape = ""
        func walk(_ dictionary: [String: Any], path: String) -> [String: Any]? {
            var holes: [String: Any] = [:]
            for key in dictionary.keys.sorted() {
                let value = dictionary[key]!
                let keyPath = path + key
                if let text = value as? String {
                    shape += "\(keyPath):s\(text.isEmpty ? 0 : 1);"
                    holes[key] = sentinel(values.count)
                    values.append(text)
                } else if let flag = value as? Bool {
                    shape += "\(keyPath):b\(flag ? 1 : 0);"
                    holes[key] = flag
                } else if let nested = value as? [String: Any] {
                    shape += "\(keyPath):{"
                    guard let inner = walk(nested, path: keyPath + ".") else { return nil }
                    shape += "};"
                    holes[key] = inner
                } else {
                    return nil
                }
            }
            return holes
        }
        guard let holes = walk(context, path: "") else { return nil }
        return Flattened(holes: holes, values: values, shape: shape)
    }

    /// Splits a page rendered with sentinels into text and holes; nil when a hole is unreadable.
    init?(rendered: String, valueCount: Int) {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(rendered)
        while let start = rest.firstIndex(of: "\u{E000}") {
            text += rest[..<start]
            var after = rest[rest.index(after: start)...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            guard let index = Int(digits), index < valueCount else { return nil }
            after = after.dropFirst(digits.count)
            let escaped: Bool
            if after.hasPrefix("&amp;\u{E001}") {
                escaped = true
                after = after.dropFirst("&amp;\u{E001}".count)
            } else if after.hasPrefix("&\u{E001}") {
                escaped = false
                after = after.dropFirst("&\u{E001}".count)
            } else {
                return nil
            }
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
            pieces.append(.value(index, escaped: escaped))
            rest = after
        }
        text += rest
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    func fill(_ values: [String]) -> String {
        var out = ""
        out.reserveCapacity(8192)
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .value(let index, let escaped):
                if escaped { PreparedLayout.escape(values[index], into: &out) } else { out += values[index] }
            }
        }
        return out
    }
}

/// Prepared pages by template name and shape; `nil` marks a shape that must go through Mustache.
final class PreparedPageCache: Sendable {
    private let pages = Locked<[String: PreparedPage?]>([:])

    /// The rendered content of `name` for `context`: filled in from the prepared page of its
    /// shape, or rendered by `render` (which also prepares the shape the first time).
    func render(_ name: String, context: [String: Any], render: ([String: Any]) -> String) -> String {
        guard let flattened = PreparedPage.flatten(context) else { return render(context) }
        let key = name + "\u{1}" + flattened.shape
        if let found = pages.withLock({ $0[key] }) {
            if let prepared = found { return prepared.fill(flattened.values) }
            return render(context)
        }
        let direct = render(context)
        var prepared = PreparedPage(rendered: render(flattened.holes), valueCount: flattened.values.count)
        if prepared?.fill(flattened.values) != direct { prepared = nil }
        pages.withLock { $0[key] = .some(prepared) }
        return direct
    }
}
