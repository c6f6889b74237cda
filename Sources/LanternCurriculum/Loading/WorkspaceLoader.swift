import Foundation
import LanternDiagnostics
import LanternMarkdown

/// What loading a workspace produced: the workspace (nil when it cannot be used at all) and
/// every problem found, sorted by file and line.
public struct WorkspaceLoadResult: Sendable {
    public var workspace: Workspace?
    public var diagnostics: [Diagnostic]
    /// Bytes of user files read, for throughput figures.
    public var bytesRead: Int
    /// Files read.
    public var filesRead: Int
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

    /// Loads the workspace whose root folder is `root`.
    ///
    /// - Parameter displayRoot: how to show the root in diagnostic paths: `""` for the current
    ///   directory, or the path as the user typed it.
    public func load(at root: URL, displayRoot: String = "") -> WorkspaceLoadResult {
        var context = LoadContext(root: root.standardizedFileURL, displayRoot: displayRoot)
        let workspace = load(&context)
        return WorkspaceLoadResult(workspace: workspace, diagnostics: Diagnostic.sorted(context.engine.diagnostics),
                                   bytesRead: context.bytesRead, filesRead: context.filesRead)
    }

    // MARK: - Steps

    private struct LoadContext {
        let root: URL
        let displayRoot: String
        let engine = DiagnosticsEngine()
        var bytesRead = 0
        var filesRead = 0

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

        mutating func text(_ relative: String) -> SourceText? {
            do {
                let source = try SourceText.read(url(relative), displayPath: display(relative))
                bytesRead += source.text.utf8.count
                filesRead += 1
                return source
            } catch {
                engine.emit(error.diagnostic)
                return nil
            }
        }

        /// `*.md` files directly inside a folder, sorted by name; nil when the folder is missing.
        func markdownFiles(in relativeFolder: String) -> [String]? {
            let folder = url(relativeFolder).path
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
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
            var diagnostics: [Diagnostic]
            var bytes: Int
        }
        let results = Locked<[Int: Outcome]>([:])
        let rootPath = context.root.path.hasSuffix("/") ? context.root.path : context.root.path + "/"
        let display = { (relative: String) in context.display(relative) }(folder)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let name = names[index]
            let relative = folder + "/" + name
            let displayPath = display.hasSuffix("/") ? display + name : display + "/" + name
            let engine = DiagnosticsEngine()
            var outcome = Outcome(parsed: nil, diagnostics: [], bytes: 0)
            do {
                let source = try SourceText.read(atPath: rootPath + relative, displayPath: displayPath)
                outcome.bytes = source.text.utf8.count
                outcome.parsed = ModuleReader.read(source, fileID: String(name.dropLast(3)), relativePath: relative, engine: engine)
            } catch let error as LanternError {
                engine.emit(error.diagnostic)
            } catch {
                engine.error("unreadable-file", "cannot read the file: \(error)", at: SourceLocation(path: displayPath))
            }
            outcome.diagnostics = engine.diagnostics
            results.withLock { $0[index] = outcome }
        }
        let outcomes = results.withLock { $0 }
        var parsed: [ParsedModule] = []
        for index in names.indices {
            guard let outcome = outcomes[index] else { continue }
            context.engine.emit(contentsOf: outcome.diagnostics)
            context.bytesRead += outcome.bytes
            context.filesRead += 1
            if let module = outcome.parsed { parsed.append(module) }
        }
        return parsed
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
        for name in context.markdownFiles(in: assessmentFolder) ?? [] {
            let relative = assessmentFolder + "/" + name
            guard let source = context.text(relative) else { continue }
            guard let (assessment, moduleLocation) = AssessmentSourceReader.read(
                source, fileID: String(name.dropLast(3)), relativePath: relative, engine: engine) else { continue }
            if let moduleID = assessment.moduleID, let moduleLocation, !fileIDs.contains(moduleID) {
                engine.error("unknown-module", "\(assessment.kind?.rawValue ?? "assessment") '\(assessment.id)' belongs to module '\(moduleID)', which does not exist",
                             at: moduleLocation, hint: Suggestions.didYouMean(moduleID, in: fileIDs))
            }
            assessments.append(assessment)
        }
        let assessmentIDs = Set(assessments.map(\.id))
        for parsed in parsedModules {
            for (id, location) in parsed.assessments where !assessmentIDs.contains(id) {
                engine.error("unknown-assessment", "module '\(parsed.fileID)' lists assessment '\(id)', but \(context.display(assessmentFolder + "/" + id + ".md")) does not exist",
                             at: location, hint: Suggestions.didYouMean(id, in: assessmentIDs))
            }
        }
        if let rules = program?.certificate {
            for (selection, kind) in [(rules.quizzes, AssessmentSource.Kind.quiz), (rules.checklists, .checklist)] {
                guard case .only(let ids) = selection else { continue }
                for id in ids where assessments.first(where: { $0.id == id && $0.kind == kind }) == nil {
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
