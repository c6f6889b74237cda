/// Competent or Not yet, with exactly what is missing.
public struct ChecklistOutcome: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case competent
        case notYet = "not-yet"
    }

    /// One thing that stands between the trainee and Competent.
    public struct Gap: Sendable, Hashable, Codable {
        public var criterionID: String?
        public var message: String

        public init(criterionID: String?, message: String) {
            self.criterionID = criterionID
            self.message = message
        }
    }

    public var status: Status
    /// Observations that counted as competent occasions (distinct days).
    public var competentOccasions: Int
    public var occasionsNeeded: Int
    /// Ids of the observations that were counted (superseded and self-assessments left out).
    public var countedObservations: [String]
    public var gaps: [Gap]

    public init(status: Status, competentOccasions: Int, occasionsNeeded: Int, countedObservations: [String], gaps: [Gap]) {
        self.status = status
        self.competentOccasions = competentOccasions
        self.occasionsNeeded = occasionsNeeded
        self.countedObservations = countedObservations
        self.gaps = gaps
    }
}
