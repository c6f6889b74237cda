import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

/// Starting, resuming and submitting attempts, shared by the full-screen and plain runners.
public enum QuizFlow {
    public enum Start: Sendable {
        /// An attempt to take (new, or resumed at the question the trainee left).
        case session(QuizSession, resumed: Bool)
        /// The quiz allows no more attempts, or not yet (`wait:`): the message says which.
        case noAttemptsLeft(String)
    }

    /// The module's first quiz that is not passed yet (or its first quiz).
    public static func quiz(for module: Module, in quizzes: [Quiz], progress: LearnerProgress) -> Quiz? {
        let own = quizzes.filter { $0.moduleID == module.id || module.assessments.contains($0.id) }
        return own.first { !progress.passedQuizzes.contains($0.id) } ?? own.first
    }

    /// Resumes the open attempt at `quiz`, or starts the next one with a fresh seed.
    public static func start(_ quiz: Quiz, module: Module?, store: any QuizStore, at time: Date,
                             seed: UInt64 = UInt64.random(in: 1...UInt64.max)) throws(LanternError) -> Start {
        if let saved = try store.openAttempt(quizID: quiz.id) {
            var attempt = try quiz.startAttempt(seed: saved.seed, at: saved.startedAt, number: saved.number)
            let shown = Set(attempt.questions.map(\.questionID))
            attempt.responses = saved.responses.filter { shown.contains($0.key) }
            return .session(QuizSession(quiz: quiz, module: module, attemptID: saved.id, attempt: attempt), resumed: true)
        }
        let standing = try store.standing(of: quiz)
        switch standing.refusal(at: time) {
        case .noAttemptsLeft(let allowed)?:
            return .noAttemptsLeft("You have used all \(allowed) attempts at this quiz. Ask your trainer what comes next: "
                                   + "they can allow another attempt (lantern quiz grant).")
        case .waiting(let until)?:
            return .noAttemptsLeft("This quiz asks for a break between attempts. You can try again from "
                                   + "\(until.formatted(date: .abbreviated, time: .shortened)).")
        case nil:
            break
        }
        let attempt = try quiz.startAttempt(seed: seed, at: time, number: standing.attemptsUsed + 1, granted: standing.attemptsGranted)
        let id = try store.startAttempt(quizID: quiz.id, number: attempt.number, seed: seed, startedAt: time)
        return .session(QuizSession(quiz: quiz, module: module, attemptID: id, attempt: attempt), resumed: false)
    }

    /// Saves an answer, then records it in the session. Throws `time-up` when the limit passed
    /// (nothing is saved then) and storage errors as they come.
    public static func answer(_ response: Response, in session: inout QuizSession, store: any QuizStore, at time: Date) throws(LanternError) {
        guard let (question, _) = session.current else { return }
        if session.isTimeUp(at: time) {
            throw LanternError("time-up", "the time limit has run out", hint: "your answers given in time are kept")
        }
        try store.saveAnswer(attemptID: session.attemptID, quizID: session.quiz.id, questionID: question.id, response: response)
        try session.answer(response, at: time)
    }

    /// Submits, grades and records the attempt.
    public static func submit(_ session: QuizSession, store: any QuizStore, at time: Date) throws(LanternError) -> AttemptResult {
        var attempt = session.attempt
        let submittedAt = attempt.deadline.map { min($0, time) } ?? time
        let result = session.quiz.submit(attempt, at: submittedAt)
        attempt.submittedAt = submittedAt
        try store.submit(attemptID: session.attemptID, quiz: session.quiz, attempt: attempt, result: result)
        return result
    }
}
