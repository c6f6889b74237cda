import Crypto
import Foundation
import GRDB
import LanternDiagnostics

/// A change to a trainee's details: nil leaves a field as it is; an empty string clears an
/// optional field (preferred name, email, external id).
public struct TraineeChanges: Sendable, Hashable {
    public var name: String?
    public var preferredName: String?
    public var email: String?
    public var externalID: String?
    public var publicNameConsent: Bool?
    public var printName: PrintName?

    public init(name: String? = nil, preferredName: String? = nil, email: String? = nil, externalID: String? = nil,
                publicNameConsent: Bool? = nil, printName: PrintName? = nil) {
        self.name = name
        self.preferredName = preferredName
        self.email = email
        self.externalID = externalID
        self.publicNameConsent = publicNameConsent
        self.printName = printName
    }

    public var isEmpty: Bool { self == TraineeChanges() }
}

/// What an edit changed: the trainee before and after, and the fields that differ.
public struct TraineeEdit: Sendable, Hashable {
    public var before: Trainee
    public var after: Trainee
    /// Field names as the audit log records them: name, preferred_name, email, external_id,
    /// public_name_consent, print_name.
    public var changedFields: [String]
}

/// One practicum or continuing-education entry as listed, with whether it was voided.
public struct HoursListing: Sendable, Hashable, Codable {
    public var id: String
    public var kind: String
    public var date: String
    public var hours: Double
    /// The supervisor (practicum) or the category (continuing education).
    public var detail: String
    public var signedOff: Bool
    public var voided: Bool
    public var voidReason: String?
}

extension RecordsStore {
    /// Corrects a trainee's details. Audited with each changed field's old and new value as a
    /// salted hash (never the value); an erased trainee cannot be edited.
    @discardableResult
    public func editTrainee(_ reference: String, _ changes: TraineeChanges) throws(LanternError) -> TraineeEdit {
        guard !changes.isEmpty else {
            throw LanternError(.nothingToChange, "say what to change",
                               hint: "give --name, --preferred-name, --email, --external-id, --public-name/--no-public-name or --print-name")
        }
        let actor = self.actor
        return try write { db, now in
            let id = try RecordsStore.traineeID(db, reference)
            let row = try Row.fetchOne(db, sql: "SELECT * FROM trainee WHERE id = ?", arguments: [id])!
            let before = RecordsStore.trainee(row)
            let salt: String = row["recipient_salt"]
            if before.erasedAt != nil {
                throw LanternError(.traineeErased, "trainee \(id) was erased; their details cannot be changed",
                                   hint: "add them again as a new trainee if they return")
            }
            var after = before
            func cleared(_ text: String) -> String? {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            }
            if let name = changes.name { after.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let preferred = changes.preferredName { after.preferredName = cleared(preferred) }
            if let email = changes.email { after.email = cleared(email) }
            if let external = changes.externalID { after.externalID = cleared(external) }
            if let consent = changes.publicNameConsent { after.publicNameConsent = consent }
            if let printName = changes.printName { after.printName = printName }

            let problems = TraineeValidation.problems(NewTrainee(name: after.name ?? "", preferredName: after.preferredName,
                                                                 email: after.email, externalID: after.externalID))
            if let first = problems.first {
                throw LanternError(.invalidTrainee, "\(first.field): \(first.message)")
            }
            if let preferred = after.preferredName,
               preferred.count > 200 || preferred.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw LanternError(.invalidTrainee, "preferred_name: must be at most 200 characters without control characters")
            }
            if after.printName == .preferred && after.preferredName == nil {
                throw LanternError(.noPreferredName, "trainee \(id) has no preferred name to print",
                                   hint: "give --preferred-name NAME as well")
            }
            if let email = after.email, email.lowercased() != before.email?.lowercased(),
               try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE email = ? AND id <> ?", arguments: [email, id]) == true {
                throw LanternError(.duplicateEmail, "another trainee already has this email address",
                                   hint: "'lantern trainee list' shows who is recorded")
            }
            if let external = after.externalID, external != before.externalID,
               try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE external_id = ? AND id <> ?", arguments: [external, id]) == true {
                throw LanternError(.duplicateExternalId, "another trainee already has this external id")
            }

            let fields: [(String, String?, String?)] = [
                ("name", before.name, after.name),
                ("preferred_name", before.preferredName, after.preferredName),
                ("email", before.email, after.email),
                ("external_id", before.externalID, after.externalID),
                ("public_name_consent", before.publicNameConsent ? "yes" : "no", after.publicNameConsent ? "yes" : "no"),
                ("print_name", before.printName.rawValue, after.printName.rawValue),
            ]
            let changed = fields.filter { $0.1 != $0.2 }
            guard !changed.isEmpty else {
                throw LanternError(.nothingChanged, "trainee \(id) already has those details; nothing was changed")
            }
            try db.execute(sql: """
                UPDATE trainee SET name = ?, preferred_name = ?, email = ?, external_id = ?, public_name_consent = ?,
                                   print_name = ?, recipient_hash = ?
                WHERE id = ?
                """, arguments: [after.name, after.preferredName, after.email, after.externalID, after.publicNameConsent,
                                 after.printName.rawValue, after.email.map { RecipientHash.hash(email: $0, salt: salt) }, id])
            var detail = ["fields": changed.map(\.0).joined(separator: ",")]
            for (field, old, new) in changed {
                detail[field + ".old"] = Self.auditHash(field, old, salt: salt)
                detail[field + ".new"] = Self.auditHash(field, new, salt: salt)
            }
            try AuditLog.append(db, at: now, actor: actor, action: "trainee.edit", subjectType: "trainee", subjectID: id, detail: detail)
            return TraineeEdit(before: before, after: after, changedFields: changed.map(\.0))
        }
    }

    /// Corrects an assessor's name or email; audited with hashed old and new values.
    @discardableResult
    public func editAssessor(_ id: String, name: String?, email: String?) throws(LanternError) -> (before: Assessor, after: Assessor) {
        guard name != nil || email != nil else {
            throw LanternError(.nothingToChange, "say what to change", hint: "give --name or --email")
        }
        if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw LanternError(.missingName, "an assessor needs a name")
        }
        if let email, !email.isEmpty, !TraineeValidation.isEmail(email) {
            throw LanternError(.invalidAssessor, "email: is not an email address (expected name@example.org)")
        }
        let actor = self.actor
        return try write { db, now in
            let before = try RecordsStore.assessor(db, id)
            var after = before
            if let name { after.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let email { after.email = email.isEmpty ? nil : email }
            let changed = [("name", before.name as String?, after.name as String?), ("email", before.email, after.email)].filter { $0.1 != $0.2 }
            guard !changed.isEmpty else {
                throw LanternError(.nothingChanged, "assessor \(id) already has those details; nothing was changed")
            }
            try db.execute(sql: "UPDATE assessor SET name = ?, email = ? WHERE id = ?", arguments: [after.name, after.email, id])
            var detail = ["fields": changed.map(\.0).joined(separator: ",")]
            for (field, old, new) in changed {
                detail[field + ".old"] = Self.auditHash(field, old, salt: "assessor:" + id)
                detail[field + ".new"] = Self.auditHash(field, new, salt: "assessor:" + id)
            }
            try AuditLog.append(db, at: now, actor: actor, action: "assessor.edit", subjectType: "assessor", subjectID: id, detail: detail)
            return (before, after)
        }
    }

    /// `sha256$<hex>` of a field's value with a salt, so the audit log can show that a value
    /// changed (and match a value someone already knows) without holding it.
    static func auditHash(_ field: String, _ value: String?, salt: String) -> String {
        guard let value else { return "none" }
        let digest = SHA256.hash(data: Data((field + "\u{0}" + value + "\u{0}" + salt).utf8))
        return "sha256$" + AuditLog.hex(digest)
    }

    /// Voids a practicum or continuing-education entry logged in error, with a reason; the
    /// entry stays in the records (the hours tables are append-only) but no longer counts.
    public func voidHours(entryID: String, reason: String) throws(LanternError) -> HoursListing {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500,
              !reason.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw LanternError(.invalidReason, "the reason must be 1–500 characters on one line",
                               hint: "say why the entry is wrong, e.g. --reason \"logged twice\" (no health information)")
        }
        return try write { db, now in
            guard var entry = try Self.hoursListing(db, entryID: entryID) else {
                throw LanternError(.unknownHours, "no hours entry '\(RecordID.isValid(entryID) ? entryID : "…")'",
                                   hint: "'lantern hours list TRAINEE' shows the entry ids")
            }
            if entry.listing.voided {
                throw LanternError(.alreadyVoided, "hours entry \(entryID) is already void")
            }
            try db.execute(sql: "INSERT INTO hours_void (entry_id, trainee_id, kind, reason, voided_at, voided_by) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [entryID, entry.traineeID, entry.listing.kind, reason, now, actor])
            try audit(db, now, "hours.void", "trainee", entry.traineeID,
                      ["entry": entryID, "kind": entry.listing.kind, "hours": String(entry.listing.hours)])
            entry.listing.voided = true
            entry.listing.voidReason = reason
            return entry.listing
        }
    }

    /// A trainee's hours entries, oldest first, voided ones included and marked.
    public func hoursEntries(trainee reference: String) throws(LanternError) -> [HoursListing] {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, 'practicum' AS kind, p.worked_on AS date, p.hours, p.supervisor_id AS detail,
                       p.signed_off_at IS NOT NULL AS signed, v.reason, p.recorded_at
                FROM practicum_hours p LEFT JOIN hours_void v ON v.entry_id = p.id WHERE p.trainee_id = ?
                UNION ALL
                SELECT c.id, 'ce', c.completed_on, c.hours, c.category, 1, v.reason, c.recorded_at
                FROM ce_hours c LEFT JOIN hours_void v ON v.entry_id = c.id WHERE c.trainee_id = ?
                ORDER BY 3, 8
                """, arguments: [id, id])
            return rows.map(Self.listing)
        }
    }

    private static func hoursListing(_ db: Database, entryID: String) throws -> (traineeID: String, listing: HoursListing)? {
        let row = try Row.fetchOne(db, sql: """
            SELECT p.id, 'practicum' AS kind, p.worked_on AS date, p.hours, p.supervisor_id AS detail,
                   p.signed_off_at IS NOT NULL AS signed, v.reason, p.trainee_id
            FROM practicum_hours p LEFT JOIN hours_void v ON v.entry_id = p.id WHERE p.id = ?
            UNION ALL
            SELECT c.id, 'ce', c.completed_on, c.hours, c.category, 1, v.reason, c.trainee_id
            FROM ce_hours c LEFT JOIN hours_void v ON v.entry_id = c.id WHERE c.id = ?
            """, arguments: [entryID, entryID])
        return row.map { ($0[7], listing($0)) }
    }

    private static func listing(_ row: Row) -> HoursListing {
        let reason: String? = row[6]
        return HoursListing(id: row[0], kind: row[1], date: row[2], hours: row[3], detail: row[4], signedOff: row[5],
                            voided: reason != nil, voidReason: reason)
    }
}
