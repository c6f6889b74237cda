import LanternDiagnostics

/// Reads `lantern.yml`.
enum ConfigReader {
    static let keys = ["organisation", "site", "region", "paths", "serve"]

    static func read(_ root: YAMLNode, engine: DiagnosticsEngine) -> WorkspaceConfig? {
        guard let reader = YAMLMappingReader(root, context: "lantern.yml", knownKeys: keys, engine: engine) else { return nil }

        var organisation = WorkspaceConfig.Organisation(name: "", url: nil, email: nil)
        if let org = reader.mapping("organisation", context: "organisation", knownKeys: ["name", "url", "email", "logo", "signatory"], required: true) {
            organisation.name = org.string("name", required: true, example: "Lantern Training Collective") ?? ""
            organisation.url = org.string("url")
            if let url = organisation.url, let node = org.value("url"), checkWebAddress(url, key: "url", at: node, engine: engine) {
                warnIfPlaceholder(url, key: "organisation.url", at: node, engine: engine)
            }
            organisation.email = org.string("email")
            if let email = organisation.email, !email.contains("@"), let node = org.value("email") {
                engine.error("invalid-value", "'email' should be an email address, not '\(email)'", at: node.location)
            }
            if let logo = org.string("logo"), let node = org.value("logo") {
                let lower = logo.lowercased()
                if !isSafeRelativePath(logo) {
                    engine.error("unsafe-path", "'logo' must be a file inside the workspace, not '\(logo)'", at: node.location,
                                 hint: "use a relative path without '..', such as 'branding/logo.svg'")
                } else if ![".svg", ".png", ".jpg", ".jpeg"].contains(where: { lower.hasSuffix($0) }) {
                    engine.error("invalid-value", "'logo' should be an SVG, PNG or JPEG file, not '\(logo)'", at: node.location)
                } else {
                    organisation.logo = logo
                }
            }
            if let signatory = org.mapping("signatory", context: "signatory", knownKeys: ["name", "title"]) {
                organisation.signatoryName = signatory.string("name", required: true, example: "Dr Jo Smith")
                organisation.signatoryTitle = signatory.string("title")
            }
        }

        var site = WorkspaceConfig.Site(baseURL: "", title: nil)
        if let siteReader = reader.mapping("site", context: "site", knownKeys: ["base_url", "title"], required: true) {
            if let base = siteReader.string("base_url", required: true, example: "https://training.example.org/"),
               let node = siteReader.value("base_url"), checkWebAddress(base, key: "base_url", at: node, engine: engine) {
                site.baseURL = base.hasSuffix("/") ? base : base + "/"
                warnIfPlaceholder(base, key: "site.base_url", at: node, engine: engine)
            }
            site.title = siteReader.string("title")
        }

        var region: String?
        if let code = reader.string("region"), let node = reader.value("region") {
            if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                region = code
            } else {
                engine.error("invalid-value", "'region' should be a two-letter country code such as US, GB or AU, not '\(code)'",
                             at: node.location, hint: code.count == 2 ? "write it in capitals: '\(code.uppercased())'" : nil)
            }
        }

        var paths = WorkspaceConfig.Paths()
        if let pathsReader = reader.mapping("paths", context: "paths", knownKeys: ["curriculum", "assessments", "templates"]) {
            for key in ["curriculum", "assessments", "templates"] {
                guard let value = pathsReader.string(key), let node = pathsReader.value(key) else { continue }
                guard isSafeRelativePath(value) else {
                    engine.error("unsafe-path", "'\(key)' must be a folder inside the workspace, not '\(value)'", at: node.location,
                                 hint: "use a relative path without '..', such as '\(key)'")
                    continue
                }
                switch key {
                case "curriculum": paths.curriculum = value
                case "assessments": paths.assessments = value
                default: paths.templates = value
                }
            }
        }
        var config = WorkspaceConfig(organisation: organisation, site: site, region: region, paths: paths)
        if let serveReader = reader.mapping("serve", context: "serve", knownKeys: ["listen", "address", "assessors_see"]) {
            config.serve = readServe(serveReader, engine: engine)
        }
        return config
    }

    /// `serve:`: every value checked at its line.
    static func readServe(_ reader: YAMLMappingReader, engine: DiagnosticsEngine) -> ServeSettings {
        var serve = ServeSettings()
        if let text = reader.string("listen"), let node = reader.value("listen") {
            if let endpoint = ServeSettings.parseListen(text) {
                serve.listen = endpoint
            } else {
                engine.error("invalid-value", "'listen' should be ADDRESS:PORT, such as 127.0.0.1:2222 or 0.0.0.0:2222, not '\(text)'",
                             at: node.location, hint: "the address to listen on and the port, 0 to 65535")
            }
        }
        if let text = reader.string("address"), let node = reader.value("address") {
            if let endpoint = ServeSettings.parseAddress(text) {
                serve.address = endpoint
            } else {
                engine.error("invalid-value", "'address' should be HOST or HOST:PORT, such as training.example.org:2222, not '\(text)'",
                             at: node.location, hint: "the name and port people connect to with ssh (port 22 when none is given)")
            }
        }
        if let text = reader.string("assessors_see"), let node = reader.value("assessors_see") {
            if let value = ServeSettings.AssessorsSee(rawValue: text) {
                serve.assessorsSee = value
            } else {
                engine.error("invalid-value", "'assessors_see' should be 'assigned' or 'all', not '\(text)'", at: node.location,
                             hint: "'assigned' (the default): assessors see the trainees of the cohorts they are assigned to; 'all': every trainee")
            }
        }
        return serve
    }

    @discardableResult
    static func checkWebAddress(_ text: String, key: String, at node: YAMLNode, engine: DiagnosticsEngine) -> Bool {
        let lower = text.lowercased()
        let rest = lower.hasPrefix("https://") ? lower.dropFirst(8) : lower.hasPrefix("http://") ? lower.dropFirst(7) : nil
        guard let rest, let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
              !text.contains(where: \.isWhitespace) else {
            engine.error("invalid-value", "'\(key)' should be a web address starting with https://, not '\(text)'", at: node.location)
            return false
        }
        return true
    }

    /// A warning for an address at a domain reserved for examples: certificates sign it for good.
    static func warnIfPlaceholder(_ url: String, key: String, at node: YAMLNode, engine: DiagnosticsEngine) {
        guard let host = WorkspaceConfig.placeholderHost(url) else { return }
        engine.warning("placeholder-address", "'\(key)' is a placeholder address (\(host) is reserved for examples): certificates would carry it for good",
                       at: node.location, hint: "set it to where the site will really be published; 'lantern cert issue' refuses to sign a placeholder unless given --allow-placeholder")
    }

    /// A relative path that stays inside the workspace.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~") else { return false }
        return !path.split(separator: "/").contains("..")
    }
}
