import Crypto

/// ES256 (ECDSA P-256 with SHA-256) verification of JWS signatures, the only algorithm Lantern
/// accepts. The signature must be the 64-byte `r || s` form; DER is refused, as JWS requires.
public enum ES256 {
    public static let algorithm = "ES256"

    public static func verify(signature: [UInt8], input: [UInt8], key: P256.Signing.PublicKey) -> Bool {
        guard signature.count == 64,
              let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
        return key.isValidSignature(parsed, for: input)
    }
}
