import Foundation
import GRDB
import LanternCertification
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// Privacy by default (issue 20.6): credentials on the site only with consent, audit rows with
/// opaque ids only, erasure that completes or fails loudly and issues nothing afterwards.
@Suite struct PrivacyByDefaultTests {
    @Test func aCredentialIsPublishedOnlyWithItsHoldersConsent() throws {
        #expect(NewTrainee(name: "Someone").credentialConsent == false, "consent defaults to no")
        let setup = try CertificateLifecycleTests.setup(credentialConsent: false)
        try CertificateLifecycleTests.complete(setup)
        let record = try setup.service().issue(trainee: setup.traineeID)
        let env = ["LANTERN_DB": setup.dbPath]
        let page = setup.folder.url.appendingPathComponent("site/credentials/\(record.id)/credential.jwt")

        let built = try LanternProcess.run(["build"], in: setup.folder.url, environment: env)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: page.path), "published without the holder's consent")
        #expect(FileManager.default.fileExists(atPath: setup.folder.url.appendingPathComponent("site/issuer.json").path))
        // The holder shows their certificate themselves: the site verifies a pasted credential.
        let verifyPage = try String(contentsOf: setup.folder.url.appendingPathComponent("site/verify/index.html"), encoding: .utf8)
        #expect(verifyPage.contains("id=\"pasted-credential\"") && verifyPage.contains("verify-page.js"))

        let consent = try LanternProcess.run(["trainee", "consent", setup.traineeID, "--publish-credential", "yes"], in: setup.folder.url, environment: env)
        #expect(consent.status == 0, "\(consent.stderr)")
        #expect(try LanternProcess.run(["build"], in: setup.folder.url, environment: env).status == 0)
        #expect(FileManager.default.fileExists(atPath: page.path))

        #expect(try LanternProcess.run(["trainee", "consent", setup.traineeID, "--publish-credential", "no"], in: setup.folder.url, environment: env).status == 0)
        #expect(try LanternProcess.run(["build"], in: setup.folder.url, environment: env).status == 0)
        #expect(!FileManager.default.fileExists(atPath: page.path), "consent withdrawn, the page stays")
    }

    @Test func auditRowsHoldOpaqueIdsAndErasureClearsTheNamesBehindThem() throws {
        let setup = try CertificateLifecycleTests.setup()
        let env = ["LANTERN_DB": setup.dbPath]
        // The trainee records their own hours under their own name with --as.
        let logged = try LanternProcess.run(["hours", "log", setup.traineeID, "--hours", "1", "--ce", "ethics", "--as", "Alex Example"],
                                            in: setup.folder.url, environment: env)
        #expect(logged.status == 0, "\(logged.stderr)")
        let before = try setup.store.auditEntries()
        #expect(before.allSatisfy { !$0.actor.contains("Alex") && !$0.detail.contains("Alex") })
        #expect(try setup.store.principals().values.contains { $0.name == "Alex Example" })

        let erased = try LanternProcess.run(["trainee", "erase", setup.traineeID, "--yes"], in: setup.folder.url, environment: env)
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(try setup.store.auditEntries().prefix(before.count) == before[...], "erasure never rewrites the chain")
        #expect(!(try setup.store.principals().values.contains { $0.name == "Alex Example" }))
        #expect(try setup.store.check().isHealthy)
        let raw = try Data(contentsOf: URL(fileURLWithPath: setup.dbPath))
        #expect(raw.range(of: Data("Alex Example".utf8)) == nil, "the name is still in the database file")
    }

    @Test func anErasedTraineeIsIssuedNoCertificate() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        _ = try setup.store.eraseTrainee(setup.traineeID)
        #expect { try setup.service().issue(trainee: setup.traineeID) } throws: { error in
            (error as? LanternError)?.code == "trainee-erased"
        }
        #expect(try setup.service().eligibleTrainees().isEmpty)
        #expect(try setup.store.certificates().isEmpty)
    }

    @Test func erasureFailsLoudlyWhileAReaderHoldsAnOldSnapshot() throws {
        let setup = try CertificateLifecycleTests.setup()
        // Another program (a report, a learner) in the middle of a read transaction.
        let reader = try DatabasePool(path: setup.dbPath)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM trainee")
                holding.signal()
                release.wait()
            }
        }
        thread.start()
        holding.wait()
        #expect { _ = try setup.store.eraseTrainee(setup.traineeID, waitForReaders: 0.5) } throws: { error in
            (error as? LanternError)?.code == "erasure-incomplete"
        }
        release.signal()
        try reader.close()
        #expect(try setup.store.trainee(setup.traineeID).erasedAt != nil, "the records are erased even when the pages could not be flushed")
    }

    @Test func erasureRemovesThePreviousCopyOfTheSite() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        try setup.service().issue(trainee: setup.traineeID)   // a credential page naming the holder
        let old = setup.folder.url.appendingPathComponent(".site.old")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("Alex Example".utf8).write(to: old.appendingPathComponent("index.html"))
        let env = ["LANTERN_DB": setup.dbPath]
        // Two builds: the build keeps the site before the last one in .lantern/build/.
        for _ in 0..<2 { #expect(try LanternProcess.run(["build"], in: setup.folder.url, environment: env).status == 0) }
        let state = setup.folder.url.appendingPathComponent(".lantern/build")
        func previousCopies() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []).filter {
                FileManager.default.fileExists(atPath: state.appendingPathComponent($0).appendingPathComponent("previous").path)
            }
        }
        #expect(!previousCopies().isEmpty, "the build kept no previous copy, so this test shows nothing")
        let erased = try LanternProcess.run(["trainee", "erase", setup.traineeID, "--yes"], in: setup.folder.url, environment: env)
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(previousCopies().isEmpty)
        #expect(try LanternProcess.run(["build"], in: setup.folder.url, environment: env).status == 0, "the site still rebuilds after erasure")
    }
}
