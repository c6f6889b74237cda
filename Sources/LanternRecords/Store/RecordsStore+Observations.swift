import Foundation
import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Records a checklist observation. The assessor must hold the `assessor` or `trainer`
    /// role; a superseded observation must exist, be about the same trainee and checklist, and
    /// not be superseded already.
    @discardableResult
    /// `allowedRoles`: the roles the checklist lets observe it (`ChecklistDefinition.allowedRoles`).
    /// The assessor must hold one, and must not be the trainee (the same email address).
    public func recordObservation(_ observation: Observation, allowedRoles: [Assessor.Role] = [.assessor, .trainer]) throws(LanternError) -> Observation {
        guard Timestamp.calendarDate(observation.observedOn) != nil else {
            throw LanternError(.invalidDate, "'\(observation.observedOn)' is not a date", hint: "write dates as YYYY-MM-DD")
        }
        guard !observation.ratings.isEmpty else {
            throw LanternError(.noRatings, "an observation needs at least one rating")
        }
        let ratingsJSON: String
        do {
            ratingsJSON = try QuizAttempt.json(observation.ratings)
        } catch {
            throw LanternError(.invalidRatings, "the ratings cannot be stored")
        }
        let actor = self.actor
        return try write { db, now in
            var observation = observation
            observation.traineeID = try RecordsStore.traineeID(db, observation.traineeID)
            let assessor = try RecordsStore.assessor(db, observation.assessorID)
            guard assessor.roles.contains(where: allowedRoles.contains) else {
                let names = allowedRoles.map(\.rawValue)
                throw LanternError(.notAnAssessor, "'\(assessor.id)' may not observe checklist '\(observation.checklistID)': it needs the \(names.joined(separator: " or ")) role",
                                   hint: "ask someone with the \(names.joined(separator: " or ")) role to observe, or add the role with 'lantern assessor add --role \(names[0])'")
            }
            if let email = assessor.email?.trimmingCharacters(in: .whitespaces), !email.isEmpty,
               let traineeEmail = try String.fetchOne(db, sql: "SELECT email FROM trainee WHERE id = ?", arguments: [observation.traineeID]),
               traineeEmail.trimmingCharacters(in: .whitespaces).lowercased() == email.lowercased() {
                throw LanternError(.selfObservation, "assessor '\(assessor.id)' is the trainee (the same email address): an observation of oneself is not evidence",
                                   hint: "another assessor must observe this trainee")
            }
            if let old = observation.supersedes {
                guard let row = try Row.fetchOne(db, sql: "SELECT trainee_id, checklist_id FROM observation WHERE id = ?", arguments: [old]) else {
                    throw LanternError(.unknownObservation, "no observation '\(old)' to supersede")
                }
                guard row["trainee_id"] == observation.traineeID, row["checklist_id"] == observation.checklistID else {
                    throw LanternError(.supersedeMismatch, "observation '\(old)' is about another trainee or checklist")
                }
                if let newer = try String.fetchOne(db, sql: "SELECT id FROM observation WHERE supersedes = ?", arguments: [old]) {
                    throw LanternError(.alreadySuperseded, "observation '\(old)' was already superseded by '\(newer)'",
                                       hint: "supersede '\(newer)' instead")
                }
            }
            observation.recordedAt = now
            observation.recordedBy = actor
            try db.execute(sql: """
                INSERT INTO observation (id, trainee_id, checklist_id, checklist_hash, assessor_id, method, observed_on,
                                         ratings, competent, supersedes, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [observation.id, observation.traineeID, observation.checklistID, observation.checklistHash,
                                 observation.assessorID, observation.method, observation.observedOn, ratingsJSON,
                                 observation.competent, observation.supersedes, now, actor])
            var detail = ["observation": observation.id, "checklist": observation.checklistID,
                          "assessor": observation.assessorID, "competent": observation.competent ? "yes" : "no"]
            if let old = observation.supersedes { detail["supersedes"] = old }
            try self.audit(db, now, "observation.record", "trainee", observation.traineeID, detail)
            return observation
        }
    }

    /// A trainee's observations that no later observation supersedes, oldest first.
    public func currentObservations(trainee reference: String) throws(LanternError) -> [Observation] {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return try Row.fetchAll(db, sql: """
                SELECT * FROM observation o
                WHERE trainee_id = ? AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.supersedes = o.id)
                ORDER BY observed_on, recorded_at
                """, arguments: [id]).map(RecordsStore.observation)
        }
    }

    static func observation(_ row: Row) -> Observation {
        let ratingsText: String = row["ratings"]
        let ratings = (try? JSONDecoder().decode([Observation.Rating].self, from: Data(ratingsText.utf8))) ?? []
        return Observation(id: row["id"], traineeID: row["trainee_id"], checklistID: row["checklist_id"],
                           checklistHash: row["checklist_hash"], assessorID: row["assessor_id"], method: row["method"],
                           observedOn: row["observed_on"], ratings: ratings, competent: row["competent"],
                           supersedes: row["supersedes"], recordedAt: row["recorded_at"], recordedBy: row["recorded_by"])
    }
}
