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
            throw LanternError(.noCertificateRules, "the program has no 'certificate:' rules",
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

    /// The trainee's evidence, read from the rows themselves (attempts, current observations,
    /// hours), never from a cache; rows that do not match their audit entries are left out.
    public func evidence(trainee reference: String) throws(LanternError) -> TraineeEvidence {
        try evidence(from: try store.certificateEvidence(trainee: reference))
    }

    /// The evidence the rules are evaluated on: only rows that match their audit digests
    /// (`records`), each quiz attempt with its effective result (hand marks and the latest
    /// regrade applied), combined by the engine's one evaluation (`QuizStanding.evaluate`).
    func evidence(from records: CertificateEvidenceRecords) throws(LanternError) -> TraineeEvidence {
        var evidence = TraineeEvidence()
        // The trainee's attempts read once, kept only where their audit digests hold.
        let verified = Set(records.attempts.map(\.id))
        let byQuiz = Dictionary(grouping: try store.attempts(trainee: records.traineeID).filter { verified.contains($0.id) }, by: \.quizID)
        for (quizID, attempts) in byQuiz {
            guard let quiz = evaluator.quizDefinitions[quizID] else { continue }
            let effective = try store.effectiveAttempts(of: attempts, quiz: quiz)
            evidence.quizzes[quizID] = evaluator.quizOutcome(quizID, attempts: effective.map(\.effective))
        }
        evidence.observations = records.observations.compactMap(\.assessed)
        evidence.practicumHoursSignedOff = records.practicum.filter(\.signedOff).reduce(0) { $0 + $1.hours }
        evidence.practicumHoursAwaitingSignOff = records.practicum.filter { !$0.signedOff }.reduce(0) { $0 + $1.hours }
        evidence.continuingEducation = records.continuingEducation.map {
            .init(id: $0.id, completedOn: $0.completedOn, hours: $0.hours, category: $0.category, usedBy: $0.usedBy)
        }
        return evidence
    }

    /// Refuses to certify a trainee whose records fail their audit digests, or who was erased.
    func requireSoundRecords(_ records: CertificateEvidenceRecords) throws(LanternError) {
        if records.erased {
            throw LanternError(.traineeErased, "trainee \(records.traineeID) was erased; no certificate can be issued to them")
        }
        guard records.problems.isEmpty else {
            throw LanternError(.recordsTampered, "trainee \(records.traineeID)'s records do not match the audit log, so no certificate is issued:\n"
                               + records.problems.prefix(10).map { "  - \($0)" }.joined(separator: "\n"),
                               hint: "'lantern db check' lists every problem; restore the records from a backup")
        }
    }

    /// What the trainee has met and what is missing.
    /// Rows that fail their audit digests are left out and reported as a requirement not met
    /// (`records`), as `cert issue` refuses them.
    public func requirements(trainee reference: String) throws(LanternError) -> RequirementsReport {
        let records = try store.certificateEvidence(trainee: reference)
        var report = evaluator.evaluate(try evidence(from: records))
        if !records.problems.isEmpty {
            report.items.append(.init(kind: .records, id: "records", title: "Records match the audit log", met: false,
                                      detail: "\(records.problems.count) row\(records.problems.count == 1 ? "" : "s") changed or added outside Lantern (run 'lantern db check'); they do not count"))
        }
        return report
    }

    /// Issues a certificate when every requirement is met; otherwise throws
    /// `requirements-not-met` listing what is missing.
    @discardableResult
    public func issue(trainee reference: String) throws(LanternError) -> CertificateRecord {
        let records = try store.certificateEvidence(trainee: reference)
        try requireSoundRecords(records)
        let report = evaluator.evaluate(try evidence(from: records))
        guard report.isMet else {
            throw LanternError(.requirementsNotMet, "trainee \(try store.recipientHash(trainee: reference).traineeID) has not met the certificate requirements:\n"
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
            throw LanternError(.certificateRevoked, "certificate \(id) is revoked; a revoked certificate is not reissued",
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
        for record in try store.certificates() where record.status != .revoked && record.supersededBy == nil && !isExpired(record) {
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

    /// Renewal of the trainee's current certificate (active, not superseded): it opens in the
    /// window before expiry set in `program.yml` (`certificate.renewal.window`, 90 days when not
    /// set), counts continuing education completed inside the certificate's cycle that no earlier
    /// renewal counted, records which hours it used, and supersedes the renewed certificate.
    @discardableResult
    public func renew(trainee reference: String) throws(LanternError) -> CertificateRecord {
        let held = try store.certificates(trainee: reference).filter { $0.status != .revoked && $0.supersededBy == nil }
        guard let current = held.first else {
            throw LanternError(.noCertificate, "trainee \(try store.recipientHash(trainee: reference).traineeID) has no certificate to renew",
                               hint: "'lantern cert issue TRAINEE' issues the first one")
        }
        if current.status == .suspended {
            throw LanternError(.certificateSuspended, "certificate \(current.id) is suspended; reinstate it before renewing")
        }
        guard let until = current.validUntil.flatMap(CredentialDate.parse) else {
            throw LanternError(.noExpiry, "certificate \(current.id) does not expire, so it is never renewed")
        }
        let opens = renewalOpens(until: until)
        guard now >= opens else {
            throw LanternError(.renewalNotOpen, "certificate \(current.id) can be renewed from \(CredentialDate.formatDay(opens)) (\(renewalWindow) before it expires on \(CredentialDate.formatDay(until)))",
                               hint: "the window is 'certificate.renewal.window' in curriculum/program.yml")
        }
        let records = try store.certificateEvidence(trainee: reference)
        try requireSoundRecords(records)
        let (from, to) = renewalCycle(current)
        let evidence = try evidence(from: records)
        let report = evaluator.evaluateRenewal(evidence, cycleFrom: from, until: to)
        guard report.isMet else {
            throw LanternError(.renewalNotMet, "certificate \(current.id) cannot be renewed yet:\n"
                               + report.missing.map { "  - \($0.title): \($0.detail)" }.joined(separator: "\n"))
        }
        let used = evaluator.renewalEntries(evidence, cycleFrom: from, until: to).map(\.id)
        return try issueCredential(trainee: reference, evidence: report.evidenceSummary.serialized, renews: current, ceHoursUsed: used)
    }

    /// How long before expiry renewal opens.
    public var renewalWindow: Period { evaluator.rules.renewalWindow ?? Period(amount: 90, unit: .days) }

    /// The first moment a certificate expiring at `until` may be renewed.
    public func renewalOpens(until: Date) -> Date {
        CredentialDate.adding(-renewalWindow.amount, Self.unit(renewalWindow.unit), to: until)
    }

    /// A certificate's cycle as dates: from its `validFrom` to its `validUntil` (or today).
    func renewalCycle(_ certificate: CertificateRecord) -> (from: String, until: String) {
        (String(certificate.validFrom.prefix(10)), certificate.validUntil.map { String($0.prefix(10)) } ?? CredentialDate.formatDay(now))
    }

    /// Continuing education inside a certificate's cycle, not counted by an earlier renewal,
    /// against the renewal rules.
    public func renewalRequirements(trainee reference: String, certificate: CertificateRecord) throws(LanternError) -> RequirementsReport {
        let (from, until) = renewalCycle(certificate)
        return evaluator.evaluateRenewal(try evidence(trainee: reference), cycleFrom: from, until: until)
    }

    /// Refuses to sign placeholder addresses unless ``allowPlaceholder``.
    func checkAddresses() throws(LanternError) {
        guard !allowPlaceholder, let first = workspace.config.placeholderAddresses.first else { return }
        throw LanternError(.placeholderAddress,
                           "lantern.yml's \(first.key) is a placeholder address (\(first.address)); a certificate carries its addresses for good, so it is not signed",
                           hint: "set \(first.key) to where the site will really be published, or pass --allow-placeholder for a demonstration")
    }

    private func issueCredential(trainee reference: String, evidence: String, renews: CertificateRecord?,
                                 reissuing: CertificateRecord? = nil, ceHoursUsed: [String] = []) throws(LanternError) -> CertificateRecord {
        try checkAddresses()
        let recipient = try store.recipientHash(trainee: reference)
        guard let hash = recipient.hash else {
            throw LanternError(.traineeNoEmail, "trainee \(recipient.traineeID) has no email address",
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
                throw LanternError(.statusListFull, "the status list has no free entries")
            }
            let credential = AchievementCredential(
                id: AchievementCredential.newID(now: now), issuer: identity,
                achievement: AchievementDefinition(workspace: workspace, issuer: identity),
                recipient: RecipientIdentity(salt: recipient.salt, identityHash: hash),
                validFrom: start, validUntil: validUntil,
                status: StatusEntry(listURL: identity.statusListURL, index: index), renews: renews?.id)
            let jwt: String
            do { jwt = try credential.signed(with: key) } catch {
                throw LanternError(.signingFailed, "the credential could not be signed")
            }
            do {
                let record = try store.recordCertificate(CertificateRecord(
                    id: credential.id, traineeID: recipient.traineeID, programID: programID, statusIndex: index,
                    validFrom: CredentialDate.format(start), validUntil: validUntil.map(CredentialDate.format), jwt: jwt,
                    evidence: evidence, renews: renews?.id, reissues: reissuing?.id), ceHoursUsed: ceHoursUsed)
                // The first certificate of a workspace whose keys were made without a status
                // list: sign one now, so that the site can publish it without the key.
                _ = try? signStatusList()
                return record
            } catch {
                guard error.is(.statusIndexTaken), attempt < Self.indexAttempts else { throw error }
                taken = try store.usedStatusIndexes()
            }
        }
        throw LanternError(.statusIndexTaken, "no free status-list index could be recorded; try again")
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

    /// Current certificates (active, not superseded by a renewal) whose `validUntil` falls within
    /// `period` from now.
    public func expiring(within period: Period) throws(LanternError) -> [CertificateRecord] {
        let limit = CredentialDate.adding(period.amount, Self.unit(period.unit), to: now)
        return try store.certificates().filter { record in
            guard record.isCurrent, let until = record.validUntil.flatMap(CredentialDate.parse) else { return false }
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
            throw LanternError(.statusListUnsigned, "no signed status list matches the records (a status was changed outside Lantern, or the list was never signed)",
                               hint: "run 'lantern cert publish': it signs the status list again with the active key")
        }
        // A list signed by a key revoked since is not believed by any verifier: sign it again.
        let signer = (try? CompactJWS(parsing: statusList))?.keyID?.split(separator: "#").last.map(String.init)
        guard let signer, entries.contains(where: { $0.thumbprint == signer && $0.revoked == nil }) else {
            throw LanternError(.statusListUnsigned, "the signed status list was signed by a key that is revoked or no longer listed",
                               hint: "run 'lantern cert publish': it signs the status list again with the active key")
        }
        return IssuerPublication(identity: identity, keys: entries.map(\.published), statusListJWT: statusList)
    }

    /// Signs the status list with the active key when no signed list matches the records, and
    /// keeps it for `publication()`. Called by the commands that change a status.
    @discardableResult
    public func signStatusList() throws(LanternError) -> IssuerPublication {
        if let current = try? publication() { return current }
        let jwt = try keys.signStatusList(identity: identity, statuses: try listedStatuses(), now: now)
        return IssuerPublication(identity: identity, keys: try keys.publishedKeys(), statusListJWT: jwt)
    }

    /// The certificates whose holders agreed to their publication on the site (privacy by
    /// default: without consent, the holder gets the JWT and printable certificate, and the
    /// site's verification page checks a credential they paste).
    public func publishedOnSite() throws(LanternError) -> [CertificateRecord] {
        let consenting = Set(try store.trainees().filter { $0.credentialConsent && $0.erasedAt == nil }.map(\.id))
        return try store.certificates().filter { consenting.contains($0.traineeID) }
    }

    /// The signed audit checkpoint `lantern db checkpoint` wrote, checked against the issuer's
    /// keys, for the site to publish as it is (a build never signs one); nil when none was made.
    public func publishedCheckpoint() throws(LanternError) -> String? {
        let url = workspace.root.appendingPathComponent(AuditCheckpoint.publishedPath)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text = String(decoding: try ContainedFile.bytes(ofResolved: url.path, displayPath: AuditCheckpoint.publishedPath), as: UTF8.self)
        _ = try AuditCheckpoint.verified(text, keys: try keys.publishedKeys(), identity: identity)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
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
            throw LanternError(.certificateNotInForce,
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
