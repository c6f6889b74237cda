/// A competency checklist: criteria observed on several occasions and rated on a scale.
public struct Checklist: Sendable, Hashable {
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
    public var criteria: [Criterion]
    public var path: String?

    public init(id: String, moduleID: String, title: String, instructions: String? = nil, occasions: Int = 1,
                scale: [String] = ["not-yet", "competent"], passLevel: String = "competent", methods: [String] = [],
                criteria: [Criterion], path: String? = nil) {
        self.id = id
        self.moduleID = moduleID
        self.title = title
        self.instructions = instructions
        self.occasions = occasions
        self.scale = scale
        self.passLevel = passLevel
        self.methods = methods
        self.criteria = criteria
        self.path = path
    }

    /// Position of a level on the scale (nil when it is not on it).
    public func rank(of level: String) -> Int? { scale.firstIndex(of: level) }

    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }
}
