/// `lantern.yml`: who runs the course and where things are.
public struct WorkspaceConfig: Sendable, Hashable {
    public struct Organisation: Sendable, Hashable {
        public var name: String
        public var url: String?
        public var email: String?
        /// The logo on printed certificates: an SVG, PNG or JPEG inside the workspace.
        public var logo: String?
        /// Who signs printed certificates: their name and title (`signatory:` in lantern.yml).
        public var signatoryName: String?
        public var signatoryTitle: String?

        public init(name: String, url: String? = nil, email: String? = nil, logo: String? = nil,
                    signatoryName: String? = nil, signatoryTitle: String? = nil) {
            self.name = name
            self.url = url
            self.email = email
            self.logo = logo
            self.signatoryName = signatoryName
            self.signatoryTitle = signatoryTitle
        }
    }

    public struct Site: Sendable, Hashable {
        /// Absolute `http(s)` address the site is published at, ending in `/`.
        public var baseURL: String
        public var title: String?

        public init(baseURL: String, title: String? = nil) {
            self.baseURL = baseURL
            self.title = title
        }
    }

    /// Folders, relative to the workspace root.
    public struct Paths: Sendable, Hashable {
        public var curriculum = "curriculum"
        public var assessments = "assessments"
        public var templates = "templates"

        public init() {}
    }

    public var organisation: Organisation
    public var site: Site
    /// ISO country code whose crisis resources are shown as local.
    public var region: String?
    public var paths: Paths
    /// `serve:`: settings of `lantern serve` (defaults when the section is absent).
    public var serve = ServeSettings()

    public static let fileName = "lantern.yml"

    /// Domains reserved for examples (RFC 2606): an address there is a placeholder nobody
    /// can publish at, and a certificate signed with it points nowhere for good.
    public static let placeholderDomains = ["example.org", "example.com", "example.net"]

    /// The host of `url` when it is a placeholder (`example.org`, `training.example.com`, …).
    public static func placeholderHost(_ url: String) -> String? {
        var rest = Substring(url.lowercased())
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        if host.hasSuffix(".") { host = host.dropLast() }
        let name = String(host)
        return placeholderDomains.contains { name == $0 || name.hasSuffix("." + $0) } ? name : nil
    }

    /// The settings that hold a placeholder address: (key, address).
    public var placeholderAddresses: [(key: String, address: String)] {
        var found: [(String, String)] = []
        if Self.placeholderHost(site.baseURL) != nil { found.append(("site.base_url", site.baseURL)) }
        if let url = organisation.url, Self.placeholderHost(url) != nil { found.append(("organisation.url", url)) }
        return found
    }
}
