import LanternAssessment

/// What the records layer needs from a checklist to check an observation: criteria, scale,
/// pass level, methods and occasions, taken from the assessment engine's parsed `Checklist`.
public struct ChecklistDefinition: Sendable, Hashable {
    public struct Criterion: Sendable, Hashable {
        public var id: String
        public var optional: Bool

        public init(id: String, optional: Bool) {
            self.id = id
            self.optional = optional
        }
    }

    public var id: String
    public var criteria: [Criterion]
    /// Rating levels, lowest first.
    public var scale: [String]
    public var passLevel: String
    public var methods: [String]
    public var occasions: Int
    /// SHA-256 (hex) of the checklist file's front matter and body.
    public var contentHash: String

    public init(id: String, criteria: [Criterion], scale: [String], passLevel: String, methods: [String], occasions: Int, contentHash: String) {
        self.id = id
        self.criteria = criteria
        self.scale = scale
        self.passLevel = passLevel
        self.methods = methods
        self.occasions = occasions
        self.contentHash = contentHash
    }

    /// The records view of a checklist the assessment engine parsed; `contentHash` is the
    /// SHA-256 of its file (see `AssessmentFile.sha256`).
    public init(_ checklist: Checklist, contentHash: String) {
        self.init(id: checklist.id,
                  criteria: checklist.criteria.map { Criterion(id: $0.id, optional: $0.requirement == .optional) },
                  scale: checklist.scale, passLevel: checklist.passLevel, methods: checklist.methods,
                  occasions: max(1, checklist.occasions), contentHash: contentHash)
    }

    /// Whether ratings meet the pass level on every criterion that is not optional.
    public func isCompetent(_ ratings: [Observation.Rating]) -> Bool {
        guard let passIndex = scale.firstIndex(of: passLevel) else { return false }
        for criterion in criteria where !criterion.optional {
            guard let rating = ratings.first(where: { $0.criterion == criterion.id }),
                  let index = scale.firstIndex(of: rating.rating), index >= passIndex else { return false }
        }
        return true
    }
}
