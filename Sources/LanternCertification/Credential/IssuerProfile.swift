import LanternDiagnostics

/// `issuer.json`: the issuer's OB 3.0 Profile with every public key it has signed with, as
/// `verificationMethod` entries (`JsonWebKey`, controlled by the issuer) and as a JWK set
/// (`jwks`) for JOSE tools.
public struct IssuerProfile: Sendable {
    public var identity: IssuerIdentity
    public var keys: [PublicJWK]

    public init(identity: IssuerIdentity, keys: [PublicJWK]) {
        self.identity = identity
        self.keys = keys
    }

    public var json: JSONValue {
        var object = JSONObject([
            ("@context", [.string(CredentialContexts.vc2), .string(CredentialContexts.ob3)]),
        ])
        for member in identity.profileJSON.objectValue ?? JSONObject() { object[member.key] = member.value }
        object["verificationMethod"] = .array(keys.map { key in
            .object(JSONObject([("id", .string(identity.keyID(key.thumbprint))), ("type", "JsonWebKey"),
                                ("controller", .string(identity.id)), ("publicKeyJwk", key.json(kid: identity.keyID(key.thumbprint)))]))
        })
        object["jwks"] = ["keys": .array(keys.map { $0.json(kid: identity.keyID($0.thumbprint)) })]
        return .object(object)
    }

    /// What a verifier takes from an `issuer.json`: its id and the keys it controls by `kid`.
    public struct Resolved: Sendable {
        public var id: String
        public var name: String?
        public var keys: [String: PublicJWK]
    }

    /// Reads a published profile. Only `verificationMethod` entries whose `controller` is the
    /// profile's own id count; the `jwks` copy is for other tools.
    public static func resolve(_ text: String, path: String = "issuer.json") throws(LanternError) -> Resolved {
        let json = try JSONParser.parse(text, path: path)
        guard let id = json["id"]?.stringValue else { throw LanternError("issuer-invalid", "\(path) has no 'id'") }
        var keys: [String: PublicJWK] = [:]
        for method in json["verificationMethod"]?.arrayValue ?? [] {
            guard let methodID = method["id"]?.stringValue, method["controller"]?.stringValue == id,
                  let jwk = method["publicKeyJwk"], let key = try? PublicJWK(jwk: jwk) else { continue }
            keys[methodID] = key
        }
        return Resolved(id: id, name: json["name"]?.stringValue, keys: keys)
    }
}
