import ArgumentParser
import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords

/// `lantern cert verify FILE|ID`: every verification step, offline, from files.
struct CertVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a certificate offline and print each step (pass, fail, warn).",
        discussion: """
        FILE is a credential: a VC-JWT (credential.jwt) or a JSON credential. Give what the issuer
        publishes: --issuer issuer.json, --keys jwks.json (found beside issuer.json when not given)
        and --status list.jwt. Inside a workspace, its own profile, keys and status list fill in
        whatever is not given.
        Exit status: 0 valid; 1 not valid (tampered, wrong or unknown key, refused algorithm,
        expired, not yet valid, revoked, suspended, wrong recipient); 2 usage; 3 cannot check
        (the issuer profile, its keys or the status list the credential names was not given or
        cannot be read — the output says what to fetch).
        """
    )

    @Argument(help: ArgumentHelp("A credential file (.jwt or .json), or a credential id in this workspace.", valueName: "file-or-id"))
    var credential: String

    @Option(help: ArgumentHelp("The issuer profile.", valueName: "issuer.json"))
    var issuer: String?

    @Option(help: ArgumentHelp("The issuer's public keys (a JWK set; default: jwks.json beside --issuer).", valueName: "jwks.json"))
    var keys: String?

    @Option(help: ArgumentHelp("A signed status list (repeat for several).", valueName: "list.jwt"))
    var status: [String] = []

    @Option(help: ArgumentHelp("Check that the credential was issued to this email.", valueName: "email"))
    var email: String?

    @Option(help: ArgumentHelp("Also validate against this JSON Schema (e.g. the OB 3.0 achievementcredential schema).", valueName: "schema.json"))
    var schema: String?

    @Option(help: ArgumentHelp("Verify as of this date-time instead of now (e.g. 2030-01-01T00:00:00Z).", valueName: "date-time"))
    var at: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var records: RecordsOptions

    func run() throws {
        var now = Date()
        if let at {
            guard let parsed = CredentialDate.parse(at) ?? CredentialDate.parseDay(at) else {
                throw ValidationError("--at must be a date (2030-01-01) or a date-time with a time zone")
            }
            now = parsed
        }
        // Inside a workspace with records, the issuer's own keys, status list and renewals are
        // the defaults; files given on the command line always win.
        let service = try? records.certificateService(mustExist: true)
        let text: String
        if FileManager.default.fileExists(atPath: credential) {
            text = try Self.readFile(credential, what: "credential")
        } else if let service, let record = try? service.store.certificate(credential) {
            text = record.jwt
        } else {
            throw ValidationError("no credential file or certificate id '\(credential)'")
        }
        var issuerText = try issuer.map { try Self.readInput($0, what: "issuer profile") }
        var keysPath = keys
        if keysPath == nil, let issuer {
            let beside = URL(fileURLWithPath: issuer).deletingLastPathComponent().appendingPathComponent("jwks.json").path
            if FileManager.default.fileExists(atPath: beside) { keysPath = beside }
        }
        var keysText = try keysPath.map { try Self.readInput($0, what: "key set") }
        var statusTexts = try status.map { try Self.readInput($0, what: "status list") }
        // The signed status list as kept; signed again (with the active key) if the records changed.
        let publication = (try? service?.publication()) ?? (try? service?.signStatusList())
        if issuerText == nil {
            if let publication {
                issuerText = publication.issuerJSON
                if keysText == nil { keysText = publication.jwksJSON }
            } else if let context = try? CertificationContext(records.location), let profile = try? context.issuerProfile() {
                issuerText = profile.json.serialized
                if keysText == nil { keysText = profile.jwks.serialized }
            }
        }
        // The workspace's own list is offered when no issuer file was named (verifying with
        // someone else's files uses only the lists given); a credential uses only the list it names.
        if statusTexts.isEmpty, issuer == nil, let publication { statusTexts = [publication.statusListJWT] }
        let validator = try schema.map { path throws(LanternError) in try JSONSchemaValidator(contentsOf: URL(fileURLWithPath: path)) }
        let renewals = Dictionary(((try? service?.store.certificates()) ?? []).compactMap { record in record.renews.map { ($0, record.id) } },
                                  uniquingKeysWith: { first, _ in first })
        let base = service?.identity.baseURL
        let verifier = CredentialVerifier(issuerProfile: issuerText, keys: keysText, statusLists: statusTexts, schema: validator, now: now, renewal: { url in
            guard let base, url.hasPrefix(base + "credentials/") else { return nil }
            return renewals[String(url.dropFirst(base.count + 12).prefix { $0 != "/" })]
        })
        let report = verifier.verify(text, email: email, path: FileManager.default.fileExists(atPath: credential) ? credential : "credential")
        Console.out(json ? report.json.prettySerialized : report.text)
        if report.verdict.exitCode != 0 { throw ExitCode(report.verdict.exitCode) }
    }

    /// An issuer profile, key set or status list: a file that exists but cannot be read (or is
    /// too large) is reported on standard error and given to the verifier as empty, which then
    /// says *cannot check* (exit 3) rather than *not valid*.
    static func readInput(_ path: String, what: String) throws -> String {
        do { return try readFile(path, what: what) } catch let error as LanternError {
            Console.err("warning: \(error.message)\n")
            return ""
        }
    }

    /// The largest credential, issuer profile or status list read (Lantern's are kilobytes).
    static let maximumFileSize = 16 * 1024 * 1024

    /// A file's text (invalid UTF-8 replaced); a missing file is a usage mistake (exit 2).
    ///
    /// Opened without blocking and refused unless it is a regular file, so a FIFO with no writer,
    /// a terminal or a device is an error at once rather than a command that waits for ever; at
    /// most ``maximumFileSize`` bytes are read.
    static func readFile(_ path: String, what: String) throws -> String {
        let data: Data
        do { data = try Platform.readRegularFile(path, limit: maximumFileSize) } catch {
            if error.is(.missingFile) { throw ValidationError("no \(what) file '\(path)'") }
            if error.is(.notAFile) {
                throw LanternError(.notAFile, "\(what) \(path) is not a regular file (a pipe, device or folder); give the path of a file")
            }
            throw LanternError(.unreadable, "cannot read \(what) file \(path): \(error.message)")
        }
        guard data.count <= maximumFileSize else {
            throw LanternError(.tooLarge, "\(what) file \(path) is larger than \(maximumFileSize / 1024 / 1024) MB, the most Lantern reads")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
