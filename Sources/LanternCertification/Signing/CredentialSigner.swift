import Foundation

/// Secures a credential as a VC-JWT: a compact JWS whose payload is the credential itself
/// (VC-JOSE-COSE: no `vc` claim), with the registered claims Open Badges 3.0 §8.2.4.1 asks for
/// copied from the credential so plain JWT libraries enforce the same subject and window:
/// `iss` (issuer id), `jti` (credential id), `sub` (credentialSubject.id), `nbf` (validFrom),
/// `exp` (validUntil). ES256 only; `kid` points into the issuer's published JWK set.
public enum CredentialSigner {
    /// `typ` of an Open Badges credential: OB 3.0 §8.2.3 says it MUST be `JWT` when present
    /// (VC-JOSE-COSE only RECOMMENDS `vc+jwt`; see docs/decisions.md).
    public static let mediaType = "JWT"
    /// `typ` of a plain VC (the status list), as VC-JOSE-COSE recommends.
    public static let vcMediaType = "vc+jwt"
    /// What releases before issue 16 wrote on credentials; still accepted, with a warning.
    public static let legacyMediaType = "vc+jwt"

    public static func sign(_ credential: JSONValue, key: SigningKey, keyID: String, type: String = mediaType) throws -> String {
        var payload = credential.objectValue ?? JSONObject()
        if let issuer = credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue { payload["iss"] = .string(issuer) }
        if let id = credential["id"]?.stringValue { payload["jti"] = .string(id) }
        if let subject = credential["credentialSubject"]?["id"]?.stringValue { payload["sub"] = .string(subject) }
        if let from = credential["validFrom"]?.stringValue.flatMap(CredentialDate.parse) {
            payload["nbf"] = .int(Int(from.timeIntervalSince1970))
        }
        if let until = credential["validUntil"]?.stringValue.flatMap(CredentialDate.parse) {
            payload["exp"] = .int(Int(until.timeIntervalSince1970))
        }
        return try CompactJWS.sign(payload: .object(payload), key: key, kid: keyID, type: type)
    }

    /// The JWT registered claims Lantern adds; removed again before structure checks.
    public static let registeredClaims = ["iss", "jti", "nbf", "exp", "sub", "iat"]
}
