/// Which questions an attempt draws from the bank (`draw:` in a quiz's front matter).
///
/// `draw: 8` is `DrawRule(count: 8)`; the mapping form adds minimums per outcome and per tag.
/// Whatever the rule, every safety-critical question is drawn (see `Quiz.drawQuestions`).
public struct DrawRule: Sendable, Hashable, ExpressibleByIntegerLiteral {
    /// At least `minimum` questions carrying `tag`.
    public struct TagMinimum: Sendable, Hashable {
        public var tag: String
        public var minimum: Int

        public init(tag: String, minimum: Int) {
            self.tag = tag
            self.minimum = minimum
        }
    }

    /// Questions per attempt in all (critical ones included).
    public var count: Int
    /// At least this many questions for each outcome the quiz's questions test (0: no minimum).
    public var perOutcome: Int
    /// Minimums per tag, in the order written.
    public var perTag: [TagMinimum]

    public init(count: Int, perOutcome: Int = 0, perTag: [TagMinimum] = []) {
        self.count = count
        self.perOutcome = perOutcome
        self.perTag = perTag
    }

    public init(integerLiteral value: Int) { self.init(count: value) }

    /// Written as the scalar `draw: N` (no minimums beyond the critical questions).
    public var isScalar: Bool { perOutcome == 0 && perTag.isEmpty }
}
