import Foundation
import LanternCertification
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
    /// With `options.cache`, pages whose inputs did not change since the previous build into
    /// the same folder are kept from it instead of rendered, and the next cache is kept in the
    /// output's `SiteBuildState` (never in the output). The output is the same bytes either way.
    ///
    /// - Parameter outputDisplay: how to show the output folder in link problems.
    public func build(_ options: SiteBuildOptions, outputDisplay: String = "site") throws(LanternError) -> SiteBuildReport {
        let (site, cache) = try render(verification: options.verification, cache: options.cache,
                                       previousSite: options.output.standardizedFileURL.path)
        var problems: [Diagnostic] = []
        if options.checkLinks {
            problems = LinkValidator.validate(try site.materialized(previous: options.output.standardizedFileURL.path),
                                              outputDisplay: outputDisplay)
            if !problems.isEmpty {
                return SiteBuildReport(pages: site.pageCount, files: site.allPaths.count, written: 0, unchanged: 0, removed: 0,
                                       linkProblems: problems, reusedPages: 0)
            }
        }
        let state = SiteBuildState(workspaceRoot: workspace.root, output: options.output)
        let outcome = try SiteWriter(output: options.output, state: state)
            .publish(site, cache: cache, reusePrevious: options.cache.map { $0.previous.state != .unused } ?? false)
        state.record(.site)
        return SiteBuildReport(pages: site.pageCount, files: site.allPaths.count, written: outcome.written,
                               unchanged: outcome.unchanged, removed: outcome.removed, linkProblems: problems,
                               reusedPages: site.keptPageCount - outcome.renderedKept)
    }

    /// One module's page and what the other pages need from it.
    private enum ModuleOutput: Sendable {
        /// Rendered now.
        case rendered(RenderedModule, page: [UInt8], searchEntry: [UInt8])
        /// Kept from the previous build, with what the site took from the module then.
        case kept(BuildCache.Entry, CachedSiteFacts)
    }

    /// The whole site in memory, and the build cache to write with it (with `cache` only).
    ///
    /// - Parameter previousSite: the folder the previous build wrote (where kept pages are).
    func render(verification: VerificationSite?, cache: SiteBuildCache? = nil,
                previousSite: String? = nil) throws(LanternError) -> (SiteFiles, [UInt8]?) {
        let templatesFolder = workspace.config.paths.templates
        let templatesURL = workspace.root.appendingPathComponent(templatesFolder)
        let templatesKey = cache == nil ? nil : IncrementalPlan.templatesKey(templatesURL)
        let templates = try TemplateSet(folder: templatesURL, displayFolder: display(templatesFolder), workspaceRoot: workspace.root)
        let layout = PageLayout(workspace: workspace)
        let plan = cache.map { IncrementalPlan(workspace: workspace, cache: $0, templatesKey: templatesKey!, layout: layout) }
        var site = SiteFiles()
        let modules = workspace.modules

        // Module pages, on every core; each result lands in its own slot. A page becomes bytes
        // as soon as it is rendered and the module's HTML is dropped, so memory holds one copy
        // of each page, not three. A page whose inputs are unchanged is kept from the previous build.
        // The home page needs no rendered module: it is rendered beside them, first in line.
        let reusesHome = plan?.reusesHome ?? false
        let firstPass = Self.parallelMap([-1] + Array(modules.indices)) { index -> Result<(ModuleOutput?, [UInt8]), LanternError> in
            guard index >= 0 else {
                return Result { () throws(LanternError) in (nil, reusesHome ? [] : Array(try homePage(templates: templates, layout: layout).utf8)) }
            }
            if let plan, plan.reusesPage(index), let entry = plan.previousEntries[index], let facts = plan.previous.siteFacts(entry) {
                return .success((.kept(entry, facts), []))
            }
            return Result { () throws(LanternError) in try renderModule(index, plan: plan, templates: templates, layout: layout) }
        }
        var rendered: [ModuleOutput] = []
        rendered.reserveCapacity(modules.count)
        for result in firstPass.dropFirst() { rendered.append(try result.get().0!) }
        let outputs = rendered
        for (index, (module, output)) in zip(modules, outputs).enumerated() {
            switch output {
            case .rendered(_, let page, _):
                site.add("modules/\(module.id)/index.html", bytes: page)
            case .kept:
                site.keep("modules/\(module.id)/index.html") { () throws(LanternError) in
                    try renderModule(index, plan: plan, templates: templates, layout: layout).1
                }
            }
        }
        if reusesHome {
            site.keep("index.html") { () throws(LanternError) in Array(try homePage(templates: templates, layout: layout).utf8) }
        } else {
            site.add("index.html", bytes: try firstPass[0].get().1)
        }

        // The pages that list every module with its sections, side by side.
        let sectionKeys = plan == nil ? [] : outputs.map { output -> FileDigest in
            switch output {
            case .rendered(let rendered, _, _): IncrementalPlan.sectionsKey(rendered.headings)
            case .kept(_, let facts): facts.sectionsKey
            }
        }
        let outlineKey = plan?.outlineKey(sections: sectionKeys, workspace: workspace)
        let reusesOutline = plan.map { $0.previous.state == .loaded && $0.previous.keys.outline == outlineKey } ?? false
        let searchKey = plan?.searchKey(entries: outputs.map { output -> FileDigest in
            switch output {
            case .rendered(_, _, let entry): FileDigest.sha256(entry)
            case .kept(_, let facts): facts.searchKey
            }
        })
        let reusesSearch = plan.map { $0.previous.state == .loaded && $0.previous.keys.search == searchKey } ?? false
        // Where each module's entry is in the search index (this build's lengths, or the previous one's).
        let searchPositions = SearchIndex.positions(lengths: outputs.map { output in
            switch output {
            case .rendered(_, _, let entry): entry.count
            case .kept(let entry, _): entry.search.count
            }
        })
        let outlined = reusesOutline ? [] : try outlineModules(outputs, plan: plan)
        let outline = reusesOutline ? [] : Array(try outlinePage(rendered: outlined, templates: templates, layout: layout).utf8)
        var searchStamp = plan?.previous.searchIndex ?? SearchIndexStamp(length: -1, checksum: 0)
        if reusesOutline {
            site.keep("outline/index.html") { [outputs] () throws(LanternError) in
                Array(try outlinePage(rendered: try outlineModules(outputs, plan: plan), templates: templates, layout: layout).utf8)
            }
        } else {
            site.add("outline/index.html", bytes: outline)
        }
        if reusesSearch {
            site.keep("assets/search-index.js") { [outputs] () throws(LanternError) in
                SearchIndex.script(entries: try searchEntries(outputs, plan: plan, previousSite: previousSite))
            }
        } else {
            let index = SearchIndex.script(entries: try searchEntries(outputs, plan: plan, previousSite: previousSite))
            searchStamp = SearchIndexStamp(index)
            site.add("assets/search-index.js", bytes: index)
        }
        site.add("crisis-resources/index.html",
                 try templates.page("crisis", context: CrisisPage.context(workspace: workspace).merging(["root": "../"]) { $1 },
                                layout: layout.context(title: "Crisis resources", root: "../", section: .crisis,
                                                       description: "Crisis lines and emergency services, with when each was last checked.")))
        site.add("search/index.html",
                 try templates.page("search", context: ["root": "../"],
                                layout: layout.context(title: "Search", root: "../", section: .search,
                                                       scripts: ["assets/search-index.js", "assets/search.js"])))
        site.add("assets/style.css", templates.stylesheet)
        site.add("assets/search.js", BuiltinAssets.searchScript)
        site.add("assets/verify-home.js", BuiltinAssets.verifyHomeScript)
        try copyMedia(outputs.map { output in
            switch output {
            case .rendered(let rendered, _, _): rendered.media
            case .kept(_, let facts): facts.media
            }
        }, into: &site)

        let baseURL = workspace.config.site.baseURL
        let listed = [""] + ["outline/", "crisis-resources/", "search/"] + modules.map { "modules/\($0.id)/" }
        site.add("sitemap.xml", Sitemap.xml(baseURL: baseURL, paths: listed))
        site.add("robots.txt", Sitemap.robots(baseURL: baseURL))

        if let verification {
            try addVerification(verification, templates: templates, layout: layout, into: &site)
        }
        let cacheBytes = plan.flatMap { plan in
            plan.encodeCache(siteFacts: outputs.map { output in
                switch output {
                case .rendered(let rendered, _, let entry):
                    .fresh(sectionsKey: IncrementalPlan.sectionsKey(rendered.headings), media: rendered.media,
                           searchKey: FileDigest.sha256(entry), headings: rendered.headings.filter { $0.level == 2 })
                case .kept(let entry, let facts): .cached(entry, facts)
                }
            }, outlineKey: outlineKey!, searchKey: searchKey!, searchEntries: searchPositions, searchIndex: searchStamp, workspace: workspace)
        }
        return (site, cacheBytes)
    }

    /// Renders one module's page; its HTML is dropped once the page is bytes.
    private func renderModule(_ index: Int, plan: IncrementalPlan?, templates: TemplateSet,
                              layout: PageLayout) throws(LanternError) -> (ModuleOutput?, [UInt8]) {
        let module = try moduleWithBody(index, plan: plan)
        var rendered = RenderedModule(module)
        let page = Array(try modulePage(index, rendered: rendered, templates: templates, layout: layout).utf8)
        rendered.html = ""
        let entry = SearchIndex.entry(SearchIndex.Entry(url: "modules/\(module.id)/", title: module.title, summary: module.summary,
                                                        headings: rendered.headings, words: rendered.words))
        rendered.words = []
        return (.rendered(rendered, page: page, searchEntry: entry), page)
    }

    /// The module at `index` with its body: a module the load vouched for by its file's status
    /// was not read, and is read now that its page is rendered.
    private func moduleWithBody(_ index: Int, plan: IncrementalPlan?) throws(LanternError) -> Module {
        var module = workspace.modules[index]
        if let plan, let body = try plan.unreadBody(index) { module.bodyText = body }
        return module
    }

    /// Every module's entry in the search index: this build's, or the previous one's from the
    /// previous site's `assets/search-index.js` when it is still the file the cache describes
    /// (otherwise the module is rendered again for it).
    private func searchEntries(_ outputs: [ModuleOutput], plan: IncrementalPlan?,
                               previousSite: String?) throws(LanternError) -> [ArraySlice<UInt8>] {
        var previous: [UInt8]?
        if let plan, let previousSite, outputs.contains(where: { if case .kept = $0 { true } else { false } }),
           let bytes = WholeFile.contents(atPath: previousSite + "/assets/search-index.js"),
           SearchIndexStamp(bytes) == plan.previous.searchIndex {
            previous = bytes
        }
        var entries: [ArraySlice<UInt8>] = []
        entries.reserveCapacity(outputs.count)
        for (index, output) in outputs.enumerated() {
            switch output {
            case .rendered(_, _, let entry):
                entries.append(entry[...])
            case .kept(let entry, _):
                if let previous, entry.search.lowerBound >= 0, entry.search.upperBound <= previous.count {
                    entries.append(previous[entry.search])
                } else {
                    let module = try moduleWithBody(index, plan: plan)
                    let rendered = RenderedModule(module)
                    entries.append(SearchIndex.entry(SearchIndex.Entry(url: "modules/\(module.id)/", title: module.title, summary: module.summary,
                                                                       headings: rendered.headings, words: rendered.words))[...])
                }
            }
        }
        return entries
    }

    /// The modules as the outline needs them: headings from this build or from the cache.
    private func outlineModules(_ outputs: [ModuleOutput], plan: IncrementalPlan?) throws(LanternError) -> [RenderedModule] {
        var modules: [RenderedModule] = []
        modules.reserveCapacity(outputs.count)
        for (index, output) in outputs.enumerated() {
            switch output {
            case .rendered(let rendered, _, _): modules.append(rendered)
            case .kept(_, let facts):
                // The cache's headings; should they not read, the module's own.
                let headings: [RenderedModule.Heading]
                if let cached = plan?.previous.headings(facts) {
                    headings = cached
                } else {
                    headings = RenderedModule(try moduleWithBody(index, plan: plan)).headings
                }
                modules.append(RenderedModule(html: "", headings: headings, words: [], media: facts.media))
            }
        }
        return modules
    }

    // MARK: - Pages

    private func display(_ relative: String) -> String {
        let root = workspace.displayRoot
        if root.isEmpty || root == "." { return relative }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    private func modulePage(_ index: Int, rendered: RenderedModule, templates: TemplateSet, layout: PageLayout) throws(LanternError) -> String {
        let modules = workspace.modules
        let module = modules[index]
        func link(_ other: Module) -> TemplateValue { ["href": .string("../\(other.id)/"), "title": .string(other.title)] }
        var context: TemplateValue = [
            "root": "../../",
            "module": [
                "id": .string(module.id), "title": .string(module.title), "summary": .string(module.summary),
                "minutes": .int(module.minutes), "duration": .string(Duration.text(minutes: module.minutes)),
                "position": .int(index + 1), "count": .int(modules.count), "isCrisis": .bool(module.isCrisisRelated),
            ],
            "body": .string(rendered.html),
        ]
        let outcomes: [TemplateValue] = module.outcomes.map { ["id": .string($0.id), "text": .string($0.text)] }
        context["outcomes"] = .list(outcomes)
        context["hasOutcomes"] = .bool(!outcomes.isEmpty)
        let toc = rendered.tableOfContents
        context["toc"] = .list(toc)
        context["hasToc"] = .bool(!toc.isEmpty)
        let requires = module.requires.compactMap { workspace.module($0) }
        context["requires"] = .list(requires.enumerated().map { position, other in
            link(other).merging(["last": .bool(position == requires.count - 1)]) { $1 }
        })
        context["hasRequires"] = .bool(!requires.isEmpty)
        if module.isCrisisRelated {
            context["crisisNotice"] = ["lines": .strings(CrisisNotice.text(for: workspace).split(separator: "\n").map(String.init))]
        }
        let assessments: [TemplateValue] = module.assessments.compactMap { id in
            guard let source = workspace.assessment(id) else { return nil }
            let kind = source.kind == .checklist ? "Observed-skill checklist" : "Quiz"
            return ["id": .string(id), "title": .string(AssessmentTitle.title(of: source) ?? id), "kindLabel": .string(kind)]
        }
        context["assessments"] = .list(assessments)
        context["hasAssessments"] = .bool(!assessments.isEmpty)
        if index > 0 { context["previous"] = link(modules[index - 1]) }
        if index + 1 < modules.count { context["next"] = link(modules[index + 1]) }
        return try templates.page("module", context: context,
                              layout: layout.context(title: module.title, root: "../../", section: .none, description: module.summary))
    }

    private var programTitle: String { workspace.program?.title ?? PageLayout(workspace: workspace).siteTitle }

    private func programContext() -> TemplateValue {
        let minutes = workspace.modules.reduce(0) { $0 + $1.minutes }
        var program: TemplateValue = [
            "title": .string(programTitle), "moduleCount": .int(workspace.modules.count), "minutes": .int(minutes),
            "duration": .string(Duration.text(minutes: minutes)),
        ]
        if let summary = workspace.program?.summary { program["summary"] = .string(summary) }
        return program
    }

    private func homePage(templates: TemplateSet, layout: PageLayout) throws(LanternError) -> String {
        let program = programContext()
        var context: TemplateValue = ["root": "./", "program": program, "organisation": .string(workspace.config.organisation.name)]
        context["modules"] = .list(workspace.modules.map { module -> TemplateValue in
            let outcomes: [TemplateValue] = module.outcomes.map { ["text": .string($0.text)] }
            return ["href": .string("modules/\(module.id)/"), "title": .string(module.title), "summary": .string(module.summary),
                    "duration": .string(Duration.text(minutes: module.minutes)), "isCrisis": .bool(module.isCrisisRelated),
                    "outcomes": .list(outcomes), "hasOutcomes": .bool(!outcomes.isEmpty)]
        })
        if let first = workspace.modules.first {
            context["firstModule"] = ["href": .string("modules/\(first.id)/"), "title": .string(first.title)]
        }
        if let rules = workspace.program?.certificate {
            var certification = CertificationText(rules: rules, workspace: workspace).context
            if rules.practicumHours > 0 { certification["practicumHours"] = .int(rules.practicumHours) }
            context["certification"] = certification
        }
        let title = programTitle
        return try templates.page("home", context: context,
                              layout: layout.context(title: title, root: "./", section: .home,
                                                     description: workspace.program?.summary,
                                                     scripts: workspace.program?.certificate == nil ? [] : ["assets/verify-home.js"]))
    }

    private func outlinePage(rendered: [RenderedModule], templates: TemplateSet, layout: PageLayout) throws(LanternError) -> String {
        let modules: [TemplateValue] = zip(workspace.modules, rendered).map { module, rendered in
            let top: [TemplateValue] = rendered.headings.filter { $0.level == 2 }.map {
                ["href": .string("../modules/\(module.id)/#\($0.id)"), "text": .string($0.text)]
            }
            return ["href": .string("../modules/\(module.id)/"), "title": .string(module.title), "summary": .string(module.summary),
                    "duration": .string(Duration.text(minutes: module.minutes)), "sections": .list(top), "hasSections": .bool(!top.isEmpty)]
        }
        return try templates.page("outline", context: ["root": "../", "program": programContext(), "modules": .list(modules)],
                              layout: layout.context(title: "Course outline", root: "../", section: .outline,
                                                     description: "Every module and section of the course."))
    }

    /// Copies the images and files modules show or link to (and nothing else) into `media/`.
    /// Each is read only from inside the curriculum folder: a link out of it stops the build.
    private func copyMedia(_ referenced: [[String]], into site: inout SiteFiles) throws(LanternError) {
        var paths = Set<String>()
        for files in referenced { paths.formUnion(files) }
        guard !paths.isEmpty else { return }
        let folder = workspace.config.paths.curriculum
        let curriculum = workspace.root.appendingPathComponent(folder).standardizedFileURL
        for path in paths.sorted() {
            let display = display(folder + "/" + path)
            let resolved: String
            do {
                resolved = try ContainedFile.resolve(path, in: curriculum, folderDisplay: self.display(folder), displayPath: display)
            } catch where error.is(.unreadableFile) {
                continue  // a missing file is 'lantern check's to report (broken-image)
            }
            site.add("media/" + path, bytes: [UInt8](try ContainedFile.bytes(ofResolved: resolved, displayPath: display)))
        }
    }

    private func addVerification(_ verification: VerificationSite, templates: TemplateSet, layout: PageLayout,
                                 into site: inout SiteFiles) throws(LanternError) {
        try Self.checkIDs(verification)
        Self.addVerificationFiles(verification, into: &site)
        site.add("assets/verify.js", verification.verifierScript)
        site.add("assets/verify-page.js", BuiltinAssets.verifyPageScript)
        // Credentials are published only with their holder's consent: everyone else pastes theirs here.
        site.add("verify/index.html", bytes: Array(try templates.page("verify", context: ["issuerName": .string(Self.issuerName(verification.issuerJSON)), "root": "../"],
                                                                      layout: layout.context(title: "Verify a certificate", root: "../", section: .none,
                                                                                             scripts: ["assets/verify.js", "assets/verify-page.js"])).utf8))
        let baseURL = workspace.config.site.baseURL
        let credentials = verification.credentials
        let keysPublished = !verification.jwksJSON.isEmpty
        let pages = Self.parallelMap(credentials) { credential in
            Result { () throws(LanternError) in
                Array(try templates.page("credential", context: CredentialPage.context(credential, baseURL: baseURL, keysPublished: keysPublished),
                                         layout: layout.context(title: credential.achievementName, root: "../../", section: .none, noindex: true,
                                                                scripts: ["assets/verify.js", "assets/verify-page.js"])).utf8)
            }
        }
        try addAchievement(templates: templates, layout: layout, into: &site)
        for (credential, page) in zip(credentials, pages) {
            site.add("credentials/\(credential.id)/index.html", bytes: try page.get())
        }
    }

    /// Checks that every credential can name a folder, once.
    private static func checkIDs(_ verification: VerificationSite) throws(LanternError) {
        var seen = Set<String>()
        for credential in verification.credentials {
            guard PublishableCredential.isValidID(credential.id) else {
                throw LanternError(.invalidCredentialId, "credential id '\(credential.id.prefix(80))' cannot name a page",
                                   hint: "ids may use A-Z, a-z, 0-9, '-', '_' and '.' (up to 128)")
            }
            guard seen.insert(credential.id).inserted else {
                throw LanternError(.duplicateCredentialId, "two credentials have the id '\(credential.id)'")
            }
        }
    }

    /// The verification files, the same bytes whoever publishes them (`lantern build` with the
    /// site, `lantern cert publish` alone): `issuer.json`, `jwks.json`, `status/list.jwt` and
    /// `credentials/<id>/credential.jwt`, copied from what the cert commands signed.
    static func addVerificationFiles(_ verification: VerificationSite, into site: inout SiteFiles) {
        func line(_ text: String) -> String { text.hasSuffix("\n") ? text : text + "\n" }
        site.add("issuer.json", verification.issuerJSON)
        if !verification.jwksJSON.isEmpty { site.add("jwks.json", verification.jwksJSON) }
        site.add("status/list.jwt", line(verification.statusListJWT))
        for credential in verification.credentials {
            site.add("credentials/\(credential.id)/credential.jwt", line(credential.jwt))
        }
        if let checkpoint = verification.auditCheckpoint { site.add("checkpoint.jwt", line(checkpoint)) }
    }

    /// `lantern cert publish`: the verification files alone (no pages), published into `output`
    /// by the same writer as the site — the folder replaced as a whole, never half-written,
    /// nothing but these files in it. A folder that holds the site `build` made is refused:
    /// `lantern build` publishes these files with the pages.
    public func publishVerification(_ verification: VerificationSite, into output: URL) throws(LanternError) -> SiteBuildReport {
        try Self.checkIDs(verification)
        let state = SiteBuildState(workspaceRoot: workspace.root, output: output)
        if state.publishedKind == .site, FileManager.default.fileExists(atPath: output.standardizedFileURL.path) {
            throw LanternError(.outputIsTheSite, "'\(output.standardizedFileURL.path)' holds the site that 'lantern build' made; it is not replaced by the verification files alone",
                               hint: "run 'lantern build': it publishes these files with the pages, or choose another folder with --output")
        }
        var site = SiteFiles()
        Self.addVerificationFiles(verification, into: &site)
        let outcome = try SiteWriter(output: output, state: state).publish(site)
        state.record(.verification)
        return SiteBuildReport(pages: 0, files: site.allPaths.count, written: outcome.written, unchanged: outcome.unchanged,
                               removed: outcome.removed, linkProblems: [])
    }

    /// The issuer's name from its profile, for the paste-to-verify page.
    static func issuerName(_ issuerJSON: String) -> String {
        guard let data = issuerJSON.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let name = object["name"] as? String else { return "this issuer" }
        return name
    }

    /// The page at the achievement's address (what the certificate certifies, its criteria and
    /// hours) and its badge image, which every credential names.
    private func addAchievement(templates: TemplateSet, layout: PageLayout, into site: inout SiteFiles) throws(LanternError) {
        guard let program = workspace.program, let rules = program.certificate else { return }
        let identity = IssuerIdentity(config: workspace.config)
        let achievement = AchievementDefinition(workspace: workspace, issuer: identity)
        let base = identity.baseURL
        guard achievement.id.hasPrefix(base) else { return }
        let folder = String(achievement.id.dropFirst(base.count))
        let depth = folder.split(separator: "/").count
        let root = String(repeating: "../", count: depth)
        let minutes = workspace.modules.reduce(0) { $0 + $1.minutes }
        var fields: TemplateValue = [
            "name": .string(achievement.name), "criteria": .string(achievement.criteria),
            "studyTime": .string(Duration.text(minutes: minutes)), "moduleCount": .int(workspace.modules.count),
            "modules": .list(workspace.modules.filter { program.moduleIDs.contains($0.id) }.map {
                ["href": .string(root + "modules/\($0.id)/"), "title": .string($0.title)]
            }),
        ]
        if achievement.description != achievement.name { fields["description"] = .string(achievement.description) }
        if rules.practicumHours > 0 { fields["practicumHours"] = .int(rules.practicumHours) }
        if let period = rules.validFor { fields["validFor"] = .string(period.description) }
        let page = try templates.page("achievement", context: ["achievement": fields, "root": .string(root),
                                                          "organisation": .string(workspace.config.organisation.name)],
                                  layout: layout.context(title: achievement.name, root: root, section: .none))
        site.add(folder + "index.html", page)
        site.add(folder + "badge.svg", BadgeImage.svg(achievementName: achievement.name, organisationName: workspace.config.organisation.name))
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
