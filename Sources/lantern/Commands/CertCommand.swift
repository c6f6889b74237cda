import ArgumentParser

/// `lantern cert …`: certificates.
struct CertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Issue, manage and verify Open Badges 3.0 certificates.",
        subcommands: [CertVerifyCommand.self]
    )
}
