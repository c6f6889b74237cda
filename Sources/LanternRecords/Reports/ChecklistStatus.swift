import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

extension RecordsStore {
    /// Checklist outcomes by the assessment engine's rules (occasions on distinct days,
    /// superseded observations left out, critical criteria in the latest observation) for each
    /// trainee: trainee id → checklist id → outcome. `traineeIDs` nil means every trainee.
    public func checklistOutcomes(traineeIDs: [String]?, checklists: [Checklist]) throws(LanternError) -> [String: [String: ChecklistOutcome]] {
        guard !checklists.isEmpty else { return [:] }
        let rows: [Observation] = try read { db in
            let sql = "SELECT * FROM observation ORDER BY trainee_id, observed_on, id"
            if let traineeIDs {
                var found: [Observation] = []
                for id in traineeIDs {
                    found += try Row.fetchAll(db, sql: "SELECT * FROM observation WHERE trainee_id = ? ORDER BY observed_on, id", arguments: [id])
                        .map(RecordsStore.observation)
                }
                return found
            }
            return try Row.fetchAll(db, sql: sql).map(RecordsStore.observation)
        }
        var byTrainee: [String: [LanternAssessment.Observation]] = [:]
        for row in rows {
            guard let observation = row.assessed else { continue }
            byTrainee[row.traineeID, default: []].append(observation)
        }
        var outcomes: [String: [String: ChecklistOutcome]] = [:]
        for trainee in traineeIDs ?? Array(byTrainee.keys) {
            let observations = byTrainee[trainee] ?? []
            for checklist in checklists {
                outcomes[trainee, default: [:]][checklist.id] = checklist.evaluate(observations)
            }
        }
        return outcomes
    }
}
