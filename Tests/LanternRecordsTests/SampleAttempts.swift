import Foundation
import LanternAssessment
import LanternRecords

/// Recorded attempts for tests, built from the engine's own values.
enum SampleAttempts {
    /// A graded attempt at `quiz` with questions `q1`, `q2`.
    static func make(_ trainee: String, quiz: String = "intro-quiz", number: Int = 1, score: Double, passed: Bool,
                     seed: UInt64 = UInt64.max - 1, startedAt: String, submittedAt: String) -> QuizAttempt {
        let started = Timestamp.date(startedAt)!
        let submitted = Timestamp.date(submittedAt)!
        let attempt = Attempt(quizID: quiz, number: number, seed: seed, startedAt: started, deadline: nil,
                              questions: [PresentedQuestion(questionID: "q1", contentHash: "h1", displayOrder: [0, 1]),
                                          PresentedQuestion(questionID: "q2", contentHash: "h2", displayOrder: [1, 0])],
                              responses: ["q1": .choices([0]), "q2": .choices([1])], submittedAt: submitted)
        let result = try! AssessmentJSON.decode(AttemptResult.self, from: """
            {"quizID":"\(quiz)","attemptNumber":\(number),"seed":\(seed),"questions":[],"earned":"0","possible":2,
             "total":"\(Int(score * 100))/100","passMark":"4/5","passed":\(passed),"failedCritical":[],"reasons":[],
             "overTime":false,"needsMarking":[]}
            """)
        var record = QuizAttempt(traineeID: trainee, quizHash: "h", attempt: attempt, result: result)
        record.score = score
        record.passed = passed
        return record
    }
}
