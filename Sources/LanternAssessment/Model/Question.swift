import LanternDiagnostics

/// One question of a quiz, as written: immutable, shared by the grader, the terminal and the site.
///
/// Text fields hold Markdown exactly as the author wrote it.
public struct Question: Sendable, Hashable {
    public var id: String
    public var type: QuestionType
    /// The heading: the question itself (inline Markdown).
    public var prompt: String
    /// Paragraphs between the heading and the answers (a longer scenario), as Markdown blocks.
    public var details: String?
    public var choices: [Choice]
    public var shortAnswers: [ShortAnswer]
    public var numericAnswers: [NumericAnswer]
    public var pairs: [MatchPair]
    /// Matching answers that belong to no prompt.
    public var distractors: [String]
    /// Ordering items in the right order.
    public var items: [OrderItem]
    /// Shown after the question whatever was answered (Markdown).
    public var generalFeedback: String?
    /// Safety-critical: the quiz is failed when this is not fully right.
    public var isCritical: Bool
    /// Module outcomes this question tests.
    public var outcomes: [String]
    /// Author-chosen labels (`tags=a,b`) that draw rules can ask for (`draw: per_tag:`).
    public var tags: [String]
    /// Weight in the quiz total.
    public var points: Int
    /// Short answer: compare case-sensitively.
    public var caseSensitive: Bool
    /// Multiple response: full marks only for exactly the right set.
    public var allOrNothing: Bool
    public var orderingCredit: OrderingCredit
    /// Where the heading is, for diagnostics (nil for questions made in code).
    public var location: SourceLocation?

    public init(id: String, type: QuestionType, prompt: String, details: String? = nil, choices: [Choice] = [],
                shortAnswers: [ShortAnswer] = [], numericAnswers: [NumericAnswer] = [], pairs: [MatchPair] = [],
                distractors: [String] = [], items: [OrderItem] = [], generalFeedback: String? = nil,
                isCritical: Bool = false, outcomes: [String] = [], tags: [String] = [], points: Int = 1, caseSensitive: Bool = false,
                allOrNothing: Bool = false, orderingCredit: OrderingCredit = .allOrNothing, location: SourceLocation? = nil) {
        self.id = id
        self.type = type
        self.prompt = prompt
        self.details = details
        self.choices = choices
        self.shortAnswers = shortAnswers
        self.numericAnswers = numericAnswers
        self.pairs = pairs
        self.distractors = distractors
        self.items = items
        self.generalFeedback = generalFeedback
        self.isCritical = isCritical
        self.outcomes = outcomes
        self.tags = tags
        self.points = points
        self.caseSensitive = caseSensitive
        self.allOrNothing = allOrNothing
        self.orderingCredit = orderingCredit
        self.location = location
    }

    /// Every answer a matching question offers, prompts' answers first then distractors,
    /// without repeats, in author order.
    public var matchingAnswers: [String] {
        var seen = Set<String>()
        return (pairs.map(\.answer) + distractors).filter { seen.insert($0).inserted }
    }

    /// How many points the question adds to the quiz's possible total (0 for essays and descriptions).
    public var gradedPoints: Int { type.isAutoGraded ? points : 0 }
}
