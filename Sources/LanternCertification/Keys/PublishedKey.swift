import Foundation

/// A public key as the issuer publishes it in `jwks.json`, with where it is in its life:
/// active (signs what is issued now), retired (`keys rotate`: it signed what was issued up to
/// `retired` and signs nothing after), or revoked (`keys revoke`: reported compromised, so
/// nothing it ever signed is trusted).
///
/// In `jwks.json` a retired key is an ordinary JWK with a `retired` member (RFC 7517 §4: members
/// a verifier does not understand are ignored, so other verifiers still accept the credentials
/// it signed). A revoked key is **not** in `keys` at all — a verifier that knows nothing of
/// Lantern then refuses its credentials as signed by an unknown key — and is listed in the
/// set's `revoked` member (`{"kid", "revoked"}`) so Lantern's verifiers can say why.
public struct PublishedKey: Sendable, Hashable {
    public var jwk: PublicJWK
    /// When it stopped signing (nil while active).
    public var retired: Date?
    /// When it was revoked as compromised (nil unless revoked).
    public var revoked: Date?

    public init(_ jwk: PublicJWK, retired: Date? = nil, revoked: Date? = nil) {
        self.jwk = jwk
        self.retired = retired
        self.revoked = revoked
    }

    public var thumbprint: String { jwk.thumbprint }
}
