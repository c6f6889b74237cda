/// Feedback on a whole quiz score: shown when the total is at least `from`.
public struct ScoreBand: Sendable, Hashable {
    public var from: Fraction
    public var text: String

    public init(from: Fraction, text: String) {
        self.from = from
        self.text = text
    }
}
