/// `lantern.yml`: who runs the course and where things are.
public struct WorkspaceConfig: Sendable, Hashable {
    public struct Organisation: Sendable, Hashable {
        public var name: String
        public var url: String?
        public var email: String?

        public init(name: String, url: String? = nil, email: String? = nil) {
            self.name = name
            self.url = url
            self.email = email
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

    public static let fileName = "lantern.yml"
}
