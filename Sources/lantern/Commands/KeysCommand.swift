import ArgumentParser
import Foundation
import LanternApplication
import LanternCertification
import LanternCurriculum
import LanternDiagnostics

/// `lantern keys generate|list|rotate|revoke|export-public`: the issuer's P-256 signing keys.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the issuer's signing keys (P-256, in .lantern/keys/, mode 0600).",
        subcommands: [Generate.self, List.self, Rotate.self, Revoke.self, ExportPublic.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the first signing key.")
        @OptionGroup var location: WorkspaceOption

        func run() throws {
            let (root, display) = try location.resolve()
            let keys = KeyStore(workspaceRoot: root, displayRoot: display)
            let key = try keys.generate()
            // The first status list (no certificate revoked or suspended), signed now so that
            // `lantern build` publishes it without ever opening the private key.
            if let workspace = WorkspaceLoader().load(at: root, displayRoot: display).workspace {
                try keys.signStatusList(identity: IssuerIdentity(config: workspace.config))
            }
            Console.out("generated signing key \(key.thumbprint) (P-256, ES256)\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every key: active, retired (still published) and revoked.")
        @OptionGroup var location: WorkspaceOption

        func run() throws {
            let (root, display) = try location.resolve()
            let store = KeyStore(workspaceRoot: root, displayRoot: display)
            let entries = try store.entries()
            if entries.isEmpty { Console.out("no signing keys; run 'lantern keys generate'\n"); return }
            for entry in entries {
                let state = entry.revoked.map { "revoked \(CredentialDate.formatDay($0))" }
                    ?? entry.retired.map { "retired \(CredentialDate.formatDay($0))" } ?? "active"
                let mode = store.mode(of: entry.thumbprint)
                var file = mode.map { "private key mode \(String($0, radix: 8))" } ?? (entry.isActive ? "private key missing" : "private key gone")
                if let mode, mode & 0o077 != 0 { file += "  (readable by others: refused)" }
                if mode != nil, !entry.isActive { file += "  (a key no longer in use is still in the workspace: 'lantern keys rotate' removes it)" }
                Console.out("\(entry.thumbprint)  created \(CredentialDate.formatDay(entry.created))  \(state)  \(file)\n")
            }
        }
    }

    /// `--move-old-key-to DIR`, shared by rotate and revoke.
    struct DisposalOption: ParsableArguments {
        @Option(help: ArgumentHelp("Move the old private key into this folder (outside the workspace) instead of destroying it.", valueName: "folder"))
        var moveOldKeyTo: String?

        var disposal: KeyStore.Disposal { moveOldKeyTo.map { .moveTo(URL(fileURLWithPath: $0)) } ?? .destroy }

        var what: String {
            moveOldKeyTo.map { "moving the old private key to \($0)" } ?? "destroying the old private key"
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire the active key and make a new one; the old private key is destroyed (or moved out with --move-old-key-to).",
            discussion: """
            The old public key stays in jwks.json with its retirement date: certificates it signed
            before keep verifying, and anything it signed dated after is refused. Its private key
            leaves the workspace (and so do the private keys of keys retired by earlier releases).
            If the old key may have been copied, use 'lantern keys revoke' instead.
            """)
        @OptionGroup var records: RecordsOptions
        @OptionGroup var old: DisposalOption
        @OptionGroup var confirmation: ConfirmOption

        func run() throws {
            let (root, display) = try records.location.resolve()
            let keys = KeyStore(workspaceRoot: root, displayRoot: display)
            if try !keys.entries().isEmpty {
                try confirmation.confirm("Retiring the signing key and \(old.what)", command: "lantern keys rotate")
            }
            // The audit chain records the change when the workspace has records.
            let store = FileManager.default.fileExists(atPath: try records.databasePath()) ? try records.open(mustExist: true) : nil
            try RotateSigningKey(keys: keys, records: store, actor: records.principal, output: StandardOutput()).run(disposal: old.disposal)
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a key that may have been copied: nothing it signed verifies any more.",
            discussion: """
            KEY is a thumbprint from 'lantern keys list' (or a kid ending in #THUMBPRINT). The key
            leaves jwks.json, so every certificate it signed stops verifying, whatever date it
            carries (whoever copied the key can write any date). If it is the active key, a new
            one is made first. The status list is signed again, and the certificates the key
            signed are listed so you can reissue them ('lantern cert reissue ID').
            A thumbprint may begin with '-': put it after '--' ('lantern keys revoke --yes -- -Xy…').
            """)
        @Argument(help: ArgumentHelp("The key's thumbprint (see 'lantern keys list').", valueName: "key"))
        var key: String
        @OptionGroup var records: RecordsOptions
        @OptionGroup var old: DisposalOption
        @OptionGroup var confirmation: ConfirmOption

        func run() throws {
            let (root, display) = try records.location.resolve()
            let keys = KeyStore(workspaceRoot: root, displayRoot: display)
            let entry = try keys.entry(named: key)
            let workspace = try records.course().loadedWorkspace()
            // No records database yet: nothing was issued, so the status list is empty.
            let service = FileManager.default.fileExists(atPath: try records.databasePath()) ? try records.certificateService() : nil
            try confirmation.confirm("Revoking key \(entry.thumbprint) (every certificate it signed stops verifying) and \(old.what)",
                                     command: "lantern keys revoke \(key)")
            try RevokeSigningKey(keys: keys, service: service, identity: IssuerIdentity(config: workspace.config),
                                 actor: records.principal, output: StandardOutput()).run(key: key, disposal: old.disposal)
        }
    }

    struct ExportPublic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-public",
            abstract: "Print the issuer profile (issuer.json) or the public keys as a JWK set (jwks.json).")

        enum Format: String, ExpressibleByArgument { case issuer, jwks }

        @Option(help: "issuer (issuer.json, the default) or jwks.")
        var format: Format = .issuer

        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var location: WorkspaceOption

        func run() throws {
            let context = try CertificationContext(location)
            let profile = try context.issuerProfile()
            let text = format == .issuer ? profile.json.prettySerialized : profile.jwks.prettySerialized
            if let output {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                    throw LanternError(.writeFailed, "cannot write \(output)")
                }
            } else {
                Console.out(text)
            }
        }
    }
}
