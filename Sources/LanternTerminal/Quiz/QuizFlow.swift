import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

/// Starting, resuming and submitting attempts, shared by the full-screen and plain runners.
/// The work itself (draw, numbering, saving, grading, recording) is the store's: the
/// application's `TakeQuiz`, one code path for every front end.
public enum QuizFlow {
    public enum Start: Sendable {
        /// An attempt to take (new, or resumed at the question the trainee left).
        case session(QuizSession, resumed: Bool)
        /// The quiz allows no more attempts.
        case noAttemptsLeft(String)
    }

    /// The module's first quiz that is not passed yet (or its first quiz).
    public static func quiz(for module: Module, in quizzes: [Quiz], progress: LearnerProgress) -> Quiz? {
        let own = quizzes.filter { $0.moduleID == module.id || module.assessments.contains($0.id) }
        return own.first { !progress.passedQuizzes.contains($0.id) } ?? own.first
    }

    /// What a trainee is told when a module's quiz cannot be loaded (a mistake in its file).
    public static let brokenQuizText = "This module's quiz has a mistake in it and cannot be taken until your trainer fixes it ('lantern check' names the file and line)."

    /// What to know before starting: questions, pass mark, attempts, time, safety-critical questions.
    /// `attemptsAllowed`: the limit counting a trainer's grants (nil: the quiz's own).
    public static func facts(_ quiz: Quiz, attemptsUsed: Int, attemptsAllowed: Int? = nil) -> [String] {
        // As many as an attempt draws (the draw rules decide; a trial draw counts them).
        let count = (try? quiz.startAttempt(seed: 1, at: Date(timeIntervalSince1970: 0)))?.questions.count ?? quiz.gradableQuestions.count
        var facts = ["\(Wording.count(count, "question")); the pass mark is \(quiz.settings.passMark.percentText)."]
        if quiz.settings.attempts > 0 {
            let allowed = max(quiz.settings.attempts, attemptsAllowed ?? 0)
            facts.append("You may take it \(Wording.count(allowed, "time")) in all"
                         + (allowed > quiz.settings.attempts ? " (your trainer allowed \(allowed - quiz.settings.attempts) more)" : "")
                         + "; you have used \(attemptsUsed).")
        }
        if let wait = quiz.settings.wait, wait > 0 {
            facts.append("After an attempt, the next one can start \(waitText(wait)) later.")
        }
        if let limit = quiz.settings.timeLimit {
            facts.append("Time limit: \(Wording.count(limit / 60, "minute")), counted from when you start.")
        }
        if quiz.questions.contains(where: \.isCritical) {
            if quiz.settings.draw != nil {
                facts.append("Each attempt draws its own questions, and every safety-critical question is always among them.")
            }
            facts.append("Questions marked \"Safety-critical\" must be right to pass, whatever the score.")
        }
        facts.append("Each answer is saved as you give it; you can stop and carry on later.")
        return facts
    }

    /// "24 hours", "90 minutes", "2 days".
    static func waitText(_ seconds: Int) -> String {
        if seconds % 86_400 == 0, seconds >= 2 * 86_400 { return Wording.count(seconds / 86_400, "day") }
        if seconds % 3600 == 0 { return Wording.count(seconds / 3600, "hour") }
        return Wording.count(max(1, seconds / 60), "minute")
    }

    /// Resumes the open attempt at `quiz`, or starts the next one with a fresh seed.
    public static func start(_ quiz: Quiz, module: Module?, store: any QuizStore, at time: Date,
                             seed: UInt64 = UInt64.random(in: 1...UInt64.max)) throws(LanternError) -> Start {
        let begun: OpenQuizAttempt?
        do {
            begun = try store.begin(quiz, at: time, seed: seed)
        } catch where error.is(.waitBetweenAttempts) {
            return .noAttemptsLeft("This quiz asks for a break between attempts. " + error.message.replacingOccurrences(of: "the next attempt at quiz '\(quiz.id)'", with: "Your next attempt")
                                   + ".")
        }
        guard let open = begun else {
            return .noAttemptsLeft("You have used all the attempts allowed at this quiz. Ask your trainer what comes next: "
                                   + "they can allow another attempt (lantern quiz grant).")
        }
        return .session(QuizSession(quiz: quiz, module: module, attemptID: open.id, attempt: open.attempt), resumed: open.resumed)
    }

    /// Saves an answer, then records it in the session. Throws `time-up` when the limit passed
    /// (nothing is saved then) and storage errors as they come.
    public static func answer(_ response: Response, in session: inout QuizSession, store: any QuizStore, at time: Date) throws(LanternError) {
        guard let (question, _) = session.current else { return }
        if session.isTimeUp(at: time) {
            throw LanternError(.timeUp, "the time limit has run out", hint: "your answers given in time are kept")
        }
        try store.saveAnswer(response, to: question.id, of: session.open, at: time)
        try session.answer(response, at: time)
    }

    /// Submits, grades and records the attempt.
    public static func submit(_ session: QuizSession, store: any QuizStore, at time: Date) throws(LanternError) -> AttemptResult {
        try store.submit(session.open, of: session.quiz, at: time)
    }
}
