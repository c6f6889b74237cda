import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords
import LanternTerminal

/// The learner's records: what `lantern learn` (full screen or plain) reads and saves for one
/// trainee. Module progress goes to the records; every quiz step goes through `TakeQuiz`, the
/// same code as `lantern quiz take`, so both store attempts in one shape.
public final class LearnerRecords: QuizStore {
    public let traineeID: String
    let takeQuiz: TakeQuiz
    let records: RecordsStore

    public init(course: Course, records: RecordsStore, traineeID: String, actor: Principal, output: any OutputSink,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.traineeID = traineeID
        takeQuiz = TakeQuiz(course: course, records: records, actor: actor, output: output, clock: clock)
        self.records = records.acting(as: actor.auditName)
    }

    public func progress() throws(LanternError) -> LearnerProgress {
        // The engine's one evaluation, as `lantern progress` and the certificate: each quiz by its
        // `grading:` rule (attempts allowed counting grants), each checklist by `Checklist.evaluate`.
        let course = takeQuiz.course
        let transcript = try records.transcript(traineeID, checklists: course.checked.checklists, quizzes: course.takeableQuizzes)
        var progress = LearnerProgress()
        for module in transcript.modules {
            progress.opened.insert(module.moduleID)
            if module.completedAt != nil { progress.completed.insert(module.moduleID) }
        }
        for quiz in transcript.quizzes {
            progress.attemptsUsed[quiz.quizID] = quiz.attempts
            if let allowed = quiz.attemptsAllowed { progress.attemptsAllowed[quiz.quizID] = allowed }
            if quiz.passed { progress.passedQuizzes.insert(quiz.quizID) }
        }
        for checklist in transcript.checklists where checklist.status == "competent" {
            progress.competentChecklists.insert(checklist.checklistID)
        }
        progress.openQuizzes = try records.openAttemptQuizIDs(trainee: traineeID)
        return progress
    }

    public func moduleOpened(_ moduleID: String) throws(LanternError) {
        try records.recordModuleProgress(trainee: traineeID, module: moduleID)
    }

    public func moduleRead(_ moduleID: String, seconds: Int, reachedEnd: Bool) throws(LanternError) {
        try records.recordModuleProgress(trainee: traineeID, module: moduleID, addSeconds: seconds, completed: reachedEnd)
    }

    public func begin(_ quiz: Quiz, at time: Date, seed: UInt64) throws(LanternError) -> OpenQuizAttempt? {
        try takeQuiz.begin(quiz, trainee: traineeID, at: time, seed: seed)
    }

    public func saveAnswer(_ response: Response, to questionID: String, of attempt: OpenQuizAttempt, at time: Date) throws(LanternError) {
        try takeQuiz.saveAnswer(response, to: questionID, of: attempt, trainee: traineeID, at: time)
    }

    public func submit(_ attempt: OpenQuizAttempt, of quiz: Quiz, at time: Date) throws(LanternError) -> AttemptResult {
        try takeQuiz.submit(attempt, of: quiz, trainee: traineeID, at: time).result
    }
}
