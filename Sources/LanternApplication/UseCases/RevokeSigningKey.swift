import Foundation
import LanternCertification
import LanternDiagnostics
import LanternRecords

/// `lantern keys revoke KID`: a key that may have been copied is revoked. It leaves the
/// published key set, so **every** credential it signed stops verifying, whatever date it
/// carries — whoever holds a copy of the key can write any date into what they sign, so a
/// compromise date could not tell the issuer's credentials from a forger's. The active key is
/// replaced first when it is the one revoked, the status list is signed again with the active
/// key (a list signed by the revoked key is no longer believed), and the certificates the key
/// signed are listed to be reissued. The front end asks for confirmation first.
public struct RevokeSigningKey: Sendable {
    public let actor: Principal
    let keys: KeyStore
    let service: CertificateService?
    let identity: IssuerIdentity
    let output: any OutputSink

    /// `service` is nil when the workspace has no records yet (so no certificate was issued and
    /// the status list is empty).
    public init(keys: KeyStore, service: CertificateService?, identity: IssuerIdentity, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.keys = keys
        self.service = service
        self.identity = identity
        self.output = output
    }

    @discardableResult
    public func run(key: String, disposal: KeyStore.Disposal = .destroy, now: Date = Date()) throws(LanternError) -> KeyStore.Change {
        let change = try keys.revoke(key, now: now, disposal: disposal)
        try RotateSigningKey.audit(change, ended: "signing-key.revoked", in: service?.store)
        if let key = change.newKey { output.write("new signing key \(key.thumbprint) (the revoked key was the active one)\n") }
        let thumbprint = change.ended.first ?? key
        output.write("revoked \(thumbprint) as of \(CredentialDate.format(now)): it is no longer in jwks.json, and no credential it signed verifies\n")
        RotateSigningKey.reportDisposal(change, keys: keys, output: output)
        if let service {
            try service.signStatusList()
            let signed = try service.store.certificates().filter { record in
                (try? CompactJWS(parsing: record.jwt))?.keyID?.hasSuffix("#" + thumbprint) == true
            }
            output.write("signed the status list again with the active key\n")
            if signed.isEmpty {
                output.write("no certificate in the records was signed with it\n")
            } else {
                output.write("signed with it, and no longer verifying: \(Wording.count(signed.count, "certificate")); reissue each one with the active key:\n")
                for record in signed {
                    output.write("  lantern cert reissue \(record.id)\(record.status == .active ? "" : "   (\(record.status.rawValue))")\n")
                }
            }
        } else {
            try keys.signStatusList(identity: identity, now: now)
            output.write("signed the (empty) status list again with the active key\n")
        }
        output.write("publish again now ('lantern build' or 'lantern cert publish'): until then the site still lists the revoked key\n")
        return change
    }
}
