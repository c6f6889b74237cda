import LanternCurriculum

/// The context every page's layout receives (documented in docs/templates.md).
struct PageLayout: Sendable {
    let siteTitle: String
    let organisation: String

    init(workspace: Workspace) {
        siteTitle = workspace.config.site.title ?? workspace.program?.title ?? workspace.config.organisation.name
        organisation = workspace.config.organisation.name
    }

    enum Section: String { case home, outline, search, crisis, none }

    /// - Parameter root: the way back to the site root from the page's folder (`./`, `../`, `../../`).
    func context(title: String, root: String, section: Section, description: String? = nil,
                 noindex: Bool = false, scripts: [String] = []) -> [String: Any] {
        let nav: [[String: Any]] = [
            ["label": "Home", "href": "", "current": section == .home],
            ["label": "Outline", "href": "outline/", "current": section == .outline],
            ["label": "Search", "href": "search/", "current": section == .search],
            ["label": "Crisis lines", "href": "crisis-resources/", "current": section == .crisis],
        ]
        var context: [String: Any] = [
            "lang": "en", "title": title, "siteTitle": siteTitle, "organisation": organisation,
            "root": root, "nav": nav, "noindex": noindex, "scripts": scripts,
        ]
        if let description, !description.isEmpty { context["description"] = description }
        return context
    }
}
