import Foundation

/// The files a static site publishes so anyone can verify Lantern's credentials offline:
/// `issuer.json` (profile + every public key, retired ones too) and `status/list.jwt`.
public struct IssuerPublication: Sendable {
    public var issuerJSON: String
    public var statusListJWT: String

    /// Builds both files. `statuses` maps status-list indexes to non-active states.
    public init(identity: IssuerIdentity, keys: [PublicJWK], signingKey: SigningKey,
                statuses: [Int: CredentialStatus], now: Date = Date()) throws {
        issuerJSON = IssuerProfile(identity: identity, keys: keys).json.prettySerialized
        var list = Bitstring(statusSize: CredentialStatus.statusSize)
        for (index, status) in statuses where index >= 0 && index < list.count { list[index] = status.rawValue }
        statusListJWT = try StatusListCredential(id: identity.statusListURL, issuerID: identity.id, list: list, validFrom: now)
            .signed(with: signingKey)
    }

    /// Relative path → contents, ready to write under the site folder.
    public var files: [String: String] {
        ["issuer.json": issuerJSON, "status/list.jwt": statusListJWT + "\n"]
    }
}
