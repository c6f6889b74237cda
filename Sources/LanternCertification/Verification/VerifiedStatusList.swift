import Foundation
import LanternDiagnostics

/// A status list credential, checked once (signature, issuer, structure) and then read for
/// any number of credentials.
public enum VerifiedStatusList: Sendable {
    case verified(id: String, purposes: [String], list: [UInt8], validUntil: Date?)
    /// Could not be used; `id` is the list's claimed id when it could be read (unverified, only
    /// to say which list failed).
    case failed(id: String?, String)

    /// The list's id (claimed, when it failed).
    public var id: String? {
        switch self {
        case .verified(let id, _, _, _): return id
        case .failed(let id, _): return id
        }
    }

    /// Checks `text` (a VC-JWT) against the issuer's keys.
    public init(text: String, issuer: IssuerProfile.Resolved?) {
        let trimmed = text.trimmingCharacters(in: " \t\r\n")
        guard !trimmed.hasPrefix("{") else {
            self = .failed(id: nil, "the status list is JSON with an embedded proof; Lantern verifies status lists signed as VC-JWT (ES256) only")
            return
        }
        let jws: CompactJWS
        do { jws = try CompactJWS(parsing: trimmed) } catch {
            self = .failed(id: nil, "the status list cannot be read: \(error.message)")
            return
        }
        let payload = jws.payload
        let claimedID = payload["id"]?.stringValue
        func fail(_ reason: String) -> VerifiedStatusList { .failed(id: claimedID, reason) }
        guard jws.algorithm == ES256.algorithm else {
            self = fail("the status list is signed with alg '\(jws.algorithm ?? "none")'; only ES256 is accepted")
            return
        }
        guard jws.header["crit"] == nil else { self = fail("the status list's JWS has critical extensions Lantern does not know"); return }
        guard payload["vc"] == nil else { self = fail("the status list carries a 'vc' claim, which VC-JOSE-COSE forbids"); return }
        guard let issuer else { self = fail("no issuer profile to check the status list's signature"); return }
        let key: PublicJWK
        switch issuer.key(for: jws.keyID ?? "") {
        case .found(let found), .foundLegacy(let found, _): key = found
        case .unknown: self = fail("the status list is signed with a key the issuer does not list (kid \(jws.keyID ?? "missing"))"); return
        case .revoked(let why): self = fail("the status list is signed with a revoked key: \(why)"); return
        }
        if let problem = issuer.retirementProblem(key, signed: payload["validFrom"]?.stringValue.flatMap(CredentialDate.parse), what: "the status list") {
            self = fail(problem)
            return
        }
        guard ES256.verify(signature: jws.signature, input: jws.signingInput, key: key.key) else {
            self = fail("the status list's signature does not verify: it was altered or signed with another key")
            return
        }
        guard payload["type"]?.stringsValue?.contains("BitstringStatusListCredential") == true,
              let subject = payload["credentialSubject"], subject["type"]?.stringsValue?.contains("BitstringStatusList") == true,
              let encoded = subject["encodedList"]?.stringValue, let id = claimedID
        else {
            self = fail("the status list is not a BitstringStatusListCredential with an encodedList")
            return
        }
        let listIssuer = payload["issuer"]?.stringValue ?? payload["issuer"]?["id"]?.stringValue
        guard listIssuer == issuer.id else {
            self = fail("the status list was issued by \(listIssuer ?? "nobody"), not by \(issuer.id)")
            return
        }
        let bytes: [UInt8]
        do { bytes = try Bitstring(encoded: encoded).bytes } catch {
            self = fail("the status list's encodedList cannot be decoded: \(error.message)")
            return
        }
        self = .verified(id: id, purposes: subject["statusPurpose"]?.stringsValue ?? [],
                         list: bytes, validUntil: payload["validUntil"]?.stringValue.flatMap(CredentialDate.parse))
    }
}
