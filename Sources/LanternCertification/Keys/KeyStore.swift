import Crypto
import Foundation
import LanternDiagnostics

/// The issuer's keys in `.lantern/keys/`: one PEM file per private key (mode 0600) and
/// `keys.json`, the list of every public key ever used with the one in use marked active.
/// Retired public keys stay in the list, and so in `issuer.json`, so old certificates verify.
public struct KeyStore: Sendable {
    /// One key in `keys.json`.
    public struct Entry: Sendable, Hashable {
        public var thumbprint: String
        public var publicJWK: PublicJWK
        public var created: Date
        /// When it stopped being used for new signatures (nil while active).
        public var retired: Date?
        public var isActive: Bool { retired == nil }
    }

    public static let manifestName = "keys.json"

    /// The folder (`<workspace>/.lantern/keys`).
    public let folder: URL
    /// How the folder is shown in messages.
    public let displayFolder: String

    public init(folder: URL, displayFolder: String? = nil) {
        self.folder = folder
        self.displayFolder = displayFolder ?? folder.path
    }

    /// The store of a workspace.
    public init(workspaceRoot: URL, displayRoot: String = "") {
        self.init(folder: workspaceRoot.appendingPathComponent(".lantern/keys"),
                  displayFolder: displayRoot.isEmpty ? ".lantern/keys" : displayRoot + "/.lantern/keys")
    }

    private var manifestURL: URL { folder.appendingPathComponent(Self.manifestName) }

    private func privateKeyURL(_ thumbprint: String) -> URL {
        folder.appendingPathComponent("\(thumbprint).pem")
    }

    private func display(_ name: String) -> String { displayFolder + "/" + name }

    /// Every key, oldest first; empty when none has been generated.
    public func entries() throws(LanternError) -> [Entry] {
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { return [] }
        let text: String
        do { text = try String(contentsOf: manifestURL, encoding: .utf8) } catch {
            throw LanternError("keys-unreadable", "cannot read \(display(Self.manifestName))")
        }
        let json = try JSONParser.parse(text, path: display(Self.manifestName))
        guard let keys = json["keys"]?.arrayValue else {
            throw LanternError("keys-invalid", "\(display(Self.manifestName)) has no 'keys' list")
        }
        var entries: [Entry] = []
        for key in keys {
            guard let jwk = key["jwk"], let createdText = key["created"]?.stringValue, let created = CredentialDate.parse(createdText) else {
                throw LanternError("keys-invalid", "\(display(Self.manifestName)) has a key without 'jwk' or 'created'")
            }
            let publicJWK = try PublicJWK(jwk: jwk)
            let retired = key["retired"]?.stringValue.flatMap(CredentialDate.parse)
            entries.append(Entry(thumbprint: publicJWK.thumbprint, publicJWK: publicJWK, created: created, retired: retired))
        }
        return entries
    }

    /// The public keys to publish: all of them, active and retired.
    public func publicKeys() throws(LanternError) -> [PublicJWK] {
        try entries().map(\.publicJWK)
    }

    /// Creates the first key. Refuses when a key already exists (use ``rotate(now:)``).
    @discardableResult
    public func generate(now: Date = Date()) throws(LanternError) -> SigningKey {
        guard try entries().isEmpty else {
            throw LanternError("keys-exist", "a signing key already exists in \(displayFolder)",
                               hint: "use 'lantern keys rotate' to replace it; old public keys stay published")
        }
        let key = SigningKey.generate()
        try writePrivateKey(key)
        try writeManifest([Entry(thumbprint: key.thumbprint, publicJWK: key.publicJWK, created: now, retired: nil)])
        return key
    }

    /// Retires the active key and creates a new one; the old public key stays listed.
    @discardableResult
    public func rotate(now: Date = Date()) throws(LanternError) -> SigningKey {
        var all = try entries()
        guard !all.isEmpty else { return try generate(now: now) }
        for index in all.indices where all[index].retired == nil { all[index].retired = now }
        let key = SigningKey.generate()
        try writePrivateKey(key)
        all.append(Entry(thumbprint: key.thumbprint, publicJWK: key.publicJWK, created: now, retired: nil))
        try writeManifest(all)
        return key
    }

    /// The active private key, after checking its file is not readable by anyone else.
    public func activeKey() throws(LanternError) -> SigningKey {
        guard let active = try entries().last(where: \.isActive) else {
            throw LanternError("keys-missing", "no signing key in \(displayFolder)", hint: "run 'lantern keys generate'")
        }
        return try loadPrivateKey(active.thumbprint)
    }

    /// File permission bits of a private key file.
    public func mode(of thumbprint: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: privateKeyURL(thumbprint).path),
              let mode = attributes[.posixPermissions] as? NSNumber else { return nil }
        return mode.intValue & 0o777
    }

    func loadPrivateKey(_ thumbprint: String) throws(LanternError) -> SigningKey {
        let url = privateKeyURL(thumbprint)
        let shown = display("\(thumbprint).pem")
        guard let mode = mode(of: thumbprint) else {
            throw LanternError("key-missing", "the private key file \(shown) is missing")
        }
        guard mode & 0o077 == 0 else {
            throw LanternError("key-permissions", "private key \(shown) is readable by others (mode \(String(mode, radix: 8))); refusing to use it",
                               hint: "run 'chmod 600 \(shown)' if nobody else could have read it, otherwise 'lantern keys rotate'")
        }
        let pem: String
        do { pem = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LanternError("key-unreadable", "cannot read \(shown)")
        }
        let key: P256.Signing.PrivateKey
        do { key = try P256.Signing.PrivateKey(pemRepresentation: pem) } catch {
            throw LanternError("key-invalid", "\(shown) is not a P-256 private key in PEM form")
        }
        let signingKey = SigningKey(key)
        guard signingKey.thumbprint == thumbprint else {
            throw LanternError("key-invalid", "\(shown) holds a different key than its name says")
        }
        return signingKey
    }

    private func ensureFolder() throws(LanternError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw LanternError("keys-unwritable", "cannot create \(displayFolder)")
        }
    }

    private func writePrivateKey(_ key: SigningKey) throws(LanternError) {
        try ensureFolder()
        let path = privateKeyURL(key.thumbprint).path
        // Create with 0600 from the start: never a moment where the key is readable by others.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw LanternError("key-unwritable", "cannot create \(display("\(key.thumbprint).pem"))") }
        let bytes = Array(key.privateKey.pemRepresentation.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, 0o600)
        close(fd)
        guard written == bytes.count else { throw LanternError("key-unwritable", "cannot write \(display("\(key.thumbprint).pem"))") }
    }

    private func writeManifest(_ entries: [Entry]) throws(LanternError) {
        try ensureFolder()
        let keys: [JSONValue] = entries.map { entry in
            var object = JSONObject([("kid", .string(entry.thumbprint)), ("created", .string(CredentialDate.format(entry.created)))])
            if let retired = entry.retired { object["retired"] = .string(CredentialDate.format(retired)) }
            object["jwk"] = entry.publicJWK.json(kid: entry.thumbprint)
            return .object(object)
        }
        let text = JSONValue.object(JSONObject([("keys", .array(keys))])).prettySerialized
        do { try Data(text.utf8).write(to: manifestURL, options: .atomic) } catch {
            throw LanternError("keys-unwritable", "cannot write \(display(Self.manifestName))")
        }
    }
}
