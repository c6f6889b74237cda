import Foundation
import LanternDiagnostics

/// A status list credential, checked once (signature, issuer, structure) and then read for
/// any number of credentials.
public enum VerifiedStatusList: Sendable {
    case verified(id: String, purposes: [String], list: [UInt8], validUntil: Date?)
    case failed(String)

    /// Checks `text` (a VC-JWT) against the issuer's keys.
    public init(text: String, issuer: IssuerProfile.Resolved?) {
        let trimmed = text.trimmingCharacters(in: " \t\r\n")
        guard !trimmed.hasPrefix("{") else {
            self = .failed("the status list is JSON with an embedded proof; Lantern verifies status lists signed as VC-JWT (ES256) only")
            return
        }
        let jws: CompactJWS
        do { jws = try CompactJWS(parsing: trimmed) } catch {
            self = .failed("the status list cannot be read: \(error.message)")
            return
        }
        guard jws.algorithm == ES256.algorithm else {
            self = .failed("the status list is signed with alg '\(jws.algorithm ?? "none")'; only ES256 is accepted")
            return
        }
        guard jws.header["crit"] == nil else { self = .failed("the status list's JWS has critical extensions Lantern does not know"); return }
        guard let issuer else { self = .failed("no issuer profile to check the status list's signature"); return }
        guard let kid = jws.keyID, let key = issuer.keys[kid] else {
            self = .failed("the status list is signed with a key the issuer profile does not list (kid \(jws.keyID ?? "missing"))")
            return
        }
        guard ES256.verify(signature: jws.signature, input: jws.signingInput, key: key.key) else {
            self = .failed("the status list's signature does not verify: it was altered or signed with another key")
            return
        }
        let payload = jws.payload
        guard payload["type"]?.stringsValue?.contains("BitstringStatusListCredential") == true,
              let subject = payload["credentialSubject"], subject["type"]?.stringsValue?.contains("BitstringStatusList") == true,
              let encoded = subject["encodedList"]?.stringValue, let id = payload["id"]?.stringValue
        else {
            self = .failed("the status list is not a BitstringStatusListCredential with an encodedList")
            return
        }
        let listIssuer = payload["issuer"]?.stringValue ?? payload["issuer"]?["id"]?.stringValue
        guard listIssuer == issuer.id else {
            self = .failed("the status list was issued by \(listIssuer ?? "nobody"), not by \(issuer.id)")
            return
        }
        let bytes: [UInt8]
        do { bytes = try Bitstring(encoded: encoded).bytes } catch {
            self = .failed("the status list's encodedList cannot be decoded: \(error.message)")
            return
        }
        self = .verified(id: id, purposes: subject["statusPurpose"]?.stringsValue ?? [],
                         list: bytes, validUntil: payload["validUntil"]?.stringValue.flatMap(CredentialDate.parse))
    }
}
