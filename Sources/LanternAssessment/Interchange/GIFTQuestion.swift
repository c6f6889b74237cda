/// A question as a GIFT file states it, before it becomes a Lantern question. Field names follow
/// GIFT's own terms so tests can compare it with other GIFT readers.
public struct GIFTQuestion: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case multipleChoice, trueFalse, shortAnswer, numerical, matching, essay, description
    }

    /// Text with the format it was written in (`[html]`, `[moodle]`, `[plain]`, `[markdown]`).
    public struct Text: Sendable, Hashable {
        public enum Format: String, Sendable, Hashable { case moodle, html, plain, markdown }
        public var format: Format
        public var text: String
    }

    public struct Answer: Sendable, Hashable {
        public var text: Text
        /// Written with `=` (right) rather than `~`.
        public var isCorrect: Bool
        /// `%50%` as a fraction (nil when not written).
        public var weight: Fraction?
        public var feedback: Text?
    }

    public struct NumericalAnswer: Sendable, Hashable {
        public var target: NumericAnswer.Target
        public var text: String
        public var isCorrect: Bool
        public var weight: Fraction?
        public var feedback: Text?
    }

    public struct Pair: Sendable, Hashable {
        public var prompt: Text
        public var answer: String
    }

    public var kind: Kind
    public var title: String?
    /// From a `// [id:…]` comment.
    public var id: String?
    /// From `// [tag:…]` comments.
    public var tags: [String]
    public var category: String?
    public var stem: Text
    /// The answers sat inside the text (missing word); the stem holds `_____` where they were.
    public var hasEmbeddedAnswers: Bool
    public var answers: [Answer]
    public var isTrue: Bool?
    /// True/false: feedback for a wrong answer and for a right one.
    public var wrongFeedback: Text?
    public var rightFeedback: Text?
    public var numerical: [NumericalAnswer]
    public var pairs: [Pair]
    public var generalFeedback: Text?
    /// The line the question starts on.
    public var line: Int
}
