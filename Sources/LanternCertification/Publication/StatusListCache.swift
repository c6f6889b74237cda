import Crypto
import Foundation

/// Keeps the last signed status list beside the keys, so publishing the same statuses with the
/// same key gives the same bytes (ECDSA signatures are randomised, and the list carries the time
/// it was signed). A site rebuilt from unchanged records is then byte-identical, and verifiers
/// see a new list only when a certificate was revoked, suspended or reinstated.
struct StatusListCache {
    static let fileName = "status-list.json"

    let folder: URL

    private struct Entry: Codable {
        var fingerprint: String
        var jwt: String
    }

    /// What decides the list's content: where it is published, the signing key, the statuses.
    static func fingerprint(listURL: String, keyThumbprint: String, statuses: [Int: CredentialStatus]) -> String {
        // The format version: a list signed by an earlier release (no statusSize on the list,
        // three messages) is re-signed, never reused.
        var text = "format 2\n" + listURL + "\n" + keyThumbprint + "\n"
        for (index, status) in statuses.sorted(by: { $0.key < $1.key }) { text += "\(index):\(status.rawValue)\n" }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The cached list when its fingerprint matches; otherwise a newly signed one, cached.
    /// A cache that cannot be read or written only costs a re-signing.
    func signedList(fingerprint: String, sign: () throws -> String) throws -> String {
        let url = folder.appendingPathComponent(Self.fileName)
        if let data = try? Data(contentsOf: url), let entry = try? JSONDecoder().decode(Entry.self, from: data),
           entry.fingerprint == fingerprint {
            return entry.jwt
        }
        let jwt = try sign()
        if let data = try? JSONEncoder().encode(Entry(fingerprint: fingerprint, jwt: jwt)) {
            try? data.write(to: url, options: .atomic)
        }
        return jwt
    }
}
