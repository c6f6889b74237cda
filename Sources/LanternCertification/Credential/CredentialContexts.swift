/// The JSON-LD contexts and schema Lantern's credentials name.
public enum CredentialContexts {
    public static let vc2 = "https://www.w3.org/ns/credentials/v2"
    public static let ob3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    /// The Open Badges extensions context: the only one that defines `1EdTechJsonSchemaValidator2019`.
    public static let ob3Extensions = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
    /// The 1EdTech JSON Schema for an AchievementCredential, named in `credentialSchema`.
    public static let ob3Schema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
    public static let ob3SchemaType = "1EdTechJsonSchemaValidator2019"
    /// The W3C vocabulary of Bitstring Status List terms.
    public static let statusVocabulary = "https://www.w3.org/ns/credentials/status#"

    /// An embedded context for the status list credential: the VC 2.0 context defines
    /// `statusSize` and `statusMessage` only inside a `BitstringStatusListEntry`, so on the list
    /// itself (Bitstring Status List §2.2, purpose `message`) they are defined here, with the
    /// same IRIs the W3C context gives them. Embedded, so no processor has to fetch it.
    public static var statusListTerms: JSONValue {
        .object(JSONObject([
            ("statusSize", .object(JSONObject([("@id", .string(statusVocabulary + "statusSize")),
                                               ("@type", "http://www.w3.org/2001/XMLSchema#integer")]))),
            ("statusMessage", .object(JSONObject([
                ("@id", .string(statusVocabulary + "statusMessage")),
                ("@context", .object(JSONObject([("status", .string(statusVocabulary + "status")),
                                                 ("message", .string(statusVocabulary + "message"))]))),
            ]))),
        ]))
    }
}
