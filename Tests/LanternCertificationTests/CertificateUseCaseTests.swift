import Foundation
import LanternApplication
import LanternCertification
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// The certificate jobs of the application layer in-process (issue 14): issue, revoke, suspend,
/// reinstate and renew are use cases the CLI calls (and the server will), each writing to the
/// sink it is given and signing the status list when it changes a status.
@Suite struct CertificateUseCaseTests {
    private func service(_ setup: CertificateLifecycleTests.Setup, as principal: Principal, now: Date = Date()) throws -> CertificateService {
        var service = try CertificateService(workspace: setup.workspace, store: setup.store.acting(as: principal.auditName),
                                             keys: KeyStore(workspaceRoot: setup.folder.url), now: now)
        service.allowPlaceholder = true
        return service
    }

    @Test func issueRevokeSuspendReinstateThroughTheUseCases() throws {
        let setup = try CertificateLifecycleTests.setup()
        let staff = Principal.sshPrincipal("staff-1")
        let service = try service(setup, as: staff)
        let output = CapturedOutput()
        #expect { try IssueCertificate(service: service, actor: staff, output: output).run(trainee: setup.traineeID) }
            throws: { ($0 as? LanternError)?.is(.requirementsNotMet) == true }
        let none = try IssueCertificate(service: service, actor: staff, output: output).runForAllEligible()
        #expect(none.isEmpty)
        #expect(output.text.contains("skipped \(setup.traineeID): "))
        #expect(output.text.hasSuffix("no trainee is newly eligible\n"))

        try CertificateLifecycleTests.complete(setup)
        let issuedOutput = CapturedOutput()
        let issued = try IssueCertificate(service: service, actor: staff, output: issuedOutput).runForAllEligible()
        let record = try #require(issued.first)
        #expect(issuedOutput.text == "issued \(record.id) to \(setup.traineeID), valid until \(record.validUntil.map { String($0.prefix(10)) } ?? "no expiry")\n")

        func listed() throws -> VerificationReport.Verdict {
            let publication = try service.publication()
            return CredentialVerifier(issuerProfile: publication.issuerJSON, keys: publication.jwksJSON,
                                      statusList: publication.statusListJWT).verify(record.jwt).verdict
        }
        #expect(try listed() == .valid)
        let changes = CapturedOutput()
        try ChangeCertificateStatus(service: service, actor: staff, output: changes).run(certificate: record.id, to: .suspended, reason: .investigation)
        #expect(try listed() == .suspended, "the status list is signed again by the job itself")
        try ChangeCertificateStatus(service: service, actor: staff, output: changes).run(certificate: record.id, to: .active, reason: .investigationCleared)
        #expect(try listed() == .valid)
        try ChangeCertificateStatus(service: service, actor: staff, output: changes).run(certificate: record.id, to: .revoked, reason: .fraud)
        #expect(try listed() == .revoked)
        #expect(changes.text == """
            suspended \(record.id) (investigation); build the site again so the published status list says so
            reinstated \(record.id) (investigation-cleared); build the site again so the published status list says so
            revoked \(record.id) (fraud); build the site again so the published status list says so

            """)
        #expect { try ChangeCertificateStatus(service: service, actor: staff, output: changes).run(certificate: record.id, to: .active, reason: .other) }
            throws: { ($0 as? LanternError)?.is(.certificateRevoked) == true }
    }

    /// The renewal job is the certificate service's renewal rules: refused before the window
    /// opens, whatever the continuing education.
    @Test func renewalUseCaseKeepsTheRenewalRules() throws {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        let staff = Principal.localOperator("office")
        let record = try IssueCertificate(service: try service(setup, as: staff), actor: staff, output: CapturedOutput()).run(trainee: setup.traineeID)
        let output = CapturedOutput()
        #expect { try RenewCertificate(service: try service(setup, as: staff), actor: staff, output: output).run(trainee: setup.traineeID) }
            throws: { ($0 as? LanternError)?.code == "renewal-not-open" }
        #expect(output.text.isEmpty)
        #expect(try setup.store.certificates().map(\.id) == [record.id], "nothing issued when refused")
    }
}
