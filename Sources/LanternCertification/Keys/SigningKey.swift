import Crypto
import Foundation

/// A P-256 private key Lantern signs with, and the id it is published under.
public struct SigningKey: Sendable {
    public let privateKey: P256.Signing.PrivateKey
    public let publicJWK: PublicJWK

    public init(_ privateKey: P256.Signing.PrivateKey) {
        self.privateKey = privateKey
        publicJWK = PublicJWK(privateKey.publicKey)
    }

    /// A fresh key from the system's secure random source.
    public static func generate() -> SigningKey {
        SigningKey(P256.Signing.PrivateKey())
    }

    /// The thumbprint (RFC 7638), the last part of every `kid`.
    public var thumbprint: String { publicJWK.thumbprint }

    /// ES256 signature of `message`: the 64-byte `r || s` form JWS uses.
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        [UInt8](try privateKey.signature(for: message).rawRepresentation)
    }
}
