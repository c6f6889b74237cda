/// One accepted (or anticipated) answer of a short-answer question: a pattern where `*` matches
/// any text and `\*` a literal star.
public struct ShortAnswer: Sendable, Hashable {
    public var pattern: String
    public var credit: Fraction
    public var feedback: String?

    public init(pattern: String, credit: Fraction, feedback: String? = nil) {
        self.pattern = pattern
        self.credit = credit
        self.feedback = feedback
    }

    /// `*` alone: answers everything not matched before it.
    public var isCatchAll: Bool { pattern.trimmingCharacters(in: .whitespaces) == "*" }
}
