import GRDB
import LanternDiagnostics

/// What certificate rules are evaluated on, read from the rows themselves (never from a cache
/// such as `quiz_summary`), in one snapshot, with the rows that fail their audit digest left out
/// and listed.
public struct CertificateEvidenceRecords: Sendable, Hashable {
    public struct Attempt: Sendable, Hashable {
        public var id: String
        public var quizID: String
        public var score: Double
        public var passed: Bool
        public var submittedAt: String
        /// JSON: the assessment engine's `AttemptResult`.
        public var results: String
    }

    public struct Practicum: Sendable, Hashable {
        public var id: String
        public var hours: Double
        public var signedOff: Bool
    }

    public struct ContinuingEducation: Sendable, Hashable {
        public var id: String
        public var completedOn: String
        public var hours: Double
        public var category: String
        /// The certificate whose renewal used these hours, if any: hours count for one renewal only.
        public var usedBy: String?
    }

    public var traineeID: String
    public var erased: Bool
    /// Every attempt, oldest first.
    public var attempts: [Attempt]
    /// Observations that no later one supersedes, oldest first.
    public var observations: [Observation]
    public var practicum: [Practicum]
    public var continuingEducation: [ContinuingEducation]
    /// The trainee's rows that do not match their audit entries (not counted above).
    public var problems: [Attestation.Problem]
}

extension RecordsStore {
    /// A trainee's evidence for certificate rules; see `CertificateEvidenceRecords`.
    public func certificateEvidence(trainee reference: String) throws(LanternError) -> CertificateEvidenceRecords {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            let problems = try Attestation.verify(db, trainee: id)
            let failing = Set(problems.map { "\($0.table):\($0.id)" })
            func counts(_ table: String, _ rowID: String) -> Bool { !failing.contains("\(table):\(rowID)") }
            let erased = try String.fetchOne(db, sql: "SELECT erased_at FROM trainee WHERE id = ?", arguments: [id]) != nil
            let attempts = try Row.fetchAll(db, sql: """
                SELECT id, quiz_id, score, passed, submitted_at, results FROM quiz_attempt WHERE trainee_id = ? ORDER BY submitted_at, id
                """, arguments: [id])
                .map { CertificateEvidenceRecords.Attempt(id: $0[0], quizID: $0[1], score: $0[2], passed: $0[3], submittedAt: $0[4], results: $0[5]) }
                .filter { counts("quiz_attempt", $0.id) }
            // An observation counts only when it and every observation it supersedes were recorded by Lantern.
            let observations = try Row.fetchAll(db, sql: """
                SELECT * FROM observation o
                WHERE trainee_id = ? AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.supersedes = o.id)
                ORDER BY observed_on, recorded_at
                """, arguments: [id]).map(RecordsStore.observation).filter { counts("observation", $0.id) }
            let practicum = try Row.fetchAll(db, sql: """
                SELECT id, hours, signed_off_at FROM practicum_hours
                WHERE trainee_id = ? AND id NOT IN (SELECT entry_id FROM hours_void) ORDER BY worked_on, id
                """,
                                             arguments: [id])
                .map { CertificateEvidenceRecords.Practicum(id: $0[0], hours: $0[1], signedOff: ($0[2] as String?) != nil) }
                .filter { counts("practicum_hours", $0.id) }
            let ce = try Row.fetchAll(db, sql: """
                SELECT h.id, h.completed_on, h.hours, h.category, u.certificate_id FROM ce_hours h
                LEFT JOIN renewal_ce_hours u ON u.ce_hours_id = h.id
                WHERE h.trainee_id = ? AND h.id NOT IN (SELECT entry_id FROM hours_void) ORDER BY h.completed_on, h.id
                """, arguments: [id])
                .map { CertificateEvidenceRecords.ContinuingEducation(id: $0[0], completedOn: $0[1], hours: $0[2], category: $0[3], usedBy: $0[4]) }
                .filter { counts("ce_hours", $0.id) }
            return CertificateEvidenceRecords(traineeID: id, erased: erased, attempts: attempts, observations: observations,
                                              practicum: practicum, continuingEducation: ce, problems: problems)
        }
    }
}
