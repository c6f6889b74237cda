import Crypto
import Foundation
import LanternDiagnostics
import NIOSSH

/// The server's Ed25519 host key, kept in the workspace's `.lantern/` folder:
/// `ssh_host_ed25519_key` (the private key, mode 0600, made on first start and refused if
/// others can read it) and `ssh_host_ed25519_key.pub` (the OpenSSH public key line, so
/// `ssh-keygen -lf` shows the same fingerprint the server prints).
///
/// The private file is Lantern's own format (a header line and the base64 32-byte seed):
/// swift-nio-ssh reads no OpenSSH private-key files, and this one is small enough to check by eye.
public struct HostKey: Sendable {
    public static let fileName = "ssh_host_ed25519_key"
    static let header = "lantern-ssh-host-key-v1 ed25519"

    public let privateKey: NIOSSHPrivateKey
    public let publicKey: NIOSSHPublicKey
    /// Where the private key is, as shown in messages.
    public let path: String
    /// Whether this start made the key.
    public let created: Bool

    /// `SHA256:…`, as `ssh` shows it when it first meets the server.
    public var fingerprint: String { KeyFingerprint.of(publicKey) }

    /// The OpenSSH public key line (`ssh-ed25519 AAAA…`).
    public var openSSHLine: String { String(openSSHPublicKey: publicKey) }

    /// The line to hand out for trainees' `known_hosts`: `[host]:port ssh-ed25519 AAAA…`
    /// (`host` alone for port 22, as OpenSSH writes it).
    public func knownHostsLine(host: String, port: Int) -> String {
        (port == 22 ? host : "[\(host)]:\(port)") + " " + openSSHLine
    }

    /// Loads the host key from `folder` (the workspace's `.lantern/`), making it when absent.
    public static func loadOrCreate(in folder: URL, display: String) throws(LanternError) -> HostKey {
        let url = folder.appendingPathComponent(fileName)
        let path = display.isEmpty ? fileName : display + "/" + fileName
        if let status = try Platform.status(of: url.path, followingLinks: false) {
            guard status.kind == .regular else {
                throw LanternError(.hostKeyNotAFile, "'\(path)' is not a regular file", hint: "move it away; lantern serve makes a new host key")
            }
            let mode = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
            guard mode & 0o077 == 0 else {
                throw LanternError(.hostKeyPermissions, "'\(path)' can be read by other users (mode \(String(mode & 0o777, radix: 8)))",
                                   hint: "run 'chmod 600 \(path)'; if others may have read it, move it away so a new key is made, and tell trainees the new fingerprint")
            }
            let seed = try readSeed(url, path: path)
            let key: Curve25519.Signing.PrivateKey
            do { key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed) } catch {
                throw LanternError(.hostKeyUnreadable, "'\(path)' does not hold an Ed25519 key")
            }
            let nioKey = NIOSSHPrivateKey(ed25519Key: key)
            let hostKey = HostKey(privateKey: nioKey, publicKey: nioKey.publicKey, path: path, created: false)
            hostKey.writePublicLine(folder)
            return hostKey
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LanternError(.cannotWrite, "cannot make '\(display)': \(error.localizedDescription)")
        }
        let key = Curve25519.Signing.PrivateKey()
        let text = header + "\n" + key.rawRepresentation.base64EncodedString() + "\n"
        // Created 0600 with O_EXCL and flushed: never readable by others, and two servers
        // starting at once cannot both write one (the second reads the first's).
        do {
            try Platform.writeNewPrivateFile(url.path, contents: Array(text.utf8))
        } catch {
            if (try? Platform.status(of: url.path, followingLinks: false)) != nil { return try loadOrCreate(in: folder, display: display) }
            throw LanternError(.cannotWrite, "cannot create '\(path)': \(error.message)")
        }
        let nioKey = NIOSSHPrivateKey(ed25519Key: key)
        let hostKey = HostKey(privateKey: nioKey, publicKey: nioKey.publicKey, path: path, created: true)
        hostKey.writePublicLine(folder)
        return hostKey
    }

    private static func readSeed(_ url: URL, path: String) throws(LanternError) -> Data {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LanternError(.hostKeyUnreadable, "cannot read '\(path)'")
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.count == 2, lines[0] == header, let seed = Data(base64Encoded: lines[1]), seed.count == 32 else {
            throw LanternError(.hostKeyUnreadable, "'\(path)' is not a Lantern host key",
                               hint: "it should be two lines: '\(header)' and the base64 key; restore it from your backup")
        }
        return seed
    }

    /// Writes `ssh_host_ed25519_key.pub` when it is missing or differs (public, mode 0644).
    private func writePublicLine(_ folder: URL) {
        let url = folder.appendingPathComponent(Self.fileName + ".pub")
        let line = openSSHLine + " lantern-serve\n"
        if (try? String(contentsOf: url, encoding: .utf8)) == line { return }
        try? Data(line.utf8).write(to: url, options: .atomic)
    }
}
