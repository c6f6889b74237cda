import LanternCurriculum

/// The modules in program order with each one's status, quizzes and checklists, and why a
/// module is locked (its `requires:` not yet done).
public struct CourseMap: Sendable {
    public struct Entry: Sendable {
        public var module: Module
        public var status: ModuleStatus
        /// Quiz ids of the module.
        public var quizzes: [String]
        /// Checklist ids of the module.
        public var checklists: [String]
        /// Titles of required modules not yet done (empty: unlocked).
        public var waitingFor: [String]
        /// The trainee has read the module to the end.
        public var readToEnd: Bool
        /// The program lists the module but its file has a mistake (`lantern check` names it):
        /// shown as unavailable, never silently left out.
        public var isUnavailable = false
        /// A program-level assessment (the final exam), shown after the modules: `module` is a
        /// stand-in named after the quiz (id, title) whose `assessments` is the quiz, and it is
        /// locked until the modules its `after:` names are done.
        public var isProgramAssessment = false

        public var isLocked: Bool { !waitingFor.isEmpty }

        /// "locked: finish Foundations first", or the status.
        public var statusText: String {
            if isUnavailable { return "unavailable, it has a mistake your trainer needs to fix" }
            return isLocked ? "locked: finish \(waitingText) first" : status.label
        }

        /// What is still to finish, in words: the modules by name, or for a final assessment
        /// waiting on many, how many ("the 21 modules not yet done").
        public var waitingText: String {
            isProgramAssessment && waitingFor.count > 3 ? "the \(waitingFor.count) modules not yet done" : Self.list(waitingFor)
        }

        static func list(_ items: [String]) -> String {
            switch items.count {
            case 0: ""
            case 1: items[0]
            default: items.dropLast().joined(separator: ", ") + " and " + items.last!
            }
        }
    }

    public var title: String
    public var entries: [Entry]

    public init(workspace: Workspace, progress: LearnerProgress) {
        title = workspace.program?.title ?? workspace.config.site.title ?? "Course"
        var statuses: [String: ModuleStatus] = [:]
        var entries: [Entry] = []
        for module in workspace.modules {
            // In the order the module lists them (then any it does not list).
            let listed = Dictionary(module.assessments.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let owned = workspace.assessments.filter { $0.moduleID == module.id || module.assessments.contains($0.id) }
                .enumerated().sorted { (listed[$0.element.id] ?? Int.max, $0.offset) < (listed[$1.element.id] ?? Int.max, $1.offset) }.map(\.element)
            let quizzes = owned.filter { $0.kind == .quiz }.map(\.id)
            let checklists = owned.filter { $0.kind == .checklist }.map(\.id)
            let quizzesPassed = !quizzes.isEmpty && quizzes.allSatisfy(progress.passedQuizzes.contains)
            let status: ModuleStatus
            if quizzesPassed, !checklists.isEmpty, checklists.allSatisfy(progress.competentChecklists.contains) {
                status = .competent
            } else if quizzesPassed {
                status = .quizPassed
            } else if quizzes.isEmpty, progress.completed.contains(module.id) {
                status = .read
            } else if progress.opened.contains(module.id) {
                status = .reading
            } else {
                status = .notStarted
            }
            statuses[module.id] = status
            entries.append(Entry(module: module, status: status, quizzes: quizzes, checklists: checklists, waitingFor: [],
                                 readToEnd: progress.completed.contains(module.id)))
        }
        // Modules the program lists that did not load (a mistake in the file) keep their place.
        if let listed = workspace.program?.moduleIDs {
            for (position, id) in listed.enumerated() where workspace.module(id) == nil {
                let placeholder = Module(id: id, title: Self.title(fromID: id), summary: Self.unavailableText, minutes: 0,
                                         outcomes: [], requires: [], assessments: [], tags: [], isCrisisRelated: false,
                                         relativePath: "", displayPath: "", bodyText: "", bodyLineOffset: 0)
                var entry = Entry(module: placeholder, status: .notStarted, quizzes: [], checklists: [], waitingFor: [], readToEnd: false)
                entry.isUnavailable = true
                entries.insert(entry, at: min(position, entries.count))
            }
        }
        for index in entries.indices {
            entries[index].waitingFor = entries[index].module.requires
                .filter { !(statuses[$0]?.isDone ?? true) }
                .map { id in workspace.module(id)?.title ?? id }
        }
        // Program-level assessments (the final exam), in the program's order, after the modules.
        for id in workspace.program?.assessmentIDs ?? [] {
            guard let source = workspace.assessment(id), source.isProgramLevel, source.kind == .quiz else { continue }
            let after = source.after ?? workspace.modules.map(\.id)
            let title = Self.frontMatterString(source, "title") ?? Self.title(fromID: id)
            let stand = Module(id: id, title: title, summary: Self.programAssessmentSummary(after: after, in: workspace), minutes: 0,
                               outcomes: [], requires: after, assessments: [id], tags: [], isCrisisRelated: false,
                               relativePath: source.relativePath, displayPath: source.displayPath, bodyText: "", bodyLineOffset: 0)
            var entry = Entry(module: stand, status: progress.passedQuizzes.contains(id) ? .quizPassed : .notStarted,
                              quizzes: [id], checklists: [], waitingFor: [], readToEnd: true)
            entry.isProgramAssessment = true
            entry.waitingFor = after.filter { !(statuses[$0]?.isDone ?? false) }.map { workspace.module($0)?.title ?? $0 }
            entries.append(entry)
        }
        self.entries = entries
    }

    /// What the course map says about a final exam.
    static func programAssessmentSummary(after: [String], in workspace: Workspace) -> String {
        let all = Set(after) == Set(workspace.modules.map(\.id))
        return "The final assessment of the whole program. It opens when you have finished "
            + (all ? "every module" : Entry.list(after.map { workspace.module($0)?.title ?? $0 })) + "."
    }

    static func frontMatterString(_ source: AssessmentSource, _ key: String) -> String? {
        guard case .mapping(let pairs) = source.frontMatter.content else { return nil }
        return pairs.first { $0.key.scalar == key }?.value.scalar
    }

    /// What a trainee is told about a module whose file has a mistake.
    public static let unavailableText = "Unavailable: this module has a mistake in it that your trainer needs to fix ('lantern check' names the file and line). Carry on with the others."

    /// "second-one" → "Second one".
    static func title(fromID id: String) -> String {
        let words = id.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Modules done, for the progress line (program-level assessments are not modules).
    public var doneCount: Int { entries.filter { $0.status.isDone && !$0.isProgramAssessment }.count }

    /// Modules, for the progress line.
    public var moduleCount: Int { entries.filter { !$0.isProgramAssessment }.count }

    /// The next thing to do: the first unlocked module that is not done.
    public var nextIndex: Int? { entries.firstIndex { !$0.isLocked && !$0.isUnavailable && !$0.status.isDone } }

    /// "3 of 10 modules done"
    public var progressText: String {
        "\(doneCount) of \(moduleCount) module\(moduleCount == 1 ? "" : "s") done"
    }
}
