import Foundation
import LanternCurriculum
import LanternDiagnostics

/// A workspace with its assessments parsed, and every problem found in it.
public struct CheckedWorkspace: Sendable {
    public var load: WorkspaceLoadResult
    public var quizzes: [Quiz]
    public var checklists: [Checklist]
    /// The loader's diagnostics and the assessment layer's, sorted by file and line.
    public var diagnostics: [Diagnostic]

    public var workspace: Workspace? { load.workspace }

    public func quiz(_ id: String) -> Quiz? { quizzes.first { $0.id == id } }
    public func checklist(_ id: String) -> Checklist? { checklists.first { $0.id == id } }
}

/// `lantern check` for the whole workspace: loads it and parses every quiz and checklist.
public enum AssessmentCheck {
    /// Loads the workspace at `root` with `WorkspaceLoader` and adds the assessment diagnostics.
    public static func check(at root: URL, displayRoot: String = "", loader: WorkspaceLoader = WorkspaceLoader()) -> CheckedWorkspace {
        let load = loader.load(at: root, displayRoot: displayRoot)
        guard let workspace = load.workspace else {
            return CheckedWorkspace(load: load, quizzes: [], checklists: [], diagnostics: load.diagnostics)
        }
        let engine = DiagnosticsEngine()
        let (quizzes, checklists) = parseAssessments(of: workspace, engine: engine)
        return CheckedWorkspace(load: load, quizzes: quizzes, checklists: checklists,
                                diagnostics: Diagnostic.sorted(load.diagnostics + engine.diagnostics))
    }

    /// Parses every assessment of a loaded workspace, reporting problems to `engine`.
    public static func parseAssessments(of workspace: Workspace, engine: DiagnosticsEngine) -> ([Quiz], [Checklist]) {
        var quizzes: [Quiz] = []
        var checklists: [Checklist] = []
        for source in workspace.assessments {
            let module = source.moduleID.flatMap(workspace.module)
            switch source.kind {
            case .quiz?:
                if let quiz = QuizParser.parse(source, module: module, engine: engine) { quizzes.append(quiz) }
            case .checklist?:
                if let checklist = ChecklistParser.parse(source, engine: engine) { checklists.append(checklist) }
            case nil:
                continue
            }
            // The module should list its assessments, so learners find them (the loader already
            // reports a module that does not exist, and a listed assessment that does not exist).
            if let module, !module.assessments.contains(source.id) {
                engine.warning("unlisted-assessment", "\(source.kind?.rawValue ?? "assessment") '\(source.id)' belongs to module '\(module.id)', but the module does not list it",
                             at: moduleKeyLocation(source), hint: "add '\(source.id)' to 'assessments:' in \(module.displayPath)")
            }
        }
        return (quizzes, checklists)
    }

    private static func moduleKeyLocation(_ source: AssessmentSource) -> SourceLocation {
        if case .mapping(let pairs) = source.frontMatter.content, let pair = pairs.first(where: { $0.key.scalar == "module" }) {
            return pair.value.location
        }
        return SourceLocation(path: source.displayPath)
    }

    /// Reads one quiz from the workspace, or throws what is wrong with it (its first error).
    public static func loadQuiz(_ id: String, at root: URL, displayRoot: String = "") throws(LanternError) -> Quiz {
        let checked = check(at: root, displayRoot: displayRoot)
        guard let workspace = checked.workspace else {
            throw checked.diagnostics.first.map { LanternError($0.code, $0.message, at: $0.location, hint: $0.hint) }
                ?? LanternError(.notAWorkspace, "the workspace cannot be loaded")
        }
        guard let source = workspace.assessment(id), source.kind == .quiz else {
            throw LanternError(.unknownQuiz, "there is no quiz '\(id)'",
                               hint: Suggestions.didYouMean(id, in: checked.quizzes.map(\.id)) ?? "quizzes: \(checked.quizzes.map(\.id).joined(separator: ", "))")
        }
        if let problem = checked.diagnostics.first(where: { $0.severity == .error && $0.location?.path == source.displayPath }) {
            throw LanternError(problem.code, problem.message, at: problem.location,
                               hint: "run 'lantern check' and fix the quiz before it is taken")
        }
        guard let quiz = checked.quiz(id) else { throw LanternError(.unknownQuiz, "quiz '\(id)' could not be read") }
        return quiz
    }
}
