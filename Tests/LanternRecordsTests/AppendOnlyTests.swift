import Foundation
import GRDB
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// The append-only promises hold against raw SQL, not only through the Swift API.
@Suite("append-only tables and the audit chain")
struct AppendOnlyTests {
    /// A store with one trainee, one assessor, one attempt and one observation.
    static func populated() throws -> (TemporaryFolder, RecordsStore, String) {
        let folder = try TemporaryFolder(prefix: "lantern-records")
        let store = try RecordsStore(path: folder.url.appendingPathComponent("r.sqlite").path, actor: "tester")
        let trainee = try store.addTrainee(NewTrainee(name: "Quinn Example", email: "quinn@example.org"))
        try store.addAssessor(id: "ann", name: "Ann", email: nil, roles: [.assessor, .supervisor])
        try store.recordAttempt(SampleAttempts.make(trainee.id, score: 1, passed: true, seed: 42, startedAt: "2026-11-01T10:00:00.000Z",
                                                    submittedAt: "2026-11-01T10:05:00.000Z"))
        try store.recordObservation(Observation(traineeID: trainee.id, checklistID: "listening", checklistHash: "h", assessorID: "ann",
                                                method: "role-play", observedOn: "2026-11-01",
                                                ratings: [.init(criterion: "open", rating: "competent")], competent: true))
        return (folder, store, trainee.id)
    }

    @Test("raw UPDATE and DELETE are aborted by triggers", arguments: [
        "UPDATE audit_log SET actor = 'mallory'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
        "UPDATE quiz_attempt SET score = 0",
        "DELETE FROM quiz_attempt",
        "UPDATE observation SET competent = 0",
        "DELETE FROM observation",
        "DELETE FROM trainee",
        "UPDATE practicum_hours SET hours = 1",
    ])
    func rawChangesAreRefused(sql: String) throws {
        let (folder, store, _) = try Self.populated()
        if sql.contains("practicum_hours") {
            let id = try store.trainees()[0].id
            try store.logHours(HoursEntry(traineeID: id, date: "2026-11-01", hours: 2, kind: .practicum(supervisorID: "ann", signedOffAt: "2026-11-01T00:00:00.000Z")))
        }
        // A separate, plain connection: what any SQLite client could do.
        let raw = try DatabaseQueue(path: folder.url.appendingPathComponent("r.sqlite").path)
        let before = try raw.read { try Int.fetchOne($0, sql: "SELECT total_changes()") }
        #expect(before != nil)
        #expect {
            try raw.write { try $0.execute(sql: sql) }
        } throws: { error in
            let message = (error as? DatabaseError)?.message ?? ""
            return message.contains("append-only") || message.contains("cannot be deleted")
        }
        #expect(try store.check().isHealthy)
    }

    @Test("an audit row changed behind the triggers' back breaks the chain")
    func tamperingIsDetected() throws {
        let (folder, store, _) = try Self.populated()
        #expect(try store.check().auditChain.isEmpty)
        let raw = try DatabaseQueue(path: folder.url.appendingPathComponent("r.sqlite").path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
        }
        let report = try store.check()
        #expect(report.auditChain == ["audit log row 2 was altered (its hash does not match its contents)"])
        #expect(!report.isHealthy)
    }

    @Test("a deleted audit row is reported as missing")
    func deletionIsDetected() throws {
        let (folder, store, _) = try Self.populated()
        let raw = try DatabaseQueue(path: folder.url.appendingPathComponent("r.sqlite").path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE id = 2")
        }
        let problems = try store.check().auditChain
        #expect(problems.contains("audit log row 2 is missing"))
        #expect(problems.contains("audit log row 3 does not link to the row before it"))
    }

    @Test("every change writes one audit row with the actor, and the chain verifies")
    func auditRows() throws {
        let (_, store, trainee) = try Self.populated()
        let entries = try store.auditEntries()
        #expect(entries.map(\.action) == ["trainee.add", "assessor.add", "attempt.record", "observation.record"])
        // Audit rows name an opaque principal id; the name lives in the principal table only.
        #expect(entries.allSatisfy { $0.actor == store.actor && $0.actor.hasPrefix("p-") })
        #expect(try store.principals()[store.actor]?.name == "tester")
        #expect(entries[0].prevHash == AuditLog.genesis)
        #expect(entries[1].prevHash == entries[0].hash)
        #expect(entries.filter { $0.subjectID == trainee }.count == 3)
        // No personal data in the log.
        #expect(!entries.contains { $0.detail.contains("Quinn") || $0.detail.contains("quinn@") })
    }
}
