import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import LanternRecords

/// The course as one command sees it, loaded **once**: the workspace, every quiz and checklist
/// parsed, each assessment file's content hash (taken by the loader from the bytes it parsed,
/// so what is recorded with an attempt is the file the attempt was drawn from), and every
/// diagnostic. Use cases take a `Course`; none loads the workspace again.
public struct Course: Sendable {
    /// The workspace folder.
    public let root: URL
    /// How the root is shown in messages (`""` for the current folder).
    public let displayRoot: String
    /// The loader's result with the assessments parsed.
    public let checked: CheckedWorkspace

    public init(root: URL, displayRoot: String, checked: CheckedWorkspace) {
        self.root = root
        self.displayRoot = displayRoot
        self.checked = checked
    }

    /// Loads and checks the workspace at `root`.
    public static func load(at root: URL, displayRoot: String = "") -> Course {
        Course(root: root, displayRoot: displayRoot, checked: AssessmentCheck.check(at: root, displayRoot: displayRoot))
    }

    /// The workspace, when it loaded.
    public var workspace: Workspace? { checked.workspace }
    /// Every problem found, sorted by file and line.
    public var diagnostics: [Diagnostic] { checked.diagnostics }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The workspace, or an error that says to run `lantern check`.
    public func loadedWorkspace() throws(LanternError) -> Workspace {
        guard let workspace else {
            throw LanternError(.workspaceErrors, "the workspace in '\(displayRoot.isEmpty ? "." : displayRoot)' cannot be loaded",
                               hint: "run 'lantern check' to see what is wrong")
        }
        return workspace
    }

    /// The content hash of an assessment file as it was read (nil: no such assessment).
    public func contentHash(ofAssessment id: String) -> String? {
        workspace?.assessment(id)?.contentHash
    }

    /// The first error in an assessment's file, if any.
    func firstError(in source: AssessmentSource) -> Diagnostic? {
        diagnostics.first { $0.severity == .error && $0.location?.path == source.displayPath }
    }

    /// Quizzes a trainee can take: those whose files have no errors (`lantern check` reports
    /// the others to the trainer).
    public var takeableQuizzes: [Quiz] {
        guard let workspace else { return [] }
        return checked.quizzes.filter { quiz in
            workspace.assessment(quiz.id).map { firstError(in: $0) == nil } ?? false
        }
    }

    /// A quiz ready to be taken, with the hash of its file; or what is wrong with it.
    public func quiz(_ id: String) throws(LanternError) -> (quiz: Quiz, contentHash: String) {
        guard let workspace else {
            throw diagnostics.first(where: { $0.severity == .error }).map { LanternError($0.code, $0.message, at: $0.location, hint: $0.hint) }
                ?? LanternError(.notAWorkspace, "the workspace cannot be loaded")
        }
        guard let source = workspace.assessment(id), source.kind == .quiz else {
            let known = checked.quizzes.map(\.id)
            throw LanternError(.unknownQuiz, "there is no quiz '\(id)'",
                               hint: Suggestions.didYouMean(id, in: known) ?? "quizzes: \(known.joined(separator: ", "))")
        }
        if let problem = firstError(in: source) {
            throw LanternError(problem.code, problem.message, at: problem.location,
                               hint: "run 'lantern check' and fix the quiz before it is taken")
        }
        guard let quiz = checked.quiz(id) else { throw LanternError(.unknownQuiz, "quiz '\(id)' could not be read") }
        return (quiz, source.contentHash)
    }

    /// A checklist ready to check an observation against, with the hash of its file.
    public func checklist(_ id: String) throws(LanternError) -> ChecklistDefinition {
        let workspace = try loadedWorkspace()
        guard let source = workspace.assessment(id), source.kind == .checklist else {
            let known = workspace.assessments.filter { $0.kind == .checklist }.map(\.id)
            throw LanternError(.unknownChecklist, "there is no checklist '\(id)' in this workspace",
                               hint: Suggestions.didYouMean(id, in: known) ?? "checklists: \(known.joined(separator: ", "))")
        }
        guard let checklist = checked.checklist(id) else {
            let problem = firstError(in: source)
            throw LanternError(.checklistErrors, "checklist '\(id)' has errors\(problem.map { ": \($0.message)" } ?? "")",
                               at: problem?.location, hint: "run 'lantern check' and fix the checklist first")
        }
        return ChecklistDefinition(checklist, contentHash: source.contentHash)
    }

    /// Competent occasions each checklist needs, by checklist id (default 1).
    public var checklistOccasions: [String: Int] {
        var occasions: [String: Int] = [:]
        for checklist in checked.checklists { occasions[checklist.id] = checklist.occasions }
        return occasions
    }
}
