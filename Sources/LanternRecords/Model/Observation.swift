/// A checklist observation: one assessor watching one trainee on one date. Never edited or
/// deleted; a correction is a new observation that `supersedes` the old one.
public struct Observation: Sendable, Hashable, Codable {
    /// The rating one criterion received, with the evidence the assessor noted.
    public struct Rating: Sendable, Hashable, Codable {
        public var criterion: String
        public var rating: String
        public var evidence: String?

        public init(criterion: String, rating: String, evidence: String? = nil) {
            self.criterion = criterion
            self.rating = rating
            self.evidence = evidence
        }
    }

    public var id: String
    public var traineeID: String
    public var checklistID: String
    /// SHA-256 (hex) of the checklist file the observation used.
    public var checklistHash: String
    public var assessorID: String
    public var method: String
    /// `YYYY-MM-DD`.
    public var observedOn: String
    public var ratings: [Rating]
    /// Whether every required criterion reached the checklist's pass level.
    public var competent: Bool
    public var supersedes: String?
    public var recordedAt: String
    public var recordedBy: String

    public init(id: String = RecordID.make("ob"), traineeID: String, checklistID: String, checklistHash: String,
                assessorID: String, method: String, observedOn: String, ratings: [Rating], competent: Bool,
                supersedes: String? = nil, recordedAt: String = "", recordedBy: String = "") {
        self.id = id
        self.traineeID = traineeID
        self.checklistID = checklistID
        self.checklistHash = checklistHash
        self.assessorID = assessorID
        self.method = method
        self.observedOn = observedOn
        self.ratings = ratings
        self.competent = competent
        self.supersedes = supersedes
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
