import Foundation
import LanternCurriculum
import LanternDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// What the last `lantern build` into a folder knew, kept outside it in the output's
/// `SiteBuildState` (`.lantern/build/<digest>/cache`; written once the new site is in place,
/// and removed before, so the cache always describes the pages in the output).
///
/// Per module file, keyed by its path and the SHA-256 of its bytes: what loading it found
/// (`ModuleFileFacts`), what the site took from its body (headings, media, search entry) and
/// the key of the inputs its page was rendered from. For the site as a whole: the keys of the
/// home page, outline and search index. Everything is tied to the Lantern executable that
/// wrote it: another build of Lantern starts from an empty cache.
///
/// Nothing in the cache names a path outside the workspace: diagnostics are stored without
/// their file's display path, which is added back when they are read.
public final class BuildCache: ModuleFileCache, Sendable {
    /// Why a cache is empty, or that it is not.
    public enum State: Sendable, Equatable {
        /// Read from the output folder.
        case loaded
        /// No cache there (a first build, or an output folder from an older Lantern).
        case missing
        /// Not asked for (`--no-cache`).
        case unused
        /// Written by another build of Lantern, or another format: not reused.
        case otherLantern
        /// Truncated or damaged: ignored.
        case damaged
    }

    static let magic = Array("LNTNBLD\u{1}".utf8)

    struct Entry: Sendable {
        var digest: FileDigest
        var pageKey: FileDigest
        /// `IncrementalPlan.frontMatterKey` of the module (it depends on the file alone).
        var frontMatterKey: FileDigest
        /// The file's status when it was read, if it had settled then (see `FileStatus.isSettled`).
        var status: FileStatus?
        /// Where the module's entry is in the site's `assets/search-index.js`.
        var search: Range<Int>
        var load: Range<Int>
        var site: Range<Int>
    }

    public let state: State
    /// When the cache was read (seconds since 1970): a file whose times are not before this
    /// (less two seconds, for coarse clocks) is not vouched for by its status next time.
    let readTime: Int
    /// The file's bytes (entries are decoded from them when asked for).
    let bytes: [UInt8]
    let keys: SiteKeys
    let entries: [String: Entry]
    /// The site's `assets/search-index.js` as this cache knows it.
    let searchIndex: SearchIndexStamp

    /// An empty cache: every module is parsed and every page rendered.
    public convenience init(state: State = .unused) {
        self.init(state: state, bytes: [], keys: SiteKeys(), entries: [:], searchIndex: SearchIndexStamp(length: -1, checksum: 0))
    }

    /// Another "now" for `readTime` (tests: files written a moment ago count as settled).
    @TaskLocal static var clock: Int?

    init(state: State, bytes: [UInt8], keys: SiteKeys, entries: [String: Entry], searchIndex: SearchIndexStamp) {
        self.searchIndex = searchIndex
        self.state = state
        readTime = Self.clock ?? time(nil)
        self.bytes = bytes
        self.keys = keys
        self.entries = entries
    }

    /// Reads the cache of the site an output's state describes; an empty cache when there is
    /// none or it cannot be used. Never fails: a cache only ever saves work.
    public static func read(_ state: SiteBuildState) -> BuildCache {
        let path = state.cacheFile.path
        // The cache describes the site in the output: without that site, it describes nothing.
        let output = open(state.output.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        guard output >= 0 else { return BuildCache(state: .missing) }
        defer { close(output) }
        guard TreeManifest.read(atPath: state.siteTree, describing: output) != nil else { return BuildCache(state: .missing) }
        guard let bytes = WholeFile.contents(atPath: path) else { return BuildCache(state: .missing) }
        return decode(bytes)
    }

    static func decode(_ bytes: [UInt8]) -> BuildCache {
        guard let tool = ToolIdentity.key else { return BuildCache(state: .otherLantern) }
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else { return BuildCache(state: .damaged) }
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(CacheDamage) -> BuildCache in
                var header = CacheReader(buffer, range: 8..<16)
                let stored = UInt64(littleEndian: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[try header.fixed(8)]))
                    .loadUnaligned(as: UInt64.self))
                guard CacheChecksum.of(UnsafeBufferPointer(rebasing: buffer[16...])) == stored else { throw CacheDamage() }
                var reader = CacheReader(buffer, range: 16..<buffer.count)
                guard try reader.unsigned() == UInt64(ToolIdentity.formatVersion), try reader.digest() == tool else {
                    return BuildCache(state: .otherLantern)
                }
                let keys = SiteKeys(pages: try reader.digest(), home: try reader.digest(),
                                    outline: try reader.digest(), search: try reader.digest())
                let searchIndex = SearchIndexStamp(length: try reader.int(), checksum: try reader.unsigned())
                let count = try reader.count()
                var entries: [String: Entry] = [:]
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try reader.string()
                    let entry = Entry(digest: try reader.digest(), pageKey: try reader.digest(), frontMatterKey: try reader.digest(),
                                      status: try reader.bool() ? try FileStatusCoding.decode(&reader) : nil,
                                      search: try reader.range(),
                                      load: try reader.span(), site: try reader.span())
                    entries[path] = entry
                }
                guard reader.isAtEnd else { throw CacheDamage() }
                return BuildCache(state: .loaded, bytes: bytes, keys: keys, entries: entries, searchIndex: searchIndex)
            }
        } catch {
            return BuildCache(state: .damaged)
        }
    }

    // MARK: - Modules

    public func digest(of bytes: UnsafeRawBufferPointer) -> FileDigest {
        FileDigest.sha256(bytes)
    }

    public func facts(forFile relativePath: String, digest: FileDigest, displayPath: String) -> ModuleFileFacts? {
        guard let entry = entries[relativePath], entry.digest == digest else { return nil }
        return try? bytes.withUnsafeBufferPointer { buffer throws(CacheDamage) in
            var reader = CacheReader(buffer, range: entry.load)
            return try ModuleFactsCoding.decode(&reader, relativePath: relativePath, digest: digest, displayPath: displayPath)
        }
    }

    public func hasStatus(forFile relativePath: String) -> Bool {
        entries[relativePath]?.status != nil
    }

    public func facts(forFile relativePath: String, status: FileStatus, displayPath: String) -> ModuleFileFacts? {
        guard let entry = entries[relativePath], entry.status == status else { return nil }
        guard var facts = facts(forFile: relativePath, digest: entry.digest, displayPath: displayPath) else { return nil }
        facts.status = status
        return facts
    }

    /// The entry of a module file with exactly these bytes.
    func entry(_ relativePath: String, digest: FileDigest) -> Entry? {
        guard let entry = entries[relativePath], entry.digest == digest else { return nil }
        return entry
    }

    /// What the site took from a module's body when its page was last rendered.
    func siteFacts(_ entry: Entry) -> CachedSiteFacts? {
        try? bytes.withUnsafeBufferPointer { buffer throws(CacheDamage) in
            var reader = CacheReader(buffer, range: entry.site)
            return try CachedSiteFacts.decode(&reader)
        }
    }

    /// A module's headings, read only when the outline is rendered again.
    func headings(_ facts: CachedSiteFacts) -> [RenderedModule.Heading]? {
        try? bytes.withUnsafeBufferPointer { buffer throws(CacheDamage) in
            var reader = CacheReader(buffer, range: facts.headings)
            return try CachedSiteFacts.decodeHeadings(&reader)
        }
    }

    /// The cache's content without what describes this machine's files (their statuses): two
    /// builds of the same inputs give the same bytes here (for tests).
    func contentWithoutStatuses() -> [UInt8] {
        var writer = CacheWriter()
        for key in [keys.pages, keys.home, keys.outline, keys.search] { writer.digest(key) }
        writer.int(searchIndex.length)
        writer.unsigned(searchIndex.checksum)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.int(entry.search.lowerBound)
            writer.int(entry.search.upperBound)
            writer.digest(entry.digest)
            writer.digest(entry.pageKey)
            writer.digest(entry.frontMatterKey)
            writer.blob(bytes[entry.load])
            writer.blob(bytes[entry.site])
        }
        return writer.bytes
    }

    /// The bytes of a range of the cache file.
    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        bytes[range]
    }
}

/// The length and checksum of a site's `assets/search-index.js`: each module's entry is read
/// from there (not kept in the cache) when the index is made again, if it is still that file.
struct SearchIndexStamp: Sendable, Equatable {
    var length: Int
    var checksum: UInt64

    init(length: Int, checksum: UInt64) {
        self.length = length
        self.checksum = checksum
    }

    init(_ bytes: [UInt8]) {
        length = bytes.count
        checksum = bytes.withUnsafeBufferPointer { CacheChecksum.of($0) }
    }
}

/// The keys of the pages that depend on more than one module (and of every module page's
/// shared inputs), as the cache records them.
struct SiteKeys: Sendable, Equatable {
    /// Everything a module page depends on besides its own module and its neighbours.
    var pages = FileDigest.zero
    var home = FileDigest.zero
    var outline = FileDigest.zero
    var search = FileDigest.zero
}

/// What the site takes from one module's body, as the cache keeps it.
struct CachedSiteFacts: Sendable {
    /// The key of the module's level-2 headings (the outline lists them).
    var sectionsKey: FileDigest
    var media: [String]
    /// The key of the module's entry in `assets/search-index.js` (`Entry.search` says where it is).
    var searchKey: FileDigest
    /// The encoded headings the outline lists (level 2 on the page), decoded only when needed.
    var headings: Range<Int>

    static func encode(sectionsKey: FileDigest, media: [String], searchKey: FileDigest,
                       headings: [RenderedModule.Heading], into writer: inout CacheWriter) {
        writer.digest(sectionsKey)
        writer.strings(media)
        writer.digest(searchKey)
        writer.unsigned(UInt64(headings.count))
        for heading in headings {
            writer.int(heading.level)
            writer.string(heading.text)
            writer.string(heading.id)
        }
    }

    static func decode(_ reader: inout CacheReader) throws(CacheDamage) -> CachedSiteFacts {
        let key = try reader.digest()
        let media = try reader.strings()
        let searchKey = try reader.digest()
        let headings = reader.position..<reader.end
        return CachedSiteFacts(sectionsKey: key, media: media, searchKey: searchKey, headings: headings)
    }

    static func decodeHeadings(_ reader: inout CacheReader) throws(CacheDamage) -> [RenderedModule.Heading] {
        let count = try reader.count()
        var headings: [RenderedModule.Heading] = []
        headings.reserveCapacity(count)
        for _ in 0..<count {
            let level = try reader.int()
            guard (1...6).contains(level) else { throw CacheDamage() }
            headings.append(RenderedModule.Heading(level: level, text: try reader.string(), id: try reader.string()))
        }
        guard reader.isAtEnd else { throw CacheDamage() }
        return headings
    }
}

/// `ModuleFileFacts` in the cache. The relative path and digest are the entry's key; the
/// display path is not stored (locations are in the module's own file).
enum ModuleFactsCoding {
    static func encode(_ facts: ModuleFileFacts, into writer: inout CacheWriter) {
        let module = facts.module
        writer.string(module.title)
        writer.string(module.summary)
        writer.int(module.minutes)
        writer.unsigned(UInt64(module.outcomes.count))
        for outcome in module.outcomes {
            writer.string(outcome.id)
            writer.string(outcome.text)
        }
        writer.strings(module.tags)
        writer.bool(module.isCrisisRelated)
        writer.int(module.bodyLineOffset)
        writer.int(facts.bodyOffset)
        writer.int(facts.idLine)
        writer.int(facts.idColumn)
        for references in [facts.requires, facts.assessments] {
            writer.unsigned(UInt64(references.count))
            for reference in references {
                writer.string(reference.id)
                writer.int(reference.line)
                writer.int(reference.column)
            }
        }
        writer.strings(facts.anchors)
        writer.unsigned(UInt64(facts.links.count))
        for link in facts.links {
            writer.string(link.destination)
            writer.bool(link.isImage)
            writer.int(link.line)
            writer.int(link.column)
        }
        writer.unsigned(UInt64(facts.diagnostics.count))
        for diagnostic in facts.diagnostics {
            writer.byte(severityCode(diagnostic.severity))
            writer.string(diagnostic.code)
            writer.string(diagnostic.message)
            writer.bool(diagnostic.hint != nil)
            if let hint = diagnostic.hint { writer.string(hint) }
            writer.bool(diagnostic.location != nil)
            if let location = diagnostic.location {
                writer.int(location.line)
                writer.int(location.column)
            }
        }
    }

    static func decode(_ reader: inout CacheReader, relativePath: String, digest: FileDigest,
                       displayPath: String) throws(CacheDamage) -> ModuleFileFacts {
        let title = try reader.string()
        let summary = try reader.string()
        let minutes = try reader.int()
        var outcomes: [Module.Outcome] = []
        for _ in 0..<(try reader.count()) {
            outcomes.append(Module.Outcome(id: try reader.string(), text: try reader.string()))
        }
        let tags = try reader.strings()
        let crisis = try reader.bool()
        let bodyLineOffset = try reader.int()
        let bodyOffset = try reader.int()
        let idLine = try reader.int()
        let idColumn = try reader.int()
        var lists: [[ModuleFileFacts.Reference]] = []
        for _ in 0..<2 {
            var references: [ModuleFileFacts.Reference] = []
            for _ in 0..<(try reader.count()) {
                references.append(.init(id: try reader.string(), line: try reader.int(), column: try reader.int()))
            }
            lists.append(references)
        }
        let anchors = try reader.strings()
        var links: [ModuleLinkReference] = []
        let linkCount = try reader.count()
        links.reserveCapacity(linkCount)
        for _ in 0..<linkCount {
            links.append(ModuleLinkReference(destination: try reader.string(), isImage: try reader.bool(),
                                             line: try reader.int(), column: try reader.int()))
        }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) {
            let severity = try severity(try reader.byte())
            let code = try reader.string()
            let message = try reader.string()
            let hint = try reader.bool() ? try reader.string() : nil
            let location = try reader.bool() ? SourceLocation(path: displayPath, line: try reader.int(), column: try reader.int()) : nil
            diagnostics.append(Diagnostic(severity, code, message, at: location, hint: hint))
        }
        guard reader.isAtEnd else { throw CacheDamage() }
        let utf8 = relativePath.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard utf8.count >= 3, utf8.distance(from: nameStart, to: utf8.endIndex) > 3, relativePath.utf8.suffix(3).elementsEqual(".md".utf8) else {
            throw CacheDamage()
        }
        let module = Module(id: String(relativePath[nameStart..<utf8.index(utf8.endIndex, offsetBy: -3)]), title: title, summary: summary, minutes: minutes, outcomes: outcomes,
                            requires: lists[0].map(\.id), assessments: lists[1].map(\.id), tags: tags,
                            isCrisisRelated: crisis, relativePath: relativePath, displayPath: displayPath,
                            bodyText: "", bodyLineOffset: bodyLineOffset)
        return ModuleFileFacts(relativePath: relativePath, digest: digest, module: module, bodyOffset: bodyOffset,
                               idLine: idLine, idColumn: idColumn, requires: lists[0], assessments: lists[1],
                               anchors: anchors, links: links, diagnostics: diagnostics)
    }

    private static func severityCode(_ severity: Diagnostic.Severity) -> UInt8 {
        switch severity {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    private static func severity(_ code: UInt8) throws(CacheDamage) -> Diagnostic.Severity {
        switch code {
        case 0: return .error
        case 1: return .warning
        case 2: return .note
        default: throw CacheDamage()
        }
    }
}

/// `FileStatus` in the cache.
enum FileStatusCoding {
    static func encode(_ status: FileStatus, into writer: inout CacheWriter) {
        writer.unsigned(status.device)
        writer.unsigned(status.inode)
        writer.int(status.size)
        writer.int(status.modified)
        writer.int(status.modifiedNanoseconds)
        writer.int(status.changed)
        writer.int(status.changedNanoseconds)
    }

    static func decode(_ reader: inout CacheReader) throws(CacheDamage) -> FileStatus {
        FileStatus(device: try reader.unsigned(), inode: try reader.unsigned(), size: try reader.int(), modified: try reader.int(),
                   modifiedNanoseconds: try reader.int(), changed: try reader.int(), changedNanoseconds: try reader.int())
    }
}

/// A whole regular file into memory with plain POSIX calls.
enum WholeFile {
    static func contents(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return contents(of: descriptor)
    }

    /// The rest of an open regular file.
    static func contents(of descriptor: Int32) -> [UInt8]? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let count = Self.readSome(descriptor, buffer.baseAddress! + offset, size - offset)
                if count <= 0 {
                    complete = false
                    break
                }
                offset += count
            }
            initialized = offset
        }
        return complete ? bytes : nil
    }

    private static func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        read(descriptor, buffer, count)
    }
}
