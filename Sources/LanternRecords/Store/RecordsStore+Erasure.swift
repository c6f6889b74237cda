import Foundation
import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Erases a trainee's personal data on request: name, preferred name, email, external id and
    /// both consents are cleared, and so is the name of every principal that is the trainee (their
    /// learner login, an `--as` name or login equal to one of their identifiers). The id, dates,
    /// the salted email hash and every attempt, observation and hours entry stay, because
    /// certificates already issued must remain verifiable and the evidence behind them provable;
    /// audit rows hold opaque ids only, so the chain is never rewritten (see docs/records.md).
    ///
    /// Completes or fails loudly: after the commit the write-ahead log is checkpointed into the
    /// main file and truncated (with `secure_delete` on, the old values are overwritten there),
    /// retried while a reader holds an old snapshot; if a reader still holds one after
    /// `waitForReaders`, `erasure-incomplete` is thrown (the records are erased, but old page
    /// images may remain in the log until the next checkpoint).
    public func eraseTrainee(_ reference: String, waitForReaders: TimeInterval = RecordsDatabase.busyTimeout) throws(LanternError) -> String {
        let id = try write { db, now in
            let id = try RecordsStore.traineeID(db, reference)
            guard let row = try Row.fetchOne(db, sql: "SELECT name, preferred_name, email, external_id, erased_at FROM trainee WHERE id = ?", arguments: [id]) else {
                throw LanternError(.unknownTrainee, "no trainee \(id)")
            }
            if (row["erased_at"] as String?) != nil {
                throw LanternError(.alreadyErased, "trainee \(id) was already erased")
            }
            let identifiers = [row["name"], row["preferred_name"], row["email"], row["external_id"]]
                .compactMap { (value: String?) in value?.lowercased() }.filter { !$0.isEmpty }
            try db.execute(sql: """
                UPDATE trainee SET name = NULL, preferred_name = NULL, email = NULL, external_id = NULL,
                                   public_name_consent = 0, credential_consent = 0, erased_at = ?
                WHERE id = ?
                """, arguments: [now, id])
            // Their SSH keys go, with the keys' principals' names and any open invitation.
            let keys = try Self.eraseSSHAccess(db, trainee: id, now: now)
            let principals = try String.fetchAll(db, sql: "SELECT id FROM principal WHERE erased_at IS NULL AND (trainee_id = ? OR lower(name) IN (SELECT value FROM json_each(?)))",
                                                 arguments: [id, "[" + identifiers.map(Self.jsonString).joined(separator: ",") + "]"])
            for principal in principals {
                try db.execute(sql: "UPDATE principal SET name = NULL, erased_at = ? WHERE id = ?", arguments: [now, principal])
            }
            try self.audit(db, now, "trainee.erase", "trainee", id, ["principals": String(principals.count), "keys": String(keys)])
            return id
        }
        try flushErasedPages(waitForReaders: waitForReaders, trainee: id)
        return id
    }

    /// Checkpoints the write-ahead log into the main file and truncates it, retrying while a
    /// reader's snapshot holds old pages; throws `erasure-incomplete` if it cannot finish.
    func flushErasedPages(waitForReaders: TimeInterval, trainee: String) throws(LanternError) {
        let deadline = Date().addingTimeInterval(waitForReaders)
        var delay: UInt32 = 20_000
        while true {
            let done: Bool
            do {
                // Wait for readers a little at a time, not the whole busy timeout in one go.
                let waitMilliseconds = Int(max(100, min(2_000, deadline.timeIntervalSinceNow * 1_000)))
                done = try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA busy_timeout = \(waitMilliseconds)")
                    defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(RecordsDatabase.busyTimeout * 1_000))") }
                    let result = try db.checkpoint(.truncate)
                    return result.walFrameCount == 0 || result.walFrameCount == result.checkpointedFrameCount
                }
            } catch {
                done = false
            }
            let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            if done, walSize == 0 { return }
            if Date() >= deadline {
                throw LanternError(.erasureIncomplete,
                                   "trainee \(trainee) is erased in the records, but another program still reads an older copy, so the old values may remain in '\(path)-wal' for now",
                                   hint: "close other lantern commands (a learner, a report) and run 'lantern db check'; the next write removes them")
            }
            usleep(delay)
            delay = min(delay * 2, 500_000)
        }
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
