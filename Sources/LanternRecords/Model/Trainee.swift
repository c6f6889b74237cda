/// A person in training. After erasure only the id, the dates and the salted email hash
/// (for certificate recipient checks) remain.
public struct Trainee: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var preferredName: String?
    public var email: String?
    public var externalID: String?
    /// Whether the trainee agreed to their name appearing on public verification pages.
    public var publicNameConsent: Bool
    /// Whether the trainee agreed to their credential being published on the site (default no:
    /// otherwise they receive the JWT and printable certificate and show it themselves).
    public var credentialConsent: Bool
    /// Which of their names a printed certificate shows.
    public var printName: PrintName
    public var createdAt: String
    public var erasedAt: String?

    public init(id: String, name: String?, preferredName: String? = nil, email: String? = nil,
                externalID: String? = nil, publicNameConsent: Bool = false, credentialConsent: Bool = false, printName: PrintName = .legal,
                createdAt: String = "", erasedAt: String? = nil) {
        self.printName = printName
        self.id = id
        self.name = name
        self.preferredName = preferredName
        self.email = email
        self.externalID = externalID
        self.publicNameConsent = publicNameConsent
        self.credentialConsent = credentialConsent
        self.createdAt = createdAt
        self.erasedAt = erasedAt
    }

    /// The name to address the trainee by, or nil once erased.
    public var displayName: String? { preferredName ?? name }

    /// The name a printed certificate shows: the full (legal) name unless the trainee chose
    /// their preferred name; nil once erased.
    public var printedName: String? {
        printName == .preferred ? (preferredName ?? name) : name
    }
}

/// Which name a printed certificate shows (`lantern trainee edit T --print-name preferred`).
public enum PrintName: String, Sendable, Hashable, Codable, CaseIterable {
    /// The full name as recorded (`--name`): the default.
    case legal
    /// The name they like to be called (`--preferred-name`), when they have one.
    case preferred
}

/// What is needed to add a trainee; `id` is generated when nil.
public struct NewTrainee: Sendable, Hashable {
    public var id: String?
    public var name: String
    public var preferredName: String?
    public var email: String?
    public var externalID: String?
    public var publicNameConsent: Bool
    public var credentialConsent: Bool
    public var printName: PrintName

    public init(id: String? = nil, name: String, preferredName: String? = nil, email: String? = nil,
                externalID: String? = nil, publicNameConsent: Bool = false, credentialConsent: Bool = false, printName: PrintName = .legal) {
        self.printName = printName
        self.id = id
        self.name = name
        self.preferredName = preferredName
        self.email = email
        self.externalID = externalID
        self.publicNameConsent = publicNameConsent
        self.credentialConsent = credentialConsent
    }
}
