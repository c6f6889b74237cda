import Foundation
import LanternDiagnostics

/// A person's mark for one question of a recorded attempt (an essay, or a short answer a
/// trainer judged by hand): it replaces the automatic score of that question.
public struct QuestionMark: Sendable, Hashable, Codable {
    public var questionID: String
    /// 0…1 of the question's points.
    public var score: Fraction
    /// Shown to the trainee with the result (Markdown).
    public var feedback: String?
    /// Who marked it (the actor), and when.
    public var markedBy: String
    public var markedAt: String

    public init(questionID: String, score: Fraction, feedback: String?, markedBy: String, markedAt: String) {
        self.questionID = questionID
        self.score = score
        self.feedback = feedback
        self.markedBy = markedBy
        self.markedAt = markedAt
    }
}

extension Quiz {
    /// Question types a person may mark by hand.
    public static let markableTypes: Set<QuestionType> = [.essay, .short]

    /// Checks that `questionID` of an attempt graded as `result` can take a person's mark of `score`.
    public func checkMark(_ questionID: String, score: Fraction, in result: AttemptResult) throws(LanternError) {
        guard result.grade(of: questionID) != nil else {
            throw LanternError(.unknownQuestion, "question '\(questionID)' was not part of attempt \(result.attemptNumber) of quiz '\(id)'",
                               hint: Suggestions.didYouMean(questionID, in: result.questions.map(\.questionID))
                                ?? "questions of this attempt: \(result.questions.map(\.questionID).joined(separator: ", "))")
        }
        guard let question = question(questionID) else {
            throw LanternError(.unknownQuestion, "quiz '\(id)' no longer has question '\(questionID)'",
                               hint: "regrade the quiz first ('lantern quiz regrade \(id)')")
        }
        guard Self.markableTypes.contains(question.type) else {
            throw LanternError(.notMarkable, "question '\(questionID)' is \(question.type.rawValue) and is graded automatically",
                               hint: "only essays and short answers are marked by a person; change an answer key with a regrade")
        }
        guard score >= .zero, score <= .one else {
            throw LanternError(.invalidScore, "a mark must be from 0 to 1 (or 0% to 100%), not \(score)", hint: "for example --score 75% or --score 3/4")
        }
    }

    /// The effective result of a recorded attempt: its latest regrade (or the recorded result),
    /// with each question's latest mark applied, totals and pass/fail worked out again by this
    /// quiz's settings. `marks` are in the order given; a later mark of a question wins.
    public func effectiveResult(_ attempt: Attempt, recorded: AttemptResult, regraded: AttemptResult? = nil,
                                marks: [QuestionMark] = []) -> AttemptResult {
        let base = regraded ?? recorded
        guard !marks.isEmpty else { return base }
        var latest: [String: QuestionMark] = [:]
        for mark in marks { latest[mark.questionID] = mark }
        let grades = base.questions.map { grade -> QuestionGrade in
            guard let mark = latest[grade.questionID] else { return grade }
            var marked = grade
            let question = question(grade.questionID)
            marked.score = mark.score.clampedToUnit
            marked.points = question?.points ?? max(grade.points, 1)
            marked.isCritical = question?.isCritical ?? grade.isCritical
            marked.needsMarking = false
            if let feedback = mark.feedback, !feedback.isEmpty { marked.feedback.append(feedback) }
            return marked
        }
        var attempt = attempt
        attempt.submittedAt = attempt.submittedAt ?? base.submittedAt
        return result(for: attempt, grades: grades)
    }
}

extension Fraction {
    /// A score as a person writes it: `75%`, `3/4`, `0.75`, `1` (nil when it is none of these).
    public static func score(_ written: String) -> Fraction? {
        let text = written.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { return CreditMarker.parsePercent(text) }
        if let fraction = Fraction(text) { return fraction }
        return CreditMarker.exactDecimal(text)?.0
    }
}
