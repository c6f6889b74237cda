import Foundation

/// The files a static site publishes so anyone can verify Lantern's credentials offline:
/// `issuer.json` (the issuer's plain Open Badges Profile), `jwks.json` (every public key,
/// retired ones with their date, revoked ones listed apart, as a JWK set) and `status/list.jwt` (the signed status list).
public struct IssuerPublication: Sendable {
    public var issuerJSON: String
    public var jwksJSON: String
    public var statusListJWT: String

    /// Builds the files. `statuses` maps status-list indexes to non-active states.
    public init(identity: IssuerIdentity, keys: [PublishedKey], signingKey: SigningKey,
                statuses: [Int: CredentialStatus], now: Date = Date()) throws {
        let profile = IssuerProfile(identity: identity, keys: keys)
        issuerJSON = profile.json.prettySerialized
        jwksJSON = profile.jwks.prettySerialized
        var list = Bitstring(statusSize: CredentialStatus.statusSize)
        for (index, status) in statuses where index >= 0 && index < list.count { list[index] = status.rawValue }
        statusListJWT = try StatusListCredential(id: identity.statusListURL, issuerID: identity.id, list: list, validFrom: now)
            .signed(with: signingKey, keyID: identity.keyID(signingKey.thumbprint))
    }

    /// The files, with a status list that was already signed.
    public init(identity: IssuerIdentity, keys: [PublishedKey], statusListJWT: String) {
        let profile = IssuerProfile(identity: identity, keys: keys)
        issuerJSON = profile.json.prettySerialized
        jwksJSON = profile.jwks.prettySerialized
        self.statusListJWT = statusListJWT
    }

    /// Relative path → contents, ready to write under the site folder.
    public var files: [String: String] {
        ["issuer.json": issuerJSON, "jwks.json": jwksJSON, "status/list.jwt": statusListJWT + "\n"]
    }
}
