import LanternDiagnostics

/// `issuer.json`, a plain Open Badges 3.0 `Profile` (every member defined by the contexts it
/// lists), and `jwks.json`, the issuer's public keys as a plain JWK set (RFC 7517) beside it.
/// A credential's `kid` is `<base>jwks.json#<thumbprint>`. Keys are not in the profile: the
/// terms that would carry them (`verificationMethod`, `publicKeyJwk`, …) need contexts no
/// offline processor has, so a JSON-LD processor would silently drop them.
public struct IssuerProfile: Sendable {
    public var identity: IssuerIdentity
    public var keys: [PublicJWK]

    public init(identity: IssuerIdentity, keys: [PublicJWK]) {
        self.identity = identity
        self.keys = keys
    }

    /// The profile document.
    public var json: JSONValue {
        var object = JSONObject([
            ("@context", [.string(CredentialContexts.vc2), .string(CredentialContexts.ob3)]),
        ])
        for member in identity.profileJSON.objectValue ?? JSONObject() { object[member.key] = member.value }
        return .object(object)
    }

    /// The JWK set: every key, retired ones too, each `kid` the full address credentials name.
    public var jwks: JSONValue {
        ["keys": .array(keys.map { $0.json(kid: identity.keyID($0.thumbprint)) })]
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
        }

        /// The key a JWS header's `kid` names, if this issuer published it.
        public func key(for kid: String) -> KeyLookup {
            let jwksPrefix = jwksURL + "#"
            let legacyPrefix = id + "#"
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
    }

    /// Reads a published profile and, when given, its JWK set. A profile written before issue 16
    /// (keys as `verificationMethod` entries) still resolves, its keys marked legacy; only
    /// entries whose `controller` is the profile's own id count.
    public static func resolve(_ text: String, jwks jwksText: String? = nil, path: String = "issuer.json") throws(LanternError) -> Resolved {
        let json = try JSONParser.parse(text, path: path)
        guard let id = json["id"]?.stringValue else { throw LanternError("issuer-invalid", "\(path) has no 'id'") }
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
                resolved.keys = try keySet(jwksText, jwksURL: resolved.jwksURL)
            } catch {
                resolved.keysProblem = (error.location.map { "\($0): " } ?? "") + error.message
            }
        }
        return resolved
    }

    /// The keys of a JWK set whose `kid` is `<jwksURL>#<the key's own thumbprint>`; others
    /// (other curves, private parts, a `kid` naming another key) are left out.
    static func keySet(_ text: String, jwksURL: String) throws(LanternError) -> [String: PublicJWK] {
        let json = try JSONParser.parse(text, path: "jwks.json")
        guard let list = json["keys"]?.arrayValue else { throw LanternError("jwks-invalid", "jwks.json has no 'keys' list") }
        var keys: [String: PublicJWK] = [:]
        for entry in list {
            guard let key = try? PublicJWK(jwk: entry), entry["kid"]?.stringValue == jwksURL + "#" + key.thumbprint else { continue }
            keys[key.thumbprint] = key
        }
        return keys
    }
}
