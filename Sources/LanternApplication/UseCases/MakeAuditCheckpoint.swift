import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords

/// Signing a checkpoint of the audit log's head for the site (issue 20.5): a staff job, never
/// part of a build. Refuses while the records fail `db check` (a checkpoint must not vouch for
/// tampered records), signs `{rows, head}` with the issuer's active key, and writes it whole to
/// `.lantern/published/checkpoint.jwt` (or `destination`), which the next build publishes.
public struct MakeAuditCheckpoint: Sendable {
    let records: RecordsStore
    let keys: KeyStore
    let identity: IssuerIdentity
    let output: any OutputSink

    public init(records: RecordsStore, keys: KeyStore, identity: IssuerIdentity, actor: Principal, output: any OutputSink) {
        self.records = records.acting(as: actor.auditName)
        self.keys = keys
        self.identity = identity
        self.output = output
    }

    /// Signs and writes the checkpoint; returns it.
    @discardableResult
    public func run(to destination: URL, display: String, now: Date = Date()) throws(LanternError) -> AuditCheckpoint {
        let report = try records.check()
        guard report.isHealthy else {
            for problem in report.problems { output.report(Diagnostic(.error, "db-check", problem, at: nil)) }
            throw LanternError(.recordsUnsound, "the records fail 'lantern db check'; no checkpoint is signed over them")
        }
        let head = try records.auditHead()
        let checkpoint = AuditCheckpoint(issuer: identity.id, rows: head.rows, head: head.hash, madeAt: now)
        let jwt: String
        do { jwt = try checkpoint.signed(with: try keys.activeKey(), identity: identity) } catch let error as LanternError {
            throw error
        } catch {
            throw LanternError(.signingFailed, "the checkpoint could not be signed")
        }
        try FileWriter.writeAtomically(jwt + "\n", to: destination, displayPath: display)
        output.write("signed a checkpoint of \(head.rows) audit rows (head \(head.hash.prefix(16))…) to \(display)\n")
        return checkpoint
    }
}
