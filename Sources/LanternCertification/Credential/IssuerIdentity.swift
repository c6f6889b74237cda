import LanternCurriculum

/// Who issues the credentials: the organisation in `lantern.yml`, identified by the address of
/// its published `issuer.json`.
public struct IssuerIdentity: Sendable, Hashable {
    /// `<site base>issuer.json`.
    public var id: String
    public var name: String
    public var url: String?
    public var email: String?
    /// The site's base address, ending in `/`.
    public var baseURL: String

    public init(id: String, name: String, url: String?, email: String?, baseURL: String) {
        self.id = id
        self.name = name
        self.url = url
        self.email = email
        self.baseURL = baseURL
    }

    /// From the workspace's organisation and `site.base_url`.
    public init(config: WorkspaceConfig) {
        let base = config.site.baseURL.hasSuffix("/") ? config.site.baseURL : config.site.baseURL + "/"
        self.init(id: base + "issuer.json", name: config.organisation.name, url: config.organisation.url,
                  email: config.organisation.email, baseURL: base)
    }

    /// Where the issuer's public keys are published: a plain JWK set beside `issuer.json`.
    public var jwksURL: String { baseURL + "jwks.json" }

    /// `jwks.json#<thumbprint>`: the `kid` of a key, pointing into the published JWK set.
    public func keyID(_ thumbprint: String) -> String { jwksURL + "#" + thumbprint }

    /// The `kid` the releases before issue 16 used: `issuer.json#<thumbprint>`.
    public func legacyKeyID(_ thumbprint: String) -> String { id + "#" + thumbprint }

    /// The page describing an achievement (what it certifies, its criteria and hours).
    public func achievementURL(_ programID: String) -> String { baseURL + "achievements/\(programID)/" }

    /// Where a credential's verification page and files are published.
    public func credentialURL(_ credentialID: String) -> String { baseURL + "credentials/\(credentialID)/" }

    /// Where the status list is published.
    public var statusListURL: String { baseURL + "status/list.jwt" }

    /// The issuer as it appears inside a credential (an OB 3.0 Profile).
    public var profileJSON: JSONValue {
        var object = JSONObject([("id", .string(id)), ("type", ["Profile"]), ("name", .string(name))])
        if let url { object["url"] = .string(url) }
        if let email { object["email"] = .string(email) }
        return .object(object)
    }
}
