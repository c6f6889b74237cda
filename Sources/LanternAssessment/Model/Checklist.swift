/// A competency checklist: criteria observed on several occasions and rated on a scale.
public struct Checklist: Sendable, Hashable {
    /// The rating for a criterion that depends on the scenario and did not arise (`n/a`); never
    /// a scale level.
    public static let notApplicable = "n/a"

    public var id: String
    public var moduleID: String
    public var title: String
    /// Instructions for the assessor (Markdown).
    public var instructions: String?
    /// Competent on this many separate occasions (different days).
    public var occasions: Int
    /// Rating levels, lowest first.
    public var scale: [String]
    /// The level a required or critical criterion needs.
    public var passLevel: String
    /// How observations may be made (`role-play`, `workplace`…); empty means any.
    public var methods: [String]
    /// What each level means for every criterion (`levels:`), unless a criterion says otherwise.
    public var levelDescriptors: [String: String]
    /// The assessor roles that may record observations (`assessors:`); empty means the default
    /// (assessor or trainer).
    public var assessorRoles: [String]
    public var criteria: [Criterion]
    public var path: String?

    public init(id: String, moduleID: String, title: String, instructions: String? = nil, occasions: Int = 1,
                scale: [String] = ["not-yet", "competent"], passLevel: String = "competent", methods: [String] = [],
                levelDescriptors: [String: String] = [:], assessorRoles: [String] = [],
                criteria: [Criterion], path: String? = nil) {
        self.id = id
        self.moduleID = moduleID
        self.title = title
        self.instructions = instructions
        self.occasions = occasions
        self.scale = scale
        self.passLevel = passLevel
        self.methods = methods
        self.levelDescriptors = levelDescriptors
        self.assessorRoles = assessorRoles
        self.criteria = criteria
        self.path = path
    }

    /// Position of a level on the scale (nil when it is not on it).
    public func rank(of level: String) -> Int? { scale.firstIndex(of: level) }

    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }

    /// What `level` means for `criterion`: its own descriptor, else the checklist's.
    public func descriptor(of level: String, for criterion: Criterion) -> String? {
        criterion.descriptors[level] ?? levelDescriptors[level]
    }

    /// Whether a written rating is `n/a` (any case; `na` too).
    public static func isNotApplicable(_ rating: String) -> Bool {
        ["n/a", "na"].contains(rating.lowercased())
    }
}
