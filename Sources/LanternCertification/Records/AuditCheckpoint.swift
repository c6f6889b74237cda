import Foundation
import LanternDiagnostics
import LanternRecords

/// A signed checkpoint of the audit chain's head: how many rows the log held and the last row's
/// hash, signed (ES256) with the issuer's active key. Published with the site, so anyone who
/// keeps a copy can later show that the log was rewritten: the row it names must still hash to
/// the same value (`lantern db check --against FILE`).
///
/// Made only by `lantern db checkpoint` (a staff command), never during a build, so builds stay
/// byte-identical.
public struct AuditCheckpoint: Sendable, Hashable {
    /// The JWS `typ` of a checkpoint.
    public static let mediaType = "lantern-audit-checkpoint+jwt"
    /// Where `lantern db checkpoint` writes it, relative to the workspace: the folder of signed
    /// artefacts the site build copies as they are.
    public static let publishedPath = ".lantern/published/checkpoint.jwt"

    public var issuer: String
    public var rows: Int64
    public var head: String
    public var madeAt: Date

    public init(issuer: String, rows: Int64, head: String, madeAt: Date) {
        self.issuer = issuer
        self.rows = rows
        self.head = head
        self.madeAt = madeAt
    }

    /// The compact JWS.
    public func signed(with key: SigningKey, identity: IssuerIdentity) throws -> String {
        let payload: JSONValue = .object(JSONObject([
            ("iss", .string(issuer)), ("rows", .int(Int(rows))), ("head", .string(head)),
            ("iat", .int(Int(madeAt.timeIntervalSince1970))),
        ]))
        return try CompactJWS.sign(payload: payload, key: key, kid: identity.keyID(key.thumbprint), type: Self.mediaType)
    }

    /// Reads a checkpoint and checks its signature against the issuer's public keys: not a
    /// revoked key, nor a retired one for a checkpoint dated after its retirement (issue 20).
    public static func verified(_ text: String, keys: [PublishedKey], identity: IssuerIdentity) throws(LanternError) -> AuditCheckpoint {
        let jws = try CompactJWS(parsing: text)
        guard jws.algorithm == ES256.algorithm, jws.type == mediaType else {
            throw LanternError(.checkpointInvalid, "not a Lantern audit checkpoint (alg \(jws.algorithm ?? "none"), typ \(jws.type ?? "none"))")
        }
        guard let kid = jws.keyID,
              let published = keys.first(where: { identity.keyID($0.thumbprint) == kid && $0.revoked == nil }) else {
            throw LanternError(.checkpointUnknownKey, "the checkpoint was not signed by one of this issuer's keys (or its key was revoked)")
        }
        if let retired = published.retired, (jws.payload["iat"]?.intValue).map({ Date(timeIntervalSince1970: Double($0)) > retired }) ?? true {
            throw LanternError(.checkpointUnknownKey, "the checkpoint is dated after its key was retired on \(CredentialDate.format(retired))")
        }
        let key = published.jwk
        guard ES256.verify(signature: jws.signature, input: jws.signingInput, key: key.key) else {
            throw LanternError(.checkpointSignature, "the checkpoint's signature does not verify: it was altered or forged")
        }
        guard let rows = jws.payload["rows"]?.intValue, rows >= 0, let head = jws.payload["head"]?.stringValue,
              let issuer = jws.payload["iss"]?.stringValue, issuer == identity.id, let at = jws.payload["iat"]?.intValue else {
            throw LanternError(.checkpointInvalid, "the checkpoint lacks its issuer, row count, head or time")
        }
        return AuditCheckpoint(issuer: issuer, rows: Int64(rows), head: head, madeAt: Date(timeIntervalSince1970: Double(at)))
    }

    /// What is wrong with the records' audit log measured against this checkpoint (empty: the
    /// log still holds, unchanged, every row the checkpoint covered).
    public func problems(in store: RecordsStore) throws(LanternError) -> [String] {
        guard rows > 0 else { return [] }
        guard let hash = try store.auditHash(row: rows) else {
            return ["checkpoint: the audit log has fewer rows than the \(rows) the checkpoint of \(CredentialDate.format(madeAt)) covered: history was removed"]
        }
        if hash != head {
            return ["checkpoint: audit row \(rows) differs from the checkpoint of \(CredentialDate.format(madeAt)): the history before it was rewritten"]
        }
        return []
    }
}
