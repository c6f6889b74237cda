import Foundation
import LanternDiagnostics

/// One attempt at a quiz, as a value: started from a seed, answered, submitted. Every change
/// returns a new attempt; nothing here reads a clock (times are passed in).
public struct Attempt: Sendable, Hashable, Codable {
    public var quizID: String
    /// 1 for the first attempt.
    public var number: Int
    /// The seed the draw and the shuffles came from.
    public var seed: UInt64
    public var startedAt: Date
    /// When the time limit runs out (nil: no limit).
    public var deadline: Date?
    /// The drawn questions in the order shown.
    public var questions: [PresentedQuestion]
    /// Answers by question id.
    public var responses: [String: Response]
    public var submittedAt: Date?

    public init(quizID: String, number: Int, seed: UInt64, startedAt: Date, deadline: Date?,
                questions: [PresentedQuestion], responses: [String: Response] = [:], submittedAt: Date? = nil) {
        self.quizID = quizID
        self.number = number
        self.seed = seed
        self.startedAt = startedAt
        self.deadline = deadline
        self.questions = questions
        self.responses = responses
        self.submittedAt = submittedAt
    }

    public var isSubmitted: Bool { submittedAt != nil }

    /// This attempt with `response` recorded for `questionID` (replacing an earlier answer).
    /// Throws when the attempt is submitted, the time is up, or the question is not in it.
    public func answering(_ questionID: String, with response: Response, at time: Date) throws(LanternError) -> Attempt {
        guard submittedAt == nil else {
            throw LanternError(.attemptSubmitted, "attempt \(number) of quiz '\(quizID)' is already submitted",
                               hint: "start a new attempt")
        }
        if let deadline, time > deadline {
            throw LanternError(.timeUp, "the time limit of attempt \(number) of quiz '\(quizID)' has run out",
                               hint: "submit the attempt; answers given in time are kept")
        }
        guard questions.contains(where: { $0.questionID == questionID }) else {
            throw LanternError(.unknownQuestion, "question '\(questionID)' is not part of attempt \(number) of quiz '\(quizID)'",
                               hint: Suggestions.didYouMean(questionID, in: questions.map(\.questionID)))
        }
        var copy = self
        copy.responses[questionID] = response
        return copy
    }

    /// This attempt with several answers recorded at once.
    public func answering(_ answers: [String: Response], at time: Date) throws(LanternError) -> Attempt {
        var copy = self
        for id in answers.keys.sorted() { copy = try copy.answering(id, with: answers[id]!, at: time) }
        return copy
    }
}
