/// How far a trainee got in one module.
public struct ModuleProgress: Sendable, Hashable, Codable {
    public var moduleID: String
    public var openedAt: String
    public var secondsSpent: Int
    public var completedAt: String?

    public init(moduleID: String, openedAt: String, secondsSpent: Int, completedAt: String?) {
        self.moduleID = moduleID
        self.openedAt = openedAt
        self.secondsSpent = secondsSpent
        self.completedAt = completedAt
    }
}
