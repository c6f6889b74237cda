import Crypto
import Foundation
import NIOSSH

/// OpenSSH's way of naming a public key: `SHA256:` and the unpadded base64 of the SHA-256 of the
/// key's wire encoding, the same text `ssh-keygen -lf` and `ssh` print, so a person can compare
/// what the server shows with what their client shows.
public enum KeyFingerprint {
    /// The fingerprint of `key`.
    public static func of(_ key: NIOSSHPublicKey) -> String {
        of(openSSHLine: String(openSSHPublicKey: key)) ?? "SHA256:?"
    }

    /// The fingerprint of an OpenSSH public key line (`ssh-ed25519 AAAA… comment`), or nil when
    /// the line has no base64 key.
    public static func of(openSSHLine line: String) -> String? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2, let blob = Data(base64Encoded: String(fields[1])) else { return nil }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The key's algorithm as OpenSSH names it (`ssh-ed25519`, `ecdsa-sha2-nistp256`, …).
    public static func algorithm(_ key: NIOSSHPublicKey) -> String {
        String(String(openSSHPublicKey: key).split(separator: " ").first ?? "")
    }
}
