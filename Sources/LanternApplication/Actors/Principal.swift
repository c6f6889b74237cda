import LanternRecords

/// Who is acting: the actor every use case takes and the audit log records.
///
/// (Named `Principal`, not `Actor`, because `Actor` is Swift's protocol for actor types.)
public struct Principal: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// Someone running `lantern` on this machine (`--as NAME`, else the OS login).
        case localOperator
        /// Someone signed in to `lantern serve` with an SSH key (the key's principal).
        case sshPrincipal
    }

    public let kind: Kind
    public let name: String

    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// The local operator: `--as NAME` when given, else the operating-system user.
    public static func localOperator(_ explicit: String? = nil) -> Principal {
        Principal(kind: .localOperator, name: ActingUser.resolve(explicit))
    }

    /// A user of the SSH server, named by their key's principal.
    public static func sshPrincipal(_ principal: String) -> Principal {
        Principal(kind: .sshPrincipal, name: principal)
    }

    /// As written in every record's `recorded_by` and the audit log's `actor`: the local
    /// operator's name exactly as before this type existed; an SSH principal as `ssh:NAME`, so
    /// the two can never be mistaken for each other.
    public var auditName: String {
        switch kind {
        case .localOperator: name
        case .sshPrincipal: "ssh:" + name
        }
    }
}
