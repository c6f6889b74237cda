import Foundation
import LanternCurriculum
import LanternDiagnostics

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
/// - the search index: every module's entry in it, in order.
struct IncrementalPlan: Sendable {
    let previous: BuildCache
    /// What the load recorded.
    let record: WorkspaceCacheRecord
    /// Per module in workspace order: its index in `record.modules` (nil when not cacheable).
    let recordIndex: [Int?]
    /// Per module: the digest of its file (nil when not cacheable).
    let digests: [FileDigest?]
    /// Per module: the key of its front matter.
    let frontMatterKeys: [FileDigest]
    /// Per module: the key of its page's inputs (nil when the module cannot be cached).
    let pageKeys: [FileDigest?]
    /// Per module: the previous build's entry for the same bytes, if any.
    let previousEntries: [BuildCache.Entry?]
    let keys: SiteKeys
    /// The key of program.yml, for the home page and outline.
    private let programKey: FileDigest

    init(workspace: Workspace, cache: SiteBuildCache, templatesKey: FileDigest, layout: PageLayout) {
        let previous = cache.previous
        let record = cache.record
        self.previous = previous
        self.record = record
        let modules = workspace.modules
        let count = modules.count
        let tool = ToolIdentity.key ?? .zero
        var byPath: [String: Int] = [:]
        byPath.reserveCapacity(record.modules.count)
        for index in record.modules.indices { byPath[record.modules[index].relativePath] = index }
        var recordIndex: [Int?] = []
        var digests: [FileDigest?] = []
        var frontMatterKeys: [FileDigest] = []
        var previousEntries: [BuildCache.Entry?] = []
        recordIndex.reserveCapacity(count)
        digests.reserveCapacity(count)
        frontMatterKeys.reserveCapacity(count)
        previousEntries.reserveCapacity(count)
        var scratch = KeyHasher("front-matter")
        for index in 0..<count {
            let found = byPath[modules[index].relativePath]
            recordIndex.append(found)
            let digest = found.map { record.modules[$0].digest }
            digests.append(digest)
            let entry = digest.flatMap { previous.entry(modules[index].relativePath, digest: $0) }
            previousEntries.append(entry)
            // A front matter key depends on the file alone: the previous build's, when the bytes are the same.
            frontMatterKeys.append(entry?.frontMatterKey ?? Self.frontMatterKey(modules[index], using: &scratch))
        }
        self.recordIndex = recordIndex
        self.digests = digests
        self.frontMatterKeys = frontMatterKeys
        self.previousEntries = previousEntries

        let programPath = workspace.config.paths.curriculum + "/" + Program.fileName
        var pages = KeyHasher("module-pages")
        pages.add(tool)
        pages.add(templatesKey)
        var program = KeyHasher("program")
        for input in record.inputs {
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

        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(count)
        for index in 0..<count where indexByID[modules[index].id] == nil { indexByID[modules[index].id] = index }
        var pageKeys: [FileDigest?] = []
        pageKeys.reserveCapacity(count)
        var key = KeyHasher("module-page")
        for index in 0..<count {
            guard let digest = digests[index] else {
                pageKeys.append(nil)
                continue
            }
            key.reset("module-page")
            key.add(pagesKey)
            key.add(digest)
            key.add(index)
            key.add(count)
            for neighbour in stride(from: index - 1, through: index + 1, by: 2) {
                if neighbour >= 0 && neighbour < count {
                    key.add(modules[neighbour].id)
                    key.add(frontMatterKeys[neighbour])
                } else {
                    key.add("")
                }
            }
            let requires = modules[index].requires
            key.add(requires.count)
            for required in requires {
                key.add(required)
                if let other = indexByID[required] { key.add(frontMatterKeys[other]) } else { key.add(FileDigest.zero) }
            }
            pageKeys.append(key.digest)
        }
        self.pageKeys = pageKeys

        var home = KeyHasher("home")
        home.add(pagesKey)
        home.add(programKey)
        for index in 0..<count {
            home.add(modules[index].id)
            home.add(frontMatterKeys[index])
        }
        // The outline's and search index's keys need every module's body: see `outlineKey`, `searchKey`.
        keys = SiteKeys(pages: pagesKey, home: home.digest, outline: .zero, search: .zero)
    }

    /// The body of module `index` if the load did not read it (its file's status vouched for
    /// it): read now, and checked against the digest its facts were found for.
    func unreadBody(_ index: Int) throws(LanternError) -> String? {
        guard let position = recordIndex[index], record.unreadBodies.contains(record.modules[position].relativePath) else { return nil }
        return try record.readBody(of: record.modules[position]) { FileDigest.sha256($0) }
    }

    /// Whether the previous build's page of module `index` can be kept as it is.
    func reusesPage(_ index: Int) -> Bool {
        guard previous.keys.pages == keys.pages, let key = pageKeys[index], let entry = previousEntries[index] else { return false }
        return entry.pageKey == key
    }

    var reusesHome: Bool { previous.state == .loaded && previous.keys.home == keys.home }

    /// The search index's key, from the key of every module's entry in it (`SearchIndex.entry`).
    func searchKey(entries: [FileDigest]) -> FileDigest {
        var key = KeyHasher("search")
        key.add(ToolIdentity.key ?? .zero)
        for entry in entries { key.add(entry) }
        return key.digest
    }

    /// The outline's key, from every module's level-2 headings (`sectionsKey`).
    func outlineKey(sections: [FileDigest], workspace: Workspace) -> FileDigest {
        var key = KeyHasher("outline")
        key.add(keys.pages)
        key.add(programKey)
        let modules = workspace.modules
        for index in modules.indices {
            key.add(modules[index].id)
            key.add(frontMatterKeys[index])
            key.add(sections[index])
        }
        return key.digest
    }

    /// What the site took from one module's body this build: from the previous build (the
    /// page was kept) or fresh from rendering it.
    enum SiteFacts: Sendable {
        case cached(BuildCache.Entry, CachedSiteFacts)
        case fresh(sectionsKey: FileDigest, media: [String], searchKey: FileDigest, headings: [RenderedModule.Heading])
    }

    /// The cache describing this build, to be written with the site.
    /// - Parameters:
    ///   - searchEntries: where each module's entry is in the new `assets/search-index.js`.
    ///   - searchIndex: that file's stamp.
    func encodeCache(siteFacts: [SiteFacts], outlineKey: FileDigest, searchKey: FileDigest, searchEntries: [Range<Int>],
                     searchIndex: SearchIndexStamp, workspace: Workspace) -> [UInt8]? {
        guard let tool = ToolIdentity.key else { return nil }
        var writer = CacheWriter(capacity: max(4096, previous.bytes.count + 65536))
        writer.raw(BuildCache.magic)
        writer.raw([UInt8](repeating: 0, count: 8))
        writer.unsigned(UInt64(ToolIdentity.formatVersion))
        writer.digest(tool)
        writer.digest(keys.pages)
        writer.digest(keys.home)
        writer.digest(outlineKey)
        writer.digest(searchKey)
        writer.int(searchIndex.length)
        writer.unsigned(searchIndex.checksum)
        // In the load's order (file names), so the same inputs always give the same bytes.
        var workspaceIndex = [Int?](repeating: nil, count: record.modules.count)
        for index in recordIndex.indices {
            if let position = recordIndex[index], pageKeys[index] != nil { workspaceIndex[position] = index }
        }
        writer.unsigned(UInt64(workspaceIndex.count { $0 != nil }))
        var section = CacheWriter()
        for position in record.modules.indices {
            guard let index = workspaceIndex[position] else { continue }
            writer.string(record.modules[position].relativePath)
            writer.digest(record.modules[position].digest)
            writer.digest(pageKeys[index]!)
            writer.digest(frontMatterKeys[index])
            // The status, only when the file had not changed for a while when it was read.
            if let status = record.modules[position].status, status.isSettled(before: previous.readTime - 2) {
                writer.bool(true)
                FileStatusCoding.encode(status, into: &writer)
            } else {
                writer.bool(false)
            }
            writer.int(searchEntries[index].lowerBound)
            writer.int(searchEntries[index].upperBound)
            if let entry = previousEntries[index] {
                // The same bytes were loaded before: the same facts, already encoded.
                writer.blob(previous.slice(entry.load))
            } else {
                section = CacheWriter()
                ModuleFactsCoding.encode(record.modules[position], into: &section)
                writer.blob(section.bytes)
            }
            switch siteFacts[index] {
            case .cached(let entry, _):
                writer.blob(previous.slice(entry.site))
            case .fresh(let sectionsKey, let media, let searchKey, let headings):
                section = CacheWriter()
                CachedSiteFacts.encode(sectionsKey: sectionsKey, media: media, searchKey: searchKey, headings: headings, into: &section)
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
        return frontMatterKey(module, using: &key)
    }

    /// The same, with a hasher whose memory is reused.
    static func frontMatterKey(_ module: Module, using key: inout KeyHasher) -> FileDigest {
        key.reset("front-matter")
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
        guard let names = TreeManifest.names(in: path) else {
            key.add("no folder")
            return key.digest
        }
        for name in names.sorted() {
            key.add(name)
            // Only from inside the folder (a link out of it is never read: the build then stops
            // when the templates are read).
            if let data = try? ContainedFile.read(name, in: folder, folderDisplay: "templates", displayPath: name) {
                key.add(FileDigest.sha256([UInt8](data)))
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
