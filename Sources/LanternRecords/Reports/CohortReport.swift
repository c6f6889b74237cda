import GRDB
import LanternDiagnostics

/// One line per enrolled trainee: progress toward the program's requirements.
public struct CohortReport: Sendable, Hashable, Codable {
    public struct Line: Sendable, Hashable, Codable {
        public var cohortID: String
        public var traineeID: String
        public var displayName: String?
        public var modulesCompleted: Int
        public var quizAttempts: Int
        public var quizzesPassed: Int
        public var checklistsCompetent: Int
        public var practicumHoursSignedOff: Double
        public var ceHours: Double
    }

    public var lines: [Line]
}

extension RecordsStore {
    /// The report for one cohort, or every cohort when `cohort` is nil. Reads the per-quiz
    /// summaries, never every attempt.
    ///
    /// - Parameter competentOccasions: how many separate competent observations make a
    ///   checklist count as met (the checklists' `occasions`; 1 when unknown).
    public func cohortReport(cohort: String?, competentOccasions: [String: Int] = [:]) throws(LanternError) -> CohortReport {
        try read { db in
            if let cohort, try Bool.fetchOne(db, sql: "SELECT 1 FROM cohort WHERE id = ?", arguments: [cohort]) != true {
                throw LanternError("unknown-cohort", "no cohort '\(cohort)' in the records", hint: "enrol trainees with 'lantern enroll T --cohort ID'")
            }
            let filter = cohort == nil ? "" : "WHERE e.cohort_id = ?"
            let arguments: StatementArguments = cohort.map { [$0] } ?? []
            var lines: [CohortReport.Line] = []
            var index: [String: [Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT e.cohort_id, t.id, coalesce(t.preferred_name, t.name),
                    (SELECT count(*) FROM module_progress m WHERE m.trainee_id = t.id AND m.completed_at IS NOT NULL),
                    (SELECT coalesce(sum(attempts), 0) FROM quiz_summary q WHERE q.trainee_id = t.id),
                    (SELECT count(*) FROM quiz_summary q WHERE q.trainee_id = t.id AND q.passed = 1),
                    (SELECT coalesce(sum(hours), 0) FROM practicum_hours p WHERE p.trainee_id = t.id AND p.signed_off_at IS NOT NULL),
                    (SELECT coalesce(sum(hours), 0) FROM ce_hours c WHERE c.trainee_id = t.id)
                FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
                \(filter)
                ORDER BY e.cohort_id, t.id
                """, arguments: arguments) {
                let line = CohortReport.Line(cohortID: row[0], traineeID: row[1], displayName: row[2], modulesCompleted: row[3],
                                             quizAttempts: row[4], quizzesPassed: row[5], checklistsCompetent: 0,
                                             practicumHoursSignedOff: row[6], ceHours: row[7])
                index[line.traineeID, default: []].append(lines.count)
                lines.append(line)
            }
            // Competent occasions per trainee and checklist, current observations only.
            for row in try Row.fetchAll(db, sql: """
                SELECT o.trainee_id, o.checklist_id, count(DISTINCT o.observed_on)
                FROM observation o JOIN enrolment e ON e.trainee_id = o.trainee_id
                WHERE o.competent = 1 AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.supersedes = o.id)
                \(cohort == nil ? "" : "AND e.cohort_id = ?")
                GROUP BY o.trainee_id, o.checklist_id
                """, arguments: arguments) {
                let trainee: String = row[0]
                let checklist: String = row[1]
                let occasions: Int = row[2]
                if occasions >= (competentOccasions[checklist] ?? 1) {
                    for position in index[trainee] ?? [] { lines[position].checklistsCompetent += 1 }
                }
            }
            return CohortReport(lines: lines)
        }
    }
}
