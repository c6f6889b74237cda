import Foundation
import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// The trainee id for `reference` (an id, or an external id), or an `unknown-trainee` error.
    static func traineeID(_ db: Database, _ reference: String) throws -> String {
        if let id = try String.fetchOne(db, sql: "SELECT id FROM trainee WHERE id = ?", arguments: [reference]) {
            return id
        }
        if let id = try String.fetchOne(db, sql: "SELECT id FROM trainee WHERE external_id = ?", arguments: [reference]) {
            return id
        }
        // Echo what was typed only when it looks like an id, never an email or a name.
        let shown = RecordID.isValid(reference) && !reference.contains("@") ? "'\(reference)'" : "with the given id"
        throw LanternError(.unknownTrainee, "no trainee \(shown) in the records",
                           hint: "name trainees by their id (t-…) or external id; 'lantern trainee list' shows them")
    }

    /// The assessor with id `id` and their roles, or an `unknown-assessor` error.
    static func assessor(_ db: Database, _ id: String) throws -> Assessor {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM assessor WHERE id = ?", arguments: [id]) else {
            throw LanternError(.unknownAssessor, "no assessor '\(id)' in the records",
                               hint: "'lantern assessor list' shows assessor ids; 'lantern assessor add' adds one")
        }
        return assessor(row)
    }

    static func assessor(_ row: Row) -> Assessor {
        let rolesText: String = row["roles"]
        let names = (try? JSONDecoder().decode([String].self, from: Data(rolesText.utf8))) ?? []
        return Assessor(id: row["id"], name: row["name"], email: row["email"],
                        roles: names.compactMap(Assessor.Role.init(rawValue:)), createdAt: row["created_at"])
    }

    static func trainee(_ row: Row) -> Trainee {
        Trainee(id: row["id"], name: row["name"], preferredName: row["preferred_name"], email: row["email"],
                externalID: row["external_id"], publicNameConsent: row["public_name_consent"],
                credentialConsent: (row["credential_consent"] as Bool?) ?? false,
                printName: PrintName(rawValue: row["print_name"] ?? "legal") ?? .legal, createdAt: row["created_at"], erasedAt: row["erased_at"])
    }
}
