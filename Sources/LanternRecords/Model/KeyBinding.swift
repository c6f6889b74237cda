/// Whom an invitation or an SSH key belongs to.
public enum KeyHolder: Sendable, Hashable {
    case trainee(String)
    case assessor(String)

    /// The trainee or assessor id.
    public var id: String {
        switch self {
        case .trainee(let id), .assessor(let id): id
        }
    }

    /// `trainee` or `assessor`, as the audit log names the subject.
    public var kind: String {
        switch self {
        case .trainee: "trainee"
        case .assessor: "assessor"
        }
    }
}

/// An SSH key bound to a person by `lantern serve`'s enrolment.
public struct KeyBinding: Sendable, Hashable {
    /// `SHA256:…`, as OpenSSH prints it.
    public var fingerprint: String
    /// The OpenSSH public key line.
    public var publicKey: String
    /// The opaque principal id (`p-…`) the key's actions are recorded under.
    public var principalID: String
    public var holder: KeyHolder
    public var enrolledAt: String

    public init(fingerprint: String, publicKey: String, principalID: String, holder: KeyHolder, enrolledAt: String) {
        self.fingerprint = fingerprint
        self.publicKey = publicKey
        self.principalID = principalID
        self.holder = holder
        self.enrolledAt = enrolledAt
    }

    /// The algorithm from the key line (`ssh-ed25519`, `ecdsa-sha2-nistp256`, …).
    public var algorithm: String { String(publicKey.split(separator: " ").first ?? "") }

    /// The principal name the key acts under: `ssh:` and its fingerprint (what
    /// `RecordsStore.acting(as:)` resolves to a principal of kind `key`).
    public var principalName: String { "ssh:" + fingerprint }
}

/// What redeeming an invitation code came to.
public enum EnrolmentOutcome: Sendable, Hashable {
    /// The key is now bound to the person.
    case enrolled(KeyBinding)
    /// The code was wrong, unknown, expired, used, revoked or locked; the text says which, in
    /// words safe to show to whoever typed it (it never says whose code it was).
    case refused(reason: String, countsAsFailure: Bool)
}
