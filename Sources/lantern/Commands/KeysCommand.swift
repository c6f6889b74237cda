import ArgumentParser
import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics

/// `lantern keys generate|list|rotate|export-public`: the issuer's P-256 signing keys.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the issuer's signing keys (P-256, in .lantern/keys/, mode 0600).",
        subcommands: [Generate.self, List.self, Rotate.self, ExportPublic.self]
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
        static let configuration = CommandConfiguration(abstract: "List every key: active and retired (still published).")
        @OptionGroup var location: WorkspaceOption

        func run() throws {
            let (root, display) = try location.resolve()
            let store = KeyStore(workspaceRoot: root, displayRoot: display)
            let entries = try store.entries()
            if entries.isEmpty { Console.out("no signing keys; run 'lantern keys generate'\n"); return }
            for entry in entries {
                let state = entry.isActive ? "active" : "retired \(CredentialDate.formatDay(entry.retired ?? Date()))"
                let mode = store.mode(of: entry.thumbprint).map { String($0, radix: 8) } ?? "missing"
                let warning = store.mode(of: entry.thumbprint).map { $0 & 0o077 != 0 } == true ? "  (readable by others: refused)" : ""
                Console.out("\(entry.thumbprint)  created \(CredentialDate.formatDay(entry.created))  \(state)  private key mode \(mode)\(warning)\n")
            }
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Retire the active key and create a new one; old public keys stay published.")
        @OptionGroup var location: WorkspaceOption

        func run() throws {
            let (root, display) = try location.resolve()
            let key = try KeyStore(workspaceRoot: root, displayRoot: display).rotate()
            Console.out("new signing key \(key.thumbprint); older keys retired but still published so old certificates verify\n")
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
                    throw LanternError("write-failed", "cannot write \(output)")
                }
            } else {
                Console.out(text)
            }
        }
    }
}
