import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics
import LanternTestSupport
import Testing
@testable import LanternRecords

/// The third release's records database (`Tests/Fixtures/release-ac5aaf9`) opens with this
/// version: its learner-shaped row is converted (and marked legacy), its open learner attempt
/// becomes an open attempt, the append-only rules still hold, and the audit chain says so.
@Suite struct ReleaseFixtureMigrationTests {
    static let sam = "t-vrhjxe9nca4k"
    static let alex = "t-1rjksmjvh4c2"
    static let learnerRow = "qa-6na2zb6qmg2g"

    /// A copy of the fixture database in a temporary folder (the fixture is never changed).
    static func copy() throws -> (folder: TemporaryFolder, path: String) {
        try ReleaseFixture.database()
    }

    /// Finding (issue 14): the learner's row could not be read ("1 recorded attempt could not
    /// be read and was left out").
    @Test func theLearnersRowIsReadableAndMarkedLegacy() throws {
        let (folder, path) = try Self.copy()
        _ = folder
        let store = try RecordsStore(path: path, actor: "test", mustExist: true)
        let (attempts, unreadable) = try store.attempts(quiz: "foundations-quiz")
        #expect(unreadable == 0)
        #expect(attempts.count == 3)
        let legacy = try #require(attempts.first { $0.id == Self.learnerRow })
        #expect(legacy.legacy)
        #expect(legacy.number == 2)
        #expect(legacy.attempt.number == 2 && legacy.result.attemptNumber == 2)
        #expect(legacy.attempt.responses["medication-question"] == .choices([3]))
        #expect(legacy.attempt.questions.map(\.questionID) == legacy.questions)
        #expect(legacy.result.failedCritical == ["medication-question"])
        #expect(!legacy.passed)
        #expect(attempts.filter(\.legacy).count == 1)
        #expect(try store.transcript(Self.sam).quizzes.first { $0.quizID == "foundations-quiz" }?.attempts == 2)
    }

    @Test func theOpenLearnerAttemptBecomesAnOpenAttempt() throws {
        let (folder, path) = try Self.copy()
        _ = folder
        let store = try RecordsStore(path: path, actor: "test", mustExist: true)
        let open = try #require(try store.openAttempt(trainee: Self.alex, quiz: "communication-quiz"))
        #expect(open.id == "qa-m8nxdxjecm6z")
        #expect(open.number == 2)
        #expect(open.seed == 3_098_915_853_386_527_966)
        #expect(open.drawn == nil)
        #expect(open.responses == ["text-tone": .choices([0])])
        #expect(try store.openAttempt(trainee: Self.sam, quiz: "foundations-quiz") == nil)
    }

    @Test func theMigrationIsInTheAuditChainAndTheRulesStillHold() throws {
        let (folder, path) = try Self.copy()
        _ = folder
        let store = try RecordsStore(path: path, actor: "test", mustExist: true)
        let report = try store.check()
        #expect(report.isHealthy, "\(report)")
        // The migration's own row (later migrations attest rows after it).
        let last = try #require(try store.auditEntries().last { $0.action == "migration" && $0.subjectID == "v4-attempt-records" })
        #expect(last.action == "migration")
        #expect(last.subjectID == "v4-attempt-records")
        #expect(last.detail.contains("\"rows\":\"1\"") && last.detail.contains("\"open\":\"1\""))
        #expect(last.detail.contains("\"digest\":\""))
        #expect(throws: (any Error).self) {
            try store.pool.write { try $0.execute(sql: "UPDATE quiz_attempt SET score = 1 WHERE id = ?", arguments: [Self.learnerRow]) }
        }
        #expect(throws: (any Error).self) {
            try store.pool.write { try $0.execute(sql: "DELETE FROM quiz_attempt WHERE id = ?", arguments: [Self.learnerRow]) }
        }
        // Opening again changes nothing more.
        let again = try RecordsStore(path: path, actor: "test", mustExist: true)
        #expect(try again.auditEntries().count == report.auditRows)
    }

    /// Finding (issue 14): nothing stopped two processes recording the same attempt number.
    @Test func theDatabaseRefusesASecondAttemptWithTheSameNumberOnEveryPath() throws {
        let (folder, path) = try Self.copy()
        _ = folder
        let store = try RecordsStore(path: path, actor: "test", mustExist: true)
        // Raw SQL, as another program would: attempt 1 of sam's crisis quiz exists already.
        #expect(throws: (any Error).self) {
            try store.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO quiz_attempt (id, trainee_id, quiz_id, quiz_hash, seed, questions, responses, results, score, passed,
                                              started_at, submitted_at, recorded_at, recorded_by, number)
                    SELECT 'qa-copy', trainee_id, quiz_id, quiz_hash, seed, questions, responses, results, score, passed,
                           started_at, submitted_at, recorded_at, recorded_by, number FROM quiz_attempt WHERE id = 'qa-kqtczgw79etw'
                    """)
            }
        }
        var copy = try #require(try store.attempts(trainee: Self.sam).first { $0.id == "qa-kqtczgw79etw" })
        copy.id = "qa-again"
        #expect { try store.recordAttempt(copy) } throws: { ($0 as? LanternError)?.code == "attempt-conflict" }
        copy.number = 2
        try store.recordAttempt(copy)
        #expect(try store.transcript(Self.sam).quizzes.first { $0.quizID == "crisis-quiz" }?.attempts == 2)
    }
}
