import LanternAssessment

/// What the records layer needs from a checklist to check an observation: criteria, scale,
/// pass level, methods, occasions and who may assess it, taken from the assessment engine's
/// parsed `Checklist`. Competence is the engine's rule (`Checklist.isCompetentOccasion`).
public struct ChecklistDefinition: Sendable, Hashable {
    public struct Criterion: Sendable, Hashable {
        public var id: String
        public var optional: Bool
        /// May be rated `n/a` (the checklist marks it `{#id n/a}`).
        public var allowsNotApplicable: Bool

        public init(id: String, optional: Bool, allowsNotApplicable: Bool = false) {
            self.id = id
            self.optional = optional
            self.allowsNotApplicable = allowsNotApplicable
        }
    }

    /// The rating written for a criterion that did not arise in the scenario.
    public static let notApplicable = Checklist.notApplicable

    public var id: String
    public var criteria: [Criterion]
    /// Rating levels, lowest first.
    public var scale: [String]
    public var passLevel: String
    public var methods: [String]
    public var occasions: Int
    /// SHA-256 (hex) of the checklist file's front matter and body.
    public var contentHash: String
    /// The roles that may record an observation of it (empty: assessor or trainer).
    public var assessorRoles: [Assessor.Role]
    /// The engine's checklist, whose rules decide competence.
    public var checklist: Checklist

    public init(id: String, criteria: [Criterion], scale: [String], passLevel: String, methods: [String], occasions: Int, contentHash: String,
                assessorRoles: [Assessor.Role] = []) {
        self.init(Checklist(id: id, moduleID: "", title: id, occasions: max(1, occasions), scale: scale, passLevel: passLevel, methods: methods,
                            assessorRoles: assessorRoles.map(\.rawValue),
                            criteria: criteria.map {
                                LanternAssessment.Criterion(id: $0.id, text: $0.id, requirement: $0.optional ? .optional : .required,
                                                            allowsNotApplicable: $0.allowsNotApplicable)
                            }),
                  contentHash: contentHash)
    }

    /// The records view of a checklist the assessment engine parsed; `contentHash` is the
    /// SHA-256 of its file (see `AssessmentFile.sha256`).
    public init(_ checklist: Checklist, contentHash: String) {
        id = checklist.id
        criteria = checklist.criteria.map {
            Criterion(id: $0.id, optional: $0.requirement == .optional, allowsNotApplicable: $0.allowsNotApplicable)
        }
        scale = checklist.scale
        passLevel = checklist.passLevel
        methods = checklist.methods
        occasions = max(1, checklist.occasions)
        self.contentHash = contentHash
        assessorRoles = checklist.assessorRoles.compactMap(Assessor.Role.init(rawValue:))
        self.checklist = checklist
    }

    /// Whether a rating is written as `n/a`.
    public static func isNotApplicable(_ rating: String) -> Bool { Checklist.isNotApplicable(rating) }

    /// Whether one observation's ratings make a competent occasion, by the engine's rule.
    public func isCompetent(_ ratings: [Observation.Rating]) -> Bool {
        checklist.isCompetentOccasion(Dictionary(ratings.map { ($0.criterion, $0.rating) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The roles that may assess it: the checklist's `assessors:`, else assessor or trainer.
    public var allowedRoles: [Assessor.Role] { assessorRoles.isEmpty ? [.assessor, .trainer] : assessorRoles }
}
