/// A trainer, assessor or supervisor who observes trainees and signs off hours.
public struct Assessor: Sendable, Hashable, Codable {
    /// What an assessor may do: `assessor` records checklist observations, `supervisor` signs
    /// off practicum hours, `trainer` teaches (recorded for reports).
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case trainer, assessor, supervisor
    }

    public var id: String
    public var name: String
    public var email: String?
    public var roles: [Role]
    public var createdAt: String

    public init(id: String, name: String, email: String?, roles: [Role], createdAt: String) {
        self.id = id
        self.name = name
        self.email = email
        self.roles = roles
        self.createdAt = createdAt
    }
}
