import ArgumentParser
import LanternApplication
import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords
import LanternSite

/// Opens what certificate commands over records need.
extension RecordsOptions {
    func certificateService(mustExist: Bool = true) throws -> CertificateService {
        let workspace = try course().loadedWorkspace()
        let (root, display) = try location.resolve()
        return try CertificateService(workspace: workspace, store: try open(mustExist: mustExist),
                                      keys: KeyStore(workspaceRoot: root, displayRoot: display))
    }
}

struct CertStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which certificate requirements a trainee meets and exactly what is missing.",
        discussion: "Exit status: 0 when every requirement is met, 1 when something is missing.")

    @Argument(help: ArgumentHelp("The trainee id (t-…) or external id.", valueName: "trainee"))
    var trainee: String

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let service = try records.certificateService()
        let report = try service.requirements(trainee: trainee)
        if json {
            Console.out(JSONValue.object(JSONObject([("met", .bool(report.isMet)), ("requirements", report.evidenceSummary)])).prettySerialized)
        } else {
            Console.out(report.text)
            Console.out(report.isMet ? "all requirements met: 'lantern cert issue \(trainee)' issues the certificate\n"
                                     : "\(report.missing.count) requirement\(report.missing.count == 1 ? "" : "s") missing\n")
        }
        if !report.isMet { throw ExitCode(1) }
    }
}

struct CertIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a certificate to a trainee who meets the requirements (or to every eligible trainee).")

    @Argument(help: ArgumentHelp("The trainee id (t-…) or external id.", valueName: "trainee"))
    var trainee: String?

    @Flag(help: "Issue to every trainee who meets the requirements and holds no current certificate.")
    var allEligible = false

    @Flag(help: "Sign even though lantern.yml's addresses are placeholders (example.org): for demonstrations only.")
    var allowPlaceholder = false

    @OptionGroup var records: RecordsOptions

    func validate() throws {
        if (trainee == nil) == !allEligible { throw ValidationError("give a trainee, or --all-eligible") }
    }

    func run() throws {
        var service = try records.certificateService()
        service.allowPlaceholder = allowPlaceholder
        let job = IssueCertificate(service: service, actor: records.principal, output: StandardOutput())
        if allEligible { try job.runForAllEligible() } else { try job.run(trainee: trainee ?? "") }
    }
}

struct CertListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List issued certificates.")

    @Option(help: ArgumentHelp("Only this trainee's.", valueName: "trainee"))
    var trainee: String?

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let service = try records.certificateService()
        let list = try service.store.certificates(trainee: trainee)
        if json {
            Console.out(JSONValue.array(list.map { record in
                .object(JSONObject([("id", .string(record.id)), ("trainee", .string(record.traineeID)), ("status", .string(record.status.rawValue)),
                                    ("validFrom", .string(record.validFrom)), ("validUntil", record.validUntil.map(JSONValue.string) ?? .null),
                                    ("renews", record.renews.map(JSONValue.string) ?? .null),
                                    ("supersededBy", record.supersededBy.map(JSONValue.string) ?? .null),
                                    ("reissues", record.reissues.map(JSONValue.string) ?? .null)]))
            }).prettySerialized)
            return
        }
        if list.isEmpty { Console.out("no certificates issued\n"); return }
        for record in list {
            let state = record.status == .active && record.supersededBy != nil ? "superseded"
                : record.status == .active && service.isExpired(record) ? "expired" : record.status.rawValue
            Console.out("\(record.id)  \(record.traineeID)  \(state.padding(toLength: 10, withPad: " ", startingAt: 0))  \(record.validFrom.prefix(10)) to \(record.validUntil.map { String($0.prefix(10)) } ?? "no expiry")\(record.renews.map { "  renews \($0)" } ?? "")\(record.supersededBy.map { "  renewed by \($0)" } ?? "")\(record.reissues.map { "  replaces \($0)" } ?? "")\n")
        }
    }
}

struct CertShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one certificate: status, dates, what met the requirements, where to verify it.")

    @Argument(help: ArgumentHelp("The certificate id.", valueName: "id"))
    var id: String

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let service = try records.certificateService()
        let record = try service.store.certificate(id)
        let publishable = try service.publishable(record)
        Console.out("""
        certificate \(record.id)
          achievement   \(publishable.achievementName)
          issuer        \(publishable.issuerName)
          trainee       \(record.traineeID)
          status        \(publishable.status.rawValue)\(record.statusReason.map { " (\($0))" } ?? "")
          issued        \(publishable.issuedOn)
          valid until   \(publishable.validUntil ?? "no expiry")
          status index  \(record.statusIndex)
        \(record.renews.map { "  renews        \($0)\n" } ?? "")\(record.supersededBy.map { "  renewed by    \($0) (this certificate is superseded)\n" } ?? "")  verify at     \(service.identity.credentialURL(record.id))
          LinkedIn      \(service.linkedInURL(record, publishable))
          requirements met when issued:

        """)
        let evidence = (try? JSONParser.parse(record.evidence).arrayValue) ?? []
        for item in evidence {
            Console.out("    \(item["id"]?.stringValue ?? "?"): \(item["detail"]?.stringValue ?? "")\n")
        }
    }
}

/// `revoke`, `suspend` and `reinstate`.
struct CertStatusChange: ParsableArguments {
    @Argument(help: ArgumentHelp("The certificate id.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("Why, as a code: \(StatusReason.codes.joined(separator: ", ")).", valueName: "code"))
    var reason: String

    @OptionGroup var records: RecordsOptions

    // In validate(), so a mistake is reported with the usage line of the subcommand itself.
    func validate() throws {
        guard StatusReason(rawValue: reason) != nil else {
            throw ValidationError("unknown reason '\(reason)'" + (Suggestions.didYouMean(reason, in: StatusReason.codes).map { "; \($0)" } ?? "")
                                  + "; reasons: \(StatusReason.codes.joined(separator: ", "))")
        }
    }

    func apply(_ status: CertificateRecord.Status, confirmation: ConfirmOption? = nil) throws {
        let service = try records.certificateService()
        if let confirmation {
            let record = try service.store.certificate(id)
            if record.status != .revoked {
                try confirmation.confirm("Revoking certificate \(id)", command: "lantern cert revoke \(id) --reason \(reason)")
            }
        }
        let code = StatusReason(rawValue: reason) ?? .other   // checked in validate()
        try ChangeCertificateStatus(service: service, actor: records.principal, output: StandardOutput())
            .run(certificate: id, to: status, reason: code)
    }
}

struct CertRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a certificate for good, with a reason code.",
                                                    discussion: "Asks for confirmation at a terminal; --yes for scripts.")
    @OptionGroup var change: CertStatusChange
    @OptionGroup var confirmation: ConfirmOption
    func run() throws { try change.apply(.revoked, confirmation: confirmation) }
}

struct CertReissueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reissue",
        abstract: "Replace a certificate after a correction (new email or name): revoke it as superseded and issue a new one.",
        discussion: """
        The new certificate names the trainee by their current details, keeps the old one's expiry \
        and evidence, and records which certificate it replaces; the old one is revoked with \
        reason 'superseded' in the same step. Asks for confirmation at a terminal; --yes for \
        scripts. Publish the site again afterwards so the status list says so.
        """)

    @Argument(help: ArgumentHelp("The certificate id.", valueName: "id"))
    var id: String

    @Flag(help: "Sign even though lantern.yml's addresses are placeholders (example.org): for demonstrations only.")
    var allowPlaceholder = false

    @OptionGroup var confirmation: ConfirmOption

    @OptionGroup var records: RecordsOptions

    func run() throws {
        var service = try records.certificateService()
        service.allowPlaceholder = allowPlaceholder
        let old = try service.store.certificate(id)
        if old.status != .revoked {
            try confirmation.confirm("Revoking certificate \(id) and issuing a new one in its place", command: "lantern cert reissue \(id)")
        }
        try ReissueCertificate(service: service, actor: records.principal, output: StandardOutput()).run(certificate: id)
    }
}

struct CertSuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Suspend a certificate until reinstated, with a reason code.")
    @OptionGroup var change: CertStatusChange
    func run() throws { try change.apply(.suspended) }
}

struct CertReinstateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reinstate", abstract: "Reinstate a suspended certificate, with a reason code.")
    @OptionGroup var change: CertStatusChange
    func run() throws { try change.apply(.active) }
}

struct CertExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a certificate: the signed JWT, the credential JSON, or a printable HTML certificate.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jwt, json, html }

    @Argument(help: ArgumentHelp("The certificate id.", valueName: "id"))
    var id: String

    @Option(help: "jwt, json or html.")
    var format: Format = .jwt

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let service = try records.certificateService()
        let record = try service.store.certificate(id)
        let text: String
        switch format {
        case .jwt: text = record.jwt + "\n"
        case .json:
            var payload = try CompactJWS(parsing: record.jwt).payload.objectValue ?? JSONObject()
            for claim in CredentialSigner.registeredClaims { payload[claim] = nil }
            text = JSONValue.object(payload).prettySerialized
        case .html:
            // The holder's own copy: the name they chose to print (the full legal name unless they
            // asked for their preferred name). Refused for a revoked or suspended certificate.
            let printName = try service.store.trainee(record.traineeID).printName
            text = try CertificateHTML.render(try service.printable(record, name: printName == .preferred ? .preferred : .legal))
        }
        if let output {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw LanternError(.writeFailed, "cannot write \(output)")
            }
            Console.out("wrote \(output)\n")
        } else {
            Console.out(text)
        }
    }
}

struct CertRenewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "renew", abstract: "Renew a trainee's current certificate: opens 'certificate.renewal.window' (default 90d) before expiry; the cycle's continuing-education hours count once; the renewed certificate is superseded.")

    @Argument(help: ArgumentHelp("The trainee id (t-…) or external id.", valueName: "trainee"))
    var trainee: String

    @Flag(help: "Sign even though lantern.yml's addresses are placeholders (example.org): for demonstrations only.")
    var allowPlaceholder = false

    @OptionGroup var records: RecordsOptions

    func run() throws {
        var service = try records.certificateService()
        service.allowPlaceholder = allowPlaceholder
        try RenewCertificate(service: service, actor: records.principal, output: StandardOutput()).run(trainee: trainee)
    }
}

struct CertExpiringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expiring", abstract: "List current certificates (active, not renewed) that expire soon.")

    @Option(help: ArgumentHelp("How far ahead to look: 60d, 8w, 3m, 1y.", valueName: "period"))
    var within: String = "60d"

    @OptionGroup var records: RecordsOptions

    func validate() throws {
        if Period(within) == nil { throw ValidationError("--within must be a period such as 60d, 8w, 3m or 1y") }
    }

    func run() throws {
        let period = Period(within)!
        let list = try records.certificateService().expiring(within: period)
        if list.isEmpty { Console.out("no certificates expire within \(period)\n"); return }
        for record in list {
            Console.out("\(record.id)  \(record.traineeID)  expires \(record.validUntil.map { String($0.prefix(10)) } ?? "")\n")
        }
    }
}

struct CertPublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the verification files alone: issuer.json, jwks.json, status/list.jwt and credentials/<id>/credential.jwt.",
        discussion: """
        The verification-only part of what 'lantern build' publishes, through the same code: the
        folder is replaced as a whole (never half-written) and holds these files and nothing
        else. Signs the status list again first if the records changed without it. A folder that
        holds the site 'lantern build' made is refused: build the site instead.
        """)

    @Option(name: [.short, .long], help: ArgumentHelp("The folder to write into.", valueName: "folder"))
    var output: String = "verification"

    @OptionGroup var records: RecordsOptions

    func run() throws {
        try PublishVerificationFiles(service: records.certificateService(), output: StandardOutput())
            .write(to: URL(fileURLWithPath: output), display: output)
    }
}
