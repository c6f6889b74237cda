/// One prompt of a matching question and the answer that belongs to it.
public struct MatchPair: Sendable, Hashable {
    public var prompt: String
    public var answer: String
    /// Shown when this prompt is matched wrongly (Markdown).
    public var feedback: String?

    public init(prompt: String, answer: String, feedback: String? = nil) {
        self.prompt = prompt
        self.answer = answer
        self.feedback = feedback
    }
}
