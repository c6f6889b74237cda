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

    /// The credential as JSON (VC 2.0 `BitstringStatusListCredential`).
    public var json: JSONValue {
        .object(JSONObject([
            ("@context", [.string(CredentialContexts.vc2)]),
            ("id", .string(id)),
            ("type", ["VerifiableCredential", "BitstringStatusListCredential"]),
            ("issuer", .string(issuerID)),
            ("validFrom", .string(CredentialDate.format(validFrom))),
            ("credentialSubject", .object(JSONObject([
                ("id", .string(id + "#list")),
                ("type", "BitstringStatusList"),
                ("statusPurpose", "message"),
                ("encodedList", .string(list.encoded)),
            ]))),
        ]))
    }

    /// Signed as a VC-JWT with the issuer's active key (see ``CredentialSigner``).
    public func signed(with key: SigningKey) throws -> String {
        try CredentialSigner.sign(json, key: key, issuerID: issuerID)
    }
}
