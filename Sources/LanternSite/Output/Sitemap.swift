import LanternMarkdown

/// `sitemap.xml` and `robots.txt` for the public curriculum pages (never the certificates).
enum Sitemap {
    /// - Parameter paths: page folders relative to the site root (`""`, `modules/intro/`).
    static func xml(baseURL: String, paths: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            out += "  <url><loc>"
            HTMLEscaping.escapeText(absolute(baseURL, path), into: &out)
            out += "</loc></url>\n"
        }
        out += "</urlset>\n"
        return out
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(absolute(baseURL, "sitemap.xml"))\n"
    }

    static func absolute(_ baseURL: String, _ path: String) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        return base + path
    }
}
