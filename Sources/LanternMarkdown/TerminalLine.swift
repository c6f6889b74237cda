/// One line of rendered terminal output.
public struct TerminalLine: Hashable, Sendable {
    /// What to print: with ANSI escapes when colour is on.
    public var text: String
    /// The same line without escapes, for searching and measuring.
    public var plain: String
    /// Set on the first line of a heading: its level (1–6).
    public var headingLevel: Int?

    public init(text: String, plain: String, headingLevel: Int? = nil) {
        self.text = text
        self.plain = plain
        self.headingLevel = headingLevel
    }

    static let blank = TerminalLine(text: "", plain: "")
}
