import GRDB
import LanternAssessment
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
    /// - Parameter checklists: the workspace's checklists; a checklist counts as met when the
    ///   assessment engine rates it Competent. Without them (no workspace at hand), a checklist
    ///   counts once it has one competent observation.
    public func cohortReport(cohort: String?, checklists: [Checklist] = []) throws(LanternError) -> CohortReport {
        var report = try cohortLines(cohort: cohort, countSQL: checklists.isEmpty)
        if !checklists.isEmpty {
            let outcomes = try checklistOutcomes(traineeIDs: Array(Set(report.lines.map(\.traineeID))), checklists: checklists)
            for index in report.lines.indices {
                report.lines[index].checklistsCompetent = outcomes[report.lines[index].traineeID]?.values
                    .filter { $0.status == .competent }.count ?? 0
            }
        }
        return report
    }

    private func cohortLines(cohort: String?, countSQL: Bool) throws(LanternError) -> CohortReport {
        try read { db in
            if let cohort, try Bool.fetchOne(db, sql: "SELECT 1 FROM cohort WHERE id = ?", arguments: [cohort]) != true {
                throw LanternError(.unknownCohort, "no cohort '\(cohort)' in the records", hint: "enrol trainees with 'lantern enroll T --cohort ID'")
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
                    (SELECT coalesce(sum(hours), 0) FROM practicum_hours p WHERE p.trainee_id = t.id AND p.signed_off_at IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM hours_void v WHERE v.entry_id = p.id)),
                    (SELECT coalesce(sum(hours), 0) FROM ce_hours c WHERE c.trainee_id = t.id
                        AND NOT EXISTS (SELECT 1 FROM hours_void v WHERE v.entry_id = c.id))
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
            guard countSQL else { return CohortReport(lines: lines) }
            // Checklists with a competent current observation, per trainee.
            for row in try Row.fetchAll(db, sql: """
                SELECT o.trainee_id, count(DISTINCT o.checklist_id)
                FROM observation o JOIN enrolment e ON e.trainee_id = o.trainee_id
                WHERE o.competent = 1 AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.supersedes = o.id)
                \(cohort == nil ? "" : "AND e.cohort_id = ?")
                GROUP BY o.trainee_id
                """, arguments: arguments) {
                let trainee: String = row[0]
                for position in index[trainee] ?? [] { lines[position].checklistsCompetent = row[1] }
            }
            return CohortReport(lines: lines)
        }
    }
}
