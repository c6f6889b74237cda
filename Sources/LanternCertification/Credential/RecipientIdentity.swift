import Crypto
import LanternDiagnostics

/// The holder named by a salted SHA-256 hash of their email, never the email itself.
public struct RecipientIdentity: Sendable, Hashable {
    public var salt: String
    /// `sha256$<hex>` of the normalised email followed by the salt.
    public var identityHash: String

    /// Hashes `email` (trimmed, lower-cased) with `salt`.
    public init(email: String, salt: String) {
        self.salt = salt
        identityHash = Self.hash(email: email, salt: salt)
    }

    public init(salt: String, identityHash: String) {
        self.salt = salt
        self.identityHash = identityHash
    }

    /// A random salt (128 bits, hex).
    public static func randomSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    static func normalise(_ email: String) -> String {
        email.trimmingCharacters(in: " \t\r\n").lowercased()
    }

    public static func hash(email: String, salt: String) -> String {
        "sha256$" + Hex.encode(SHA256.hash(data: Array((normalise(email) + salt).utf8)))
    }

    /// Whether `email` is the one hashed here.
    public func matches(email: String) -> Bool {
        Self.hash(email: email, salt: salt) == identityHash.lowercased()
    }

    var json: JSONValue {
        .object(JSONObject([("type", "IdentityObject"), ("identityHash", .string(identityHash)),
                            ("identityType", "emailAddress"), ("hashed", true), ("salt", .string(salt))]))
    }
}
