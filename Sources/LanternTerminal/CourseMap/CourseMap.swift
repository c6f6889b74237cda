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

        public var isLocked: Bool { !waitingFor.isEmpty }

        /// "locked: finish Foundations first", or the status.
        public var statusText: String {
            if isUnavailable { return "unavailable, it has a mistake your trainer needs to fix" }
            return isLocked ? "locked: finish \(Self.list(waitingFor)) first" : status.label
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
            let owned = workspace.assessments.filter { $0.moduleID == module.id || module.assessments.contains($0.id) }
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
        self.entries = entries
    }

    /// What a trainee is told about a module whose file has a mistake.
    public static let unavailableText = "Unavailable: this module has a mistake in it that your trainer needs to fix ('lantern check' names the file and line). Carry on with the others."

    /// "second-one" → "Second one".
    static func title(fromID id: String) -> String {
        let words = id.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Modules done, for the progress line.
    public var doneCount: Int { entries.filter(\.status.isDone).count }

    /// The next thing to do: the first unlocked module that is not done.
    public var nextIndex: Int? { entries.firstIndex { !$0.isLocked && !$0.isUnavailable && !$0.status.isDone } }

    /// "3 of 10 modules done"
    public var progressText: String {
        "\(doneCount) of \(entries.count) module\(entries.count == 1 ? "" : "s") done"
    }
}
