import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import LanternRecords

/// Certificates over the records: what a trainee still needs, issuing (one or every eligible
/// trainee), renewal, status changes, and what to publish. Every issued credential is recorded
/// with what met the requirements.
public struct CertificateService: Sendable {
    public let workspace: Workspace
    public let store: RecordsStore
    public let keys: KeyStore
    public let identity: IssuerIdentity
    public let evaluator: RequirementsEvaluator
    public let now: Date
    /// Sign even when lantern.yml's addresses are placeholders (`example.org`): for
    /// demonstrations only, since a credential carries its addresses for good.
    public var allowPlaceholder = false

    public init(workspace: Workspace, store: RecordsStore, keys: KeyStore, now: Date = Date()) throws(LanternError) {
        guard let evaluator = RequirementsEvaluator(workspace: workspace) else {
            throw LanternError("no-certificate-rules", "the program has no 'certificate:' rules",
                               hint: "add a certificate section to curriculum/program.yml (see docs/authoring.md)")
        }
        self.workspace = workspace
        self.store = store
        self.keys = keys
        identity = IssuerIdentity(config: workspace.config)
        self.evaluator = evaluator
        self.now = now
    }

    public var programID: String { workspace.program?.id ?? "program" }

    /// The workspace's quizzes as the assessment engine reads them (those with errors left out).
    var quizzes: [Quiz] {
        workspace.assessments.filter { $0.kind == .quiz }.compactMap { source in
            let engine = DiagnosticsEngine()
            let quiz = QuizParser.parse(source, module: source.moduleID.flatMap(workspace.module), engine: engine)
            return engine.hasErrors ? nil : quiz
        }
    }

    /// The workspace's checklists as the assessment engine reads them (those with errors are
    /// left out: `lantern check` reports them, and no observation of them can count).
    var checklists: [Checklist] {
        workspace.assessments.filter { $0.kind == .checklist }.compactMap { source in
            ChecklistParser.parse(source, engine: DiagnosticsEngine())
        }
    }

    /// The trainee's evidence from the records.
    public func evidence(trainee reference: String) throws(LanternError) -> TraineeEvidence {
        // The engine's one quiz evaluation (`QuizStanding.evaluate`: the quiz's `grading:` rule
        // over the effective attempts, marks and regrades applied), as `lantern progress` shows it.
        let transcript = try store.transcript(reference, quizzes: quizzes)
        var evidence = TraineeEvidence()
        for quiz in transcript.quizzes {
            evidence.quizzes[quiz.quizID] = .init(attempts: quiz.attempts, bestScore: quiz.grade ?? quiz.bestScore, passed: quiz.passed,
                                                  grading: quiz.grading)
        }
        // The engine's one checklist evaluation, over every observation (it leaves out the
        // superseded ones and those with a method the checklist does not allow).
        let outcomes = try store.checklistOutcomes(traineeIDs: [transcript.traineeID], checklists: checklists)
        evidence.checklists = outcomes[transcript.traineeID] ?? [:]
        evidence.practicumHoursSignedOff = transcript.practicumHoursSignedOff
        evidence.practicumHoursAwaitingSignOff = max(0, transcript.practicumHours - transcript.practicumHoursSignedOff)
        evidence.continuingEducation = try store.continuingEducation(trainee: transcript.traineeID).map {
            .init(completedOn: $0.completedOn, hours: $0.hours, category: $0.category)
        }
        return evidence
    }

    /// What the trainee has met and what is missing.
    public func requirements(trainee reference: String) throws(LanternError) -> RequirementsReport {
        evaluator.evaluate(try evidence(trainee: reference))
    }

    /// Issues a certificate when every requirement is met; otherwise throws
    /// `requirements-not-met` listing what is missing.
    @discardableResult
    public func issue(trainee reference: String) throws(LanternError) -> CertificateRecord {
        let report = try requirements(trainee: reference)
        guard report.isMet else {
            throw LanternError("requirements-not-met", "trainee \(try store.recipientHash(trainee: reference).traineeID) has not met the certificate requirements:\n"
                               + report.missing.map { "  - \($0.id) (\($0.title)): \($0.detail)" }.joined(separator: "\n"),
                               hint: "'lantern cert status TRAINEE' shows every requirement")
        }
        return try issueCredential(trainee: reference, evidence: report.evidenceSummary.serialized, renews: nil)
    }

    /// Replaces a certificate after a correction (a new email, a corrected name): the old one is
    /// revoked as `superseded` and a new one is signed for the trainee's current details, with
    /// the same evidence and the same expiry, linked to the old one. One transaction: both or
    /// neither.
    @discardableResult
    public func reissue(certificate id: String) throws(LanternError) -> CertificateRecord {
        let old = try store.certificate(id)
        if old.status == .revoked {
            throw LanternError("certificate-revoked", "certificate \(id) is revoked; a revoked certificate is not reissued",
                               hint: "'lantern cert issue TRAINEE' issues a new one when the requirements are met")
        }
        return try issueCredential(trainee: old.traineeID, evidence: old.evidence, renews: nil, reissuing: old)
    }

    /// Every trainee who meets the requirements and holds no current certificate.
    public func eligibleTrainees() throws(LanternError) -> [String] {
        try eligibility().filter { $0.skipped == nil }.map(\.traineeID)
    }

    /// Whether one trainee can be issued a certificate now, and if not, why not.
    public struct Eligibility: Sendable, Hashable {
        public var traineeID: String
        /// Why the trainee is skipped, in words; nil when a certificate can be issued now.
        public var skipped: String?
    }

    /// Every trainee who is not erased, each eligible or skipped with the reason, by id.
    public func eligibility() throws(LanternError) -> [Eligibility] {
        var held: [String: String] = [:]
        for record in try store.certificates() where record.status != .revoked && !isExpired(record) {
            held[record.traineeID] = held[record.traineeID] ?? record.id
        }
        var result: [Eligibility] = []
        for trainee in try store.trainees() where trainee.erasedAt == nil {
            if let certificate = held[trainee.id] {
                result.append(Eligibility(traineeID: trainee.id, skipped: "already holds certificate \(certificate)"))
                continue
            }
            let report = try requirements(trainee: trainee.id)
            if !report.isMet {
                let missing = report.missing.map { "\($0.id) (\($0.detail))" }
                result.append(Eligibility(traineeID: trainee.id, skipped: "not yet met: " + missing.joined(separator: "; ")))
            } else if trainee.email == nil {
                result.append(Eligibility(traineeID: trainee.id,
                                          skipped: "meets every requirement but has no email address: add one with 'lantern trainee edit \(trainee.id) --email ADDRESS'"))
            } else {
                result.append(Eligibility(traineeID: trainee.id, skipped: nil))
            }
        }
        return result
    }

    /// Whether the certificate's `validUntil` has passed.
    public func isExpired(_ record: CertificateRecord) -> Bool {
        record.validUntil.flatMap(CredentialDate.parse).map { $0 <= now } ?? false
    }

    /// Renewal: the trainee's latest certificate, the continuing education logged inside its
    /// cycle (`validFrom` to `validUntil`), and a new certificate linked to it.
    @discardableResult
    public func renew(trainee reference: String) throws(LanternError) -> CertificateRecord {
        guard let current = try store.certificates(trainee: reference).first(where: { $0.status != .revoked }) else {
            throw LanternError("no-certificate", "trainee \(try store.recipientHash(trainee: reference).traineeID) has no certificate to renew",
                               hint: "'lantern cert issue TRAINEE' issues the first one")
        }
        if current.status == .suspended {
            throw LanternError("certificate-suspended", "certificate \(current.id) is suspended; reinstate it before renewing")
        }
        let report = try renewalRequirements(trainee: reference, certificate: current)
        guard report.isMet else {
            throw LanternError("renewal-not-met", "certificate \(current.id) cannot be renewed yet:\n"
                               + report.missing.map { "  - \($0.title): \($0.detail)" }.joined(separator: "\n"))
        }
        return try issueCredential(trainee: reference, evidence: report.evidenceSummary.serialized, renews: current)
    }

    /// Continuing education inside a certificate's cycle against the renewal rules.
    public func renewalRequirements(trainee reference: String, certificate: CertificateRecord) throws(LanternError) -> RequirementsReport {
        let from = String(certificate.validFrom.prefix(10))
        let until = certificate.validUntil.map { String($0.prefix(10)) } ?? CredentialDate.formatDay(now)
        return evaluator.evaluateRenewal(try evidence(trainee: reference), cycleFrom: from, until: until)
    }

    /// Refuses to sign placeholder addresses unless ``allowPlaceholder``.
    func checkAddresses() throws(LanternError) {
        guard !allowPlaceholder, let first = workspace.config.placeholderAddresses.first else { return }
        throw LanternError("placeholder-address",
                           "lantern.yml's \(first.key) is a placeholder address (\(first.address)); a certificate carries its addresses for good, so it is not signed",
                           hint: "set \(first.key) to where the site will really be published, or pass --allow-placeholder for a demonstration")
    }

    private func issueCredential(trainee reference: String, evidence: String, renews: CertificateRecord?,
                                 reissuing: CertificateRecord? = nil) throws(LanternError) -> CertificateRecord {
        try checkAddresses()
        let recipient = try store.recipientHash(trainee: reference)
        guard let hash = recipient.hash else {
            throw LanternError("trainee-no-email", "trainee \(recipient.traineeID) has no email address",
                               hint: "a certificate names its holder by a salted hash of their email: add it with "
                                   + "'lantern trainee edit \(recipient.traineeID) --email ADDRESS', then issue again")
        }
        let key = try keys.activeKey()
        // A renewal continues from the old expiry when renewed early, so no time is lost.
        let previousEnd = renews?.validUntil.flatMap(CredentialDate.parse)
        let start = now
        let base = previousEnd.map { max($0, now) } ?? now
        var validUntil = evaluator.rules.validFor.map { period in
            CredentialDate.adding(period.amount, Self.unit(period.unit), to: base)
        }
        // A reissued certificate keeps the expiry of the one it replaces.
        if let reissuing { validUntil = reissuing.validUntil.flatMap(CredentialDate.parse) }
        // The index is picked outside the write transaction, so another process issuing at the
        // same moment may take it first; the store refuses that, and a new index is signed.
        var taken = try store.usedStatusIndexes()
        for attempt in 1...Self.indexAttempts {
            guard let index = StatusEntry.randomIndex(avoiding: taken) else {
                throw LanternError("status-list-full", "the status list has no free entries")
            }
            let credential = AchievementCredential(
                id: AchievementCredential.newID(now: now), issuer: identity,
                achievement: AchievementDefinition(workspace: workspace, issuer: identity),
                recipient: RecipientIdentity(salt: recipient.salt, identityHash: hash),
                validFrom: start, validUntil: validUntil,
                status: StatusEntry(listURL: identity.statusListURL, index: index), renews: renews?.id)
            let jwt: String
            do { jwt = try credential.signed(with: key) } catch {
                throw LanternError("signing-failed", "the credential could not be signed")
            }
            do {
                let record = try store.recordCertificate(CertificateRecord(
                    id: credential.id, traineeID: recipient.traineeID, programID: programID, statusIndex: index,
                    validFrom: CredentialDate.format(start), validUntil: validUntil.map(CredentialDate.format), jwt: jwt,
                    evidence: evidence, renews: renews?.id, reissues: reissuing?.id))
                // The first certificate of a workspace whose keys were made without a status
                // list: sign one now, so that the site can publish it without the key.
                _ = try? signStatusList()
                return record
            } catch {
                guard error.code == "status-index-taken", attempt < Self.indexAttempts else { throw error }
                taken = try store.usedStatusIndexes()
            }
        }
        throw LanternError("status-index-taken", "no free status-list index could be recorded; try again")
    }

    /// How many status-list indexes one issue tries before giving up (each clash is a 1 in
    /// 131,072 chance with another process issuing at the same moment).
    static let indexAttempts = 5

    static func unit(_ unit: Period.Unit) -> CredentialDate.PeriodUnit {
        switch unit {
        case .days: return .days
        case .weeks: return .weeks
        case .months: return .months
        case .years: return .years
        }
    }

    /// Certificates (active, not revoked) whose `validUntil` falls within `period` from now.
    public func expiring(within period: Period) throws(LanternError) -> [CertificateRecord] {
        let limit = CredentialDate.adding(period.amount, Self.unit(period.unit), to: now)
        return try store.certificates().filter { record in
            guard record.status == .active, let until = record.validUntil.flatMap(CredentialDate.parse) else { return false }
            return until > now && until <= limit
        }.sorted { ($0.validUntil ?? "") < ($1.validUntil ?? "") }
    }

    /// The statuses the status list must say: every certificate that is not active.
    private func listedStatuses() throws(LanternError) -> [Int: CredentialStatus] {
        var statuses: [Int: CredentialStatus] = [:]
        for record in try store.certificates() where record.status != .active {
            statuses[record.statusIndex] = record.status == .revoked ? .revoked : .suspended
        }
        return statuses
    }

    /// `issuer.json` and the status list that the status-changing commands signed, as the
    /// records say now — without opening a private key (this is what `lantern build` publishes).
    /// Throws `status-list-unsigned` when no signed list matches the records.
    public func publication() throws(LanternError) -> IssuerPublication {
        let statuses = try listedStatuses()
        let entries = try keys.entries()
        var fingerprints = [StatusListCache.fingerprint(listURL: identity.statusListURL, statuses: statuses)]
        for entry in entries {
            fingerprints.append(StatusListCache.legacyFingerprint(listURL: identity.statusListURL, keyThumbprint: entry.thumbprint, statuses: statuses))
        }
        guard let statusList = StatusListCache(folder: keys.folder).stored(matching: fingerprints) else {
            throw LanternError("status-list-unsigned", "no signed status list matches the records (a status was changed outside Lantern, or the list was never signed)",
                               hint: "run 'lantern cert publish': it signs the status list again with the active key")
        }
        return IssuerPublication(identity: identity, keys: entries.map(\.publicJWK), statusListJWT: statusList)
    }

    /// Signs the status list with the active key when no signed list matches the records, and
    /// keeps it for `publication()`. Called by the commands that change a status.
    @discardableResult
    public func signStatusList() throws(LanternError) -> IssuerPublication {
        if let current = try? publication() { return current }
        let jwt = try keys.signStatusList(identity: identity, statuses: try listedStatuses(), now: now)
        return IssuerPublication(identity: identity, keys: try keys.publicKeys(), statusListJWT: jwt)
    }

    /// What the site may publish for one certificate.
    public func publishable(_ record: CertificateRecord) throws(LanternError) -> PublishableCredential {
        let trainee = try store.trainee(record.traineeID)
        let status: CredentialStatus = record.status == .revoked ? .revoked : record.status == .suspended ? .suspended : .active
        return try PublishableCredential.make(id: record.id, jwt: record.jwt, recordedStatus: status,
                                              holderName: trainee.displayName, holderConsented: trainee.publicNameConsent,
                                              statusChangedAt: record.statusChangedAt, now: now)
    }

    /// The printable certificate of `record`, with the holder's name as `name` says (the full
    /// legal name by default). Refuses a revoked or suspended certificate: a framed copy of a
    /// certificate that is not in force would mislead whoever sees it.
    public func printable(_ record: CertificateRecord, name: HolderName = .legal) throws(LanternError) -> PrintableCertificate {
        if record.status != .active {
            let since = record.statusChangedAt.map { " on \($0.prefix(10))" } ?? ""
            throw LanternError("certificate-not-in-force",
                               "certificate \(record.id) is \(record.status.rawValue)\(since): a printable certificate is made only for a certificate in force",
                               hint: "'lantern cert export \(record.id) --format jwt' still gives the signed credential, which verifies as \(record.status.rawValue)")
        }
        let publishable = try publishable(record)
        let trainee = try store.trainee(record.traineeID)
        let organisation = workspace.config.organisation
        let logo = try organisation.logo.map { path throws(LanternError) in
            try CertificateLogo.dataURI(root: workspace.root, path: path, displayRoot: workspace.displayRoot)
        }
        let payload = try CompactJWS(parsing: record.jwt).payload
        return PrintableCertificate(
            organisationName: organisation.name, logoDataURI: logo, signatoryName: organisation.signatoryName,
            signatoryTitle: organisation.signatoryTitle, holderName: name.pick(legal: trainee.name, preferred: trainee.preferredName),
            achievementName: publishable.achievementName,
            achievementDescription: payload["credentialSubject"]?["achievement"]?["description"]?.stringValue,
            credentialID: record.id, issuedOn: publishable.issuedOn, validUntil: publishable.validUntil,
            verificationURL: identity.credentialURL(record.id), statement: workspace.program?.certificate?.statement,
            status: publishable.status, linkedInURL: linkedInURL(record, publishable))
    }

    /// LinkedIn's add-to-profile address for a certificate.
    public func linkedInURL(_ record: CertificateRecord, _ publishable: PublishableCredential) -> String {
        publishable.linkedInURL(verificationURL: identity.credentialURL(record.id))
    }

    /// A verifier that knows this issuer's keys, current status list and renewals.
    public func verifier(schema: JSONSchemaValidator? = nil) throws(LanternError) -> CredentialVerifier {
        let publication = try signStatusList()
        let renewals = Dictionary(try store.certificates().compactMap { record in record.renews.map { ($0, record.id) } },
                                  uniquingKeysWith: { first, _ in first })
        let identity = self.identity
        return CredentialVerifier(issuerProfile: publication.issuerJSON, keys: publication.jwksJSON, statusList: publication.statusListJWT,
                                  schema: schema, now: now,
                                  renewal: { credentialURL in
                                      let prefix = identity.baseURL + "credentials/"
                                      guard credentialURL.hasPrefix(prefix) else { return nil }
                                      let id = String(credentialURL.dropFirst(prefix.count).prefix { $0 != "/" })
                                      return renewals[id]
                                  })
    }
}
