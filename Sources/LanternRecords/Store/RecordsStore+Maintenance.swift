import Foundation
import GRDB
import LanternDiagnostics

/// What `lantern db check` found.
public struct DatabaseCheckReport: Sendable, Hashable, Codable {
    public var integrity: [String]
    public var foreignKeys: [String]
    public var auditRows: Int
    public var auditChain: [String]
    public var counts: [String: Int]
    /// Tables, indexes and triggers that differ from what the migrations made.
    public var schema: [String]
    /// Evidence and certificate rows that do not match the digest their audit entry recorded.
    public var records: [String]
    /// Derived tables (`quiz_summary`) that differ from what they derive from.
    public var derived: [String]

    public var isHealthy: Bool {
        integrity.isEmpty && foreignKeys.isEmpty && auditChain.isEmpty && schema.isEmpty && records.isEmpty && derived.isEmpty
    }

    /// Every problem, one line each.
    public var problems: [String] {
        integrity.map { "integrity: \($0)" } + foreignKeys.map { "foreign key: \($0)" } + auditChain + schema + records + derived
    }
}

extension RecordsStore {
    /// Runs `PRAGMA integrity_check`, `PRAGMA foreign_key_check`, verifies the audit chain,
    /// compares the schema with what the migrations make, recomputes every evidence and
    /// certificate row's digest against its audit entry, and compares derived tables with what
    /// they derive from — all on one snapshot.
    public func check() throws(LanternError) -> DatabaseCheckReport {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                return "\(table) row \(rowid.map(String.init) ?? "?") points to a missing \(parent)"
            }
            let chain = try AuditLog.verify(db)
            var counts: [String: Int] = [:]
            for table in ["trainee", "assessor", "cohort", "enrolment", "quiz_attempt", "open_attempt", "attempt_answer", "observation",
                          "practicum_hours", "ce_hours", "certificate", "audit_log"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            let schema = try SchemaCheck.verify(db)
            let records = try Attestation.verify(db).prefix(50).map(\.description)
            let derived = try DerivedTablesCheck.verify(db)
            return DatabaseCheckReport(integrity: integrity, foreignKeys: foreignKeys, auditRows: chain.rows,
                                       auditChain: chain.problems, counts: counts, schema: schema, records: Array(records), derived: derived)
        }
    }

    /// Copies the database to `destination` with SQLite's online backup: a consistent snapshot
    /// even while other processes write. The copy is written to a temporary file (0600) and
    /// moved into place, so `destination` is never half-written.
    public func backup(to destination: String) throws(LanternError) {
        let target = URL(fileURLWithPath: destination)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LanternError(.backupTarget, "'\(destination)' is a folder", hint: "give the path of the backup file to write")
        }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        do {
            try Platform.createPrivateFile(temporary.path, exclusive: true)
        } catch {
            throw LanternError(.backupTarget, "cannot write a backup at '\(destination)': \(error.message)")
        }
        do {
            var config = Configuration()
            config.journalMode = .default
            let copy = try DatabaseQueue(path: temporary.path, configuration: config)
            try pool.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try copy.close()
            do {
                try Platform.rename(temporary.path, to: target.path)
            } catch {
                throw LanternError(.backupTarget, "cannot move the backup into '\(destination)': \(error.message)")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RecordsError.map(error, database: path)
        }
    }
}

extension RecordsStore {
    /// A trainee's evidence and certificate rows that do not match their audit entries (empty
    /// when every one was recorded by Lantern and not changed since).
    public func attestationProblems(trainee reference: String) throws(LanternError) -> [Attestation.Problem] {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return try Attestation.verify(db, trainee: id)
        }
    }

    /// The audit log's head: how many rows, and the last row's hash (for a signed checkpoint).
    public func auditHead() throws(LanternError) -> (rows: Int64, hash: String) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
            return (rows: row?[0] ?? 0, hash: row?[1] ?? AuditLog.genesis)
        }
    }

    /// The hash of audit row `id`, or nil when there is no such row.
    public func auditHash(row id: Int64) throws(LanternError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE id = ?", arguments: [id]) }
    }
}
