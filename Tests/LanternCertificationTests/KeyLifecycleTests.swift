import Crypto
import Foundation
import LanternApplication
import LanternCertification
import LanternDiagnostics
import LanternTestSupport
import Testing

/// Issue 20, keys: rotation retires the old key (its private key leaves the workspace, its
/// public key stays published with a `retired` date), revocation disowns everything a
/// compromised key signed, and the verifiers — `cert verify` and the browser's, which must
/// agree — refuse a credential dated after its key's retirement and any credential of a revoked
/// key. Before the fix `keys rotate` kept the old private key on disk and published its public
/// key with no end date, so it could still sign credentials that verified.
@Suite(.serialized) struct KeyLifecycleTests {
    let fixture = CertificateFixture()

    private func pemPath(_ root: URL, _ thumbprint: String) -> String {
        root.appendingPathComponent(".lantern/keys/\(thumbprint).pem").path
    }

    // MARK: The key store

    @Test func rotationDestroysTheOldPrivateKeyAndPublishesItsRetirement() throws {
        let folder = try TemporaryFolder()
        let store = KeyStore(workspaceRoot: folder.url)
        let old = try store.generate()
        let oldPEM = try String(contentsOfFile: pemPath(folder.url, old.thumbprint), encoding: .utf8)
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let change = try store.rotate(now: at)
        let new = try #require(change.newKey)
        #expect(change.ended == [old.thumbprint])
        #expect(change.disposed.map(\.thumbprint) == [old.thumbprint] && change.disposed.allSatisfy { $0.movedTo == nil })
        #expect(!FileManager.default.fileExists(atPath: pemPath(folder.url, old.thumbprint)), "the retired private key is gone")
        #expect(store.mode(of: new.thumbprint) == 0o600)
        #expect(try store.entries().first?.retired == at)
        // Published with the date, so a verifier can tell before from after.
        let profile = IssuerProfile(identity: fixture.identity, keys: try store.publishedKeys())
        let jwks = try JSONParser.parse(profile.jwks.serialized)
        let listed = try #require(jwks["keys"]?.arrayValue)
        #expect(listed.count == 2)
        #expect(listed.first { $0["kid"]?.stringValue == fixture.identity.keyID(old.thumbprint) }?["retired"]?.stringValue == CredentialDate.format(at))
        #expect(listed.first { $0["kid"]?.stringValue == fixture.identity.keyID(new.thumbprint) }?["retired"] == nil)

        // The signer refuses a retired key even when its file comes back (a backup restored).
        try Platform.writeNewPrivateFile(pemPath(folder.url, old.thumbprint), contents: Array(oldPEM.utf8))
        #expect { try store.signingKey(old.thumbprint) } throws: { ($0 as? LanternError)?.is(.keyRetired) == true }
        #expect(try store.signingKey(new.thumbprint).thumbprint == new.thumbprint)
        #expect(try store.activeKey().thumbprint == new.thumbprint)
        // ... and the next rotation removes such a leftover (as it does the third release's).
        #expect(try store.leftoverPrivateKeys() == [old.thumbprint])
        let next = try store.rotate()
        #expect(Set(next.disposed.map(\.thumbprint)) == [old.thumbprint, new.thumbprint])
        #expect(try store.leftoverPrivateKeys().isEmpty)
    }

    @Test func rotationsAtOnceTakeTurns() throws {
        // Before the lock, two rotations at once each retired the old key and wrote a manifest
        // naming only their own new key: the other new key signed what nothing published.
        let folder = try TemporaryFolder()
        _ = try KeyStore(workspaceRoot: folder.url).generate()
        let made = Locked<[String]>([])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            do {
                if let key = try KeyStore(workspaceRoot: folder.url).rotate().newKey { made.withLock { $0.append(key.thumbprint) } }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        let entries = try KeyStore(workspaceRoot: folder.url).entries()
        let failed = failures.withLock { $0 }
        #expect(failed.isEmpty, "\(failed)")
        #expect(entries.count == 13, "every rotation's key is in the manifest")
        #expect(Set(made.withLock { $0 }).isSubset(of: Set(entries.map(\.thumbprint))))
        #expect(entries.filter(\.isActive).count == 1)
        #expect(try KeyStore(workspaceRoot: folder.url).leftoverPrivateKeys().isEmpty)
    }

    @Test func movingTheOldKeyOutRefusesAFolderInsideTheWorkspace() throws {
        let folder = try TemporaryFolder()
        let store = KeyStore(workspaceRoot: folder.url)
        let old = try store.generate()
        let pem = try Data(contentsOf: URL(fileURLWithPath: pemPath(folder.url, old.thumbprint)))
        for inside in [folder.url, folder.url.appendingPathComponent("site"), folder.url.appendingPathComponent(".lantern/keys")] {
            try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
            #expect { try store.rotate(disposal: .moveTo(inside)) } throws: { ($0 as? LanternError)?.is(.keyArchive) == true }
        }
        #expect { try store.rotate(disposal: .moveTo(folder.url.appendingPathComponent("absent"))) } throws: { ($0 as? LanternError)?.is(.keyArchive) == true }
        #expect(try store.entries().count == 1 && store.activeKey().thumbprint == old.thumbprint, "nothing changed when refused")

        let safe = try TemporaryFolder()
        let change = try store.rotate(disposal: .moveTo(safe.url))
        let moved = safe.url.appendingPathComponent("\(old.thumbprint).pem")
        #expect(change.disposed.first?.movedTo == moved.path)
        #expect(try Data(contentsOf: moved) == pem, "the same key, whole")
        #expect((try FileManager.default.attributesOfItem(atPath: moved.path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(!FileManager.default.fileExists(atPath: pemPath(folder.url, old.thumbprint)))
    }

    @Test func revokingTheActiveKeyMakesANewOneAndLeavesTheKeySet() throws {
        let folder = try TemporaryFolder()
        let store = KeyStore(workspaceRoot: folder.url)
        let first = try store.generate()
        let second = try #require(try store.rotate().newKey)
        #expect { try store.revoke("nope") } throws: { ($0 as? LanternError)?.is(.keyUnknown) == true }
        let change = try store.revoke(fixture.identity.keyID(second.thumbprint))
        let third = try #require(change.newKey, "the active key was revoked, so a new one signs")
        #expect(try store.activeKey().thumbprint == third.thumbprint)
        #expect(!FileManager.default.fileExists(atPath: pemPath(folder.url, second.thumbprint)))
        #expect { try store.revoke(second.thumbprint) } throws: { ($0 as? LanternError)?.is(.keyRevoked) == true }
        #expect { try store.signingKey(second.thumbprint) } throws: { ($0 as? LanternError)?.is(.keyRevoked) == true }
        // Revoking a retired key makes no new one.
        #expect(try store.revoke(first.thumbprint).newKey == nil)
        let jwks = try JSONParser.parse(IssuerProfile(identity: fixture.identity, keys: try store.publishedKeys()).jwks.serialized)
        #expect(jwks["keys"]?.arrayValue?.compactMap { $0["kid"]?.stringValue } == [fixture.identity.keyID(third.thumbprint)],
                "revoked keys are not in the key set, so no verifier that ignores 'revoked' accepts them")
        #expect(Set(jwks["revoked"]?.arrayValue?.compactMap { $0["kid"]?.stringValue } ?? []) == [fixture.identity.keyID(first.thumbprint), fixture.identity.keyID(second.thumbprint)])
    }

    // MARK: The verifiers (CLI and browser agree)

    /// One issuer whose first key was retired at `retiredAt`, a second key that was revoked and
    /// a third active one; credentials signed by each, dated before and after.
    private func issuerFiles() throws -> BrowserHarness.Files {
        let retiredKey = SigningKey.generate(), revokedKey = SigningKey.generate()
        let now = fixture.now
        let retiredAt = now.addingTimeInterval(-10 * 86_400)
        let profile = IssuerProfile(identity: fixture.identity, keys: [
            PublishedKey(retiredKey.publicJWK, retired: retiredAt),
            PublishedKey(revokedKey.publicJWK, retired: now.addingTimeInterval(-86_400), revoked: now.addingTimeInterval(-86_400)),
            PublishedKey(fixture.key.publicJWK),
        ])
        func credential(_ key: SigningKey, from: Date, index: Int = 7) throws -> String {
            try fixture.credential(index: index, validFrom: from).signed(with: key)
        }
        return BrowserHarness.Files(
            issuer: profile.json.serialized, jwks: profile.jwks.serialized, statusList: try fixture.statusList([9: .revoked]),
            credentials: [
                "retired-before": try credential(retiredKey, from: retiredAt.addingTimeInterval(-86_400)),
                "retired-at": try credential(retiredKey, from: retiredAt),
                "retired-after": try credential(retiredKey, from: retiredAt.addingTimeInterval(1)),
                "retired-before-revoked-status": try credential(retiredKey, from: retiredAt.addingTimeInterval(-86_400), index: 9),
                "revoked-long-before": try credential(revokedKey, from: now.addingTimeInterval(-400 * 86_400)),
                "revoked-recent": try credential(revokedKey, from: now.addingTimeInterval(-2 * 86_400)),
                "active": try credential(fixture.key, from: now.addingTimeInterval(-86_400)),
            ],
            now: now)
    }

    private static let expected = [
        "retired-before": "valid", "retired-at": "valid", "retired-after": "invalid", "retired-before-revoked-status": "revoked",
        "revoked-long-before": "invalid", "revoked-recent": "invalid", "active": "valid",
    ]

    @Test func cliRefusesRetiredAfterItsDateAndEverythingOfARevokedKey() throws {
        let files = try issuerFiles()
        #expect(BrowserHarness.cliVerdicts(files) == Self.expected)
        let verifier = CredentialVerifier(issuerProfile: files.issuer, keys: files.jwks, statusList: files.statusList, now: files.now)
        let after = verifier.verify(files.credentials["retired-after"]!)
        #expect(after.failingStep == "issuer")
        #expect(after.step("issuer")?.detail.contains("retired key") == true, "\(after.text)")
        let revoked = verifier.verify(files.credentials["revoked-long-before"]!)
        #expect(revoked.step("issuer")?.detail.contains("revoked key") == true, "\(revoked.text)")
        // A verifier that knows nothing of Lantern sees no revoked key in the set at all.
        #expect(try IssuerProfile.resolve(files.issuer, jwks: files.jwks).keys.count == 2)
    }

    @Test func statusListSignedByARetiredOrRevokedKeyCannotBeUsed() throws {
        let retiredKey = SigningKey.generate(), revokedKey = SigningKey.generate()
        let profile = IssuerProfile(identity: fixture.identity, keys: [
            PublishedKey(retiredKey.publicJWK, retired: fixture.now.addingTimeInterval(-60)),
            PublishedKey(revokedKey.publicJWK, retired: fixture.now, revoked: fixture.now),
            PublishedKey(fixture.key.publicJWK),
        ])
        let credential = try fixture.credential().signed(with: fixture.key)
        for (signer, verdict) in [(retiredKey, VerificationReport.Verdict.cannotCheck), (revokedKey, .cannotCheck), (fixture.key, .valid)] {
            let list = try fixture.statusList(signedWith: signer)   // dated now: after the retirement
            let verifier = CredentialVerifier(issuerProfile: profile.json.serialized, keys: profile.jwks.serialized, statusList: list, now: fixture.now)
            #expect(verifier.verify(credential).verdict == verdict)
        }
    }

    @Test func nodeAgreesWithTheCLI() throws {
        let files = try issuerFiles()
        guard let browser = try BrowserHarness.nodeVerdicts(files) else {
            print("skipped: no node to run the browser verifier; the Chromium test covers it")
            return
        }
        #expect(browser == Self.expected, "node: \(browser)")
    }

    @Test func chromiumAgreesWithTheCLI() throws {
        let files = try issuerFiles()
        guard let browser = try BrowserHarness.chromiumVerdicts(files) else {
            print("skipped: headless Chromium is not installed (apt-get install chromium)")
            return
        }
        #expect(browser == Self.expected, "chromium: \(browser)")
    }

    // MARK: The previous release's certificates

    /// The fixture credentials (made by release ac5aaf9) verify as before after their key is
    /// retired later than they were issued — and are refused once it is revoked.
    @Test func releaseFixtureCredentialsSurviveRetirementNotRevocation() throws {
        let folder = LegacyCredentialTests.folder
        let read = { (path: String) in try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }
        let oldProfile = try IssuerProfile.resolve(try read("issuer.json"))
        let identity = IssuerIdentity(id: oldProfile.id, name: oldProfile.name ?? "", url: nil, email: nil,
                                      baseURL: String(oldProfile.id.dropLast("issuer.json".count)))
        let oldKey = try #require(oldProfile.legacyKeys.values.first)
        let newKey = SigningKey.generate()
        let credentials = ["active": try read("credentials/\(LegacyCredentialTests.active)/credential.jwt"),
                           "suspended": try read("credentials/\(LegacyCredentialTests.suspended)/credential.jwt")]
        let list = try read("status/list.jwt")
        let retiredLater = IssuerProfile(identity: identity, keys: [PublishedKey(oldKey, retired: CredentialDate.parse("2027-01-01T00:00:00Z")!),
                                                                   PublishedKey(newKey.publicJWK)])
        let revoked = IssuerProfile(identity: identity, keys: [PublishedKey(oldKey, retired: LegacyCredentialTests.at, revoked: LegacyCredentialTests.at),
                                                              PublishedKey(newKey.publicJWK)])
        let retiredFiles = BrowserHarness.Files(issuer: retiredLater.json.serialized, jwks: retiredLater.jwks.serialized, statusList: list,
                                                credentials: credentials, now: LegacyCredentialTests.at)
        #expect(BrowserHarness.cliVerdicts(retiredFiles) == ["active": "valid", "suspended": "suspended"])
        // The old profile itself, as published by that release, still gives the same verdicts.
        let asPublished = BrowserHarness.Files(issuer: try read("issuer.json"), jwks: nil, statusList: list, credentials: credentials, now: LegacyCredentialTests.at)
        #expect(BrowserHarness.cliVerdicts(asPublished) == ["active": "valid", "suspended": "suspended"])
        // Revoked: its status list is signed by the same key, so it is no longer believed either.
        let revokedFiles = BrowserHarness.Files(issuer: revoked.json.serialized, jwks: revoked.jwks.serialized, statusList: list,
                                                credentials: credentials, now: LegacyCredentialTests.at)
        #expect(BrowserHarness.cliVerdicts(revokedFiles) == ["active": "invalid", "suspended": "invalid"])
        for files in [retiredFiles, asPublished, revokedFiles] {
            if let browser = try BrowserHarness.nodeVerdicts(files) { #expect(browser == BrowserHarness.cliVerdicts(files), "node: \(browser)") }
        }
        if let browser = try BrowserHarness.chromiumVerdicts(retiredFiles) { #expect(browser == ["active": "valid", "suspended": "suspended"]) }
        if let browser = try BrowserHarness.chromiumVerdicts(revokedFiles) { #expect(browser == ["active": "invalid", "suspended": "invalid"]) }
    }

    // MARK: End to end, as an administrator would

    /// `keys rotate` asks first and removes the old private key; a credential forged afterwards
    /// with the old key material (saved before the rotation) is refused by `cert verify` and by
    /// the browser; `keys revoke` disowns every credential the key signed, lists them for
    /// reissue, and signs the status list again with the active key.
    @Test func rotateThenRevokeThroughTheCommands() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        let env = ["LANTERN_DB": setup.dbPath]
        let root = setup.folder.url
        func lantern(_ arguments: [String]) throws -> LanternProcess.Result {
            try LanternProcess.run(arguments, in: root, environment: env)
        }
        #expect(try lantern(["cert", "issue", "--all-eligible", "--allow-placeholder"]).status == 0)
        let issued = try #require(try setup.store.certificates().first)
        let old = try #require(try KeyStore(workspaceRoot: root).entries().first)
        let savedPEM = try String(contentsOfFile: pemPath(root, old.thumbprint), encoding: .utf8)

        let unconfirmed = try lantern(["keys", "rotate"])
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stderr.contains("--yes"), "\(unconfirmed.stderr)")
        #expect(FileManager.default.fileExists(atPath: pemPath(root, old.thumbprint)), "nothing changed without confirmation")
        let rotated = try lantern(["keys", "rotate", "--yes"])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(rotated.stdout.contains("destroyed the private key of \(old.thumbprint)"), "\(rotated.stdout)")
        #expect(!FileManager.default.fileExists(atPath: pemPath(root, old.thumbprint)))
        let retiredAt = try #require(try KeyStore(workspaceRoot: root).entries().first?.retired)
        #expect(try lantern(["keys", "list"]).stdout.contains("private key gone"))

        // The old key signs a credential dated after its retirement: forged, as a thief would.
        let oldKey = SigningKey(try P256.Signing.PrivateKey(pemRepresentation: savedPEM))
        var payload = try #require(try CompactJWS(parsing: issued.jwt).payload.objectValue)
        let forgedFrom = retiredAt.addingTimeInterval(60)
        payload["validFrom"] = .string(CredentialDate.format(forgedFrom))
        payload["nbf"] = .int(Int(forgedFrom.timeIntervalSince1970))
        let forged = try CompactJWS.sign(payload: .object(payload), key: oldKey, kid: try CompactJWS(parsing: issued.jwt).keyID ?? "",
                                         type: CredentialSigner.mediaType)
        let published = try lantern(["cert", "publish", "-o", "out"])
        #expect(published.status == 0, "\(published.stderr)")
        let out = root.appendingPathComponent("out")
        _ = try setup.folder.write("forged.jwt", forged)
        let at = CredentialDate.format(forgedFrom.addingTimeInterval(60))
        func verify(_ file: String) throws -> LanternProcess.Result {
            try LanternProcess.run(["cert", "verify", file, "--issuer", "out/issuer.json", "--status", "out/status/list.jwt", "--at", at], in: root)
        }
        let genuine = try verify("out/credentials/\(issued.id)/credential.jwt")
        #expect(genuine.status == 0, "what the old key signed before still verifies: \(genuine.stdout)")
        let refused = try verify("forged.jwt")
        #expect(refused.status == 1, "\(refused.stdout)")
        #expect(refused.stdout.contains("retired key"), "\(refused.stdout)")
        let read = { (name: String) in try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) }
        let files = BrowserHarness.Files(issuer: try read("issuer.json"), jwks: try read("jwks.json"), statusList: try read("status/list.jwt"),
                                         credentials: ["genuine": try read("credentials/\(issued.id)/credential.jwt"), "forged": forged],
                                         now: forgedFrom.addingTimeInterval(60))
        #expect(BrowserHarness.cliVerdicts(files) == ["genuine": "valid", "forged": "invalid"])
        if let node = try BrowserHarness.nodeVerdicts(files) { #expect(node == ["genuine": "valid", "forged": "invalid"], "node: \(node)") }
        if let chromium = try BrowserHarness.chromiumVerdicts(files) { #expect(chromium == ["genuine": "valid", "forged": "invalid"], "chromium: \(chromium)") }

        // Revoked: the genuine certificate stops verifying too, and is listed for reissue.
        // After "--": a thumbprint may begin with "-" (base64url), as the help says.
        let revoked = try lantern(["keys", "revoke", "--yes", "--", old.thumbprint])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(revoked.stdout.contains("lantern cert reissue \(issued.id)"), "\(revoked.stdout)")
        #expect(revoked.stdout.contains("signed the status list again"))
        #expect(try lantern(["cert", "publish", "-o", "out"]).status == 0)
        // The records' audit chain says when each key was made, retired and revoked (the keys
        // live outside the database); before, nothing in the records showed a key change.
        let keyRows = try setup.store.auditEntries().filter { $0.subjectType == "signing_key" }.map { "\($0.action) \($0.subjectID)" }
        let newest = try #require(try KeyStore(workspaceRoot: root).entries().last?.thumbprint)
        let rotatedTo = try #require(try KeyStore(workspaceRoot: root).entries().dropFirst().first?.thumbprint)
        #expect(keyRows == ["signing-key.created \(rotatedTo)", "signing-key.retired \(old.thumbprint)",
                            "signing-key.revoked \(old.thumbprint)"] + (newest == rotatedTo ? [] : ["signing-key.created \(newest)"]), "\(keyRows)")
        #expect(try lantern(["db", "check"]).status == 0)
        let afterRevocation = try verify("out/credentials/\(issued.id)/credential.jwt")
        #expect(afterRevocation.status == 1, "\(afterRevocation.stdout)")
        #expect(afterRevocation.stdout.contains("revoked key"))
        let list = try read("status/list.jwt")
        #expect(try CompactJWS(parsing: list).keyID?.hasSuffix(old.thumbprint) == false, "the status list is signed by the active key now")
        let reissued = try lantern(["cert", "reissue", issued.id, "--yes", "--allow-placeholder"])
        #expect(reissued.status == 0, "\(reissued.stderr)")
        #expect(try lantern(["cert", "publish", "-o", "out"]).status == 0)
        let replacement = try #require(try setup.store.certificates().first { $0.reissues == issued.id })
        let fresh = try LanternProcess.run(["cert", "verify", "out/credentials/\(replacement.id)/credential.jwt", "--issuer", "out/issuer.json",
                                            "--status", "out/status/list.jwt"], in: root)
        #expect(fresh.status == 0, "\(fresh.stdout)")
        let revokedFiles = BrowserHarness.Files(issuer: try read("issuer.json"), jwks: try read("jwks.json"), statusList: try read("status/list.jwt"),
                                                credentials: ["old": issued.jwt, "replacement": replacement.jwt], now: Date())
        #expect(BrowserHarness.cliVerdicts(revokedFiles) == ["old": "invalid", "replacement": "valid"])
        if let node = try BrowserHarness.nodeVerdicts(revokedFiles) { #expect(node == ["old": "invalid", "replacement": "valid"], "node: \(node)") }
    }
}
