import Foundation
import LanternDiagnostics

/// Where a trainee stands on one quiz: the grade the quiz's `grading:` rule gives their
/// attempts, how many attempts are left, and when the next may start.
///
/// `QuizStanding.evaluate` is **the** evaluation of attempts: `lantern progress`, the learner,
/// `quiz take` and the certificate rules all read a quiz's grade from it, so the `attempts`,
/// `grading` and `wait` a quiz sets mean the same everywhere. It is pure: the effective results
/// (each attempt with its marks and latest regrade), the attempts granted by trainers and the
/// time are passed in.
public struct QuizStanding: Sendable, Hashable, Codable {
    /// The combined grade (nil before any attempt).
    public var grade: QuizGrade?
    /// Submitted attempts counted.
    public var attemptsUsed: Int
    /// Attempts allowed in all: the quiz's `attempts` plus those granted (nil: unlimited).
    public var attemptsAllowed: Int?
    /// Extra attempts granted by trainers.
    public var attemptsGranted: Int
    /// The earliest time the next attempt may start, when `wait:` still applies.
    public var nextAttemptAt: Date?
    /// Essays or short answers of counted attempts still waiting for a person.
    public var awaitingMarking: Int

    /// The grade passes (the pass mark reached and every critical question right, by the rule).
    public var passed: Bool { grade?.passed ?? false }

    /// Attempts left (nil: unlimited).
    public var attemptsLeft: Int? { attemptsAllowed.map { max(0, $0 - attemptsUsed) } }

    /// Why a new attempt cannot start at `time`, or nil when it can.
    public func refusal(at time: Date) -> Refusal? {
        if let left = attemptsLeft, left == 0 { return .noAttemptsLeft(allowed: attemptsAllowed ?? 0) }
        if let next = nextAttemptAt, time < next { return .waiting(until: next) }
        return nil
    }

    public enum Refusal: Sendable, Hashable {
        case noAttemptsLeft(allowed: Int)
        case waiting(until: Date)

        /// The refusal as an error for `quiz take` and the learner, naming what to do next.
        public func error(quizID: String) -> LanternError {
            switch self {
            case .noAttemptsLeft(let allowed):
                LanternError(.noAttemptsLeft, "all \(allowed) attempt\(allowed == 1 ? "" : "s") allowed at quiz '\(quizID)' have been used",
                             hint: "a trainer can allow another: lantern quiz grant TRAINEE \(quizID) --reason \"…\"")
            case .waiting(let until):
                LanternError(.waitBetweenAttempts, "the next attempt at quiz '\(quizID)' can start from \(ISO8601DateFormatter().string(from: until))",
                             hint: "the quiz asks for a break between attempts ('wait:'); a trainer can grant an attempt but not shorten the wait")
            }
        }
    }

    /// Evaluates `results` (submitted attempts, effective, in the order taken) against the quiz's
    /// settings. `granted` extra attempts raise a limit (they do nothing for an unlimited quiz);
    /// `lastEndedAt` is when the latest attempt was submitted, for `wait:`.
    /// `attemptsUsed` counts attempts whose results could not be read too (default: `results.count`).
    public static func evaluate(_ results: [AttemptResult], settings: QuizSettings, granted: Int = 0,
                                lastEndedAt: Date? = nil, attemptsUsed: Int? = nil) -> QuizStanding {
        let ordered = results.sorted { $0.attemptNumber < $1.attemptNumber }
        let grade = QuizGrade.combine(ordered, rule: settings.combining, passMark: settings.passMark)
        let allowed = settings.attempts > 0 ? settings.attempts + max(0, granted) : nil
        let ended = lastEndedAt ?? ordered.compactMap(\.submittedAt).max()
        let next = settings.wait.flatMap { wait in ended.map { $0.addingTimeInterval(TimeInterval(wait)) } }
        return QuizStanding(grade: grade, attemptsUsed: max(attemptsUsed ?? 0, ordered.count), attemptsAllowed: allowed, attemptsGranted: max(0, granted),
                            nextAttemptAt: next, awaitingMarking: ordered.reduce(0) { $0 + $1.needsMarking.count })
    }
}
