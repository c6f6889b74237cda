/// The kinds of question a quiz can hold (`type=` in a question heading).
public enum QuestionType: String, Sendable, Hashable, Codable, CaseIterable {
    case single, multi, truefalse, short, numeric, matching, ordering
    /// An open answer kept for a person to mark; never scored automatically.
    case essay
    /// Text between questions (instructions, a case study); no answer and no score.
    case description

    /// Whether the engine scores this type by itself.
    public var isAutoGraded: Bool { self != .essay && self != .description }
}
