import LanternDiagnostics
import LanternRecords

/// Who an SSH key is to `lantern serve`: a trainee, or staff with their roles. The principal is
/// `ssh:<fingerprint>`, which the records resolve to the key's opaque principal id.
public struct ServeIdentity: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        case trainee(id: String)
        case staff(assessor: Assessor)
    }

    public let role: Role
    public let binding: KeyBinding

    /// The actor for use cases.
    public var principal: Principal { .sshPrincipal(binding.fingerprint) }

    /// Whether they may run commands (staff with the trainer role).
    public var isTrainer: Bool {
        if case .staff(let assessor) = role { return assessor.roles.contains(.trainer) }
        return false
    }

    /// The identity behind `fingerprint`, or nil for a key no one holds.
    public static func identify(fingerprint: String, records: RecordsStore) throws(LanternError) -> ServeIdentity? {
        guard let binding = try records.keyBinding(fingerprint: fingerprint) else { return nil }
        switch binding.holder {
        case .trainee(let id):
            return ServeIdentity(role: .trainee(id: id), binding: binding)
        case .assessor(let id):
            guard let assessor = try records.assessors().first(where: { $0.id == id }) else { return nil }
            return ServeIdentity(role: .staff(assessor: assessor), binding: binding)
        }
    }
}
