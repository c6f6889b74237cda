import Foundation
import GRDB
import LanternCertification
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// Tamper-evident records (issue 20.5): someone who can write the database file must not make
/// a certificate from evidence Lantern never recorded, and `db check` must find what they did.
@Suite struct TamperEvidenceTests {
    typealias Setup = CertificateLifecycleTests.Setup

    /// Raw SQL on the records file, as an attacker with write access runs it.
    static func tamper(_ setup: Setup, _ sql: String) throws {
        let queue = try DatabaseQueue(path: setup.dbPath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// The trigger SQL as the migrations made it, to put back after a rewrite.
    static func triggerSQL(_ setup: Setup, _ name: String) throws -> String {
        let queue = try DatabaseQueue(path: setup.dbPath)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name]) ?? "" }
    }

    enum Part: String, CaseIterable, Sendable { case quizSummary, observation, practicum }

    /// Everything recorded properly except `part`.
    static func completeExcept(_ part: Part, _ setup: Setup) throws {
        let store = setup.store
        if part != .quizSummary {
            try store.recordAttempt(CertificateLifecycleTests.attempt(trainee: setup.traineeID, passed: true))
        }
        if part != .observation {
            for day in ["2026-01-02", "2026-01-09"] {
                try store.recordObservation(Observation(traineeID: setup.traineeID, checklistID: "listening-skills", checklistHash: "h",
                                                        assessorID: "sam", method: "role-play", observedOn: day,
                                                        ratings: CertificateLifecycleTests.competentRatings, competent: true))
            }
        }
        if part != .practicum {
            let entry = try store.logHours(HoursEntry(traineeID: setup.traineeID, date: "2026-01-05", hours: 10,
                                                      kind: .practicum(supervisorID: "sam", signedOffAt: nil)))
            try store.signOffPracticum(entryID: entry.id, supervisor: "sam")
        }
    }

    static func forge(_ part: Part, _ setup: Setup) throws {
        let t = setup.traineeID
        let ratings = #"[{"criterion":"confidentiality","rating":"competent"},{"criterion":"open-questions","rating":"competent"}]"#
        switch part {
        case .quizSummary:
            try tamper(setup, "INSERT INTO quiz_summary VALUES ('\(t)', 'intro-quiz', 1, 1.0, 1, '2026-01-01T10:10:00.000Z')")
        case .observation:
            for (id, day) in [("ob-forged1", "2026-01-02"), ("ob-forged2", "2026-01-09")] {
                try tamper(setup, """
                    INSERT INTO observation VALUES ('\(id)', '\(t)', 'listening-skills', 'h', 'sam', 'role-play', '\(day)',
                                                    '\(ratings)', 1, NULL, '2026-01-10T00:00:00.000Z', 'tester')
                    """)
            }
        case .practicum:
            try tamper(setup, """
                INSERT INTO practicum_hours VALUES ('hr-forged', '\(t)', '2026-01-05', 10, 'sam', '2026-01-06T00:00:00.000Z', NULL,
                                                    '2026-01-06T00:00:00.000Z', 'tester')
                """)
        }
    }

    @Test(arguments: Part.allCases)
    func plainInsertsEarnNoCertificate(_ part: Part) throws {
        let setup = try CertificateLifecycleTests.setup()
        try Self.completeExcept(part, setup)
        #expect(try setup.store.check().isHealthy)
        try Self.forge(part, setup)
        #expect(throws: LanternError.self) { try setup.service().issue(trainee: setup.traineeID) }
        let status = try setup.service().requirements(trainee: setup.traineeID)
        #expect(!status.isMet)
        if part != .quizSummary { #expect(status.missing.map(\.id).contains("records"), "cert status says the records fail") }
        #expect(try setup.service().eligibleTrainees().isEmpty)
        #expect(try setup.store.certificates().isEmpty)
        let report = try setup.store.check()
        #expect(!report.isHealthy, "db check passed forged \(part.rawValue)")
        switch part {
        case .quizSummary: #expect(report.derived.contains { $0.contains("quiz_summary") })
        case .observation: #expect(report.records.contains { $0.contains("observation row ob-forged1 was not recorded by Lantern") })
        case .practicum: #expect(report.records.contains { $0.contains("practicum_hours row hr-forged") })
        }
        // Through the command line too: `cert issue` refuses, `db check` exits 1.
        let env = ["LANTERN_DB": setup.dbPath]
        #expect(try LanternProcess.run(["cert", "issue", setup.traineeID], in: setup.folder.url, environment: env).status == 1)
        #expect(try LanternProcess.run(["db", "check"], in: setup.folder.url, environment: env).status == 1)
    }

    @Test func droppedAppendOnlyTriggerIsCaught() throws {
        let setup = try CertificateLifecycleTests.setup()
        try Self.tamper(setup, "DROP TRIGGER observation_no_delete")
        let report = try setup.store.check()
        #expect(report.schema.contains { $0.contains("trigger observation_no_delete is missing") }, "\(report.schema)")
    }

    @Test func anAddedTriggerIsCaught() throws {
        let setup = try CertificateLifecycleTests.setup()
        try Self.tamper(setup, "CREATE TRIGGER sneaky AFTER INSERT ON quiz_attempt BEGIN SELECT 1; END")
        #expect(try setup.store.check().schema.contains { $0.contains("sneaky") })
    }

    @Test func rewrittenAttemptScoreIsCaught() throws {
        let setup = try CertificateLifecycleTests.setup()
        try Self.completeExcept(.practicum, setup)
        let trigger = try Self.triggerSQL(setup, "quiz_attempt_no_update")
        try Self.tamper(setup, "DROP TRIGGER quiz_attempt_no_update; UPDATE quiz_attempt SET score = 0.1, passed = 0; \(trigger)")
        let report = try setup.store.check()
        #expect(report.schema.isEmpty, "the trigger was put back as it was")
        #expect(report.records.contains { $0.contains("quiz_attempt row") && $0.contains("was changed after it was recorded") }, "\(report.records)")
    }

    @Test func insertedCertificateRowIsCaught() throws {
        let setup = try CertificateLifecycleTests.setup()
        try Self.tamper(setup, """
            INSERT INTO certificate (id, trainee_id, program_id, status_index, issued_at, valid_from, valid_until, jwt, evidence, status, recorded_by)
            VALUES ('2026-forged', '\(setup.traineeID)', 'test-program', 5, '2026-01-01', '2026-01-01', '2028-01-01', 'x.y.z', '[]', 'active', 'x')
            """)
        #expect(try setup.store.check().records.contains { $0.contains("certificate row 2026-forged was not recorded by Lantern") })
    }

    /// Grants, hand marks and regrades change what an attempt earns: one inserted with `sqlite3`
    /// is caught by `db check` and blocks a certificate like a forged attempt.
    @Test(arguments: ["quiz_grant", "question_mark", "attempt_regrade"])
    func assessmentEvidenceInsertedOutsideLanternIsCaught(_ table: String) throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        let attemptID = try #require(try setup.store.attempts(trainee: setup.traineeID).first?.id)
        let when = "2026-01-03T10:00:00.000Z"
        let sql: String
        switch table {
        case "quiz_grant":
            sql = "INSERT INTO quiz_grant VALUES ('g-forged', '\(setup.traineeID)', 'intro-quiz', 5, 'none', '\(when)', 'x')"
        case "question_mark":
            sql = "INSERT INTO question_mark VALUES ('m-forged', '\(attemptID)', 'goals', '1', NULL, '\(when)', 'x')"
        default:
            sql = "INSERT INTO attempt_regrade VALUES ('r-forged', '\(attemptID)', 'h', '{}', '[]', 1, 1, '\(when)', 'x')"
        }
        #expect(try setup.store.check().isHealthy)
        try Self.tamper(setup, sql)
        let problems = try setup.store.check().records
        #expect(problems.contains { $0.contains("\(table) row") && $0.contains("was not recorded by Lantern") }, "\(problems)")
        #expect(throws: LanternError.self) { try setup.service().issue(trainee: setup.traineeID) }
    }

    @Test func suspensionUndoneByUpdateIsCaught() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        let record = try setup.service().issue(trainee: setup.traineeID)
        _ = try setup.store.setCertificateStatus(record.id, to: .suspended, reason: "investigation")
        #expect(try setup.store.check().isHealthy)
        try Self.tamper(setup, "UPDATE certificate SET status = 'active', status_reason = NULL WHERE id = '\(record.id)'")
        #expect(try setup.store.check().records.contains { $0.contains("certificate row \(record.id) was changed") })
    }

    @Test func certificatesAreEvaluatedFromTheAttemptsNotTheSummary() throws {
        let setup = try CertificateLifecycleTests.setup()
        try Self.completeExcept(.quizSummary, setup)
        // A failed attempt recorded by Lantern, then the cache rewritten to say it passed.
        try setup.store.recordAttempt(CertificateLifecycleTests.attempt(trainee: setup.traineeID, passed: false, total: "0"))
        try Self.tamper(setup, "UPDATE quiz_summary SET passed = 1, best_score = 1")
        let report = try setup.service().requirements(trainee: setup.traineeID)
        #expect(report.missing.map(\.id) == ["intro-quiz"])
    }

    @Test func aCheckpointShowsHistoryRewrittenAfterIt() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        try setup.service().issue(trainee: setup.traineeID)   // signs the status list a build publishes
        let env = ["LANTERN_DB": setup.dbPath]
        let made = try LanternProcess.run(["db", "checkpoint"], in: setup.folder.url, environment: env)
        #expect(made.status == 0, "\(made.stderr)")
        let checkpoint = setup.folder.url.appendingPathComponent(AuditCheckpoint.publishedPath)
        let old = setup.folder.url.appendingPathComponent("old-checkpoint.jwt")
        try FileManager.default.copyItem(at: checkpoint, to: old)
        let against = try LanternProcess.run(["db", "check", "--against", old.path], in: setup.folder.url, environment: env)
        #expect(against.status == 0, "\(against.stdout)\(against.stderr)")
        // Published with the site, byte for byte, by a build that signs nothing.
        let built = try LanternProcess.run(["build"], in: setup.folder.url, environment: env)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try String(contentsOf: setup.folder.url.appendingPathComponent("site/checkpoint.jwt"), encoding: .utf8)
                == String(contentsOf: checkpoint, encoding: .utf8))
        _ = try setup.store.logHours(HoursEntry(traineeID: setup.traineeID, date: "2026-02-01", hours: 1, kind: .continuingEducation(category: "ethics")))
        #expect(try LanternProcess.run(["db", "check", "--against", old.path], in: setup.folder.url, environment: env).status == 0,
                "appending after a checkpoint is not a rewrite")

        // Rewrite history consistently: change an old audit row, recompute every hash after it,
        // and put the triggers back — the chain, the schema and the digests all check out…
        let queue = try DatabaseQueue(path: setup.dbPath)
        let noUpdate = try Self.triggerSQL(setup, "audit_log_no_update")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'someone-else' WHERE id = 1")
            var previous = AuditLog.genesis
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id") {
                let hash = AuditLog.hash(id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], subjectType: row["subject_type"],
                                         subjectID: row["subject_id"], detail: row["detail"], prevHash: previous)
                try db.execute(sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [previous, hash, row["id"] as Int64])
                previous = hash
            }
            try db.execute(sql: noUpdate)
        }
        try queue.close()
        #expect(try setup.store.check().isHealthy, "a consistent rewrite passes the plain check")
        // …but not against the checkpoint published before it.
        let caught = try LanternProcess.run(["db", "check", "--against", old.path], in: setup.folder.url, environment: env)
        #expect(caught.status == 1)
        #expect(caught.stderr.contains("rewritten"), "\(caught.stderr)")

        // A forged checkpoint (signature bytes changed) is refused, not believed.
        var forged = try String(contentsOf: old, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        forged = String(forged.dropLast(4)) + (forged.hasSuffix("AAAA") ? "BBBB" : "AAAA")
        try forged.write(to: old, atomically: true, encoding: .utf8)
        let refused = try LanternProcess.run(["db", "check", "--against", old.path], in: setup.folder.url, environment: env)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("signature"), "\(refused.stderr)")
    }

    @Test func theReleaseFixtureMigratesWithEveryRowAttested() throws {
        let (folder, path) = try ReleaseFixture.database()
        _ = folder
        let store = try RecordsStore(path: path, actor: "tester", mustExist: true)
        let report = try store.check()
        #expect(report.isHealthy, "\(report.problems)")
        #expect(try store.auditEntries().contains { $0.action == "record.attest" })
    }
}
