import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// Renewal (issue 20.3): continuing-education hours count once, renewal opens only in the
/// window before expiry set in program.yml, and the renewed certificate is superseded.
@Suite struct RenewalTests {
    /// The sample workspace with renewal needing 2 CE hours, all ethics (as in the attack), and
    /// a first certificate issued `now`.
    static func certified(window: String? = nil, now: Date) throws -> (CertificateLifecycleTests.Setup, CertificateRecord) {
        let setup = try CertificateLifecycleTests.setup()
        var program = try #require(SampleWorkspace.files["curriculum/program.yml"])
        program = program.replacingOccurrences(of: "ce_hours: 20", with: "ce_hours: 2")
            .replacingOccurrences(of: "ce_ethics_hours: 6", with: "ce_ethics_hours: 2" + (window.map { "\n    window: \($0)" } ?? ""))
        _ = try setup.folder.write("curriculum/program.yml", program)
        let workspace = try #require(WorkspaceLoader().load(at: setup.folder.url).workspace)
        let reloaded = CertificateLifecycleTests.Setup(folder: setup.folder, store: setup.store, workspace: workspace, traineeID: setup.traineeID)
        try CertificateLifecycleTests.complete(reloaded)
        let first = try reloaded.service(now: now).issue(trainee: reloaded.traineeID)
        return (reloaded, first)
    }

    @Test func tenRenewalsOnTwoEthicsHoursGiveOneCurrentCertificate() throws {
        let now = Date()
        let (setup, first) = try Self.certified(now: now)
        let inWindow = CredentialDate.adding(-30, .days, to: try #require(first.validUntil.flatMap(CredentialDate.parse)))
        _ = try setup.store.logHours(HoursEntry(traineeID: setup.traineeID, date: CredentialDate.formatDay(now), hours: 2,
                                                kind: .continuingEducation(category: "ethics")))
        var renewed = 0
        for _ in 0..<10 {
            if (try? setup.service(now: inWindow).renew(trainee: setup.traineeID)) != nil { renewed += 1 }
        }
        #expect(renewed == 1, "the same 2 hours renewed \(renewed) times")
        let all = try setup.store.certificates(trainee: setup.traineeID)
        #expect(all.count == 2)
        #expect(all.filter(\.isCurrent).count == 1, "never two current certificates")
        #expect(try setup.store.certificate(first.id).supersededBy != nil)
        // The second renewal is refused because the hours were used, not for a vaguer reason.
        #expect { try setup.service(now: inWindow).renew(trainee: setup.traineeID) } throws: { error in
            let error = error as? LanternError
            return error?.code == "renewal-not-open" || (error?.message.contains("0 of 2 hours") ?? false)
        }
    }

    @Test func renewalOnTheDayOfFirstIssueIsRefused() throws {
        let now = Date()
        let (setup, _) = try Self.certified(now: now)
        _ = try setup.store.logHours(HoursEntry(traineeID: setup.traineeID, date: CredentialDate.formatDay(now), hours: 2,
                                                kind: .continuingEducation(category: "ethics")))
        #expect { try setup.service(now: now).renew(trainee: setup.traineeID) } throws: { error in
            (error as? LanternError)?.code == "renewal-not-open"
        }
        #expect(try setup.store.certificates(trainee: setup.traineeID).count == 1)
    }

    @Test func theWindowComesFromProgramYAML() throws {
        let now = Date()
        let (setup, first) = try Self.certified(window: "30d", now: now)
        let until = try #require(first.validUntil.flatMap(CredentialDate.parse))
        _ = try setup.store.logHours(HoursEntry(traineeID: setup.traineeID, date: CredentialDate.formatDay(now),
                                                hours: 2, kind: .continuingEducation(category: "ethics")))
        #expect { try setup.service(now: CredentialDate.adding(-40, .days, to: until)).renew(trainee: setup.traineeID) } throws: { error in
            (error as? LanternError)?.code == "renewal-not-open"
        }
        let renewed = try setup.service(now: CredentialDate.adding(-20, .days, to: until)).renew(trainee: setup.traineeID)
        #expect(renewed.renews == first.id)
    }

    @Test func aRenewalIsRecordedOnceEvenWhenTwoRaceForIt() throws {
        let now = Date()
        let (setup, first) = try Self.certified(now: now)
        let inWindow = CredentialDate.adding(-30, .days, to: try #require(first.validUntil.flatMap(CredentialDate.parse)))
        let ce = try setup.store.logHours(HoursEntry(traineeID: setup.traineeID, date: CredentialDate.formatDay(now), hours: 2,
                                                     kind: .continuingEducation(category: "ethics")))
        _ = try setup.service(now: inWindow).renew(trainee: setup.traineeID)
        // A second process that evaluated before the first committed still cannot record: the
        // renewed certificate is superseded and the hours are used.
        let copy = CertificateRecord(id: "2099-racer", traineeID: setup.traineeID, programID: "test-program", statusIndex: 7,
                                     validFrom: "2030-01-01T00:00:00Z", validUntil: "2032-01-01T00:00:00Z", jwt: "x.y.z", evidence: "[]",
                                     renews: first.id)
        #expect { try setup.store.recordCertificate(copy, ceHoursUsed: [ce.id]) } throws: { error in
            (error as? LanternError)?.code == "already-renewed"
        }
    }

    @Test func cliRenewTenTimesInADay() throws {
        let now = Date()
        let (setup, first) = try Self.certified(now: now)
        _ = try setup.store.logHours(HoursEntry(traineeID: setup.traineeID, date: CredentialDate.formatDay(now), hours: 2,
                                                kind: .continuingEducation(category: "ethics")))
        let env = ["LANTERN_DB": setup.dbPath]
        for _ in 0..<10 {
            let result = try LanternProcess.run(["cert", "renew", setup.traineeID], in: setup.folder.url, environment: env)
            #expect(result.status == 1)
            #expect(result.stderr.contains("can be renewed from"), "\(result.stderr)")
        }
        #expect(try setup.store.certificates(trainee: setup.traineeID).map(\.id) == [first.id])
        let list = try LanternProcess.run(["cert", "expiring", "--within", "800d"], in: setup.folder.url, environment: env)
        #expect(list.stdout.contains(first.id), "\(list.stdout)\(list.stderr)")
    }
}
