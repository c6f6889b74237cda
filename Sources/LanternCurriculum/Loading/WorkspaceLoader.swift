import Foundation
import LanternDiagnostics
import Crypto
import LanternMarkdown
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What loading a workspace produced: the workspace (nil when it cannot be used at all) and
/// every problem found, sorted by file and line.
public struct WorkspaceLoadResult: Sendable {
    public var workspace: Workspace?
    public var diagnostics: [Diagnostic]
    /// Bytes of user files read, for throughput figures.
    public var bytesRead: Int
    /// Files read.
    public var filesRead: Int
    /// With a `ModuleFileCache`: the facts of every module file and the digests of the other
    /// files read, for the next cache.
    public var cacheRecord: WorkspaceCacheRecord?
}

/// Loads and validates a whole workspace, reporting every problem rather than stopping at
/// the first. Never throws: a problem with a file becomes a diagnostic at its position.
public struct WorkspaceLoader: Sendable {
    /// "Today", for checks that depend on the date (stale crisis resources).
    public var today: Date

    public init(today: Date = Date()) {
        self.today = today
    }

    /// The nearest folder at or above `start` that holds a `lantern.yml`.
    public static func findRoot(startingAt start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(WorkspaceConfig.fileName).path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// How many workspace loads this process has started: instrumentation, so tests can hold
    /// "a command loads its course once".
    public static var loadsStarted: Int { loadCounter.load(ordering: .relaxed) }
    private static let loadCounter = Atomic<Int>(0)

    /// Loads the workspace whose root folder is `root`.
    ///
    /// - Parameters:
    ///   - displayRoot: how to show the root in diagnostic paths: `""` for the current
    ///     directory, or the path as the user typed it.
    ///   - cache: facts of module files from an earlier load: a file whose bytes have facts is
    ///     not parsed again (nor read, when its status vouches for it). The result is the same
    ///     as without a cache, but for the bodies of unread modules, plus `cacheRecord`.
    public func load(at root: URL, displayRoot: String = "", cache: (any ModuleFileCache)? = nil) -> WorkspaceLoadResult {
        Self.loadCounter.add(1, ordering: .relaxed)
        var context = LoadContext(root: root.standardizedFileURL, displayRoot: displayRoot, cache: cache)
        let workspace = load(&context)
        return WorkspaceLoadResult(workspace: workspace, diagnostics: Diagnostic.sorted(context.engine.diagnostics),
                                   bytesRead: context.bytesRead, filesRead: context.filesRead,
                                   cacheRecord: cache == nil ? nil : WorkspaceCacheRecord(modules: context.moduleFacts, inputs: context.inputs,
                                                                                         unreadBodies: context.unreadBodies, root: context.root))
    }

    // MARK: - Steps

    private struct LoadContext {
        let root: URL
        let displayRoot: String
        let engine = DiagnosticsEngine()
        let cache: (any ModuleFileCache)?
        var bytesRead = 0
        var filesRead = 0
        /// With a cache: what it needs to be written again.
        var moduleFacts: [ModuleFileFacts] = []
        var inputs: [InputFileDigest] = []
        var unreadBodies: Set<String> = []

        func display(_ relative: String) -> String {
            if displayRoot.isEmpty || displayRoot == "." { return relative }
            return displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative
        }

        func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

        /// Reads and parses a YAML file, or reports why not.
        mutating func yaml(_ relative: String) -> YAMLNode? {
            guard let source = text(relative) else { return nil }
            do {
                return try YAMLNode.parse(source.text, path: source.displayPath)
            } catch {
                engine.emit(error.diagnostic)
                return nil
            }
        }

        /// Reads a file only from inside its own folder (`ContainedFile`), or reports why not.
        mutating func text(_ relative: String) -> SourceText? {
            textAndHash(relative, hashing: false)?.text
        }

        /// The file's text and, when `hashing`, the SHA-256 (hex) of the bytes just read.
        mutating func textAndHash(_ relative: String, hashing: Bool) -> (text: SourceText, hash: String)? {
            do {
                let slash = relative.lastIndex(of: "/")
                let folder = slash.map { String(relative[..<$0]) } ?? ""
                let name = slash.map { String(relative[relative.index(after: $0)...]) } ?? relative
                let data = try ContainedFile.read(name, in: folder.isEmpty ? root : url(folder),
                                                  folderDisplay: folder.isEmpty ? (displayRoot.isEmpty ? "the workspace" : displayRoot) : display(folder),
                                                  displayPath: display(relative))
                if let cache {
                    inputs.append(InputFileDigest(relativePath: relative, digest: data.withUnsafeBytes { cache.digest(of: $0) }))
                }
                let source = try SourceText.decode(data, displayPath: display(relative))
                bytesRead += source.text.utf8.count
                filesRead += 1
                return (source, hashing ? Hex.encode(SHA256.hash(data: data)) : "")
            } catch {
                engine.emit(error.diagnostic)
                return nil
            }
        }

        /// `*.md` files directly inside a folder (or links to files), sorted by name; nil when
        /// the folder is missing.
        func markdownFiles(in relativeFolder: String) -> [String]? {
            let folder = url(relativeFolder).path
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            if let listed = DirectoryListing.markdownFiles(in: folder) { return listed.sorted() }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
            return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: prefix + name, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
        }
    }

    /// Reads and parses module files on every core: each file is independent, and its
    /// diagnostics are merged back in file order, so the result does not depend on timing.
    private func readModules(_ names: [String], in folder: String, context: inout LoadContext) -> [ParsedModule] {
        struct Outcome: Sendable {
            var parsed: ParsedModule?
            var facts: ModuleFileFacts?
            var diagnostics: [Diagnostic]
            var bytes: Int
            /// False when the file's status vouched for it.
            var read: Bool
        }
        let rootPath = context.root.path.hasSuffix("/") ? context.root.path : context.root.path + "/"
        let display = { (relative: String) in context.display(relative) }(folder)
        let cache = context.cache
        let curriculumURL = context.url(folder)
        // With a cache, files are found relative to their open folder, and their status first.
        let folderDescriptor = cache == nil ? -1 : open(rootPath + folder, O_RDONLY | O_DIRECTORY)
        defer { if folderDescriptor >= 0 { close(folderDescriptor) } }
        @Sendable func read(_ index: Int) -> Outcome {
            let name = names[index]
            let relative = folder + "/" + name
            let displayPath = display.hasSuffix("/") ? display + name : display + "/" + name
            let fileID = String(name.dropLast(3))
            var outcome = Outcome(parsed: nil, facts: nil, diagnostics: [], bytes: 0, read: true)
            let engine = DiagnosticsEngine()
            do {
                // The status is taken before the bytes are read: if the file changes in between,
                // the next build sees another status and reads it again.
                var status: FileStatus?
                var info = stat()
                if let cache, folderDescriptor >= 0, cache.hasStatus(forFile: relative),
                   fstatat(folderDescriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    status = FileStatus(info)
                    if let status, let facts = cache.facts(forFile: relative, status: status, displayPath: displayPath) {
                        // The file is as it was when it was last read, and had been for a while:
                        // not read again; its body is read only if its page must be rendered.
                        outcome.read = false
                        outcome.parsed = ParsedModule(facts: facts, fileID: fileID, body: "")
                        outcome.diagnostics = facts.diagnostics
                        outcome.facts = facts
                        return outcome
                    }
                }
                let data: Data
                if cache != nil, folderDescriptor >= 0, let (bytes, opened) = FileBytes.read(name, in: folderDescriptor) {
                    // Read with its status, for the next build (taken before the bytes are read).
                    data = bytes
                    status = status ?? opened
                } else {
                    // Never out of the curriculum folder: a link is followed only if it stays inside.
                    data = try ContainedFile.read(name, in: curriculumURL, folderDisplay: display, displayPath: displayPath)
                }
                let digest = cache.map { cache in data.withUnsafeBytes { cache.digest(of: $0) } }
                if let cache, let digest, var facts = cache.facts(forFile: relative, digest: digest, displayPath: displayPath),
                   let (body, textLength) = try Self.body(of: data, from: facts.bodyOffset, displayPath: displayPath) {
                    // The same bytes were parsed before: take what that parse found.
                    outcome.bytes = textLength
                    outcome.parsed = ParsedModule(facts: facts, fileID: fileID, body: body)
                    outcome.diagnostics = facts.diagnostics
                    facts.status = status
                    outcome.facts = facts
                    return outcome
                }
                let source = try SourceText.decode(data, displayPath: displayPath)
                outcome.bytes = source.text.utf8.count
                outcome.parsed = ModuleReader.read(source, fileID: fileID, relativePath: relative, engine: engine)
                if let digest, let parsed = outcome.parsed {
                    outcome.facts = parsed.facts(digest: digest, bodyOffset: source.text.utf8.count - parsed.module.bodyText.utf8.count,
                                                 diagnostics: engine.diagnostics)
                    outcome.facts?.status = status
                }
            } catch {
                engine.emit(error.diagnostic)
            }
            outcome.diagnostics = engine.diagnostics
            return outcome
        }
        // A few strided workers per core, each writing its own slots (no lock, no copies).
        let workers = max(1, min(names.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let slots = Slots<Outcome>(count: names.count)
        defer { slots.release() }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < names.count {
                slots.set(index, read(index))
                index += workers
            }
        }
        let outcomes = slots
        var parsed: [ParsedModule] = []
        for index in names.indices {
            guard let outcome = outcomes[index] else { continue }
            context.engine.emit(contentsOf: outcome.diagnostics)
            context.bytesRead += outcome.bytes
            if outcome.read { context.filesRead += 1 }
            if let module = outcome.parsed { parsed.append(module) }
            if let facts = outcome.facts {
                if !outcome.read { context.unreadBodies.insert(facts.relativePath) }
                context.moduleFacts.append(facts)
            }
        }
        return parsed
    }

    /// The body of a module file, starting `offset` UTF-8 bytes into its text (where a parse of
    /// the same bytes found it), and the text's length; nil when that cannot be where a body
    /// starts. Only the body is decoded when the file's bytes are its text (no byte-order mark,
    /// no CR); otherwise the whole file is, as `SourceText` does.
    static func body(of data: Data, from offset: Int, displayPath: String) throws(LanternError) -> (String, Int)? {
        let plain: (String, Int)?? = data.withUnsafeBytes { raw -> (String, Int)?? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1),
                  bytes.isEmpty || memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil else { return .none }
            // A body starts after the closing fence's line break (or is empty at the end).
            guard offset > 0, offset <= bytes.count, bytes[offset - 1] == UInt8(ascii: "\n") else { return .some(nil) }
            // These bytes decoded before (the cache has their digest), so this only copies.
            return .some((String(decoding: UnsafeBufferPointer(rebasing: bytes[offset...]), as: UTF8.self), bytes.count))
        }
        if let plain { return plain }
        let text = try SourceText.decode(data, displayPath: displayPath).text
        let utf8 = text.utf8
        guard offset > 0, offset <= utf8.count else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        guard utf8[utf8.index(before: start)] == UInt8(ascii: "\n") else { return nil }
        return (String(text[start...]), utf8.count)
    }

    private func load(_ context: inout LoadContext) -> Workspace? {
        let engine = context.engine
        let configPath = WorkspaceConfig.fileName
        guard FileManager.default.fileExists(atPath: context.url(configPath).path) else {
            engine.error("not-a-workspace", "no \(configPath) in \(context.displayRoot.isEmpty ? "this folder" : context.displayRoot)",
                         at: nil, hint: "run 'lantern init FOLDER' to create a workspace, or give the path of one")
            return nil
        }
        let config = context.yaml(configPath).flatMap { ConfigReader.read($0, engine: engine) }
            ?? WorkspaceConfig(organisation: .init(name: ""), site: .init(baseURL: ""), region: nil, paths: .init())
        let curriculumFolder = config.paths.curriculum
        // Input folders stay inside the workspace (and out of .lantern/, where the keys are).
        for folder in [curriculumFolder, config.paths.assessments] {
            do {
                try ContainedFile.checkFolder(context.url(folder), isInside: context.root, folderDisplay: context.display(folder))
            } catch {
                engine.emit(error.diagnostic)
                return nil
            }
        }

        // The program.
        let programPath = curriculumFolder + "/" + Program.fileName
        var program: Program?
        var listed: [(String, SourceLocation)] = []
        if FileManager.default.fileExists(atPath: context.url(programPath).path) {
            if let node = context.yaml(programPath), let (read, locations) = ProgramReader.read(node, engine: engine) {
                program = read
                listed = locations
            }
        } else {
            engine.error("missing-file", "\(context.display(programPath)) does not exist", at: nil,
                         hint: "create it with 'id:', 'title:' and 'modules:' (see docs/authoring.md)")
        }

        // Modules.
        guard let moduleFiles = context.markdownFiles(in: curriculumFolder) else {
            engine.error("missing-folder", "the curriculum folder '\(context.display(curriculumFolder))' does not exist", at: nil,
                         hint: "create it, or set 'paths: curriculum:' in lantern.yml")
            return nil
        }
        let parsedModules = readModules(moduleFiles, in: curriculumFolder, context: &context)
        let fileIDs = Set(moduleFiles.map { String($0.dropLast(3)) })
        for name in moduleFiles {
            let id = String(name.dropLast(3))
            if !Slug.isValid(id) {
                engine.error("invalid-id", "module file name '\(name)' is not a valid id", at: SourceLocation(path: context.display(curriculumFolder + "/" + name)),
                             hint: "rename it to '\(Slug.suggestion(for: id)).md' (lower case, a-z, 0-9 and hyphens)")
            }
        }

        // Program ↔ module files.
        let programLocation = SourceLocation(path: context.display(programPath))
        for (id, location) in listed where !fileIDs.contains(id) {
            engine.error("missing-module", "module '\(id)' is listed in the program but \(context.display(curriculumFolder + "/" + id + ".md")) does not exist",
                         at: location, hint: Suggestions.didYouMean(id, in: fileIDs) ?? "create it with 'lantern new module \(id)'")
        }
        if program != nil {
            let listedIDs = Set(listed.map(\.0))
            for parsed in parsedModules where !listedIDs.contains(parsed.fileID) {
                engine.warning("unlisted-module", "module '\(parsed.fileID)' is not in the program", at: SourceLocation(path: parsed.module.displayPath),
                               hint: "add '\(parsed.fileID)' to 'modules:' in \(programLocation.path), or delete the file")
            }
        }

        // Requirements between modules.
        for parsed in parsedModules {
            for (required, location) in parsed.requires where required != parsed.fileID && !fileIDs.contains(required) {
                engine.error("unknown-module", "module '\(parsed.fileID)' requires '\(required)', which does not exist", at: location,
                             hint: Suggestions.didYouMean(required, in: fileIDs))
            }
        }
        PrerequisiteGraph.reportCycles(parsedModules, engine: engine)
        if let program {
            let order = Dictionary(program.moduleIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            for parsed in parsedModules {
                guard let position = order[parsed.fileID] else { continue }
                for (required, location) in parsed.requires {
                    if let requiredPosition = order[required], requiredPosition > position {
                        engine.warning("prerequisite-order", "module '\(parsed.fileID)' requires '\(required)', which comes later in the program",
                                       at: location, hint: "move '\(required)' before '\(parsed.fileID)' in program.yml")
                    }
                }
            }
        }

        // Assessments.
        let assessmentFolder = config.paths.assessments
        var assessments: [AssessmentSource] = []
        // Files that exist, read or not: one whose front matter is broken has its own error,
        // and must not also be reported as missing where a module lists it.
        let assessmentFiles = Set((context.markdownFiles(in: assessmentFolder) ?? []).map { String($0.dropLast(3)) })
        for name in context.markdownFiles(in: assessmentFolder) ?? [] {
            let relative = assessmentFolder + "/" + name
            guard let (source, hash) = context.textAndHash(relative, hashing: true) else { continue }
            guard let read = AssessmentSourceReader.read(
                source, fileID: String(name.dropLast(3)), relativePath: relative, engine: engine) else { continue }
            var assessment = read.0
            let moduleLocation = read.moduleLocation
            assessment.contentHash = hash
            if let moduleID = assessment.moduleID, let moduleLocation, !fileIDs.contains(moduleID) {
                engine.error("unknown-module", "\(assessment.kind?.rawValue ?? "assessment") '\(assessment.id)' belongs to module '\(moduleID)', which does not exist",
                             at: moduleLocation, hint: Suggestions.didYouMean(moduleID, in: fileIDs))
            }
            assessments.append(assessment)
        }
        let assessmentIDs = Set(assessments.map(\.id))
        // Program-level assessments (a final exam): listed in program.yml, `scope: program`,
        // offered after the modules in `after:`.
        if let program {
            for id in program.assessmentIDs {
                let location = program.assessmentLocations[id]
                guard let source = assessments.first(where: { $0.id == id }) else {
                    if !assessmentFiles.contains(id) {
                        engine.error("unknown-assessment", "the program lists assessment '\(id)', but \(context.display(assessmentFolder + "/" + id + ".md")) does not exist",
                                     at: location, hint: Suggestions.didYouMean(id, in: assessmentIDs))
                    }
                    continue
                }
                if !source.isProgramLevel {
                    engine.error("not-program-level", "the program lists '\(id)' as a program assessment, but it belongs to module '\(source.moduleID ?? "?")'",
                                 at: location, hint: "write 'scope: program' in its front matter instead of 'module:', or list it in its module")
                }
            }
            for source in assessments where source.isProgramLevel {
                if !program.assessmentIDs.contains(source.id) {
                    engine.warning("unlisted-assessment", "program-level assessment '\(source.id)' is not listed in the program",
                                   at: SourceLocation(path: source.displayPath, line: 1), hint: "add it to 'assessments:' in program.yml")
                }
                for module in source.after ?? [] where !program.moduleIDs.contains(module) {
                    engine.error("unknown-module", "'after' names module '\(module)', which is not in the program",
                                 at: afterLocation(source, module), hint: Suggestions.didYouMean(module, in: program.moduleIDs))
                }
            }
        }
        for parsed in parsedModules {
            for (id, location) in parsed.assessments where !assessmentIDs.contains(id) && !assessmentFiles.contains(id) {
                engine.error("unknown-assessment", "module '\(parsed.fileID)' lists assessment '\(id)', but \(context.display(assessmentFolder + "/" + id + ".md")) does not exist",
                             at: location, hint: Suggestions.didYouMean(id, in: assessmentIDs))
            }
        }
        if let rules = program?.certificate {
            if case .only(let ids) = rules.assessments {
                for id in ids where !program!.assessmentIDs.contains(id) {
                    engine.error("unknown-assessment", "the certificate requires program assessment '\(id)', which the program does not list",
                                 at: programLocation, hint: "add it to 'assessments:' in program.yml")
                }
            }
            for (selection, kind) in [(rules.quizzes, AssessmentSource.Kind.quiz), (rules.checklists, .checklist)] {
                guard case .only(let ids) = selection else { continue }
                for id in ids where assessments.first(where: { $0.id == id && $0.kind == kind }) == nil && !(assessmentFiles.contains(id) && !assessmentIDs.contains(id)) {
                    engine.error("unknown-assessment", "the certificate requires \(kind.rawValue) '\(id)', which does not exist", at: programLocation,
                                 hint: Suggestions.didYouMean(id, in: assessmentIDs))
                }
            }
        }

        // Links between modules, anchors and images.
        LinkChecker.check(parsedModules, curriculumFolder: context.url(curriculumFolder), engine: engine)

        // Crisis resources.
        let resourcesPath = curriculumFolder + "/" + CrisisResource.fileName
        var resources: [CrisisResource] = []
        if FileManager.default.fileExists(atPath: context.url(resourcesPath).path) {
            resources = context.yaml(resourcesPath).map { CrisisResourceReader.read($0, today: today, engine: engine) } ?? []
            if let region = config.region, !resources.isEmpty, !resources.contains(where: { $0.country == region }) {
                engine.warning("no-local-crisis-resource", "no crisis resource is listed for the region '\(region)' set in lantern.yml",
                               at: SourceLocation(path: context.display(resourcesPath)),
                               hint: "add an entry with 'country: \(region)'")
            }
        }
        if resources.isEmpty, let crisisModule = parsedModules.first(where: { $0.module.isCrisisRelated }) {
            engine.warning("no-crisis-resources", "module '\(crisisModule.fileID)' is marked 'crisis: true' but the workspace lists no crisis resources",
                           at: SourceLocation(path: crisisModule.module.displayPath),
                           hint: "add \(context.display(resourcesPath)) so the module opens with where to get help")
        }

        // Program order first, then unlisted modules by name.
        let order = Dictionary((program?.moduleIDs ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let modules = parsedModules.map(\.module).sorted { a, b in
            (order[a.id] ?? Int.max, a.id) < (order[b.id] ?? Int.max, b.id)
        }
        return Workspace(root: context.root, displayRoot: context.displayRoot, config: config, program: program,
                         modules: modules, assessments: assessments, crisisResources: resources)
    }
}

/// One slot per index, each written by exactly one worker of a `concurrentPerform`, then read
/// once they are all done: results without a lock or a dictionary.
final class Slots<Element: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: Element) {
        buffer[index] = value
    }

    subscript(index: Int) -> Element? {
        buffer[index]
    }

    /// Frees the slots (call once, when every value has been taken).
    func release() {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// A file read with plain POSIX calls, relative to an open folder, with its status.
enum FileBytes {
    /// The bytes of the regular file `name` in the open folder `folder` and its status (taken
    /// before reading); nil if it cannot be read this way (the caller then says why).
    static func read(_ name: String, in folder: Int32) -> (Data, FileStatus)? {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, let status = FileStatus(info) else { return nil }
        var data = Data(count: status.size)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            // Nothing more than its size said (a file growing while read is read again next time).
            return true
        }
        return complete ? (data, status) : nil
    }

}

/// Where a module id is written in an assessment's `after:` list.
private func afterLocation(_ source: AssessmentSource, _ module: String) -> SourceLocation {
    if case .mapping(let pairs) = source.frontMatter.content, let pair = pairs.first(where: { $0.key.scalar == "after" }) {
        if case .sequence(let items) = pair.value.content, let item = items.first(where: { $0.scalar == module }) { return item.location }
        return pair.value.location
    }
    return SourceLocation(path: source.displayPath, line: 1)
}
