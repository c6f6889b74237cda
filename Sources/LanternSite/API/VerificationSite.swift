import LanternCertification

/// Everything the verification part of the site publishes, prepared by the certification layer.
///
/// The issuer profile and the status list are opaque, already-signed text: the site copies
/// them byte for byte to `issuer.json`, `jwks.json` and `status/list.jwt`.
public struct VerificationSite: Sendable, Hashable, Codable {
    /// The issuer Profile with its public keys (JWK set), as JSON text.
    public var issuerJSON: String
    /// The issuer's public keys as a JWK set (`jwks.json`); empty for none.
    public var jwksJSON: String
    /// The signed Bitstring Status List credential (compact JWS).
    public var statusListJWT: String
    /// JavaScript defining `async function lanternVerify(credentialJWT, issuerJSONText, statusListJWT)`.
    public var verifierScript: String
    public var credentials: [PublishableCredential]
    /// The signed checkpoint of the records' audit log (`lantern db checkpoint`), published as
    /// `checkpoint.jwt` so anyone keeping a copy can later show history was rewritten.
    public var auditCheckpoint: String?

    public init(issuerJSON: String, jwksJSON: String = "", statusListJWT: String, verifierScript: String = VerifierScript.placeholder,
                credentials: [PublishableCredential], auditCheckpoint: String? = nil) {
        self.issuerJSON = issuerJSON
        self.jwksJSON = jwksJSON
        self.statusListJWT = statusListJWT
        self.verifierScript = verifierScript
        self.credentials = credentials
        self.auditCheckpoint = auditCheckpoint
    }

    private enum CodingKeys: String, CodingKey {
        case issuerJSON = "issuer_json", jwksJSON = "jwks_json", statusListJWT = "status_list_jwt", verifierScript = "verifier_script", credentials
        case auditCheckpoint = "audit_checkpoint"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        issuerJSON = try container.decode(String.self, forKey: .issuerJSON)
        jwksJSON = try container.decodeIfPresent(String.self, forKey: .jwksJSON) ?? ""
        statusListJWT = try container.decode(String.self, forKey: .statusListJWT)
        verifierScript = try container.decodeIfPresent(String.self, forKey: .verifierScript) ?? VerifierScript.placeholder
        credentials = try container.decode([PublishableCredential].self, forKey: .credentials)
        auditCheckpoint = try container.decodeIfPresent(String.self, forKey: .auditCheckpoint)
    }
}
