import Crypto
import Foundation
import LanternDiagnostics

/// The issuer's keys in `.lantern/keys/`: one PEM file per private key in use (mode 0600) and
/// `keys.json`, the list of every public key ever used with the one in use marked active.
///
/// A key's life: **active** (exactly one; every signature is made with it) → **retired** by
/// ``rotate(now:disposal:)`` (its public key stays published with the date, so what it signed
/// before keeps verifying; its private key is destroyed or moved out of the workspace, and the
/// verifiers refuse anything it signed after that date) → or **revoked** by
/// ``revoke(_:now:disposal:)`` when it may have been copied (its public key leaves the published
/// key set, and the verifiers refuse everything it ever signed).
public struct KeyStore: Sendable {
    /// One key in `keys.json`.
    public struct Entry: Sendable, Hashable {
        public var thumbprint: String
        public var publicJWK: PublicJWK
        public var created: Date
        /// When it stopped being used for new signatures (nil while active).
        public var retired: Date?
        /// When it was revoked as compromised (nil unless revoked).
        public var revoked: Date?
        public var isActive: Bool { retired == nil && revoked == nil }

        /// As published in `jwks.json`.
        public var published: PublishedKey { PublishedKey(publicJWK, retired: retired, revoked: revoked) }
    }

    /// What happens to a retired or revoked key's private key file.
    public enum Disposal: Sendable, Equatable {
        /// Overwritten, flushed and removed.
        case destroy
        /// Copied into this folder outside the workspace (0600, never over an existing file),
        /// then destroyed in the workspace.
        case moveTo(URL)
    }

    /// What ``rotate(now:disposal:)`` and ``revoke(_:now:disposal:)`` did.
    public struct Change: Sendable {
        /// The key that signs from now on (nil when a revocation left the active key in place).
        public var newKey: SigningKey?
        /// Keys retired or revoked by this change.
        public var ended: [String]
        /// Private key files of keys no longer active that were removed from the workspace
        /// (this change's, and any a release before issue 20 left behind), each with where it
        /// went (nil: destroyed).
        public var disposed: [(thumbprint: String, movedTo: String?)]
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
            throw LanternError(.keysUnreadable, "cannot read \(display(Self.manifestName))")
        }
        let json = try JSONParser.parse(text, path: display(Self.manifestName))
        guard let keys = json["keys"]?.arrayValue else {
            throw LanternError(.keysInvalid, "\(display(Self.manifestName)) has no 'keys' list")
        }
        var entries: [Entry] = []
        for key in keys {
            guard let jwk = key["jwk"], let createdText = key["created"]?.stringValue, let created = CredentialDate.parse(createdText) else {
                throw LanternError(.keysInvalid, "\(display(Self.manifestName)) has a key without 'jwk' or 'created'")
            }
            let publicJWK = try PublicJWK(jwk: jwk)
            let retired = key["retired"]?.stringValue.flatMap(CredentialDate.parse)
            let revoked = key["revoked"]?.stringValue.flatMap(CredentialDate.parse)
            entries.append(Entry(thumbprint: publicJWK.thumbprint, publicJWK: publicJWK, created: created, retired: retired, revoked: revoked))
        }
        return entries
    }

    /// The keys to publish in `jwks.json`: every key, each with its retirement or revocation.
    public func publishedKeys() throws(LanternError) -> [PublishedKey] {
        try entries().map(\.published)
    }

    /// Creates the first key. Refuses when a key already exists (use ``rotate(now:disposal:)``).
    @discardableResult
    public func generate(now: Date = Date()) throws(LanternError) -> SigningKey {
        try changing { () throws(LanternError) in try generateUnlocked(now: now) }
    }

    /// Runs a change to the key folder under its lock, so two `keys` commands at once take turns
    /// (two rotations at once would otherwise each retire the old key and write a manifest that
    /// names only its own new key: the other's would sign certificates nothing publishes).
    private func changing<T>(_ body: () throws(LanternError) -> T) throws(LanternError) -> T {
        try ensureFolder()
        return try Platform.withFolderLock(folder.path, display: displayFolder, body)
    }

    private func generateUnlocked(now: Date) throws(LanternError) -> SigningKey {
        guard try entries().isEmpty else {
            throw LanternError(.keysExist, "a signing key already exists in \(displayFolder)",
                               hint: "use 'lantern keys rotate' to replace it; old public keys stay published")
        }
        let key = SigningKey.generate()
        try writePrivateKey(key)
        try writeManifest([Entry(thumbprint: key.thumbprint, publicJWK: key.publicJWK, created: now)])
        return key
    }

    /// Retires the active key as of `now` and creates a new one. The old public key stays
    /// published with its `retired` date; its private key file (and that of any key retired
    /// before, which the third release left on disk) is disposed of as `disposal` says. The
    /// new key is recorded before the old one is disposed of, so a failure part way leaves the
    /// old key retired and the new one in use, never no key.
    @discardableResult
    public func rotate(now: Date = Date(), disposal: Disposal = .destroy) throws(LanternError) -> Change {
        try changing { () throws(LanternError) in try rotateUnlocked(now: now, disposal: disposal) }
    }

    private func rotateUnlocked(now: Date, disposal: Disposal) throws(LanternError) -> Change {
        var all = try entries()
        guard !all.isEmpty else {
            return Change(newKey: try generateUnlocked(now: now), ended: [], disposed: [])
        }
        try checkDisposal(disposal)
        var ended: [String] = []
        for index in all.indices where all[index].isActive {
            all[index].retired = now
            ended.append(all[index].thumbprint)
        }
        let key = SigningKey.generate()
        try writePrivateKey(key)
        all.append(Entry(thumbprint: key.thumbprint, publicJWK: key.publicJWK, created: now))
        try writeManifest(all)
        return Change(newKey: key, ended: ended, disposed: try disposeEndedKeys(all, disposal))
    }

    /// Revokes a key that may have been copied: it leaves the published key set (listed as
    /// revoked, with `now`), so no credential it ever signed verifies. Revoking the active key
    /// first makes a new one, so the issuer can go on signing (and must sign the status list
    /// again: one signed by the revoked key is no longer believed). `key` is a thumbprint or a
    /// `kid` ending in `#<thumbprint>`.
    @discardableResult
    public func revoke(_ key: String, now: Date = Date(), disposal: Disposal = .destroy) throws(LanternError) -> Change {
        try changing { () throws(LanternError) in try revokeUnlocked(key, now: now, disposal: disposal) }
    }

    private func revokeUnlocked(_ key: String, now: Date, disposal: Disposal) throws(LanternError) -> Change {
        var all = try entries()
        let thumbprint = try entry(named: key, in: all).thumbprint
        guard let index = all.firstIndex(where: { $0.thumbprint == thumbprint }) else { throw unknownKey(key) }
        guard all[index].revoked == nil else {
            throw LanternError(.keyRevoked, "key \(thumbprint) was already revoked on \(CredentialDate.format(all[index].revoked!))")
        }
        try checkDisposal(disposal)
        var newKey: SigningKey?
        if all[index].isActive {
            let key = SigningKey.generate()
            try writePrivateKey(key)
            all.append(Entry(thumbprint: key.thumbprint, publicJWK: key.publicJWK, created: now))
            newKey = key
        }
        all[index].revoked = now
        if all[index].retired == nil { all[index].retired = now }
        try writeManifest(all)
        return Change(newKey: newKey, ended: [thumbprint], disposed: try disposeEndedKeys(all, disposal))
    }

    /// The entry a thumbprint or a `kid` (`…#<thumbprint>`) names.
    public func entry(named key: String) throws(LanternError) -> Entry {
        try entry(named: key, in: entries())
    }

    private func entry(named key: String, in all: [Entry]) throws(LanternError) -> Entry {
        let thumbprint = key.split(separator: "#", omittingEmptySubsequences: false).last.map(String.init) ?? key
        guard let found = all.first(where: { $0.thumbprint == thumbprint }) else { throw unknownKey(key) }
        return found
    }

    private func unknownKey(_ key: String) -> LanternError {
        LanternError(.keyUnknown, "no key \(key) in \(display(Self.manifestName))", hint: "'lantern keys list' shows every key")
    }

    /// The active private key, after checking its file is not readable by anyone else.
    public func activeKey() throws(LanternError) -> SigningKey {
        let active = try entries().filter(\.isActive)
        guard let only = active.first else {
            throw LanternError(.keysMissing, "no signing key in \(displayFolder)", hint: "run 'lantern keys generate'")
        }
        guard active.count == 1 else {
            throw LanternError(.keysInvalid, "\(display(Self.manifestName)) marks \(active.count) keys active; exactly one may sign",
                               hint: "run 'lantern keys rotate' to retire them all and make one new key")
        }
        return try loadPrivateKey(only.thumbprint)
    }

    /// The private key of `thumbprint` for signing: only the active key. A retired or revoked
    /// key is refused even when its private key file is present again (restored from a backup,
    /// copied back by hand), so nothing new is ever signed with it.
    public func signingKey(_ thumbprint: String) throws(LanternError) -> SigningKey {
        let entry = try entry(named: thumbprint)
        if let revoked = entry.revoked {
            throw LanternError(.keyRevoked, "key \(entry.thumbprint) was revoked on \(CredentialDate.format(revoked)); it signs nothing")
        }
        if let retired = entry.retired {
            throw LanternError(.keyRetired, "key \(entry.thumbprint) was retired on \(CredentialDate.format(retired)); a retired key signs nothing",
                               hint: "the active key signs: 'lantern keys list' shows it")
        }
        return try activeKey()
    }

    /// Private key files in the workspace of keys that are no longer active (a release before
    /// issue 20 kept them after a rotation); ``rotate(now:disposal:)`` removes them.
    public func leftoverPrivateKeys() throws(LanternError) -> [String] {
        try entries().filter { !$0.isActive && mode(of: $0.thumbprint) != nil }.map(\.thumbprint)
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
            throw LanternError(.keyMissing, "the private key file \(shown) is missing")
        }
        guard mode & 0o077 == 0 else {
            throw LanternError(.keyPermissions, "private key \(shown) is readable by others (mode \(String(mode, radix: 8))); refusing to use it",
                               hint: "run 'chmod 600 \(shown)' if nobody else could have read it, otherwise 'lantern keys rotate'")
        }
        let pem: String
        do { pem = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LanternError(.keyUnreadable, "cannot read \(shown)")
        }
        let key: P256.Signing.PrivateKey
        do { key = try P256.Signing.PrivateKey(pemRepresentation: pem) } catch {
            throw LanternError(.keyInvalid, "\(shown) is not a P-256 private key in PEM form")
        }
        let signingKey = SigningKey(key)
        guard signingKey.thumbprint == thumbprint else {
            throw LanternError(.keyInvalid, "\(shown) holds a different key than its name says")
        }
        return signingKey
    }

    /// Refuses a move into the workspace (where the build, a backup or a content author could
    /// still reach the key) or into a folder that does not exist, before anything changes.
    private func checkDisposal(_ disposal: Disposal) throws(LanternError) {
        guard case .moveTo(let destination) = disposal else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder), isFolder.boolValue,
              let target = Platform.realPath(destination.path) else {
            throw LanternError(.keyArchive, "\(destination.path) is not a folder", hint: "create it first, somewhere outside the workspace (an encrypted drive, a safe)")
        }
        let workspace = folder.deletingLastPathComponent().deletingLastPathComponent()
        if let root = Platform.realPath(workspace.path), target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            throw LanternError(.keyArchive, "\(destination.path) is inside the workspace; a retired key must leave it",
                               hint: "give a folder outside \(workspace.path), or leave out --move-old-key-to to destroy the key")
        }
    }

    /// Disposes of the private key file of every key in `all` that is not active.
    private func disposeEndedKeys(_ all: [Entry], _ disposal: Disposal) throws(LanternError) -> [(thumbprint: String, movedTo: String?)] {
        var disposed: [(thumbprint: String, movedTo: String?)] = []
        for entry in all where !entry.isActive && mode(of: entry.thumbprint) != nil {
            let path = privateKeyURL(entry.thumbprint).path
            let shown = display("\(entry.thumbprint).pem")
            var movedTo: String?
            if case .moveTo(let destination) = disposal {
                let target = destination.appendingPathComponent("\(entry.thumbprint).pem").path
                let bytes: [UInt8]
                do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                    throw LanternError(.keyUnreadable, "cannot read \(shown) to move it")
                }
                do { try Platform.writeNewPrivateFile(target, contents: bytes) } catch {
                    throw LanternError(.keyArchive, "cannot write \(target): \(error.message); \(shown) was left in place",
                                       hint: "the key is retired all the same (it signs nothing); move or delete the file yourself")
                }
                movedTo = target
            }
            do { try Platform.destroyFile(path) } catch {
                throw LanternError(.keyUnwritable, "cannot remove \(shown): \(error.message)",
                                   hint: "the key is retired all the same (it signs nothing); delete the file yourself")
            }
            disposed.append((entry.thumbprint, movedTo))
        }
        return disposed
    }

    private func ensureFolder() throws(LanternError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw LanternError(.keysUnwritable, "cannot create \(displayFolder)")
        }
    }

    private func writePrivateKey(_ key: SigningKey) throws(LanternError) {
        try ensureFolder()
        // Created with 0600 from the start (never a moment where others could read it),
        // exclusively, and flushed before the manifest names it.
        do { try Platform.writeNewPrivateFile(privateKeyURL(key.thumbprint).path, contents: Array(key.privateKey.pemRepresentation.utf8)) } catch {
            throw LanternError(.keyUnwritable, "cannot create \(display("\(key.thumbprint).pem")): \(error.message)")
        }
    }

    private func writeManifest(_ entries: [Entry]) throws(LanternError) {
        try ensureFolder()
        let keys: [JSONValue] = entries.map { entry in
            var object = JSONObject([("kid", .string(entry.thumbprint)), ("created", .string(CredentialDate.format(entry.created)))])
            if let retired = entry.retired { object["retired"] = .string(CredentialDate.format(retired)) }
            if let revoked = entry.revoked { object["revoked"] = .string(CredentialDate.format(revoked)) }
            object["jwk"] = entry.publicJWK.json(kid: entry.thumbprint)
            return .object(object)
        }
        let text = JSONValue.object(JSONObject([("keys", .array(keys))])).prettySerialized
        do { try Data(text.utf8).write(to: manifestURL, options: .atomic) } catch {
            throw LanternError(.keysUnwritable, "cannot write \(display(Self.manifestName))")
        }
    }
}
