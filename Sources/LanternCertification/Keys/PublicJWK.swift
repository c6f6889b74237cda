import Crypto
import LanternDiagnostics

/// A P-256 public key as a JSON Web Key (RFC 7517), with its RFC 7638 thumbprint.
public struct PublicJWK: Sendable, Hashable {
    /// The key's id in the issuer profile: its RFC 7638 SHA-256 thumbprint.
    public let thumbprint: String
    public let x: String
    public let y: String
    public let key: P256.Signing.PublicKey

    public init(_ key: P256.Signing.PublicKey) {
        let raw = [UInt8](key.rawRepresentation)
        self.key = key
        x = Base64URL.encode(raw[0..<32])
        y = Base64URL.encode(raw[32..<64])
        thumbprint = Self.thumbprint(x: x, y: y)
    }

    /// Reads an `EC`/`P-256` JWK; anything else (RSA, `oct`, other curves, private members) is refused.
    public init(jwk: JSONValue) throws(LanternError) {
        guard jwk["kty"]?.stringValue == "EC" else { throw LanternError(.keyUnsupported, "the key is not an EC key (kty \(jwk["kty"]?.stringValue ?? "missing"))") }
        guard jwk["crv"]?.stringValue == "P-256" else { throw LanternError(.keyUnsupported, "the key is not on curve P-256") }
        guard jwk["d"] == nil else { throw LanternError(.keyPrivate, "a published key must not contain its private part ('d')") }
        guard let x = jwk["x"]?.stringValue, let y = jwk["y"]?.stringValue,
              let xb = Base64URL.decode(x), let yb = Base64URL.decode(y), xb.count == 32, yb.count == 32
        else { throw LanternError(.keyInvalid, "the key's x and y are not 32-byte base64url values") }
        let key: P256.Signing.PublicKey
        do { key = try P256.Signing.PublicKey(rawRepresentation: xb + yb) } catch {
            throw LanternError(.keyInvalid, "the key is not a point on P-256")
        }
        self.init(key)
    }

    static func thumbprint(x: String, y: String) -> String {
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(x)","y":"\#(y)"}"#
        return Base64URL.encode(Array(SHA256.hash(data: Array(canonical.utf8))))
    }

    /// The JWK object; `kid` is the full key id the issuer profile publishes.
    public func json(kid: String) -> JSONValue {
        ["kty": "EC", "crv": "P-256", "x": .string(x), "y": .string(y), "kid": .string(kid), "alg": "ES256", "use": "sig"]
    }

    public static func == (lhs: PublicJWK, rhs: PublicJWK) -> Bool { lhs.thumbprint == rhs.thumbprint }
    public func hash(into hasher: inout Hasher) { hasher.combine(thumbprint) }
}
