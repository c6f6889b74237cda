import Crypto
import Foundation
import LanternDiagnostics

/// The signed status list, kept beside the keys (`.lantern/keys/status-list.json`, public
/// content) by the commands that change a status: `cert revoke|suspend|reinstate`,
/// `keys generate` (the empty list) and `cert publish` (which signs again only when the records
/// changed behind Lantern's back). `lantern build` only reads it: a build never signs and never
/// opens a private key. Publishing the same statuses gives the same bytes, so a site rebuilt
/// from unchanged records is byte-identical, and verifiers see a new list only when a
/// certificate was revoked, suspended or reinstated.
///
/// The list stays valid when the key is rotated: it was signed by a key the issuer profile
/// still publishes, before that key's retirement. It does not when its key is revoked:
/// `CertificateService.publication()` then refuses it, and `keys revoke` signs it again.
struct StatusListCache {
    static let fileName = "status-list.json"

    let folder: URL

    private struct Entry: Codable {
        var fingerprint: String
        var jwt: String
    }

    /// What decides the list's content: its format, where it is published and the statuses.
    /// The format (2: `statusSize` and four `statusMessage` values on the list, issue 16) is
    /// part of it, so a list signed in another format by an unreleased build is signed again.
    static func fingerprint(listURL: String, statuses: [Int: CredentialStatus]) -> String {
        fingerprint("format 2\n" + listURL + "\n", statuses)
    }

    /// The fingerprint the third release wrote (it also named the signing key), so that a list
    /// it signed is still used while the statuses are unchanged.
    static func legacyFingerprint(listURL: String, keyThumbprint: String, statuses: [Int: CredentialStatus]) -> String {
        fingerprint(listURL + "\n" + keyThumbprint + "\n", statuses)
    }

    private static func fingerprint(_ prefix: String, _ statuses: [Int: CredentialStatus]) -> String {
        var text = prefix
        for (index, status) in statuses.sorted(by: { $0.key < $1.key }) { text += "\(index):\(status.rawValue)\n" }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The stored list when its fingerprint is one of `fingerprints`.
    func stored(matching fingerprints: [String]) -> String? {
        let url = folder.appendingPathComponent(Self.fileName)
        guard let data = try? Data(contentsOf: url), let entry = try? JSONDecoder().decode(Entry.self, from: data),
              fingerprints.contains(entry.fingerprint) else { return nil }
        return entry.jwt
    }

    /// Keeps a newly signed list (whole or not at all: a temporary file renamed into place).
    func store(_ jwt: String, fingerprint: String) throws {
        let data = try JSONEncoder().encode(Entry(fingerprint: fingerprint, jwt: jwt))
        try data.write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }
}

extension KeyStore {
    /// Signs the status list for `statuses` with the active key and keeps it beside the keys,
    /// where `CertificateService.publication()` (and so `lantern build`) reads it.
    @discardableResult
    public func signStatusList(identity: IssuerIdentity, statuses: [Int: CredentialStatus] = [:], now: Date = Date()) throws(LanternError) -> String {
        let key = try activeKey()
        let jwt: String
        do {
            jwt = try IssuerPublication(identity: identity, keys: try publishedKeys(), signingKey: key, statuses: statuses, now: now).statusListJWT
        } catch {
            throw LanternError(.signingFailed, "the status list could not be signed")
        }
        do {
            try StatusListCache(folder: folder).store(jwt, fingerprint: StatusListCache.fingerprint(listURL: identity.statusListURL, statuses: statuses))
        } catch {
            throw LanternError(.writeFailed, "cannot keep the signed status list in \(displayFolder)/\(StatusListCache.fileName)")
        }
        return jwt
    }
}
