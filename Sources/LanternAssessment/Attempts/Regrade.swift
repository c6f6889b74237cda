/// What regrading an attempt against the quiz as it is now would change: a dry run to show
/// before anything is saved.
public struct RegradeReport: Sendable, Hashable, Codable {
    public struct Change: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// The question's content hash differs from the one graded.
            case questionChanged = "question-changed"
            /// The quiz no longer has this question; its old grade is kept.
            case questionRemoved = "question-removed"
        }
        public var questionID: String
        public var kind: Kind
        public var oldHash: String
        public var newHash: String?
        public var oldScore: Fraction
        public var newScore: Fraction
    }

    public var before: AttemptResult
    /// The result to save if the regrade is confirmed.
    public var after: AttemptResult
    public var changes: [Change]

    /// Nothing would change.
    public var isUnchanged: Bool { changes.isEmpty && before == after }
}

extension Quiz {
    /// Regrades `attempt` (graded before as `previous`) against the quiz as it is now. Questions
    /// whose content hash is unchanged keep their grade; changed ones are graded again from the
    /// stored responses; removed ones keep their old grade. Nothing is saved: apply `after` to confirm.
    public func regrade(_ attempt: Attempt, previous: AttemptResult) -> RegradeReport {
        var changes: [RegradeReport.Change] = []
        let grades = previous.questions.map { old -> QuestionGrade in
            guard let question = question(old.questionID) else {
                changes.append(.init(questionID: old.questionID, kind: .questionRemoved, oldHash: old.contentHash, newHash: nil,
                                     oldScore: old.score, newScore: old.score))
                return old
            }
            let hash = question.contentHash
            guard hash != old.contentHash else { return old }
            let new = Grader.grade(question, response: attempt.responses[old.questionID], contentHash: hash)
            changes.append(.init(questionID: old.questionID, kind: .questionChanged, oldHash: old.contentHash, newHash: hash,
                                 oldScore: old.score, newScore: new.score))
            return new
        }
        var regraded = result(for: attempt, grades: grades)
        if changes.isEmpty { regraded = previous }
        return RegradeReport(before: previous, after: regraded, changes: changes)
    }
}
