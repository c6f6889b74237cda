import Foundation

/// One observation of a trainee against a checklist, as recorded. Never edited: a correction
/// is a new observation whose `supersedes` names the one it replaces.
public struct Observation: Sendable, Hashable, Codable {
    public var id: String
    public var checklistID: String
    public var traineeID: String
    /// Who observed (for a self-assessment, the trainee).
    public var assessorID: String
    /// The day of the occasion (occasions are counted by distinct UTC day).
    public var date: Date
    /// How it was observed (`role-play`, `workplace`…).
    public var method: String
    /// Kept for the trainee's reflection; never counts toward competence.
    public var isSelfAssessment: Bool
    /// Criterion id → scale level.
    public var ratings: [String: String]
    /// Criterion id → what the assessor saw (no personal data of the people supported).
    public var evidence: [String: String]
    /// The observation this one corrects.
    public var supersedes: String?

    public init(id: String, checklistID: String, traineeID: String, assessorID: String, date: Date, method: String,
                isSelfAssessment: Bool = false, ratings: [String: String], evidence: [String: String] = [:], supersedes: String? = nil) {
        self.id = id
        self.checklistID = checklistID
        self.traineeID = traineeID
        self.assessorID = assessorID
        self.date = date
        self.method = method
        self.isSelfAssessment = isSelfAssessment
        self.ratings = ratings
        self.evidence = evidence
        self.supersedes = supersedes
    }
}
