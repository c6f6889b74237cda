/// An issued certificate as recorded: the signed credential, where its status lives in the
/// status list, what met the requirements, and its current status. Never deleted; a revoked
/// certificate stays revoked.
public struct CertificateRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case active, revoked, suspended
    }

    /// Short, path-safe id (`2026-k7m3q9x2`).
    public var id: String
    public var traineeID: String
    public var programID: String
    public var statusIndex: Int
    public var issuedAt: String
    /// ISO 8601 date-times as in the credential.
    public var validFrom: String
    public var validUntil: String?
    /// The signed VC-JWT.
    public var jwt: String
    /// JSON: what met the requirements when it was issued.
    public var evidence: String
    /// The certificate this one renews.
    public var renews: String?
    /// The certificate this one replaced (`lantern cert reissue`), revoked as `superseded`.
    public var reissues: String?
    public var status: Status
    public var statusReason: String?
    public var statusChangedAt: String?
    public var recordedBy: String
    /// The certificate that renewed this one: a superseded certificate is no longer current.
    public var supersededBy: String?

    /// Active and not superseded (expiry is the caller's to judge: it needs the clock).
    public var isCurrent: Bool { status == .active && supersededBy == nil }

    public init(id: String, traineeID: String, programID: String, statusIndex: Int, issuedAt: String = "",
                validFrom: String, validUntil: String?, jwt: String, evidence: String, renews: String? = nil, reissues: String? = nil,
                status: Status = .active, statusReason: String? = nil, statusChangedAt: String? = nil, recordedBy: String = "",
                supersededBy: String? = nil) {
        self.id = id
        self.traineeID = traineeID
        self.programID = programID
        self.statusIndex = statusIndex
        self.issuedAt = issuedAt
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.jwt = jwt
        self.evidence = evidence
        self.renews = renews
        self.reissues = reissues
        self.status = status
        self.statusReason = statusReason
        self.statusChangedAt = statusChangedAt
        self.recordedBy = recordedBy
        self.supersededBy = supersededBy
    }
}
