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
        var status = stat()
        if lstat(url.path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw LanternError("host-key-not-a-file", "'\(path)' is not a regular file", hint: "move it away; lantern serve makes a new host key")
            }
            guard status.st_mode & 0o077 == 0 else {
                throw LanternError("host-key-permissions",
                                   "'\(path)' can be read by other users (mode \(String(status.st_mode & 0o777, radix: 8)))",
                                   hint: "run 'chmod 600 \(path)'; if others may have read it, move it away so a new key is made, and tell trainees the new fingerprint")
            }
            let seed = try readSeed(url, path: path)
            let key: Curve25519.Signing.PrivateKey
            do { key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed) } catch {
                throw LanternError("host-key-unreadable", "'\(path)' does not hold an Ed25519 key")
            }
            let hostKey = HostKey(privateKey: NIOSSHPrivateKey(ed25519Key: key), publicKey: NIOSSHPrivateKey(ed25519Key: key).publicKey,
                                  path: path, created: false)
            hostKey.writePublicLine(folder)
            return hostKey
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LanternError("host-key-folder", "cannot make '\(display)': \(error.localizedDescription)")
        }
        let key = Curve25519.Signing.PrivateKey()
        let text = header + "\n" + key.rawRepresentation.base64EncodedString() + "\n"
        // Created 0600 with O_EXCL: the key is never readable by others, and two servers
        // starting at once cannot both write one.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return try loadOrCreate(in: folder, display: display) }
            throw LanternError("host-key-write", "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) }
        fsync(fd)
        close(fd)
        guard written == bytes.count else {
            unlink(url.path)
            throw LanternError("host-key-write", "cannot write '\(path)'")
        }
        let nioKey = NIOSSHPrivateKey(ed25519Key: key)
        let hostKey = HostKey(privateKey: nioKey, publicKey: nioKey.publicKey, path: path, created: true)
        hostKey.writePublicLine(folder)
        return hostKey
    }

    private static func readSeed(_ url: URL, path: String) throws(LanternError) -> Data {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LanternError("host-key-unreadable", "cannot read '\(path)'")
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.count == 2, lines[0] == header, let seed = Data(base64Encoded: lines[1]), seed.count == 32 else {
            throw LanternError("host-key-unreadable", "'\(path)' is not a Lantern host key",
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
