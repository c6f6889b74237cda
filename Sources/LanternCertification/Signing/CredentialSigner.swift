import Foundation

/// Secures a credential as a VC-JWT: a compact JWS whose payload is the credential itself
/// (VC-JOSE-COSE, `typ: vc+jwt`), with the registered claims Open Badges 3.0 §8.2 asks for
/// (`iss`, `jti`, `nbf`, `exp`) copied from the credential so plain JWT libraries enforce the
/// same window. ES256 only; `kid` is `<issuer id>#<key thumbprint>`.
public enum CredentialSigner {
    public static let mediaType = "vc+jwt"

    public static func sign(_ credential: JSONValue, key: SigningKey, issuerID: String) throws -> String {
        var payload = credential.objectValue ?? JSONObject()
        payload["iss"] = .string(issuerID)
        if let id = credential["id"]?.stringValue { payload["jti"] = .string(id) }
        if let from = credential["validFrom"]?.stringValue.flatMap(CredentialDate.parse) {
            payload["nbf"] = .int(Int(from.timeIntervalSince1970))
        }
        if let until = credential["validUntil"]?.stringValue.flatMap(CredentialDate.parse) {
            payload["exp"] = .int(Int(until.timeIntervalSince1970))
        }
        return try CompactJWS.sign(payload: .object(payload), key: key, kid: issuerID + "#" + key.thumbprint, type: mediaType)
    }

    /// The JWT registered claims Lantern adds; removed again before structure checks.
    public static let registeredClaims = ["iss", "jti", "nbf", "exp", "sub", "iat"]
}
