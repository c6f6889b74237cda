import ArgumentParser
import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics

/// `lantern cert verify FILE|ID`: every verification step, offline, from files.
struct CertVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a certificate offline and print each step (pass, fail, warn).",
        discussion: """
        FILE is a credential: a VC-JWT (credential.jwt) or a JSON credential. Without --issuer and
        --status the workspace's own keys and status are used when run inside a workspace.
        Exit status: 0 valid, 1 not valid (tampered, wrong or unknown key, refused algorithm,
        expired, not yet valid, revoked, suspended, wrong recipient), 2 usage.
        """
    )

    @Argument(help: ArgumentHelp("A credential file (.jwt or .json), or a credential id in this workspace.", valueName: "file-or-id"))
    var credential: String

    @Option(help: ArgumentHelp("The issuer profile with its public keys.", valueName: "issuer.json"))
    var issuer: String?

    @Option(help: ArgumentHelp("The signed status list.", valueName: "list.jwt"))
    var status: String?

    @Option(help: ArgumentHelp("Check that the credential was issued to this email.", valueName: "email"))
    var email: String?

    @Option(help: ArgumentHelp("Also validate against this JSON Schema (e.g. the OB 3.0 achievementcredential schema).", valueName: "schema.json"))
    var schema: String?

    @Option(help: ArgumentHelp("Verify as of this date-time instead of now (e.g. 2030-01-01T00:00:00Z).", valueName: "date-time"))
    var at: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var location: WorkspaceOption

    func run() throws {
        var now = Date()
        if let at {
            guard let parsed = CredentialDate.parse(at) ?? CredentialDate.parseDay(at) else {
                throw ValidationError("--at must be a date (2030-01-01) or a date-time with a time zone")
            }
            now = parsed
        }
        let text = try Self.readFile(credential, what: "credential")
        var issuerText = try issuer.map { try Self.readFile($0, what: "issuer profile") }
        let statusText = try status.map { try Self.readFile($0, what: "status list") }
        if issuerText == nil, let context = try? CertificationContext(location), let profile = try? context.issuerProfile() {
            issuerText = profile.json.serialized
        }
        let validator = try schema.map { path throws(LanternError) in try JSONSchemaValidator(contentsOf: URL(fileURLWithPath: path)) }
        let verifier = CredentialVerifier(issuerProfile: issuerText, statusList: statusText, schema: validator, now: now)
        let report = verifier.verify(text, email: email)
        Console.out(json ? report.json.prettySerialized : report.text)
        if !report.isValid { throw ExitCode(1) }
    }

    /// A file's text; a missing file is a usage mistake (exit 2).
    static func readFile(_ path: String, what: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("no \(what) file '\(path)'")
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 16 * 1024 * 1024 else {
            throw LanternError("unreadable", "cannot read \(what) file \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
