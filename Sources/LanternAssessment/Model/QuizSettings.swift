/// How a quiz is taken and scored (its front matter, apart from identity).
public struct QuizSettings: Sendable, Hashable {
    /// How several attempts make one grade.
    public enum Combining: String, Sendable, Hashable, Codable, CaseIterable {
        case highest, average, first, last
    }

    /// When trainees see feedback.
    public enum FeedbackTiming: String, Sendable, Hashable, Codable, CaseIterable {
        case afterEach = "after-each"
        case afterSubmit = "after-submit"
        case never
    }

    /// The fraction of the total needed to pass (0…1).
    public var passMark: Fraction
    /// Attempts allowed; 0 means unlimited.
    public var attempts: Int
    public var combining: Combining
    /// Shuffle options (and matching answers, ordering items are always shown shuffled) per attempt.
    public var shuffle: Bool
    /// Which questions each attempt draws (nil: all of them). Critical questions are always drawn.
    public var draw: DrawRule?
    /// The least time, in seconds, between the end of one attempt and the start of the next (nil: none).
    public var wait: Int?
    /// Seconds allowed from the start of an attempt (nil: no limit).
    public var timeLimit: Int?
    public var feedback: FeedbackTiming
    /// Multiple-response questions are all-or-nothing unless they say otherwise.
    public var allOrNothing: Bool
    /// Highest `from` first.
    public var bands: [ScoreBand]

    public init(passMark: Fraction, attempts: Int = 0, combining: Combining = .highest, shuffle: Bool = false,
                draw: DrawRule? = nil, wait: Int? = nil, timeLimit: Int? = nil, feedback: FeedbackTiming = .afterSubmit,
                allOrNothing: Bool = false, bands: [ScoreBand] = []) {
        self.passMark = passMark
        self.attempts = attempts
        self.combining = combining
        self.shuffle = shuffle
        self.draw = draw
        self.wait = wait
        self.timeLimit = timeLimit
        self.feedback = feedback
        self.allOrNothing = allOrNothing
        self.bands = bands.sorted { $0.from > $1.from }
    }

    /// The band for a total, if any.
    public func band(for total: Fraction) -> ScoreBand? {
        bands.first { total >= $0.from }
    }
}
