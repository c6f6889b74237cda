/// Text with position markers (`1️⃣` … `9️⃣`) written where a diagnostic is expected, in the
/// style of swift-format's tests. The markers are removed and their line and byte column kept.
public struct MarkedText: Sendable {
    public let text: String
    /// Marker → (line, column), 1-based, column in UTF-8 bytes as Lantern reports it.
    public let markers: [String: (line: Int, column: Int)]

    public static let symbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public init(_ marked: String) {
        var text = ""
        var markers: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for symbol in Self.symbols where rest.hasPrefix(symbol) {
                markers[symbol] = (line, column)
                rest = rest.dropFirst(symbol.count)
                continue outer
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.markers = markers
    }

    /// `path:line:col` of a marker.
    public func location(_ marker: String, in path: String) -> String {
        guard let position = markers[marker] else { return "\(path):?:?" }
        return "\(path):\(position.line):\(position.column)"
    }
}
