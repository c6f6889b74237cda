import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Erases a trainee's personal data on request: name, preferred name, email, external id
    /// and name consent are cleared. The id, dates, the salted email hash and every attempt,
    /// observation and hours entry stay, because certificates already issued must remain
    /// verifiable and the evidence behind them must remain provable (see docs/records.md).
    public func eraseTrainee(_ reference: String) throws(LanternError) -> String {
        let id = try write { db, now in
            let id = try RecordsStore.traineeID(db, reference)
            if try String.fetchOne(db, sql: "SELECT erased_at FROM trainee WHERE id = ?", arguments: [id]) != nil {
                throw LanternError("already-erased", "trainee \(id) was already erased")
            }
            try db.execute(sql: """
                UPDATE trainee SET name = NULL, preferred_name = NULL, email = NULL, external_id = NULL,
                                   public_name_consent = 0, erased_at = ?
                WHERE id = ?
                """, arguments: [now, id])
            try self.audit(db, now, "trainee.erase", "trainee", id)
            return id
        }
        // Move the WAL into the main file so the old values are not left in the log;
        // secure_delete has already overwritten them in the pages.
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        return id
    }
}
