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
                 noindex: Bool = false, scripts: [String] = []) -> TemplateValue {
        let nav: TemplateValue = [
            ["label": "Home", "href": "", "current": .bool(section == .home)],
            ["label": "Outline", "href": "outline/", "current": .bool(section == .outline)],
            ["label": "Search", "href": "search/", "current": .bool(section == .search)],
            ["label": "Crisis lines", "href": "crisis-resources/", "current": .bool(section == .crisis)],
        ]
        var context: TemplateValue = [
            "lang": "en", "title": .string(title), "siteTitle": .string(siteTitle), "organisation": .string(organisation),
            "root": .string(root), "nav": nav, "noindex": .bool(noindex), "scripts": .strings(scripts),
        ]
        if let description, !description.isEmpty { context["description"] = .string(description) }
        return context
    }
}
