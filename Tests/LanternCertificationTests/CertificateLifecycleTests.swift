import Foundation
import LanternAssessment
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// Certificates over real records: requirements, issue, revoke/suspend/reinstate, renewal,
/// expiry, publication — through the library and through `lantern cert …`.
@Suite struct CertificateLifecycleTests {
    struct Setup {
        let folder: TemporaryFolder
        let store: RecordsStore
        let workspace: Workspace
        let traineeID: String
        var dbPath: String { folder.url.appendingPathComponent(".lantern/records.sqlite").path }

        func service(now: Date = Date(), allowPlaceholder: Bool = true) throws -> CertificateService {
            // The sample workspace's addresses are example.org placeholders: allowed, as in the demo.
            var service = try CertificateService(workspace: workspace, store: store, keys: KeyStore(workspaceRoot: folder.url), now: now)
            service.allowPlaceholder = allowPlaceholder
            return service
        }
    }

    /// The sample workspace with a key, an assessor and one trainee.
    /// The trainee agreed to their name and their credential being published unless said otherwise.
    static func setup(email: String? = "alex@example.org", credentialConsent: Bool = true) throws -> Setup {
        let folder = try TemporaryFolder()
        for (path, text) in SampleWorkspace.files { _ = try folder.write(path, text) }
        try KeyStore(workspaceRoot: folder.url).generate()
        let workspace = try #require(WorkspaceLoader().load(at: folder.url).workspace)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(".lantern"), withIntermediateDirectories: true)
        let store = try RecordsStore(path: folder.url.appendingPathComponent(".lantern/records.sqlite").path, actor: "tester")
        try store.addAssessor(id: "sam", name: "Sam Assessor", email: nil, roles: [.assessor, .supervisor])
        let trainee = try store.addTrainee(NewTrainee(name: "Alex Example", email: email, publicNameConsent: true,
                                                           credentialConsent: credentialConsent))
        return Setup(folder: folder, store: store, workspace: workspace, traineeID: trainee.id)
    }

    /// The assessment engine's result of one attempt (`AttemptResult` JSON), as `quiz take` stores it.
    static func resultJSON(quizID: String, passed: Bool, total: String = "1", failedCritical: [String] = [], attemptNumber: Int = 1) -> String {
        let critical = failedCritical.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"attemptNumber":\#(attemptNumber),"earned":"\#(total)","failedCritical":[\#(critical)],"needsMarking":[],"overTime":false,"#
            + #""passMark":"4/5","passed":\#(passed),"possible":1,"questions":[],"quizID":"\#(quizID)","reasons":[],"seed":1,"#
            + #""submittedAt":"2026-01-01T10:10:00Z","total":"\#(total)"}"#
    }

    /// A recorded attempt at `quizID` whose engine result is `resultJSON(...)`: the assessment
    /// engine's own types, as `quiz take` stores them.
    static func attempt(trainee: String, quizID: String = "intro-quiz", passed: Bool, total: String = "1",
                        failedCritical: [String] = [], number: Int = 1, day: Int = 1) throws -> QuizAttempt {
        let started = Date(timeIntervalSince1970: 1_767_261_600 + Double(day - 1) * 86_400)
        let attempt = Attempt(quizID: quizID, number: number, seed: UInt64(number), startedAt: started, deadline: nil,
                              questions: [PresentedQuestion(questionID: "goals", contentHash: "h", displayOrder: [])],
                              responses: [:], submittedAt: started.addingTimeInterval(600))
        let result = try AssessmentJSON.decode(AttemptResult.self, from: resultJSON(quizID: quizID, passed: passed, total: total,
                                                                                   failedCritical: failedCritical, attemptNumber: number))
        return QuizAttempt(traineeID: trainee, quizHash: "h", attempt: attempt, result: result)
    }

    /// Every criterion of the sample checklist rated at its pass level.
    static let competentRatings: [LanternRecords.Observation.Rating] = [.init(criterion: "confidentiality", rating: "competent"),
                                                          .init(criterion: "open-questions", rating: "competent")]

    static func complete(_ setup: Setup) throws {
        let store = setup.store
        let attempt = Attempt(quizID: "intro-quiz", number: 1, seed: 1, startedAt: Date(timeIntervalSince1970: 1_767_261_600),
                              deadline: nil, questions: [PresentedQuestion(questionID: "q", contentHash: "h", displayOrder: [])],
                              responses: ["q": .choices([0])], submittedAt: Date(timeIntervalSince1970: 1_767_262_200))
        let result = try AssessmentJSON.decode(AttemptResult.self, from: """
            {"quizID":"intro-quiz","attemptNumber":1,"seed":1,"questions":[],"earned":"1","possible":1,"total":"1",
             "passMark":"4/5","passed":true,"failedCritical":[],"reasons":[],"overTime":false,"needsMarking":[]}
            """)
        try store.recordAttempt(QuizAttempt(traineeID: setup.traineeID, quizHash: "h", attempt: attempt, result: result))
        for day in ["2026-01-02", "2026-01-09"] {
            try store.recordObservation(Observation(traineeID: setup.traineeID, checklistID: "listening-skills", checklistHash: "h",
                                                    assessorID: "sam", method: "role-play", observedOn: day,
                                                    ratings: competentRatings, competent: true))
        }
        let entry = try store.logHours(HoursEntry(traineeID: setup.traineeID, date: "2026-01-05", hours: 10,
                                                  kind: .practicum(supervisorID: "sam", signedOffAt: nil)))
        try store.signOffPracticum(entryID: entry.id, supervisor: "sam")
    }

    @Test func refusesWithWhatIsMissingThenIssuesAVerifiableCredential() throws {
        let setup = try Self.setup()
        let service = try setup.service()
        #expect { try service.issue(trainee: setup.traineeID) } throws: { error in
            let message = (error as? LanternError)?.message ?? ""
            return message.contains("intro-quiz") && message.contains("listening-skills") && message.contains("0 of 10 hours")
        }
        try Self.complete(setup)
        #expect(try service.requirements(trainee: setup.traineeID).isMet)
        let record = try service.issue(trainee: setup.traineeID)
        #expect(record.status == .active)
        #expect(record.evidence.contains("intro-quiz"))
        var schema: JSONSchemaValidator?
        if let ob3 = CertificateFixture.ob3Folder {
            schema = try JSONSchemaValidator(contentsOf: ob3.appendingPathComponent("achievementcredential.schema.json"))
        } else {
            print("skipped: ../shared/standards/ob3 is absent; the issued credential was not checked against the 1EdTech schema")
        }
        let report = try service.verifier(schema: schema).verify(record.jwt, email: "Alex@Example.org")
        if schema != nil { #expect(report.step("schema")?.status == .pass, "\(report.text)") }
        #expect(report.verdict == .valid, "\(report.text)")
        #expect(try service.eligibleTrainees().isEmpty, "a holder of a current certificate is not eligible again")

        let publishable = try service.publishable(record)
        #expect(publishable.holderName == "Alex Example")
        #expect(!publishable.jwt.contains("alex@example.org"))
    }

    @Test func revokeSuspendReinstateShowInTheSignedStatusList() throws {
        let setup = try Self.setup()
        try Self.complete(setup)
        let record = try setup.service().issue(trainee: setup.traineeID)
        _ = try setup.store.setCertificateStatus(record.id, to: .suspended, reason: "investigation")
        #expect(try setup.service().verifier().verify(record.jwt).verdict == .suspended)
        _ = try setup.store.setCertificateStatus(record.id, to: .active, reason: "investigation-cleared")
        #expect(try setup.service().verifier().verify(record.jwt).verdict == .valid)
        _ = try setup.store.setCertificateStatus(record.id, to: .revoked, reason: "issued-in-error")
        #expect(try setup.service().verifier().verify(record.jwt).verdict == .revoked)
        #expect { _ = try setup.store.setCertificateStatus(record.id, to: .active, reason: "other") } throws: { _ in true }
        let actions = try setup.store.auditEntries(subjectID: record.id).map(\.action)
        #expect(actions == ["certificate.issue", "certificate.suspend", "certificate.reinstate", "certificate.revoke"])
    }

    /// A site rebuilt from unchanged records must be byte-identical, so the signed status list is
    /// reused until a status changes (signatures are randomised and carry the signing time).
    @Test func statusListIsReSignedOnlyWhenAStatusChanges() throws {
        let setup = try Self.setup()
        try Self.complete(setup)
        let record = try setup.service().issue(trainee: setup.traineeID)
        let first = try setup.service().publication().statusListJWT
        let again = try setup.service(now: Date().addingTimeInterval(3_600)).publication().statusListJWT
        #expect(again == first)
        _ = try setup.store.setCertificateStatus(record.id, to: .suspended, reason: "investigation")
        // A status changed without signing (what `cert suspend` does next): nothing to publish.
        #expect { try setup.service().publication() } throws: { ($0 as? LanternError)?.code == "status-list-unsigned" }
        try setup.service().signStatusList()
        let suspended = try setup.service().publication().statusListJWT
        #expect(suspended != first)
        #expect(try setup.service().verifier().verify(record.jwt).verdict == .suspended)
        _ = try setup.store.setCertificateStatus(record.id, to: .active, reason: "investigation-cleared")
        try setup.service().signStatusList()
        let reinstated = try setup.service().publication().statusListJWT
        #expect(reinstated != suspended)
        #expect(try setup.service().verifier().verify(record.jwt).verdict == .valid)
    }

    @Test func renewalNeedsContinuingEducationInsideTheCycle() throws {
        let setup = try Self.setup()
        try Self.complete(setup)
        let now = Date()
        let first = try setup.service(now: now).issue(trainee: setup.traineeID)
        // Renewal opens 90 days (the default window) before expiry: 23 months on.
        let inWindow = CredentialDate.adding(23, .months, to: now)
        #expect { try setup.service(now: inWindow).renew(trainee: setup.traineeID) } throws: { error in
            ((error as? LanternError)?.message ?? "").contains("0 of 20 hours")
        }
        // Hours are logged once worked: today, inside the certificate's cycle.
        let today = CredentialDate.formatDay(now)
        _ = try setup.store.logHours(HoursEntry(traineeID: setup.traineeID, date: today, hours: 14, kind: .continuingEducation(category: "general")))
        _ = try setup.store.logHours(HoursEntry(traineeID: setup.traineeID, date: today, hours: 6, kind: .continuingEducation(category: "ethics")))
        let renewed = try setup.service(now: inWindow).renew(trainee: setup.traineeID)
        #expect(renewed.renews == first.id)
        #expect((renewed.validUntil ?? "") > (first.validUntil ?? ""))
        // The link lives in the records: no context Lantern can name offline defines `renews`.
        #expect(try CompactJWS(parsing: renewed.jwt).payload["renews"] == nil)
        #expect(try setup.store.certificate(first.id).supersededBy == renewed.id)

        // Two years and a month on, the first has expired and says it was renewed.
        let later = CredentialDate.adding(25, .months, to: now)
        let report = try setup.service(now: later).verifier().verify(first.jwt)
        #expect(report.verdict == .expired)
        #expect(report.step("validity")?.detail.contains("renewed by \(renewed.id)") == true)
        // The renewed certificate is superseded: only the renewal is listed as expiring.
        #expect(try setup.service(now: inWindow).expiring(within: Period("60d")!).isEmpty)
        let nearEnd = CredentialDate.adding(-30, .days, to: try #require(renewed.validUntil.flatMap(CredentialDate.parse)))
        #expect(try setup.service(now: nearEnd).expiring(within: Period("60d")!).map(\.id) == [renewed.id])
    }

    @Test func cliIssuesExportsAndVerifiesByID() throws {
        let setup = try Self.setup()
        let env = ["LANTERN_DB": setup.dbPath]
        let missing = try LanternProcess.run(["cert", "status", setup.traineeID], in: setup.folder.url, environment: env)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("missing  practicum"))
        #expect(try LanternProcess.run(["cert", "issue", setup.traineeID, "--allow-placeholder"], in: setup.folder.url, environment: env).status == 1)
        try Self.complete(setup)
        // Issue 16: the sample's base_url is a placeholder (example.org); it is not signed unless asked.
        let refused = try LanternProcess.run(["cert", "issue", setup.traineeID], in: setup.folder.url, environment: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("placeholder address"), "\(refused.stderr)")
        #expect(try setup.store.certificates().isEmpty, "nothing recorded when refused")
        let issued = try LanternProcess.run(["cert", "issue", "--all-eligible", "--allow-placeholder"], in: setup.folder.url, environment: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        let id = try #require(try setup.store.certificates().first?.id)
        #expect(issued.stdout.contains("issued \(id)"))

        let verified = try LanternProcess.run(["cert", "verify", id], in: setup.folder.url, environment: env)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("pass  status"))

        let html = try LanternProcess.run(["cert", "export", id, "--format", "html"], in: setup.folder.url, environment: env)
        #expect(html.stdout.contains("https://training.example.org/credentials/\(id)/"))
        #expect(html.stdout.contains("linkedin.com/profile/add"))
        #expect(!html.stdout.contains("alex@example.org"))
        // The printable certificate: the holder's legal name, a QR code, a signature line.
        #expect(html.stdout.contains("Alex Example"))
        #expect(html.stdout.contains("aria-label=\"QR code of the verification address"))
        #expect(html.stdout.contains("class=\"signature-line\""))
        let json = try LanternProcess.run(["cert", "export", id, "--format", "json"], in: setup.folder.url, environment: env)
        #expect(try JSONParser.parse(json.stdout)["type"]?.stringsValue == ["VerifiableCredential", "OpenBadgeCredential"])

        #expect(try LanternProcess.run(["cert", "revoke", id, "--reason", "mistake"], in: setup.folder.url, environment: env).status == 2)
        #expect(try LanternProcess.run(["cert", "revoke", id, "--reason", "issued-in-error", "--yes"], in: setup.folder.url, environment: env).status == 0)
        let revoked = try LanternProcess.run(["cert", "verify", id], in: setup.folder.url, environment: env)
        #expect(revoked.status == 1)
        #expect(revoked.stdout.contains("verdict: not valid: revoked"))
        // Issue 16: a revoked certificate no longer exports as a clean printable certificate.
        let revokedHTML = try LanternProcess.run(["cert", "export", id, "--format", "html"], in: setup.folder.url, environment: env)
        #expect(revokedHTML.status == 1)
        #expect(revokedHTML.stdout.isEmpty)
        #expect(revokedHTML.stderr.contains("is revoked on "), "\(revokedHTML.stderr)")
        #expect(try LanternProcess.run(["cert", "export", id, "--format", "jwt"], in: setup.folder.url, environment: env).status == 0)

        let published = try LanternProcess.run(["cert", "publish", "-o", "out"], in: setup.folder.url, environment: env)
        #expect(published.status == 0, "\(published.stderr)")
        let out = setup.folder.url.appendingPathComponent("out")
        let offline = try LanternProcess.run(["cert", "verify", "out/credentials/\(id)/credential.jwt", "--issuer", "out/issuer.json",
                                              "--status", "out/status/list.jwt"], in: setup.folder.url)
        #expect(offline.status == 1)
        #expect(offline.stdout.contains("revoked"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("jwks.json").path))
        // Issue 20's finding: outside a workspace, --issuer without --status is "cannot check" (exit 3), never valid.
        let elsewhere = try TemporaryFolder()
        for name in ["issuer.json", "jwks.json"] {
            _ = try elsewhere.write(name, try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8))
        }
        _ = try elsewhere.write("credential.jwt", try String(contentsOf: out.appendingPathComponent("credentials/\(id)/credential.jwt"), encoding: .utf8))
        let withoutList = try LanternProcess.run(["cert", "verify", "credential.jwt", "--issuer", "issuer.json"], in: elsewhere.url)
        #expect(withoutList.status == 3, "\(withoutList.stdout)")
        #expect(withoutList.stdout.contains("to check it: give the status list"))
        #expect(withoutList.stdout.hasSuffix("verdict: cannot check\n"))
        let nothing = try LanternProcess.run(["cert", "verify", "credential.jwt", "--json"], in: elsewhere.url)
        #expect(nothing.status == 3)
        #expect(try JSONParser.parse(nothing.stdout)["verdict"]?.stringValue == "cannot-check")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("issuer.json").path))
    }

    /// Finding (issue 17): the certificate counted observations flagged competent on two days and
    /// ignored the checklist's own rule that a critical criterion below the pass level in the
    /// latest observation blocks competence; it now asks the engine's one evaluation.
    @Test func theCertificateUsesTheChecklistEvaluationCriticalLatestBlocks() throws {
        let setup = try Self.setup()
        try Self.complete(setup)
        #expect(try setup.service().requirements(trainee: setup.traineeID).isMet)
        try setup.store.recordObservation(Observation(traineeID: setup.traineeID, checklistID: "listening-skills", checklistHash: "h",
                                                      assessorID: "sam", method: "role-play", observedOn: "2026-01-20",
                                                      ratings: [.init(criterion: "confidentiality", rating: "not-yet"),
                                                                .init(criterion: "open-questions", rating: "competent")], competent: false))
        let report = try setup.service().requirements(trainee: setup.traineeID)
        let checklist = try #require(report.items.first { $0.id == "listening-skills" })
        #expect(!checklist.met, "\(report.text)")
        #expect(checklist.detail.contains("critical criterion 'confidentiality' was below competent in the latest observation"), "\(checklist.detail)")
    }

    /// Finding (issue 17): the certificate took each quiz's best attempt, whatever `grading:`
    /// the quiz sets; it now uses the engine's one evaluation (`QuizStanding`), as progress does.
    @Test func theCertificateAppliesTheQuizsGradingRule() throws {
        let setup = try Self.setup()
        try Self.complete(setup)
        #expect(try setup.service().requirements(trainee: setup.traineeID).isMet)
        // The quiz now grades by its last attempt, and the second attempt failed.
        let quizPath = setup.folder.url.appendingPathComponent("assessments/intro-quiz.md")
        let text = try String(contentsOf: quizPath, encoding: .utf8)
        try text.replacingOccurrences(of: "pass: 80%\n", with: "pass: 80%\ngrading: last\n").write(to: quizPath, atomically: true, encoding: .utf8)
        let attempt = Attempt(quizID: "intro-quiz", number: 2, seed: 2, startedAt: Date(timeIntervalSince1970: 1_767_348_000),
                              deadline: nil, questions: [PresentedQuestion(questionID: "q", contentHash: "h", displayOrder: [])],
                              responses: ["q": .choices([1])], submittedAt: Date(timeIntervalSince1970: 1_767_348_600))
        let result = try AssessmentJSON.decode(AttemptResult.self, from: """
            {"quizID":"intro-quiz","attemptNumber":2,"seed":2,"questions":[],"earned":"0","possible":1,"total":"0",
             "passMark":"4/5","passed":false,"failedCritical":[],"reasons":[],"overTime":false,"needsMarking":[]}
            """)
        try setup.store.recordAttempt(QuizAttempt(traineeID: setup.traineeID, quizHash: "h", attempt: attempt, result: result))
        let workspace = try #require(WorkspaceLoader().load(at: setup.folder.url).workspace)
        var service = try CertificateService(workspace: workspace, store: setup.store, keys: KeyStore(workspaceRoot: setup.folder.url))
        service.allowPlaceholder = true
        let report = try service.requirements(trainee: setup.traineeID)
        let quiz = try #require(report.items.first { $0.id == "intro-quiz" })
        #expect(!quiz.met, "\(report.text)")
        #expect(quiz.detail.contains("latest attempt's score 0%"), "\(quiz.detail)")
    }
}
