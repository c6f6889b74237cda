import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords
import LanternTerminal

/// Taking a quiz: start (or resume) an attempt, save each answer, submit. The one code path for
/// every front end: `lantern quiz take` (all answers at once, from a file), `lantern learn`
/// full screen and plain (one answer at a time, through `LearnerRecords`), and the server.
///
/// Every step is durable before it returns. Recording is guarded by the attempt number: an
/// attempt is recorded only as the trainee's next one, so two processes cannot both record
/// "attempt 3", and a quiz's `attempts:` cap cannot be exceeded.
public struct TakeQuiz: Sendable {
    public let course: Course
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink
    let clock: @Sendable () -> Date

    public init(course: Course, records: RecordsStore, actor: Principal, output: any OutputSink,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.course = course
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
        self.clock = clock
    }

    // MARK: One step at a time (the learner)

    /// Resumes the trainee's open attempt at `quiz`, or starts the next one drawn from `seed`.
    /// Nil when the quiz allows no more attempts (its `attempts:` plus any a trainer granted);
    /// throws `wait-between-attempts` while the quiz's `wait:` since the last attempt runs.
    public func begin(_ quiz: Quiz, trainee: String, at time: Date, seed: UInt64) throws(LanternError) -> OpenQuizAttempt? {
        if let open = try records.openAttempt(trainee: trainee, quiz: quiz.id) {
            var attempt: Attempt
            if let drawn = open.drawn {
                attempt = drawn
            } else {
                // Started by an earlier release, which kept only the seed: draw it again now, and keep it.
                attempt = try quiz.startAttempt(seed: open.seed, at: open.startedAt, number: open.number)
                try records.keepDraw(attempt, ofOpenAttempt: open.id, quizHash: course.contentHash(ofAssessment: quiz.id) ?? "")
            }
            let shown = Set(attempt.questions.map(\.questionID))
            attempt.responses = open.responses.filter { shown.contains($0.key) }
            return OpenQuizAttempt(id: open.id, attempt: attempt, resumed: true)
        }
        let (_, used) = try records.attemptCount(trainee: trainee, quiz: quiz.id)
        // The quiz's attempt policy, as the engine evaluates it (limit + grants, `wait:`).
        let standing = try records.standing(trainee: trainee, quiz: quiz)
        switch standing.refusal(at: time) {
        case .noAttemptsLeft?: return nil
        case let refusal?: throw refusal.error(quizID: quiz.id)
        case nil: break
        }
        let attempt = try quiz.startAttempt(seed: seed, at: time, number: used + 1, granted: standing.attemptsGranted)
        let id = try records.startAttempt(attempt, trainee: trainee, quizHash: course.contentHash(ofAssessment: quiz.id) ?? "")
        return OpenQuizAttempt(id: id, attempt: attempt, resumed: false)
    }

    /// Saves one answer of an open attempt, durably. Throws `time-up` after the deadline and
    /// `unknown-question` for a question the attempt did not draw (nothing is saved then).
    public func saveAnswer(_ response: Response, to questionID: String, of open: OpenQuizAttempt, trainee: String,
                           at time: Date) throws(LanternError) {
        _ = try open.attempt.answering(questionID, with: response, at: time)
        try records.saveAnswer(attemptID: open.id, trainee: trainee, quizID: open.attempt.quizID, questionID: questionID,
                               responseJSON: try Self.json(response))
    }

    /// Grades and records the attempt as it stands (at the deadline if that passed first): the
    /// answers saved in the records, which are the truth when the same trainee has the attempt
    /// open in two sessions and changed an answer in the other one since this one read them.
    public func submit(_ open: OpenQuizAttempt, of quiz: Quiz, trainee: String, at time: Date) throws(LanternError) -> TakenQuiz {
        let submittedAt = open.attempt.deadline.map { min($0, time) } ?? time
        let stored = try records.openAttempt(trainee: trainee, quiz: quiz.id)
        var attempt = open.attempt
        if let stored, stored.id == open.id {
            let shown = Set(attempt.questions.map(\.questionID))
            attempt.responses = stored.responses.filter { shown.contains($0.key) }
        }
        let hash = stored.map(\.quizHash) ?? ""
        return try record(attempt, id: open.id, quiz: quiz, trainee: trainee, submittedAt: submittedAt,
                          quizHash: hash.isEmpty ? course.contentHash(ofAssessment: quiz.id) ?? "" : hash, closing: open.id, ignored: [])
    }

    // MARK: The whole quiz at once (`lantern quiz take`)

    /// Takes quiz `quizID` for `trainee` with the answers in the file at `answersFile` (YAML or
    /// JSON, question id → answer; see `AnswersFile`): the next attempt, drawn from `seed`
    /// (random when nil), the answers to drawn questions, graded and recorded, all or nothing.
    /// Answers to questions the draw left out are reported as warnings; the report (text, or
    /// JSON) goes to the output.
    @discardableResult
    public func takeWhole(quizID: String, trainee: String, answersFile: String, seed: UInt64? = nil,
                          json: Bool = false) throws(LanternError) -> TakenQuiz {
        let (quiz, _) = try course.quiz(quizID)
        guard let data = FileManager.default.contents(atPath: answersFile) else {
            throw LanternError(.cannotRead, "cannot read '\(answersFile)'", hint: "check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LanternError(.notUtf8, "'\(answersFile)' is not UTF-8 text", at: SourceLocation(path: answersFile))
        }
        let answers = try AnswersFile.parse(text, path: answersFile, quiz: quiz)
        return try takeWhole(quiz, trainee: trainee, answers: answers, answersPath: answersFile, seed: seed, json: json)
    }

    /// As `takeWhole(quizID:…)`, with the answers already read (question id → response).
    @discardableResult
    public func takeWhole(_ quiz: Quiz, trainee: String, answers: [String: Response], answersPath: String = "",
                          seed: UInt64? = nil, json: Bool = false) throws(LanternError) -> TakenQuiz {
        if let open = try records.openAttempt(trainee: trainee, quiz: quiz.id) {
            throw LanternError(.attemptOpen, "attempt \(open.number) at quiz '\(quiz.id)' is open in the learner for trainee '\(open.traineeID)'",
                               hint: "submit it in 'lantern learn' first; recording another attempt now would use its number")
        }
        var generator = SystemRandomNumberGenerator()
        let seed = seed ?? generator.next()
        var taken: TakenQuiz?
        for _ in 0..<20 {
            let (_, prior) = try records.attemptCount(trainee: trainee, quiz: quiz.id)
            let started = clock()
            let standing = try records.standing(trainee: trainee, quiz: quiz)
            if let refusal = standing.refusal(at: started) { throw refusal.error(quizID: quiz.id) }
            var attempt = try quiz.startAttempt(seed: seed, at: started, number: prior + 1, granted: standing.attemptsGranted)
            let drawn = Set(attempt.questions.map(\.questionID))
            let ignored = answers.keys.filter { !drawn.contains($0) }.sorted()
            attempt = try attempt.answering(answers.filter { drawn.contains($0.key) }, at: started)
            do {
                taken = try record(attempt, id: RecordID.make("qa"), quiz: quiz, trainee: trainee, submittedAt: clock(),
                                   quizHash: course.contentHash(ofAssessment: quiz.id) ?? "", closing: nil, ignored: ignored)
                break
            } catch where error.is(.attemptConflict) {
                continue
            }
        }
        guard let taken else {
            throw LanternError(.attemptConflict, "could not record the attempt: other attempts at quiz '\(quiz.id)' kept arriving",
                               hint: "try again")
        }
        for id in taken.ignoredQuestions {
            output.report(Diagnostic(.warning, "not-drawn", "question '\(id)' was not drawn in this attempt; its answer was ignored",
                                     at: SourceLocation(path: answersPath)))
        }
        output.write(json ? QuizReport.json(taken) : QuizReport.text(taken))
        return taken
    }

    // MARK: Shared by both

    /// Grades `attempt` and records it as the trainee's attempt number `attempt.number`
    /// (closing the open attempt `closing`, in the same transaction).
    private func record(_ attempt: Attempt, id: String, quiz: Quiz, trainee: String, submittedAt: Date, quizHash: String,
                        closing: String?, ignored: [String]) throws(LanternError) -> TakenQuiz {
        if quiz.settings.attempts > 0 {
            let allowed = quiz.settings.attempts + (try records.grants(trainee: trainee, quiz: quiz.id).reduce(0) { $0 + $1.attempts })
            if attempt.number > allowed { throw QuizStanding.Refusal.noAttemptsLeft(allowed: allowed).error(quizID: quiz.id) }
        }
        var attempt = attempt
        let result = quiz.submit(attempt, at: submittedAt)
        attempt.submittedAt = submittedAt
        let stored = try records.recordAttempt(QuizAttempt(id: id, traineeID: trainee, quizHash: quizHash, attempt: attempt, result: result),
                                               closing: closing)
        return TakenQuiz(record: stored, attempt: attempt, result: result, ignoredQuestions: ignored)
    }

    static func json<T: Encodable>(_ value: T) throws(LanternError) -> String {
        do {
            return try AssessmentJSON.encode(value)
        } catch {
            throw LanternError(.attemptEncoding, "the attempt cannot be stored as JSON")
        }
    }
}

/// A quiz taken and recorded: the stored attempt, the engine's result, and answered questions
/// the draw left out of this attempt (ignored).
public struct TakenQuiz: Sendable {
    public var record: QuizAttempt
    public var attempt: Attempt
    public var result: AttemptResult
    public var ignoredQuestions: [String]
}
