import Foundation
import LanternCurriculum

/// What a build can take from the previous one: which pages are unchanged (their inputs have
/// the same key as when they were rendered) and what the site already knows of each module.
///
/// A page's key covers everything its rendering reads (keep it in step with `SiteBuilder`'s
/// page functions):
/// - every module page: the Lantern executable, the templates folder, lantern.yml, crisis
///   resources, every assessment file, and the layout's site title and organisation;
/// - a module page: its own file's bytes (front matter and body), its position and the
///   module count, and the front matter of its previous and next modules and of the modules it
///   requires;
/// - the home page: program.yml and every module's front matter, in order;
/// - the outline: the same, plus every module's level-2 headings;
/// - the search index: every module's file, in order.
struct IncrementalPlan: Sendable {
    let previous: BuildCache
    /// Per module in workspace order: what the load found in its file (nil when not cacheable).
    let facts: [ModuleFileFacts?]
    /// Per module: the key of its front matter.
    let frontMatterKeys: [FileDigest]
    /// Per module: the key of its page's inputs (nil when the module cannot be cached).
    let pageKeys: [FileDigest?]
    /// Per module: the previous build's entry for the same bytes, if any.
    let previousEntries: [BuildCache.Entry?]
    let keys: SiteKeys
    /// Whether the programme file's key and the shared inputs are known for the home page and outline.
    private let programKey: FileDigest
    private let searchable: Bool

    init(workspace: Workspace, cache: SiteBuildCache, templatesKey: FileDigest, layout: PageLayout) {
        previous = cache.previous
        let byPath = Dictionary(cache.record.modules.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let modules = workspace.modules
        let tool = ToolIdentity.key ?? .zero
        let facts = modules.map { byPath[$0.relativePath] }
        let frontMatterKeys = modules.map(Self.frontMatterKey)
        self.facts = facts
        self.frontMatterKeys = frontMatterKeys

        let programPath = workspace.config.paths.curriculum + "/" + Program.fileName
        var pages = KeyHasher("module-pages")
        pages.add(tool)
        pages.add(templatesKey)
        var program = KeyHasher("program")
        for input in cache.record.inputs {
            if input.relativePath == programPath {
                program.add(input.digest)
            } else {
                pages.add(input.relativePath)
                pages.add(input.digest)
            }
        }
        pages.add(layout.siteTitle)
        pages.add(layout.organisation)
        let pagesKey = pages.digest
        programKey = program.digest

        let indexByID = Dictionary(modules.indices.map { (modules[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        var pageKeys: [FileDigest?] = []
        pageKeys.reserveCapacity(modules.count)
        for (index, module) in modules.enumerated() {
            guard let digest = facts[index]?.digest else {
                pageKeys.append(nil)
                continue
            }
            var key = KeyHasher("module-page")
            key.add(pagesKey)
            key.add(digest)
            key.add(index)
            key.add(modules.count)
            for neighbour in [index - 1, index + 1] {
                if modules.indices.contains(neighbour) {
                    key.add(modules[neighbour].id)
                    key.add(frontMatterKeys[neighbour])
                } else {
                    key.add("")
                }
            }
            key.add(module.requires.count)
            for required in module.requires {
                key.add(required)
                if let other = indexByID[required] { key.add(frontMatterKeys[other]) } else { key.add(FileDigest.zero) }
            }
            pageKeys.append(key.digest)
        }
        self.pageKeys = pageKeys
        let previous = cache.previous
        previousEntries = facts.map { facts in facts.flatMap { previous.entry($0.relativePath, digest: $0.digest) } }

        var home = KeyHasher("home")
        home.add(pagesKey)
        home.add(programKey)
        for (module, key) in zip(modules, frontMatterKeys) {
            home.add(module.id)
            home.add(key)
        }
        searchable = !facts.contains { $0 == nil }
        var search = KeyHasher("search")
        search.add(tool)
        for (module, facts) in zip(modules, facts) {
            search.add(module.id)
            search.add(facts?.digest ?? .zero)
        }
        // The outline's key needs every module's headings: see `outlineKey(sections:)`.
        keys = SiteKeys(pages: pagesKey, home: home.digest, outline: .zero, search: search.digest)
    }

    /// Whether the previous build's page of module `index` can be kept as it is.
    func reusesPage(_ index: Int) -> Bool {
        guard previous.keys.pages == keys.pages, let key = pageKeys[index], let entry = previousEntries[index] else { return false }
        return entry.pageKey == key
    }

    var reusesHome: Bool { previous.state == .loaded && previous.keys.home == keys.home }

    var reusesSearchIndex: Bool { searchable && previous.state == .loaded && previous.keys.search == keys.search }

    /// The outline's key, from every module's level-2 headings (`sectionsKey`).
    func outlineKey(sections: [FileDigest]) -> FileDigest {
        var key = KeyHasher("outline")
        key.add(keys.pages)
        key.add(programKey)
        for (index, module) in zip(facts.indices, facts) {
            key.add(module?.module.id ?? "")
            key.add(frontMatterKeys[index])
            key.add(sections[index])
        }
        return key.digest
    }

    /// What the site took from one module's body this build: from the previous build (the
    /// page was kept) or fresh from rendering it.
    enum SiteFacts: Sendable {
        case cached(BuildCache.Entry, CachedSiteFacts)
        case fresh(sectionsKey: FileDigest, media: [String], searchEntry: [UInt8], headings: [RenderedModule.Heading])
    }

    /// The cache describing this build, to be written with the site.
    func encodeCache(siteFacts: [SiteFacts], outlineKey: FileDigest, workspace: Workspace) -> [UInt8]? {
        guard let tool = ToolIdentity.key else { return nil }
        let indexByPath = Dictionary(workspace.modules.indices.map { (workspace.modules[$0].relativePath, $0) },
                                     uniquingKeysWith: { first, _ in first })
        var writer = CacheWriter(capacity: max(4096, previous.bytes.count + 65536))
        writer.raw(BuildCache.magic)
        writer.raw([UInt8](repeating: 0, count: 8))
        writer.unsigned(UInt64(ToolIdentity.formatVersion))
        writer.digest(tool)
        writer.digest(keys.pages)
        writer.digest(keys.home)
        writer.digest(outlineKey)
        writer.digest(searchable ? keys.search : .zero)
        var entries: [(Int, ModuleFileFacts)] = []
        for facts in facts.compactMap({ $0 }) {
            guard let index = indexByPath[facts.relativePath], pageKeys[index] != nil else { continue }
            entries.append((index, facts))
        }
        entries.sort { $0.1.relativePath < $1.1.relativePath }
        writer.unsigned(UInt64(entries.count))
        var section = CacheWriter()
        for (index, facts) in entries {
            writer.string(facts.relativePath)
            writer.digest(facts.digest)
            writer.digest(pageKeys[index]!)
            if let entry = previousEntries[index] {
                // The same bytes were loaded before: the same facts, already encoded.
                writer.blob(previous.slice(entry.load))
            } else {
                section = CacheWriter()
                ModuleFactsCoding.encode(facts, into: &section)
                writer.blob(section.bytes)
            }
            switch siteFacts[index] {
            case .cached(let entry, _):
                writer.blob(previous.slice(entry.site))
            case .fresh(let sectionsKey, let media, let searchEntry, let headings):
                section = CacheWriter()
                CachedSiteFacts.encode(sectionsKey: sectionsKey, media: media, searchEntry: searchEntry, headings: headings, into: &section)
                writer.blob(section.bytes)
            }
        }
        let checksum = writer.bytes.withUnsafeBufferPointer { CacheChecksum.of(UnsafeBufferPointer(rebasing: $0[16...])) }
        writer.patch(checksum, at: 8)
        return writer.bytes
    }

    /// The key of a module's front matter: everything other pages show of it.
    static func frontMatterKey(_ module: Module) -> FileDigest {
        var key = KeyHasher("front-matter")
        key.add(module.id)
        key.add(module.title)
        key.add(module.summary)
        key.add(module.minutes)
        key.add(module.outcomes.count)
        for outcome in module.outcomes {
            key.add(outcome.id)
            key.add(outcome.text)
        }
        key.add(module.requires)
        key.add(module.assessments)
        key.add(module.tags)
        key.add(module.isCrisisRelated)
        return key.digest
    }

    /// The key of a module's level-2 headings (what the outline lists of its body).
    static func sectionsKey(_ headings: [RenderedModule.Heading]) -> FileDigest {
        var key = KeyHasher("sections")
        for heading in headings where heading.level == 2 {
            key.add(heading.text)
            key.add(heading.id)
        }
        return key.digest
    }

    /// The key of the templates folder: every file's name and bytes. Taken before the
    /// templates are read, so a template changed in between makes the next build render again.
    static func templatesKey(_ folder: URL) -> FileDigest {
        var key = KeyHasher("templates")
        let path = folder.standardizedFileURL.path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            key.add("no folder")
            return key.digest
        }
        for name in names.sorted() {
            key.add(name)
            if let bytes = WholeFile.contents(atPath: path + "/" + name) {
                key.add(FileDigest.sha256(bytes))
            } else {
                key.add(FileDigest.zero)
            }
        }
        return key.digest
    }
}

/// What `SiteBuilder` needs to build incrementally: the previous build's cache (read before
/// the workspace was loaded with it) and what that load recorded.
public struct SiteBuildCache: Sendable {
    public var previous: BuildCache
    public var record: WorkspaceCacheRecord

    public init(previous: BuildCache, record: WorkspaceCacheRecord) {
        self.previous = previous
        self.record = record
    }
}
