import Foundation
import LanternDiagnostics

/// `issuer.json`, a plain Open Badges 3.0 `Profile` (every member defined by the contexts it
/// lists), and `jwks.json`, the issuer's public keys as a plain JWK set (RFC 7517) beside it.
/// A credential's `kid` is `<base>jwks.json#<thumbprint>`. Keys are not in the profile: the
/// terms that would carry them (`verificationMethod`, `publicKeyJwk`, …) need contexts no
/// offline processor has, so a JSON-LD processor would silently drop them.
public struct IssuerProfile: Sendable {
    public var identity: IssuerIdentity
    public var keys: [PublishedKey]

    public init(identity: IssuerIdentity, keys: [PublishedKey]) {
        self.identity = identity
        self.keys = keys
    }

    /// A profile whose keys are all active.
    public init(identity: IssuerIdentity, keys: [PublicJWK]) {
        self.init(identity: identity, keys: keys.map { PublishedKey($0) })
    }

    /// The profile document.
    public var json: JSONValue {
        var object = JSONObject([
            ("@context", [.string(CredentialContexts.vc2), .string(CredentialContexts.ob3)]),
        ])
        for member in identity.profileJSON.objectValue ?? JSONObject() { object[member.key] = member.value }
        return .object(object)
    }

    /// The JWK set: every key that is not revoked (retired ones with their `retired` date),
    /// each `kid` the full address credentials name; revoked keys only by `kid` and date under
    /// `revoked` (see ``PublishedKey``).
    public var jwks: JSONValue {
        var set = JSONObject()
        set["keys"] = .array(keys.filter { $0.revoked == nil }.map { key in
            var jwk = key.jwk.json(kid: identity.keyID(key.thumbprint)).objectValue ?? JSONObject()
            if let retired = key.retired { jwk["retired"] = .string(CredentialDate.format(retired)) }
            return .object(jwk)
        })
        let revoked = keys.compactMap { key in
            key.revoked.map { JSONValue.object(JSONObject([("kid", .string(identity.keyID(key.thumbprint))), ("revoked", .string(CredentialDate.format($0)))])) }
        }
        if !revoked.isEmpty { set["revoked"] = .array(revoked) }
        return .object(set)
    }

    /// What a verifier takes from an issuer's published files: its id and its keys by RFC 7638
    /// thumbprint, with where each came from.
    public struct Resolved: Sendable {
        public var id: String
        public var name: String?
        /// Keys from `jwks.json` whose `kid` is `<jwks address>#<their own thumbprint>`.
        public var keys: [String: PublicJWK]
        /// Keys from a profile written before issue 16 (`verificationMethod` controlled by the issuer).
        public var legacyKeys: [String: PublicJWK]
        /// Why the key set could not be read, if it was given and could not.
        public var keysProblem: String?
        /// Whether a key set was given at all.
        public var keysGiven: Bool
        /// When each retired key (by thumbprint) stopped signing, from the key set.
        public var retired: [String: Date] = [:]
        /// Keys the key set lists as revoked (by thumbprint), with the date when it is readable.
        public var revoked: [String: Date?] = [:]

        /// `<issuer base>jwks.json`: where this issuer's keys must be published.
        public var jwksURL: String { Self.jwksURL(issuerID: id) }

        static func jwksURL(issuerID: String) -> String {
            let base = issuerID.hasSuffix("/") ? issuerID : String(issuerID[..<(issuerID.lastIndex(of: "/").map { issuerID.index(after: $0) } ?? issuerID.endIndex)])
            return base + "jwks.json"
        }

        public enum KeyLookup: Sendable {
            case found(PublicJWK)
            /// Found through the pre-issue-16 `kid` form (`issuer.json#<thumbprint>`) or profile.
            case foundLegacy(PublicJWK, String)
            case unknown(String)
            /// The issuer revoked this key (reported compromised): nothing it signed is trusted.
            case revoked(String)
        }

        /// The key a JWS header's `kid` names, if this issuer published it and did not revoke it.
        public func key(for kid: String) -> KeyLookup {
            let jwksPrefix = jwksURL + "#"
            let legacyPrefix = id + "#"
            for prefix in [jwksPrefix, legacyPrefix] where kid.hasPrefix(prefix) {
                if let date = revoked[String(kid.dropFirst(prefix.count))] {
                    return .revoked("the issuer revoked key \(kid)\(date.map { " on " + CredentialDate.format($0) } ?? "") as compromised: nothing it signed is trusted, whatever date it carries")
                }
            }
            if kid.hasPrefix(jwksPrefix) {
                let thumbprint = String(kid.dropFirst(jwksPrefix.count))
                if let key = keys[thumbprint] { return .found(key) }
                if let key = legacyKeys[thumbprint] {
                    return .foundLegacy(key, "the key is listed only in an issuer profile written before issue 16")
                }
                return .unknown(keysGiven || !legacyKeys.isEmpty ? "kid \(kid) is not in the issuer's key set" : "no key set given")
            }
            if kid.hasPrefix(legacyPrefix) {
                let thumbprint = String(kid.dropFirst(legacyPrefix.count))
                if let key = legacyKeys[thumbprint] ?? keys[thumbprint] {
                    return .foundLegacy(key, "kid \(kid) points into issuer.json, as releases before issue 16 wrote it")
                }
            }
            return .unknown("kid \(kid) is not in the issuer's key set")
        }

        /// Whether any key is known (so an unknown `kid` is a finding, not a missing input).
        public var hasKeys: Bool { !keys.isEmpty || !legacyKeys.isEmpty }

        /// Why `key` may not have signed something dated `signed`: it was retired before then.
        /// Nil when the key was in use at that date.
        /// Something signed by a retired key that carries no date is refused too.
        public func retirementProblem(_ key: PublicJWK, signed: Date?, what: String) -> String? {
            guard let retired = retired[key.thumbprint] else { return nil }
            guard let signed else {
                return "\(what) carries no date, and its key was retired on \(CredentialDate.format(retired)): it cannot be shown to predate the retirement"
            }
            guard signed > retired else { return nil }
            return "\(what) is dated \(CredentialDate.format(signed)), after its key was retired on \(CredentialDate.format(retired)): a retired key signs nothing new"
        }
    }

    /// Reads a published profile and, when given, its JWK set. A profile written before issue 16
    /// (keys as `verificationMethod` entries) still resolves, its keys marked legacy; only
    /// entries whose `controller` is the profile's own id count.
    public static func resolve(_ text: String, jwks jwksText: String? = nil, path: String = "issuer.json") throws(LanternError) -> Resolved {
        let json = try JSONParser.parse(text, path: path)
        guard let id = json["id"]?.stringValue else { throw LanternError(.issuerInvalid, "\(path) has no 'id'") }
        var legacy: [String: PublicJWK] = [:]
        for method in json["verificationMethod"]?.arrayValue ?? [] {
            guard method["id"]?.stringValue != nil, method["controller"]?.stringValue == id,
                  let jwk = method["publicKeyJwk"], let key = try? PublicJWK(jwk: jwk) else { continue }
            legacy[key.thumbprint] = key
        }
        var resolved = Resolved(id: id, name: json["name"]?.stringValue, keys: [:], legacyKeys: legacy, keysProblem: nil,
                                keysGiven: jwksText != nil)
        if let jwksText {
            do {
                let set = try keySet(jwksText, jwksURL: resolved.jwksURL)
                resolved.keys = set.keys
                resolved.retired = set.retired
                resolved.revoked = set.revoked
            } catch {
                resolved.keysProblem = (error.location.map { "\($0): " } ?? "") + error.message
            }
        }
        return resolved
    }

    /// The keys of a JWK set whose `kid` is `<jwksURL>#<the key's own thumbprint>`; others
    /// (other curves, private parts, a `kid` naming another key, a `retired` member that is not
    /// a date-time) are left out. Revoked keys: the `revoked` list's entries whose `kid` is
    /// `<jwksURL>#<thumbprint>` (revoked even when the date cannot be read); a revoked key is
    /// never a usable key, even if `keys` also lists it.
    static func keySet(_ text: String, jwksURL: String) throws(LanternError)
        -> (keys: [String: PublicJWK], retired: [String: Date], revoked: [String: Date?]) {
        let json = try JSONParser.parse(text, path: "jwks.json")
        guard let list = json["keys"]?.arrayValue else { throw LanternError(.jwksInvalid, "jwks.json has no 'keys' list") }
        var keys: [String: PublicJWK] = [:]
        var retired: [String: Date] = [:]
        var revoked: [String: Date?] = [:]
        for entry in json["revoked"]?.arrayValue ?? [] {
            guard let kid = entry["kid"]?.stringValue, kid.hasPrefix(jwksURL + "#") else { continue }
            revoked[String(kid.dropFirst(jwksURL.count + 1))] = entry["revoked"]?.stringValue.flatMap(CredentialDate.parse)
        }
        for entry in list {
            guard let key = try? PublicJWK(jwk: entry), entry["kid"]?.stringValue == jwksURL + "#" + key.thumbprint,
                  revoked[key.thumbprint] == nil else { continue }
            if let member = entry["retired"] {
                guard let date = member.stringValue.flatMap(CredentialDate.parse) else { continue }
                retired[key.thumbprint] = date
            }
            keys[key.thumbprint] = key
        }
        return (keys, retired, revoked)
    }
}
