/// Text attributes the terminal renderer can apply, as ANSI SGR codes.
public struct TerminalStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TerminalStyle(rawValue: 1 << 0)
    public static let italic = TerminalStyle(rawValue: 1 << 1)
    public static let underline = TerminalStyle(rawValue: 1 << 2)
    public static let dim = TerminalStyle(rawValue: 1 << 3)
    public static let code = TerminalStyle(rawValue: 1 << 4)
    public static let accent = TerminalStyle(rawValue: 1 << 5)

    /// The escape sequence that turns these attributes on (empty for no attributes).
    public var escape: String {
        guard !isEmpty else { return "" }
        var codes: [String] = []
        if contains(.bold) { codes.append("1") }
        if contains(.dim) { codes.append("2") }
        if contains(.italic) { codes.append("3") }
        if contains(.underline) { codes.append("4") }
        if contains(.code) { codes.append("36") }
        if contains(.accent) { codes.append("35") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    public static let reset = "\u{1B}[0m"
}
