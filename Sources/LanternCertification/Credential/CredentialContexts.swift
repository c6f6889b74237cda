/// The JSON-LD contexts and schema Lantern's credentials name.
public enum CredentialContexts {
    public static let vc2 = "https://www.w3.org/ns/credentials/v2"
    public static let ob3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    /// The 1EdTech JSON Schema for an AchievementCredential, named in `credentialSchema`.
    public static let ob3Schema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
    public static let ob3SchemaType = "1EdTechJsonSchemaValidator2019"
}
