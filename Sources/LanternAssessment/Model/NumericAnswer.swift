/// One answer of a numeric question: a value with a tolerance, or a range.
public struct NumericAnswer: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// `value ± tolerance`.
        case value(Double, tolerance: Double)
        /// `low..high`, both included.
        case range(Double, Double)
        /// `*`: any number not matched before (for feedback on everything else).
        case any
    }

    public var target: Target
    /// How the author wrote it (`6 ± 0.5`, `5..7`), kept for writing the quiz back out.
    public var text: String
    public var credit: Fraction
    public var feedback: String?

    public init(target: Target, text: String, credit: Fraction, feedback: String? = nil) {
        self.target = target
        self.text = text
        self.credit = credit
        self.feedback = feedback
    }
}
