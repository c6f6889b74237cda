import Foundation
import LanternCertification
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// Correcting a certificate holder's details (issue 18): the trainee is told which
/// certificates name the old details, and `cert reissue` replaces one, linked, in one step.
@Suite("certificate corrections")
struct CertificateCorrectionTests {
    @Test("a new email names certificates issued to the old one, and reissue replaces them with the same expiry")
    func reissueAfterEmailChange() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        let first = try setup.service().issue(trainee: setup.traineeID)
        let env = ["LANTERN_DB": setup.dbPath]

        let edited = try LanternProcess.run(["trainee", "edit", setup.traineeID, "--email", "alex.new@example.org"],
                                            in: setup.folder.url, environment: env)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("certificate \(first.id) names its holder by a hash of the old email address"))
        #expect(edited.stdout.contains("lantern cert reissue \(first.id)"))
        #expect(!edited.stdout.contains("alex@example.org"))

        let refused = try LanternProcess.run(["cert", "reissue", first.id, "--allow-placeholder"], in: setup.folder.url, environment: env)
        #expect(refused.status == 1)
        #expect(try setup.store.certificate(first.id).status == .active)

        let reissued = try LanternProcess.run(["cert", "reissue", first.id, "--yes", "--allow-placeholder"], in: setup.folder.url, environment: env)
        #expect(reissued.status == 0, "\(reissued.stderr)")
        let old = try setup.store.certificate(first.id)
        #expect(old.status == .revoked)
        #expect(old.statusReason == "superseded")
        let new = try #require(try setup.store.certificates(trainee: setup.traineeID).first { $0.reissues == first.id })
        #expect(new.status == .active)
        #expect(new.validUntil == first.validUntil)
        #expect(new.evidence == first.evidence)
        // The new credential names the holder by the new email.
        let report = try setup.service().verifier().verify(new.jwt, email: "alex.new@example.org")
        #expect(report.verdict == .valid)
        #expect(report.step("recipient")?.status == .pass)
        #expect(try LanternProcess.run(["cert", "list"], in: setup.folder.url, environment: env).stdout.contains("replaces \(first.id)"))
        // A revoked certificate is not reissued again.
        #expect(try LanternProcess.run(["cert", "reissue", first.id, "--yes", "--allow-placeholder"], in: setup.folder.url, environment: env).status == 1)
    }

    @Test("--all-eligible says who was skipped and why")
    func allEligibleListsSkipped() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        let nomail = try setup.store.addTrainee(NewTrainee(name: "No Mail"))
        let env = ["LANTERN_DB": setup.dbPath]
        let issued = try LanternProcess.run(["cert", "issue", "--all-eligible", "--allow-placeholder"], in: setup.folder.url, environment: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.stdout.contains("issued "))
        #expect(issued.stdout.contains("skipped \(nomail.id): not yet met: intro-quiz"), "\(issued.stdout)")
        let again = try LanternProcess.run(["cert", "issue", "--all-eligible", "--allow-placeholder"], in: setup.folder.url, environment: env)
        #expect(again.stdout.contains("skipped \(setup.traineeID): already holds certificate"))
        #expect(again.stdout.contains("no trainee is newly eligible"))
    }

    @Test("a trainee who meets every requirement but has no email is told how to add one")
    func noEmailSaysWhatToDo() throws {
        let setup = try CertificateLifecycleTests.setup(email: nil)
        try CertificateLifecycleTests.complete(setup)
        let env = ["LANTERN_DB": setup.dbPath]
        let issued = try LanternProcess.run(["cert", "issue", setup.traineeID, "--allow-placeholder"], in: setup.folder.url, environment: env)
        #expect(issued.status == 1)
        #expect(issued.stderr.contains("lantern trainee edit \(setup.traineeID) --email"))
        let all = try LanternProcess.run(["cert", "issue", "--all-eligible", "--allow-placeholder"], in: setup.folder.url, environment: env)
        #expect(all.stdout.contains("skipped \(setup.traineeID): meets every requirement but has no email address"))
    }

    @Test("one percent rule everywhere: one decimal at most, rounded down")
    func percentRule() {
        #expect(Wording.percent(1.0 / 21) == "4.7%")
        #expect(Wording.percent(11.0 / 14) == "78.5%")
        #expect(Wording.percent(0.7996) == "79.9%")
        #expect(Wording.percent(0.8) == "80%")
        #expect(Wording.percent(1) == "100%")
        #expect(Wording.percent(0) == "0%")
        #expect(Wording.count(1, "trainee") == "1 trainee")
        #expect(Wording.count(6, "trainee") == "6 trainees")
        #expect(Wording.count(32, "quiz attempt") == "32 quiz attempts")
    }

    @Test("the printable certificate shows the full name unless the trainee chose their preferred name")
    func printedNameFollowsTheSetting() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        let record = try setup.service().issue(trainee: setup.traineeID)
        let env = ["LANTERN_DB": setup.dbPath]
        #expect(try LanternProcess.run(["trainee", "edit", setup.traineeID, "--preferred-name", "Lex"], in: setup.folder.url, environment: env).status == 0)
        let legal = try LanternProcess.run(["cert", "export", record.id, "--format", "html"], in: setup.folder.url, environment: env)
        #expect(legal.stdout.contains("Alex Example"))
        let edited = try LanternProcess.run(["trainee", "edit", setup.traineeID, "--print-name", "preferred"], in: setup.folder.url, environment: env)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("lantern cert reissue \(record.id)"))
        let preferred = try LanternProcess.run(["cert", "export", record.id, "--format", "html"], in: setup.folder.url, environment: env)
        #expect(preferred.stdout.contains("Lex"))
        #expect(!preferred.stdout.contains("Alex Example"))
    }
}
