import Foundation
import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Adds an assessor. The id must be new.
    @discardableResult
    public func addAssessor(id: String, name: String, email: String?, roles: [Assessor.Role]) throws(LanternError) -> Assessor {
        guard RecordID.isValid(id) else {
            throw LanternError(.invalidId, "'\(id)' cannot be an assessor id", hint: "use 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw LanternError(.missingName, "an assessor needs a name") }
        guard !roles.isEmpty else {
            throw LanternError(.missingRole, "assessor '\(id)' needs at least one role",
                               hint: "give --role trainer, --role assessor or --role supervisor")
        }
        let unique = Assessor.Role.allCases.filter(roles.contains)
        let rolesJSON = String(decoding: (try? JSONEncoder().encode(unique.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
        let actor = self.actor
        return try write { db, now in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM assessor WHERE id = ?", arguments: [id]) == true {
                throw LanternError(.duplicateAssessor, "there is already an assessor '\(id)'")
            }
            try db.execute(sql: "INSERT INTO assessor (id, name, email, roles, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, name, email, rolesJSON, now, actor])
            try self.audit(db, now, "assessor.add", "assessor", id, ["roles": unique.map(\.rawValue).joined(separator: ",")])
            return Assessor(id: id, name: name, email: email, roles: unique, createdAt: now)
        }
    }

    /// Every assessor, by id.
    public func assessors() throws(LanternError) -> [Assessor] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM assessor ORDER BY id").map(RecordsStore.assessor)
        }
    }
}
