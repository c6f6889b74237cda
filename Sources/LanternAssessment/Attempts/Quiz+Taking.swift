import Foundation
import LanternDiagnostics

extension Quiz {
    /// Takes the quiz in one go, as `lantern quiz take --answers FILE` does: starts attempt
    /// `number` from `seed` at `startedAt`, records `answers` (questions the draw left out are
    /// reported), and submits at `submittedAt`.
    public func take(seed: UInt64, number: Int = 1, answers: [String: Response], startedAt: Date,
                     submittedAt: Date) throws(LanternError) -> (attempt: Attempt, result: AttemptResult) {
        var attempt = try startAttempt(seed: seed, at: startedAt, number: number)
        attempt = try attempt.answering(answers, at: startedAt)
        let result = submit(attempt, at: submittedAt)
        attempt.submittedAt = submittedAt
        return (attempt, result)
    }
}
