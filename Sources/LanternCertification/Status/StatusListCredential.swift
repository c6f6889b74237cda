import Foundation

/// The signed Bitstring Status List credential Lantern publishes at `status/list.jwt`.
public struct StatusListCredential: Sendable {
    public var id: String
    public var issuerID: String
    public var list: Bitstring
    public var validFrom: Date

    public init(id: String, issuerID: String, list: Bitstring, validFrom: Date) {
        self.id = id
        self.issuerID = issuerID
        self.list = list
        self.validFrom = validFrom
    }

    /// The credential as JSON (VC 2.0 `BitstringStatusListCredential`). Purpose `message` with
    /// `statusSize` and all four `statusMessage` values on the list too (§2.2), defined by the
    /// embedded context (``CredentialContexts/statusListTerms``).
    public func json() throws -> JSONValue {
        .object(JSONObject([
            ("@context", [.string(CredentialContexts.vc2), CredentialContexts.statusListTerms]),
            ("id", .string(id)),
            ("type", ["VerifiableCredential", "BitstringStatusListCredential"]),
            ("issuer", .string(issuerID)),
            ("validFrom", .string(CredentialDate.format(validFrom))),
            ("credentialSubject", .object(JSONObject([
                ("id", .string(id + "#list")),
                ("type", "BitstringStatusList"),
                ("statusPurpose", "message"),
                ("statusSize", .int(list.statusSize)),
                ("statusMessage", CredentialStatus.statusMessages),
                ("encodedList", .string(try list.encoded())),
            ]))),
        ]))
    }

    /// Signed as a VC-JWT with the issuer's active key (see ``CredentialSigner``): a VC, not an
    /// Open Badge, so `typ` is VC-JOSE-COSE's `vc+jwt`.
    public func signed(with key: SigningKey, keyID: String) throws -> String {
        try CredentialSigner.sign(try json(), key: key, keyID: keyID, type: CredentialSigner.vcMediaType)
    }
}
