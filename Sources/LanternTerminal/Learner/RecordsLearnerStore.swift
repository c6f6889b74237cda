import Crypto
import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords

/// The learner's progress in the records database, for one trainee: module progress, answers
/// saved one by one while an attempt is open, and submitted attempts recorded whole.
///
/// The start of an attempt is saved as a first answer row with the question id `@start`
/// (not a valid question id) holding the attempt number, seed and start time, so an attempt
/// with no answers yet resumes with the same questions and the same deadline.
public final class RecordsLearnerStore: QuizStore {
    public let records: RecordsStore
    public let traineeID: String
    /// Competent occasions each checklist needs (default 1).
    let occasions: [String: Int]
    /// Quiz files' SHA-256, by quiz id, as recorded with each attempt.
    let quizFiles: [String: URL]

    static let startMarker = "@start"

    public init(records: RecordsStore, traineeID: String, checklistOccasions: [String: Int] = [:], quizFiles: [String: URL] = [:]) {
        self.records = records
        self.traineeID = traineeID
        occasions = checklistOccasions
        self.quizFiles = quizFiles
    }

    public func progress() throws(LanternError) -> LearnerProgress {
        let transcript = try records.transcript(traineeID)
        var progress = LearnerProgress()
        for module in transcript.modules {
            progress.opened.insert(module.moduleID)
            if module.completedAt != nil { progress.completed.insert(module.moduleID) }
        }
        for quiz in transcript.quizzes {
            progress.attemptsUsed[quiz.quizID] = quiz.attempts
            if quiz.passed { progress.passedQuizzes.insert(quiz.quizID) }
        }
        for checklist in transcript.checklists where checklist.competentOccasions >= (occasions[checklist.checklistID] ?? 1) {
            progress.competentChecklists.insert(checklist.checklistID)
        }
        return progress
    }

    public func standing(of quiz: Quiz) throws(LanternError) -> QuizStanding {
        try records.standing(trainee: traineeID, quiz: quiz)
    }

    public func moduleOpened(_ moduleID: String) throws(LanternError) {
        try records.recordModuleProgress(trainee: traineeID, module: moduleID)
    }

    public func moduleRead(_ moduleID: String, seconds: Int, reachedEnd: Bool) throws(LanternError) {
        try records.recordModuleProgress(trainee: traineeID, module: moduleID, addSeconds: seconds, completed: reachedEnd)
    }

    private struct Start: Codable {
        var number: Int
        var seed: String
        var startedAt: String
    }

    public func openAttempt(quizID: String) throws(LanternError) -> SavedAttempt? {
        let rows = try records.openAttemptAnswers(trainee: traineeID, quiz: quizID)
        let decoder = JSONDecoder()
        // The latest attempt that has a start row.
        guard let startRow = rows.last(where: { $0.questionID == Self.startMarker }),
              let start = try? decoder.decode(Start.self, from: Data(startRow.response.utf8)),
              let seed = UInt64(start.seed), let startedAt = Timestamp.date(start.startedAt) else { return nil }
        var responses: [String: Response] = [:]
        for row in rows where row.attemptID == startRow.attemptID && row.questionID != Self.startMarker {
            if let response = try? decoder.decode(Response.self, from: Data(row.response.utf8)) {
                responses[row.questionID] = response
            }
        }
        return SavedAttempt(id: startRow.attemptID, number: start.number, seed: seed, startedAt: startedAt, responses: responses)
    }

    public func startAttempt(quizID: String, number: Int, seed: UInt64, startedAt: Date) throws(LanternError) -> String {
        let id = RecordID.make("qa")
        let start = Start(number: number, seed: String(seed), startedAt: Timestamp.string(startedAt))
        try records.saveAnswer(attemptID: id, trainee: traineeID, quizID: quizID, questionID: Self.startMarker,
                               responseJSON: try json(start))
        return id
    }

    public func saveAnswer(attemptID: String, quizID: String, questionID: String, response: Response) throws(LanternError) {
        try records.saveAnswer(attemptID: attemptID, trainee: traineeID, quizID: quizID, questionID: questionID,
                               responseJSON: try json(response))
    }

    public func submit(attemptID: String, quiz: Quiz, attempt: Attempt, result: AttemptResult) throws(LanternError) {
        let record = QuizAttempt(id: attemptID, traineeID: traineeID, quizID: quiz.id, quizHash: quizHash(quiz.id),
                                 seed: attempt.seed, questions: attempt.questions.map(\.questionID),
                                 responses: try json(attempt.responses), results: try json(result),
                                 score: min(1, max(0, result.total.doubleValue)), passed: result.passed,
                                 startedAt: Timestamp.string(attempt.startedAt),
                                 submittedAt: Timestamp.string(attempt.submittedAt ?? attempt.startedAt))
        try records.recordAttempt(record)
    }

    private func quizHash(_ quizID: String) -> String {
        guard let url = quizFiles[quizID], let data = try? Data(contentsOf: url) else { return "" }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private func json<T: Encodable>(_ value: T) throws(LanternError) -> String {
        do {
            return try QuizAttempt.json(value)
        } catch {
            throw LanternError("cannot-encode", "an answer could not be written as JSON")
        }
    }
}
