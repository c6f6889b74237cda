import Foundation
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

@Suite("recording and querying")
struct RecordingTests {
    static func store() throws -> (TemporaryFolder, RecordsStore) {
        let folder = try TemporaryFolder(prefix: "lantern-records")
        return (folder, try RecordsStore(path: folder.url.appendingPathComponent("r.sqlite").path, actor: "tester"))
    }

    static func attempt(_ trainee: String, number: Int = 1, score: Double, passed: Bool, at minute: Int) -> QuizAttempt {
        SampleAttempts.make(trainee, number: number, score: score, passed: passed,
                            startedAt: "2026-11-01T10:0\(minute):00.000Z", submittedAt: "2026-11-01T10:0\(minute):30.000Z")
    }

    @Test("attempts are stored whole and summarised per quiz for transcripts")
    func attemptsAndTranscript() throws {
        let (_, store) = try Self.store()
        let trainee = try store.addTrainee(NewTrainee(name: "Rae", externalID: "HR-7"))
        try store.recordAttempt(Self.attempt("HR-7", score: 0.5, passed: false, at: 1))
        try store.recordAttempt(Self.attempt(trainee.id, number: 2, score: 1, passed: true, at: 2))
        try store.recordAttempt(Self.attempt(trainee.id, number: 3, score: 0.5, passed: false, at: 3))
        let attempts = try store.attempts(trainee: trainee.id)
        #expect(attempts.count == 3)
        #expect(attempts[0].seed == UInt64.max - 1)
        #expect(attempts[0].questions == ["q1", "q2"])
        #expect(attempts[0].attempt.responses == ["q1": .choices([0]), "q2": .choices([1])])
        #expect(attempts.map(\.number) == [1, 2, 3])
        #expect(attempts.allSatisfy { !$0.legacy })
        let transcript = try store.transcript(trainee.id)
        #expect(transcript.quizzes == [Transcript.QuizLine(quizID: "intro-quiz", attempts: 3, bestScore: 1, passed: true,
                                                            lastSubmittedAt: "2026-11-01T10:03:30.000Z")])
    }

    @Test("an attempt for an unknown trainee or with a bad score records nothing")
    func badAttempts() throws {
        let (_, store) = try Self.store()
        #expect(throws: LanternError.self) { try store.recordAttempt(Self.attempt("t-missing", score: 1, passed: true, at: 1)) }
        let trainee = try store.addTrainee(NewTrainee(name: "Sol"))
        #expect(throws: LanternError.self) { try store.recordAttempt(Self.attempt(trainee.id, score: 1.5, passed: true, at: 1)) }
        #expect(try store.attempts(quiz: "intro-quiz").attempts.isEmpty)
        #expect(try store.auditEntries().count == 1)
    }

    @Test("answers saved during an attempt can be read back, latest per question")
    func savedAnswers() throws {
        let (_, store) = try Self.store()
        let trainee = try store.addTrainee(NewTrainee(name: "Tam"))
        // Only an open attempt takes answers.
        #expect(throws: LanternError.self) {
            try store.saveAnswer(attemptID: "qa-1", trainee: trainee.id, quizID: "intro-quiz", questionID: "q1", responseJSON: #"["a"]"#)
        }
        let started = SampleAttempts.make(trainee.id, score: 0, passed: false, startedAt: "2026-11-01T10:00:00.000Z",
                                          submittedAt: "2026-11-01T10:00:00.000Z").attempt
        let id = try store.startAttempt(started, trainee: trainee.id, quizHash: "h")
        try store.saveAnswer(attemptID: id, trainee: trainee.id, quizID: "intro-quiz", questionID: "q1", responseJSON: #"["a"]"#)
        try store.saveAnswer(attemptID: id, trainee: trainee.id, quizID: "intro-quiz", questionID: "q1", responseJSON: #"["b"]"#)
        try store.saveAnswer(attemptID: id, trainee: trainee.id, quizID: "intro-quiz", questionID: "q2", responseJSON: "3")
        #expect(try store.savedAnswers(attemptID: id) == ["q1": #"["b"]"#, "q2": "3"])
        #expect(throws: LanternError.self) {
            try store.saveAnswer(attemptID: id, trainee: trainee.id, quizID: "intro-quiz", questionID: "q3", responseJSON: "not json")
        }
    }

    @Test("supervisors sign off practicum hours once; others cannot")
    func practicumSignOff() throws {
        let (_, store) = try Self.store()
        let trainee = try store.addTrainee(NewTrainee(name: "Uma"))
        try store.addAssessor(id: "sup", name: "Sup", email: nil, roles: [.supervisor])
        try store.addAssessor(id: "tr", name: "Tr", email: nil, roles: [.trainer])
        #expect(throws: LanternError.self) {
            try store.logHours(HoursEntry(traineeID: trainee.id, date: "2026-11-01", hours: 2, kind: .practicum(supervisorID: "tr", signedOffAt: nil)))
        }
        let entry = try store.logHours(HoursEntry(traineeID: trainee.id, date: "2026-11-01", hours: 2, kind: .practicum(supervisorID: "sup", signedOffAt: nil)))
        #expect(try store.transcript(trainee.id).practicumHoursSignedOff == 0)
        try store.signOffPracticum(entryID: entry.id, supervisor: "sup")
        #expect(try store.transcript(trainee.id).practicumHoursSignedOff == 2)
        #expect(throws: LanternError.self) { try store.signOffPracticum(entryID: entry.id, supervisor: "sup") }
    }

    @Test("module progress accumulates time and keeps the first completion")
    func moduleProgress() throws {
        let (_, store) = try Self.store()
        let trainee = try store.addTrainee(NewTrainee(name: "Vic"))
        try store.recordModuleProgress(trainee: trainee.id, module: "intro", addSeconds: 60)
        try store.recordModuleProgress(trainee: trainee.id, module: "intro", addSeconds: 120, completed: true)
        try store.recordModuleProgress(trainee: trainee.id, module: "intro", addSeconds: 30)
        let modules = try store.transcript(trainee.id).modules
        #expect(modules.count == 1)
        #expect(modules[0].secondsSpent == 210)
        #expect(modules[0].completedAt != nil)
    }

    @Test("erasure clears personal fields but keeps a recipient hash that still matches the email")
    func erasure() throws {
        let (_, store) = try Self.store()
        let trainee = try store.addTrainee(NewTrainee(name: "Wyn Person", preferredName: "Wyn", email: "Wyn@Example.org",
                                                      externalID: "HR-9", publicNameConsent: true))
        let (salt, hashBefore) = try store.pool.read { db in
            let row = try GRDB.Row.fetchOne(db, sql: "SELECT recipient_salt, recipient_hash FROM trainee")!
            return (row[0] as String, row[1] as String)
        }
        #expect(hashBefore == RecipientHash.hash(email: "wyn@example.org", salt: salt))
        _ = try store.eraseTrainee("HR-9")
        let erased = try store.trainee(trainee.id)
        #expect(erased.name == nil && erased.preferredName == nil && erased.email == nil && erased.externalID == nil)
        #expect(erased.publicNameConsent == false)
        #expect(erased.erasedAt != nil)
        let hashAfter = try store.pool.read { try String.fetchOne($0, sql: "SELECT recipient_hash FROM trainee") }
        #expect(hashAfter == hashBefore)
        #expect(try store.auditEntries().last?.action == "trainee.erase")
    }
}

import GRDB
