import GRDB
import LanternAssessment
import LanternDiagnostics

/// Everything recorded for one trainee, summarised: enrolments, modules, best quiz results,
/// current checklist observations and hours.
public struct Transcript: Sendable, Hashable, Codable {
    public struct QuizLine: Sendable, Hashable, Codable {
        public var quizID: String
        public var attempts: Int
        public var bestScore: Double
        public var passed: Bool
        public var lastSubmittedAt: String
        /// The grade by the quiz's `grading:` rule over the effective attempts (marks and
        /// regrades applied), 0…1: set when the quiz is known (`QuizStanding.evaluate`), and
        /// then `passed` is that grade's verdict.
        public var grade: Double?
        /// The rule that made `grade`: highest, average, first or last.
        public var grading: String?
        /// Attempts allowed, counting grants (nil: unlimited or quiz unknown).
        public var attemptsAllowed: Int?
        /// Questions of counted attempts still waiting for a person to mark them.
        public var awaitingMarking: Int?

        public init(quizID: String, attempts: Int, bestScore: Double, passed: Bool, lastSubmittedAt: String) {
            self.quizID = quizID
            self.attempts = attempts
            self.bestScore = bestScore
            self.passed = passed
            self.lastSubmittedAt = lastSubmittedAt
        }
    }

    public struct ChecklistLine: Sendable, Hashable, Codable {
        public var checklistID: String
        /// Current (not superseded) observations.
        public var observations: Int
        /// Of those, how many were rated competent, on how many distinct dates.
        public var competentOccasions: Int
        public var lastObservedOn: String
        /// `competent` or `not-yet` by the assessment engine's rules (nil without the checklist).
        public var status: String?
        public var occasionsNeeded: Int?
    }

    public struct Enrolment: Sendable, Hashable, Codable {
        public var cohortID: String
        public var programID: String
        public var enrolledAt: String
    }

    public var traineeID: String
    public var displayName: String?
    public var erased: Bool
    public var enrolments: [Enrolment]
    public var modules: [ModuleProgress]
    public var quizzes: [QuizLine]
    public var checklists: [ChecklistLine]
    public var practicumHours: Double
    public var practicumHoursSignedOff: Double
    /// CE hours per category.
    public var ceHours: [String: Double]
}

extension RecordsStore {
    /// The transcript for a trainee id or external id; with the workspace's `checklists`, each
    /// checklist line carries the assessment engine's verdict, and with its `quizzes`, each quiz
    /// line carries the engine's one evaluation of the attempts (`QuizStanding`): the grade by
    /// the quiz's `grading:` rule, pass or fail by it, attempts allowed and marks awaited.
    public func transcript(_ reference: String, checklists: [Checklist] = [], quizzes: [Quiz] = []) throws(LanternError) -> Transcript {
        var transcript = try baseTranscript(reference)
        for index in transcript.quizzes.indices {
            guard let quiz = quizzes.first(where: { $0.id == transcript.quizzes[index].quizID }) else { continue }
            let standing = try standing(trainee: transcript.traineeID, quiz: quiz)
            transcript.quizzes[index].grade = standing.grade.map { min(1, max(0, $0.total.doubleValue)) }
            transcript.quizzes[index].passed = standing.passed
            transcript.quizzes[index].grading = quiz.settings.combining.rawValue
            transcript.quizzes[index].attemptsAllowed = standing.attemptsAllowed
            transcript.quizzes[index].awaitingMarking = standing.awaitingMarking
        }
        guard !checklists.isEmpty else { return transcript }
        let outcomes = try checklistOutcomes(traineeIDs: [transcript.traineeID], checklists: checklists)[transcript.traineeID] ?? [:]
        for index in transcript.checklists.indices {
            guard let outcome = outcomes[transcript.checklists[index].checklistID] else { continue }
            transcript.checklists[index].status = outcome.status.rawValue
            transcript.checklists[index].competentOccasions = outcome.competentOccasions
            transcript.checklists[index].occasionsNeeded = outcome.occasionsNeeded
        }
        return transcript
    }

    private func baseTranscript(_ reference: String) throws(LanternError) -> Transcript {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            let trainee = RecordsStore.trainee(try Row.fetchOne(db, sql: "SELECT * FROM trainee WHERE id = ?", arguments: [id])!)
            let enrolments = try Row.fetchAll(db, sql: """
                SELECT e.cohort_id, c.program_id, e.enrolled_at FROM enrolment e JOIN cohort c ON c.id = e.cohort_id
                WHERE e.trainee_id = ? ORDER BY e.enrolled_at
                """, arguments: [id]).map { Transcript.Enrolment(cohortID: $0[0], programID: $0[1], enrolledAt: $0[2]) }
            let modules = try Row.fetchAll(db, sql: "SELECT module_id, opened_at, seconds_spent, completed_at FROM module_progress WHERE trainee_id = ? ORDER BY opened_at",
                                           arguments: [id]).map { ModuleProgress(moduleID: $0[0], openedAt: $0[1], secondsSpent: $0[2], completedAt: $0[3]) }
            let quizzes = try Row.fetchAll(db, sql: "SELECT quiz_id, attempts, best_score, passed, last_submitted_at FROM quiz_summary WHERE trainee_id = ? ORDER BY quiz_id",
                                           arguments: [id]).map {
                Transcript.QuizLine(quizID: $0[0], attempts: $0[1], bestScore: $0[2], passed: $0[3], lastSubmittedAt: $0[4])
            }
            let checklists = try Row.fetchAll(db, sql: """
                SELECT checklist_id, count(*), count(DISTINCT CASE WHEN competent = 1 THEN observed_on END), max(observed_on)
                FROM observation o
                WHERE trainee_id = ? AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.supersedes = o.id)
                GROUP BY checklist_id ORDER BY checklist_id
                """, arguments: [id]).map {
                Transcript.ChecklistLine(checklistID: $0[0], observations: $0[1], competentOccasions: $0[2], lastObservedOn: $0[3],
                                         status: nil, occasionsNeeded: nil)
            }
            let practicum = try Row.fetchOne(db, sql: """
                SELECT coalesce(sum(hours), 0), coalesce(sum(CASE WHEN signed_off_at IS NOT NULL THEN hours END), 0)
                FROM practicum_hours p WHERE trainee_id = ? AND NOT EXISTS (SELECT 1 FROM hours_void v WHERE v.entry_id = p.id)
                """, arguments: [id])!
            var ce: [String: Double] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT category, sum(hours) FROM ce_hours c WHERE trainee_id = ? AND NOT EXISTS (SELECT 1 FROM hours_void v WHERE v.entry_id = c.id) GROUP BY category", arguments: [id]) {
                ce[row[0]] = row[1]
            }
            return Transcript(traineeID: id, displayName: trainee.displayName, erased: trainee.erasedAt != nil,
                              enrolments: enrolments, modules: modules, quizzes: quizzes, checklists: checklists,
                              practicumHours: practicum[0], practicumHoursSignedOff: practicum[1], ceHours: ce)
        }
    }
}
