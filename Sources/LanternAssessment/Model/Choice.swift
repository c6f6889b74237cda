/// One option of a single-choice, multiple-response or true/false question.
public struct Choice: Sendable, Hashable {
    /// The option as Markdown (inline).
    public var text: String
    /// What choosing it is worth (−1…1). For multiple response the shares of `[x]`/`[ ]` are already worked out.
    public var credit: Fraction
    /// Whether the author wrote an explicit percentage (`[50%]`) rather than `[x]`/`[ ]`.
    public var hasExplicitCredit: Bool
    /// Shown when this option is chosen (Markdown).
    public var feedback: String?

    public init(text: String, credit: Fraction, hasExplicitCredit: Bool = false, feedback: String? = nil) {
        self.text = text
        self.credit = credit
        self.hasExplicitCredit = hasExplicitCredit
        self.feedback = feedback
    }
}
