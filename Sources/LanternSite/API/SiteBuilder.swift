import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

/// Builds the static site of a workspace: the curriculum, search, crisis lines and, when given,
/// the certificate verification pages.
///
/// The same workspace always gives the same bytes; the build renders everything in memory,
/// optionally validates links, then publishes atomically (see `SiteWriter`).
public struct SiteBuilder: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Renders and publishes the site.
    ///
    /// - Parameter outputDisplay: how to show the output folder in link problems.
    public func build(_ options: SiteBuildOptions, outputDisplay: String = "site") throws(LanternError) -> SiteBuildReport {
        let site = try render(verification: options.verification)
        var problems: [Diagnostic] = []
        if options.checkLinks {
            problems = LinkValidator.validate(site, outputDisplay: outputDisplay)
            if !problems.isEmpty {
                return SiteBuildReport(pages: site.pageCount, files: site.files.count, written: 0, unchanged: 0, removed: 0,
                                       linkProblems: problems)
            }
        }
        let outcome = try SiteWriter(output: options.output).publish(site)
        return SiteBuildReport(pages: site.pageCount, files: site.files.count + 1, written: outcome.written,
                               unchanged: outcome.unchanged, removed: outcome.removed, linkProblems: problems)
    }

    /// The whole site in memory.
    func render(verification: VerificationSite?) throws(LanternError) -> SiteFiles {
        let templatesFolder = workspace.config.paths.templates
        let templates = try TemplateSet(folder: workspace.root.appendingPathComponent(templatesFolder),
                                        displayFolder: display(templatesFolder))
        let layout = PageLayout(workspace: workspace)
        var site = SiteFiles()
        let modules = workspace.modules

        // Module pages, on every core; each result lands in its own slot. A page becomes bytes
        // as soon as it is rendered and the module's HTML is dropped, so memory holds one copy
        // of each page, not three.
        // The home page needs no rendered module: it is rendered beside them, first in line.
        let firstPass = Self.parallelMap([-1] + Array(modules.indices)) { index -> (RenderedModule?, [UInt8]) in
            guard index >= 0 else { return (nil, Array(homePage(templates: templates, layout: layout).utf8)) }
            var rendered = RenderedModule(modules[index])
            let page = Array(modulePage(index, rendered: rendered, templates: templates, layout: layout).utf8)
            rendered.html = ""
            return (rendered, page)
        }
        let rendered = firstPass.dropFirst().map { $0.0! }
        for (module, output) in zip(modules, firstPass.dropFirst()) { site.add("modules/\(module.id)/index.html", bytes: output.1) }
        site.add("index.html", bytes: firstPass[0].1)

        // The pages that list every module with its sections, side by side.
        enum Job: Sendable { case outline, search }
        let outputs = Self.parallelMap([Job.outline, .search]) { job -> String in
            switch job {
            case .outline: outlinePage(rendered: rendered, templates: templates, layout: layout)
            case .search:
                SearchIndex.script(zip(modules, rendered).map { module, rendered in
                    SearchIndex.Entry(url: "modules/\(module.id)/", title: module.title, summary: module.summary,
                                      headings: rendered.headings, words: rendered.words)
                })
            }
        }
        site.add("outline/index.html", outputs[0])
        site.add("crisis-resources/index.html",
                 templates.page("crisis", context: CrisisPage.context(workspace: workspace).merging(["root": "../"]) { $1 },
                                layout: layout.context(title: "Crisis resources", root: "../", section: .crisis,
                                                       description: "Crisis lines and emergency services, with when each was last checked.")))
        site.add("search/index.html",
                 templates.page("search", context: ["root": "../"],
                                layout: layout.context(title: "Search", root: "../", section: .search,
                                                       scripts: ["assets/search-index.js", "assets/search.js"])))
        site.add("assets/style.css", templates.stylesheet)
        site.add("assets/search.js", BuiltinAssets.searchScript)
        site.add("assets/search-index.js", outputs[1])
        try copyMedia(rendered.map(\.media), into: &site)

        let baseURL = workspace.config.site.baseURL
        let listed = [""] + ["outline/", "crisis-resources/", "search/"] + modules.map { "modules/\($0.id)/" }
        site.add("sitemap.xml", Sitemap.xml(baseURL: baseURL, paths: listed))
        site.add("robots.txt", Sitemap.robots(baseURL: baseURL))

        if let verification {
            try addVerification(verification, templates: templates, layout: layout, into: &site)
        }
        return site
    }

    // MARK: - Pages

    private func display(_ relative: String) -> String {
        let root = workspace.displayRoot
        if root.isEmpty || root == "." { return relative }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    private func modulePage(_ index: Int, rendered: RenderedModule, templates: TemplateSet, layout: PageLayout) -> String {
        let modules = workspace.modules
        let module = modules[index]
        func link(_ other: Module) -> [String: Any] { ["href": "../\(other.id)/", "title": other.title] }
        var context: [String: Any] = [
            "root": "../../",
            "module": [
                "id": module.id, "title": module.title, "summary": module.summary, "minutes": module.minutes,
                "duration": Duration.text(minutes: module.minutes), "position": index + 1, "count": modules.count,
                "isCrisis": module.isCrisisRelated,
            ] as [String: Any],
            "body": rendered.html,
        ]
        let outcomes = module.outcomes.map { ["id": $0.id, "text": $0.text] }
        context["outcomes"] = outcomes
        context["hasOutcomes"] = !outcomes.isEmpty
        let toc = rendered.tableOfContents
        context["toc"] = toc
        context["hasToc"] = !toc.isEmpty
        let requires = module.requires.compactMap { workspace.module($0) }
        context["requires"] = requires.enumerated().map { position, other in
            link(other).merging(["last": position == requires.count - 1]) { $1 }
        }
        context["hasRequires"] = !requires.isEmpty
        if module.isCrisisRelated {
            context["crisisNotice"] = ["lines": CrisisNotice.text(for: workspace).split(separator: "\n").map(String.init)]
        }
        let assessments: [[String: Any]] = module.assessments.compactMap { id in
            guard let source = workspace.assessment(id) else { return nil }
            let kind = source.kind == .checklist ? "Observed-skill checklist" : "Quiz"
            return ["id": id, "title": AssessmentTitle.title(of: source) ?? id, "kindLabel": kind]
        }
        context["assessments"] = assessments
        context["hasAssessments"] = !assessments.isEmpty
        if index > 0 { context["previous"] = link(modules[index - 1]) }
        if index + 1 < modules.count { context["next"] = link(modules[index + 1]) }
        return templates.page("module", context: context,
                              layout: layout.context(title: module.title, root: "../../", section: .none, description: module.summary))
    }

    private func programContext() -> [String: Any] {
        let minutes = workspace.modules.reduce(0) { $0 + $1.minutes }
        var program: [String: Any] = [
            "title": workspace.program?.title ?? PageLayout(workspace: workspace).siteTitle,
            "moduleCount": workspace.modules.count, "minutes": minutes, "duration": Duration.text(minutes: minutes),
        ]
        if let summary = workspace.program?.summary { program["summary"] = summary }
        return program
    }

    private func homePage(templates: TemplateSet, layout: PageLayout) -> String {
        let program = programContext()
        var context: [String: Any] = ["root": "./", "program": program, "organisation": workspace.config.organisation.name]
        context["modules"] = workspace.modules.map { module -> [String: Any] in
            let outcomes = module.outcomes.map { ["text": $0.text] }
            return ["href": "modules/\(module.id)/", "title": module.title, "summary": module.summary,
                    "duration": Duration.text(minutes: module.minutes), "isCrisis": module.isCrisisRelated,
                    "outcomes": outcomes, "hasOutcomes": !outcomes.isEmpty]
        }
        if let first = workspace.modules.first {
            context["firstModule"] = ["href": "modules/\(first.id)/", "title": first.title]
        }
        if let rules = workspace.program?.certificate {
            var certification = CertificationText(rules: rules, workspace: workspace).context
            if rules.practicumHours > 0 { certification["practicumHours"] = rules.practicumHours }
            context["certification"] = certification
        }
        let title = program["title"] as? String ?? ""
        return templates.page("home", context: context,
                              layout: layout.context(title: title, root: "./", section: .home,
                                                     description: workspace.program?.summary))
    }

    private func outlinePage(rendered: [RenderedModule], templates: TemplateSet, layout: PageLayout) -> String {
        let modules: [[String: Any]] = zip(workspace.modules, rendered).map { module, rendered in
            let top = rendered.headings.filter { $0.level == 2 }.map { ["href": "../modules/\(module.id)/#\($0.id)", "text": $0.text] }
            return ["href": "../modules/\(module.id)/", "title": module.title, "summary": module.summary,
                    "duration": Duration.text(minutes: module.minutes), "sections": top, "hasSections": !top.isEmpty]
        }
        return templates.page("outline", context: ["root": "../", "program": programContext(), "modules": modules],
                              layout: layout.context(title: "Course outline", root: "../", section: .outline,
                                                     description: "Every module and section of the course."))
    }

    /// Copies the images and files modules show or link to (and nothing else) into `media/`.
    private func copyMedia(_ referenced: [[String]], into site: inout SiteFiles) throws(LanternError) {
        var paths = Set<String>()
        for files in referenced { paths.formUnion(files) }
        guard !paths.isEmpty else { return }
        let curriculum = workspace.root.appendingPathComponent(workspace.config.paths.curriculum).standardizedFileURL
        let curriculumPath = curriculum.resolvingSymlinksInPath().path + "/"
        for path in paths.sorted() {
            let file = curriculum.appendingPathComponent(path)
            // Never follow a link out of the curriculum folder.
            guard file.resolvingSymlinksInPath().path.hasPrefix(curriculumPath),
                  let data = FileManager.default.contents(atPath: file.path) else { continue }
            site.add("media/" + path, bytes: [UInt8](data))
        }
    }

    private func addVerification(_ verification: VerificationSite, templates: TemplateSet, layout: PageLayout,
                                 into site: inout SiteFiles) throws(LanternError) {
        var seen = Set<String>()
        for credential in verification.credentials {
            guard PublishedCredential.isValidID(credential.id) else {
                throw LanternError("invalid-credential-id", "credential id '\(credential.id.prefix(80))' cannot name a page",
                                   hint: "ids may use A-Z, a-z, 0-9, '-', '_' and '.' (up to 128)")
            }
            guard seen.insert(credential.id).inserted else {
                throw LanternError("duplicate-credential-id", "two credentials have the id '\(credential.id)'")
            }
        }
        site.add("issuer.json", verification.issuerJSON)
        site.add("status/list.jwt", verification.statusListJWT.hasSuffix("\n") ? verification.statusListJWT : verification.statusListJWT + "\n")
        site.add("assets/verify.js", verification.verifierScript)
        site.add("assets/verify-page.js", BuiltinAssets.verifyPageScript)
        let baseURL = workspace.config.site.baseURL
        let credentials = verification.credentials
        let pages = Self.parallelMap(credentials) { credential in
            Array(templates.page("credential", context: CredentialPage.context(credential, baseURL: baseURL),
                           layout: layout.context(title: credential.achievementName, root: "../../", section: .none, noindex: true,
                                                  scripts: ["assets/verify.js", "assets/verify-page.js"]),
                           prepared: true).utf8)
        }
        for (credential, page) in zip(credentials, pages) {
            site.add("credentials/\(credential.id)/index.html", bytes: page)
            site.add("credentials/\(credential.id)/credential.jwt", credential.jwt.hasSuffix("\n") ? credential.jwt : credential.jwt + "\n")
        }
    }

    // MARK: - Parallelism

    /// `map` on every core, results in input order.
    static func parallelMap<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Locked<[Int: Result]>([:])
        let workers = min(items.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [(Int, Result)] = []
            var index = worker
            while index < items.count {
                local.append((index, transform(items[index])))
                index += workers
            }
            slots.withLock { for (index, value) in local { $0[index] = value } }
        }
        let filled = slots.withLock { $0 }
        return items.indices.map { filled[$0]! }
    }
}
