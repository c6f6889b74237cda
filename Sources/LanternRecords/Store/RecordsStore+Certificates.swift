import Foundation
import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Records an issued certificate and audits it (the evidence stays in the record, not the log).
    ///
    /// Checked in the same write transaction, so two `lantern` processes issuing at once cannot
    /// both succeed: no certificate for an erased trainee (`trainee-erased`); a first certificate
    /// (one that renews nothing) is refused with `already-certified` while the trainee holds a
    /// current one (not revoked, not superseded, running past the new one's `validFrom`); a
    /// renewal is refused unless the certificate it renews is active and not renewed already
    /// (`already-renewed`), and unless none of `ceHoursUsed` counted for an earlier renewal
    /// (`ce-hours-used`); a status-list index another certificate took meanwhile is refused with
    /// `status-index-taken` (the caller picks another and signs again).
    ///
    /// A certificate with `reissues` set replaces that one: in the same transaction the old
    /// certificate is revoked with reason `superseded` (it must still be active or suspended).
    @discardableResult
    public func recordCertificate(_ certificate: CertificateRecord, ceHoursUsed: [String] = []) throws(LanternError) -> CertificateRecord {
        try write { db, now in
            let traineeID = try RecordsStore.traineeID(db, certificate.traineeID)
            if try String.fetchOne(db, sql: "SELECT erased_at FROM trainee WHERE id = ?", arguments: [traineeID]) != nil {
                throw LanternError(.traineeErased, "trainee \(traineeID) was erased; no certificate can be issued to them")
            }
            if let old = certificate.reissues {
                guard let row = try Row.fetchOne(db, sql: "SELECT trainee_id, status FROM certificate WHERE id = ?", arguments: [old]) else {
                    throw LanternError(.unknownCertificate, "no certificate '\(old)' in the records")
                }
                let status: String = row["status"]
                guard status != "revoked" else {
                    throw LanternError(.certificateRevoked, "certificate \(old) is revoked; a revoked certificate is not reissued")
                }
                guard (row["trainee_id"] as String) == traineeID else {
                    throw LanternError(.wrongTrainee, "certificate \(old) belongs to another trainee")
                }
                try db.execute(sql: "UPDATE certificate SET status = 'revoked', status_reason = 'superseded', status_changed_at = ? WHERE id = ?",
                               arguments: [now, old])
                try audit(db, now, "certificate.revoke", "certificate", old, ["reason": "superseded", "from": status, "reissued_as": certificate.id])
            }
            if let renewed = certificate.renews {
                guard let row = try Row.fetchOne(db, sql: "SELECT trainee_id, status FROM certificate WHERE id = ?", arguments: [renewed]),
                      row["trainee_id"] == traineeID else {
                    throw LanternError(.unknownCertificate, "trainee \(traineeID) holds no certificate \(renewed) to renew")
                }
                guard row["status"] == "active" else {
                    throw LanternError(.certificateNotActive, "certificate \(renewed) is \(row["status"] as String); only an active certificate is renewed")
                }
                if let newer = try String.fetchOne(db, sql: "SELECT id FROM certificate WHERE renews = ?", arguments: [renewed]) {
                    throw LanternError(.alreadyRenewed, "certificate \(renewed) was already renewed by \(newer)",
                                       hint: "a certificate is renewed once; 'lantern cert list' shows the current one")
                }
            } else if let held = try String.fetchOne(db, sql: """
                SELECT id FROM certificate c WHERE trainee_id = ? AND status != 'revoked' AND (valid_until IS NULL OR valid_until > ?)
                  AND NOT EXISTS (SELECT 1 FROM certificate r WHERE r.renews = c.id)
                ORDER BY issued_at DESC LIMIT 1
                """, arguments: [traineeID, certificate.validFrom]) {
                throw LanternError(.alreadyCertified, "trainee \(traineeID) already holds certificate \(held)",
                                   hint: "'lantern cert renew \(traineeID)' renews it; revoke it first to issue a new one")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM certificate WHERE status_index = ?)", arguments: [certificate.statusIndex]) == true {
                throw LanternError(.statusIndexTaken, "status-list index \(certificate.statusIndex) was taken by another certificate")
            }
            var stored = certificate
            stored.traineeID = traineeID
            stored.issuedAt = now
            stored.recordedBy = actor
            try db.execute(sql: """
                INSERT INTO certificate (id, trainee_id, program_id, status_index, issued_at, valid_from, valid_until,
                                         jwt, evidence, renews, status, recorded_by, reissues)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)
                """, arguments: [stored.id, traineeID, stored.programID, stored.statusIndex, now, stored.validFrom,
                                 stored.validUntil, stored.jwt, stored.evidence, stored.renews, actor, stored.reissues])
            for entry in ceHoursUsed {
                guard try String.fetchOne(db, sql: "SELECT trainee_id FROM ce_hours WHERE id = ?", arguments: [entry]) == traineeID else {
                    throw LanternError(.unknownHours, "no continuing-education entry \(entry) of trainee \(traineeID)")
                }
                if let used = try String.fetchOne(db, sql: "SELECT certificate_id FROM renewal_ce_hours WHERE ce_hours_id = ?", arguments: [entry]) {
                    throw LanternError(.ceHoursUsed, "continuing-education entry \(entry) already counted for renewal \(used)")
                }
                try db.execute(sql: "INSERT INTO renewal_ce_hours (ce_hours_id, certificate_id) VALUES (?, ?)", arguments: [entry, stored.id])
            }
            var detail = ["trainee": traineeID, "program": stored.programID]
            if let renews = stored.renews { detail["renews"] = renews }
            if !ceHoursUsed.isEmpty { detail["ce_hours"] = ceHoursUsed.joined(separator: ",") }
            if let reissues = stored.reissues { detail["reissues"] = reissues }
            try audit(db, now, "certificate.issue", "certificate", stored.id, detail)
            return stored
        }
    }

    /// Every certificate, newest first (optionally one trainee's).
    public func certificates(trainee reference: String? = nil) throws(LanternError) -> [CertificateRecord] {
        try read { db in
            if let reference {
                let id = try RecordsStore.traineeID(db, reference)
                return try Row.fetchAll(db, sql: "\(Self.certificateSelect) WHERE trainee_id = ? ORDER BY issued_at DESC, id", arguments: [id])
                    .map(RecordsStore.certificate)
            }
            return try Row.fetchAll(db, sql: "\(Self.certificateSelect) ORDER BY issued_at DESC, id").map(RecordsStore.certificate)
        }
    }

    /// One certificate, or an `unknown-certificate` error.
    public func certificate(_ id: String) throws(LanternError) -> CertificateRecord {
        let found: CertificateRecord? = try read { db in
            try Row.fetchOne(db, sql: "\(Self.certificateSelect) WHERE id = ?", arguments: [id]).map(RecordsStore.certificate)
        }
        guard let found else {
            throw LanternError(.unknownCertificate, "no certificate '\(RecordID.isValid(id) || id.count < 40 ? id : "…")' in the records",
                               hint: "'lantern cert list' shows certificate ids")
        }
        return found
    }

    /// The certificate that renewed `id`, if any.
    public func renewal(of id: String) throws(LanternError) -> CertificateRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "\(Self.certificateSelect) WHERE renews = ? ORDER BY issued_at DESC LIMIT 1", arguments: [id])
                .map(RecordsStore.certificate)
        }
    }

    /// Status-list indexes already used.
    public func usedStatusIndexes() throws(LanternError) -> Set<Int> {
        try read { db in Set(try Int.fetchAll(db, sql: "SELECT status_index FROM certificate")) }
    }

    /// Revokes, suspends or reinstates a certificate with a coded reason; audited.
    public func setCertificateStatus(_ id: String, to status: CertificateRecord.Status, reason: String) throws(LanternError) -> CertificateRecord {
        let current = try certificate(id)
        if current.status == .revoked {
            throw LanternError(.certificateRevoked, "certificate \(id) is revoked; a revoked certificate stays revoked",
                               hint: "issue a new certificate if it was revoked in error")
        }
        if current.status == status {
            throw LanternError(.certificateUnchanged, "certificate \(id) is already \(status.rawValue)")
        }
        return try write { db, now in
            try db.execute(sql: "UPDATE certificate SET status = ?, status_reason = ?, status_changed_at = ? WHERE id = ?",
                           arguments: [status.rawValue, reason, now, id])
            let action = status == .active ? "certificate.reinstate" : status == .revoked ? "certificate.revoke" : "certificate.suspend"
            try audit(db, now, action, "certificate", id, ["reason": reason, "from": current.status.rawValue])
            var updated = current
            updated.status = status
            updated.statusReason = reason
            updated.statusChangedAt = now
            return updated
        }
    }

    /// Continuing-education hours of a trainee with their dates and categories.
    public func continuingEducation(trainee reference: String) throws(LanternError) -> [(completedOn: String, hours: Double, category: String)] {
        let rows: [CEHoursRow] = try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return try Row.fetchAll(db, sql: "SELECT completed_on, hours, category FROM ce_hours c WHERE trainee_id = ? AND NOT EXISTS (SELECT 1 FROM hours_void v WHERE v.entry_id = c.id) ORDER BY completed_on", arguments: [id])
                .map { CEHoursRow(completedOn: $0[0], hours: $0[1], category: $0[2]) }
        }
        return rows.map { (completedOn: $0.completedOn, hours: $0.hours, category: $0.category) }
    }

    /// Certificate rows with the id of the certificate that renewed (superseded) each.
    static let certificateSelect = "SELECT c.*, (SELECT r.id FROM certificate r WHERE r.renews = c.id) AS superseded_by FROM certificate c"

    static func certificate(_ row: Row) -> CertificateRecord {
        CertificateRecord(id: row["id"], traineeID: row["trainee_id"], programID: row["program_id"], statusIndex: row["status_index"],
                          issuedAt: row["issued_at"], validFrom: row["valid_from"], validUntil: row["valid_until"], jwt: row["jwt"],
                          evidence: row["evidence"], renews: row["renews"], reissues: row["reissues"],
                          status: CertificateRecord.Status(rawValue: row["status"]) ?? .active,
                          statusReason: row["status_reason"], statusChangedAt: row["status_changed_at"], recordedBy: row["recorded_by"],
                          supersededBy: row["superseded_by"])
    }
}

extension RecordsStore {
    /// The salt and salted email hash a certificate names its holder by (kept after erasure),
    /// or nil for the hash when the trainee has no email.
    public func recipientHash(trainee reference: String) throws(LanternError) -> (traineeID: String, salt: String, hash: String?) {
        let row: RecipientRow = try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            let row = try Row.fetchOne(db, sql: "SELECT id, recipient_salt, recipient_hash FROM trainee WHERE id = ?", arguments: [id])!
            return RecipientRow(traineeID: row[0], salt: row[1], hash: row[2])
        }
        return (traineeID: row.traineeID, salt: row.salt, hash: row.hash)
    }
}

private struct CEHoursRow: Sendable {
    var completedOn: String
    var hours: Double
    var category: String
}

private struct RecipientRow: Sendable {
    var traineeID: String
    var salt: String
    var hash: String?
}
