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

    public var isHealthy: Bool { integrity.isEmpty && foreignKeys.isEmpty && auditChain.isEmpty }
}

extension RecordsStore {
    /// Runs `PRAGMA integrity_check`, `PRAGMA foreign_key_check` and verifies the audit chain,
    /// all on one snapshot.
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
                          "practicum_hours", "ce_hours", "audit_log"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return DatabaseCheckReport(integrity: integrity, foreignKeys: foreignKeys, auditRows: chain.rows,
                                       auditChain: chain.problems, counts: counts)
        }
    }

    /// Copies the database to `destination` with SQLite's online backup: a consistent snapshot
    /// even while other processes write. The copy is written to a temporary file (0600) and
    /// moved into place, so `destination` is never half-written.
    public func backup(to destination: String) throws(LanternError) {
        let target = URL(fileURLWithPath: destination)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LanternError("backup-target", "'\(destination)' is a folder", hint: "give the path of the backup file to write")
        }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        do {
            try Platform.createPrivateFile(temporary.path, exclusive: true)
        } catch {
            throw LanternError("backup-target", "cannot write a backup at '\(destination)': \(error.message)")
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
                throw LanternError("backup-target", "cannot move the backup into '\(destination)': \(error.message)")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RecordsError.map(error, database: path)
        }
    }
}
