import Foundation
import LanternCertification
import LanternTestSupport
import Testing

/// One publication path (issue 14): `lantern build` and `lantern cert publish` write the same
/// verification files through the same code, and a build signs nothing (issue 20): it never
/// opens a private key.
@Suite struct PublicationPathTests {
    /// A workspace with an issued and a revoked certificate, issued and revoked through the CLI.
    static func issued() throws -> (CertificateLifecycleTests.Setup, [String: String], [String]) {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        let env = ["LANTERN_DB": setup.dbPath]
        let issued = try LanternProcess.run(["cert", "issue", setup.traineeID, "--allow-placeholder"], in: setup.folder.url, environment: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        let ids = try setup.store.certificates().map(\.id)
        let revoked = try LanternProcess.run(["cert", "revoke", try #require(ids.first), "--reason", "issued-in-error", "--yes"],
                                             in: setup.folder.url, environment: env)
        #expect(revoked.status == 0, "\(revoked.stderr)")
        return (setup, env, ids)
    }

    @Test("lantern build publishes the status list the cert commands signed, with every private key unreadable")
    func buildOpensNoPrivateKey() throws {
        let (setup, env, ids) = try Self.issued()
        let signed = try setup.service().publication()
        // Every private key gone from reach: a build that opened one would fail.
        let keys = setup.folder.url.appendingPathComponent(".lantern/keys")
        for name in try FileManager.default.contentsOfDirectory(atPath: keys.path) where name.hasSuffix(".pem") {
            try FileManager.default.moveItem(at: keys.appendingPathComponent(name), to: setup.folder.url.appendingPathComponent(name + ".moved"))
        }
        let built = try LanternProcess.run(["build", "--output", "out"], in: setup.folder.url, environment: env)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try setup.folder.read("out/status/list.jwt") == signed.statusListJWT + "\n")
        #expect(try setup.folder.read("out/issuer.json") == signed.issuerJSON)
        #expect(try setup.folder.read("out/credentials/\(ids[0])/credential.jwt").hasPrefix("eyJ"))
    }

    @Test("a status changed behind Lantern's back stops the build until the list is signed again")
    func unsignedStatusStopsTheBuild() throws {
        let (setup, env, _) = try Self.issued()
        // The trainee's certificate was revoked: a second one, then suspended without the
        // command that signs. The build refuses to publish a list that says otherwise.
        #expect(try LanternProcess.run(["cert", "issue", setup.traineeID, "--allow-placeholder"], in: setup.folder.url, environment: env).status == 0)
        let store = setup.store
        let second = try store.certificates().first(where: { $0.status == .active })
        #expect(second != nil)
        if let second {
            _ = try store.setCertificateStatus(second.id, to: .suspended, reason: "investigation")
            let built = try LanternProcess.run(["build", "--output", "out"], in: setup.folder.url, environment: env)
            #expect(built.status == 1, "\(built.stdout)")
            #expect(built.stderr.contains("no signed status list matches the records"), "\(built.stderr)")
            #expect(built.stderr.contains("lantern cert publish"), "\(built.stderr)")
            #expect(!setup.folder.exists("out"))
            #expect(try LanternProcess.run(["cert", "publish", "-o", "verification"], in: setup.folder.url, environment: env).status == 0)
            #expect(try LanternProcess.run(["build", "--output", "out"], in: setup.folder.url, environment: env).status == 0)
        }
    }

    @Test("cert publish writes the build's verification files, byte for byte, and nothing else; it never replaces the built site")
    func certPublishIsTheVerificationSubset() throws {
        let (setup, env, ids) = try Self.issued()
        #expect(try LanternProcess.run(["build", "--output", "site"], in: setup.folder.url, environment: env).status == 0)
        let published = try LanternProcess.run(["cert", "publish", "-o", "verification"], in: setup.folder.url, environment: env)
        #expect(published.status == 0, "\(published.stderr)")
        let files = Corpus.snapshot(setup.folder.url.appendingPathComponent("verification"))
        let expected = Set(["issuer.json", "jwks.json", "status/list.jwt"] + ids.map { "credentials/\($0)/credential.jwt" })
        #expect(Set(files.keys) == expected)
        let site = Corpus.snapshot(setup.folder.url.appendingPathComponent("site"))
        for (path, data) in files { #expect(site[path] == data, "\(path) differs between build and cert publish") }

        // Into the built site: refused, the site untouched.
        let refused = try LanternProcess.run(["cert", "publish", "-o", "site"], in: setup.folder.url, environment: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds the site that 'lantern build' made"), "\(refused.stderr)")
        #expect(Corpus.snapshot(setup.folder.url.appendingPathComponent("site")) == site)
    }
}
