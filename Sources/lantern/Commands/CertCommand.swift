import ArgumentParser

/// `lantern cert …`: certificates.
struct CertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Issue, manage and verify Open Badges 3.0 certificates.",
        subcommands: [CertStatusCommand.self, CertIssueCommand.self, CertListCommand.self, CertShowCommand.self, CertRevokeCommand.self,
                      CertSuspendCommand.self, CertReinstateCommand.self, CertExportCommand.self, CertRenewCommand.self, CertReissueCommand.self,
                      CertExpiringCommand.self, CertPublishCommand.self, CertVerifyCommand.self]
    )
}
