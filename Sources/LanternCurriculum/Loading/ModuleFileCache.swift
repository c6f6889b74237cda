import Foundation
import LanternDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// A 256-bit digest of a file's bytes (SHA-256 in the site's build cache).
public struct FileDigest: Hashable, Sendable {
    public var words: (UInt64, UInt64, UInt64, UInt64)

    public init(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) {
        words = (a, b, c, d)
    }

    public static func == (lhs: FileDigest, rhs: FileDigest) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}

/// A file as the file system describes it: which file (device, inode), its size, and when its
/// content (modification) and its inode (change) last changed. No program can set the change
/// time, so a file copied back with an old modification time still differs.
public struct FileStatus: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var modified: Int
    public var modifiedNanoseconds: Int
    public var changed: Int
    public var changedNanoseconds: Int

    public init(device: UInt64, inode: UInt64, size: Int, modified: Int, modifiedNanoseconds: Int, changed: Int, changedNanoseconds: Int) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changed = changed
        self.changedNanoseconds = changedNanoseconds
    }

    /// The status of a regular file; nil for anything else.
    public init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Glibc)
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size),
                  modified: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec),
                  changed: Int(info.st_ctim.tv_sec), changedNanoseconds: Int(info.st_ctim.tv_nsec))
        #else
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size),
                  modified: Int(info.st_mtimespec.tv_sec), modifiedNanoseconds: Int(info.st_mtimespec.tv_nsec),
                  changed: Int(info.st_ctimespec.tv_sec), changedNanoseconds: Int(info.st_ctimespec.tv_nsec))
        #endif
    }

    /// Whether neither time is later than `seconds` (since 1970): a file that had not changed
    /// for a while when it was read. A change within the same tick of a coarse file-system
    /// clock leaves both times as they were, so only such a file's status can vouch for it.
    public func isSettled(before seconds: Int) -> Bool {
        modified < seconds && changed < seconds
    }
}

/// Where a loader may find what an earlier load derived from a module file, so an unchanged
/// file is not parsed again. `lantern build` keeps these beside the site (see LanternSite's
/// `BuildCache`); LanternCurriculum only asks.
///
/// A cache must answer only for the exact bytes it was given facts for: the loader trusts the
/// answer as if it had parsed the file itself.
public protocol ModuleFileCache: Sendable {
    /// The digest of a file's bytes; the same bytes always give the same digest.
    func digest(of bytes: UnsafeRawBufferPointer) -> FileDigest
    /// What loading the file at `relativePath` with that digest produced, with diagnostics and
    /// locations at `displayPath`; nil when unknown.
    func facts(forFile relativePath: String, digest: FileDigest, displayPath: String) -> ModuleFileFacts?
    /// The facts of a file whose status is exactly the one recorded with them (and was settled
    /// then), so that it need not be read at all; nil to read it. The module's body is then not
    /// read either (`WorkspaceCacheRecord.unreadBodies`).
    func facts(forFile relativePath: String, status: FileStatus, displayPath: String) -> ModuleFileFacts?
    /// Whether the cache holds a status for the file (so asking for its status is worth it).
    func hasStatus(forFile relativePath: String) -> Bool
}

extension ModuleFileCache {
    public func facts(forFile relativePath: String, status: FileStatus, displayPath: String) -> ModuleFileFacts? { nil }
    public func hasStatus(forFile relativePath: String) -> Bool { false }
}

/// Everything loading one module file derives from that file alone: the module without its
/// body, the places of its references, its heading anchors and links, and its own diagnostics.
/// The checks between modules (links, prerequisites, program, assessments) run on these.
public struct ModuleFileFacts: Sendable {
    /// A reference in the front matter (`requires:`, `assessments:`) and where it is written.
    public struct Reference: Sendable, Hashable {
        public var id: String
        public var line: Int
        public var column: Int

        public init(id: String, line: Int, column: Int) {
            self.id = id
            self.line = line
            self.column = column
        }
    }

    /// Path relative to the workspace root (`curriculum/intro.md`).
    public var relativePath: String
    /// The digest of the file's bytes.
    public var digest: FileDigest
    /// The file's status when it was read (or vouched for by it), if known.
    public var status: FileStatus?
    /// The module; `bodyText` is empty in facts read from a cache (the loader takes the body
    /// from the file), and `displayPath` is the one given to the cache.
    public var module: Module
    /// Where the body starts in the file's text, in UTF-8 bytes (after line endings became LF).
    public var bodyOffset: Int
    public var idLine: Int
    public var idColumn: Int
    public var requires: [Reference]
    public var assessments: [Reference]
    /// Heading anchors, sorted.
    public var anchors: [String]
    public var links: [ModuleLinkReference]
    /// Problems found in this file alone; every location is in this file.
    public var diagnostics: [Diagnostic]

    public init(relativePath: String, digest: FileDigest, module: Module, bodyOffset: Int, idLine: Int, idColumn: Int,
                requires: [Reference], assessments: [Reference], anchors: [String], links: [ModuleLinkReference],
                diagnostics: [Diagnostic]) {
        self.relativePath = relativePath
        self.digest = digest
        self.status = nil
        self.module = module
        self.bodyOffset = bodyOffset
        self.idLine = idLine
        self.idColumn = idColumn
        self.requires = requires
        self.assessments = assessments
        self.anchors = anchors
        self.links = links
        self.diagnostics = diagnostics
    }
}

/// A digest of a workspace file the loader read besides the modules (lantern.yml, program,
/// crisis resources, assessments), for a build to know whether pages depending on it changed.
public struct InputFileDigest: Sendable, Hashable {
    public var relativePath: String
    public var digest: FileDigest
}

/// What a load with a `ModuleFileCache` recorded, for the build to write its next cache from.
public struct WorkspaceCacheRecord: Sendable {
    /// One per module file that was read as a module, in file-name order.
    public var modules: [ModuleFileFacts]
    /// Every other file the load read, in the order it read them.
    public var inputs: [InputFileDigest]
    /// Modules (by relative path) vouched for by their file status: not read, so their
    /// `bodyText` is empty. `readBody` reads one when its page must be rendered.
    public var unreadBodies: Set<String>
    /// The workspace root the paths are relative to.
    public var root: URL

    /// The body of a module the load did not read, from its file, which must still have the
    /// bytes its facts were found in (a file changed during the build is an error: build again).
    public func readBody(of facts: ModuleFileFacts, digest: @Sendable (UnsafeRawBufferPointer) -> FileDigest) throws(LanternError) -> String {
        let relative = facts.relativePath
        let slash = relative.lastIndex(of: "/")
        let folder = slash.map { root.appendingPathComponent(String(relative[..<$0])) } ?? root
        let name = slash.map { String(relative[relative.index(after: $0)...]) } ?? relative
        let data = try ContainedFile.read(name, in: folder, folderDisplay: slash.map { String(relative[..<$0]) } ?? ".",
                                          displayPath: facts.module.displayPath)
        guard data.withUnsafeBytes(digest) == facts.digest,
              let (body, _) = try WorkspaceLoader.body(of: data, from: facts.bodyOffset, displayPath: facts.module.displayPath) else {
            throw LanternError(.changedDuringBuild, "the file changed while the site was being built",
                               at: SourceLocation(path: facts.module.displayPath), hint: "build again")
        }
        return body
    }
}

extension ParsedModule {
    /// The facts of a freshly parsed module; nil when a location is outside its own file
    /// (never expected), so the facts could not be shown again at another display path.
    func facts(digest: FileDigest, bodyOffset: Int, diagnostics: [Diagnostic]) -> ModuleFileFacts? {
        var module = module
        module.bodyText = ""
        let path = module.displayPath
        guard idLocation.path == path, requires.allSatisfy({ $0.1.path == path }), assessments.allSatisfy({ $0.1.path == path }),
              diagnostics.allSatisfy({ $0.location == nil || $0.location?.path == path }) else { return nil }
        return ModuleFileFacts(
            relativePath: module.relativePath, digest: digest, module: module, bodyOffset: bodyOffset,
            idLine: idLocation.line, idColumn: idLocation.column,
            requires: requires.map { .init(id: $0.0, line: $0.1.line, column: $0.1.column) },
            assessments: assessments.map { .init(id: $0.0, line: $0.1.line, column: $0.1.column) },
            anchors: anchors, links: links, diagnostics: diagnostics)
    }

    /// A module as if parsed again, from its facts and its body.
    init(facts: ModuleFileFacts, fileID: String, body: String) {
        var module = facts.module
        module.bodyText = body
        let path = module.displayPath
        self.init(module: module, fileID: fileID,
                  idLocation: SourceLocation(path: path, line: facts.idLine, column: facts.idColumn),
                  requires: facts.requires.map { ($0.id, SourceLocation(path: path, line: $0.line, column: $0.column)) },
                  assessments: facts.assessments.map { ($0.id, SourceLocation(path: path, line: $0.line, column: $0.column)) },
                  anchors: facts.anchors, links: facts.links)
    }
}
