import ArgumentParser
import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import LanternRecords

/// Options every records command shares: which database (`--db`, else `LANTERN_DB`, else
/// `.lantern/records.sqlite` in the workspace) and who is acting (`--as`, else the OS user).
struct RecordsOptions: ParsableArguments {
    @OptionGroup var location: WorkspaceOption

    @Option(name: .customLong("db"), help: ArgumentHelp("The records database (default: $LANTERN_DB, else .lantern/records.sqlite in the workspace).", valueName: "path"))
    var database: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is making the change, for the audit log (default: your login name).", valueName: "name"))
    var actor: String?

    /// The database path, relative to the current folder where possible.
    func databasePath() throws(LanternError) -> String {
        if let database, !database.isEmpty { return database }
        if let fromEnvironment = ProcessInfo.processInfo.environment["LANTERN_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let (_, display) = try location.resolve()
        return display.isEmpty ? ".lantern/records.sqlite" : "\(display)/.lantern/records.sqlite"
    }

    /// Opens the records, creating them unless `mustExist`.
    func open(mustExist: Bool = false) throws(LanternError) -> RecordsStore {
        let named = actor.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        return try RecordsStore(path: try databasePath(), actor: ActingUser.resolve(named), actorKind: named == nil ? .login : .as,
                                mustExist: mustExist)
    }

    /// The workspace, for commands that check ids against the course (checklists, quizzes).
    func workspace() throws(LanternError) -> Workspace {
        let (root, display) = try location.resolve()
        let result = WorkspaceLoader().load(at: root, displayRoot: display)
        guard let workspace = result.workspace else {
            throw LanternError("workspace-errors", "the workspace in '\(display.isEmpty ? "." : display)' cannot be loaded",
                               hint: "run 'lantern check' to see what is wrong")
        }
        return workspace
    }
}

extension RecordsOptions {
    /// The workspace with its quizzes and checklists parsed by the assessment engine.
    func assessments() throws(LanternError) -> CheckedWorkspace {
        let (root, display) = try location.resolve()
        let checked = AssessmentCheck.check(at: root, displayRoot: display)
        guard checked.workspace != nil else {
            throw LanternError("workspace-errors", "the workspace in '\(display.isEmpty ? "." : display)' cannot be loaded",
                               hint: "run 'lantern check' to see what is wrong")
        }
        return checked
    }

    /// A checklist of the workspace, ready to check an observation against.
    func checklist(_ id: String) throws(LanternError) -> ChecklistDefinition {
        let checked = try assessments()
        let workspace = checked.workspace!
        guard let source = workspace.assessment(id), source.kind == .checklist else {
            let known = workspace.assessments.filter { $0.kind == .checklist }.map(\.id)
            throw LanternError("unknown-checklist", "there is no checklist '\(id)' in this workspace",
                               hint: Suggestions.didYouMean(id, in: known) ?? "checklists: \(known.joined(separator: ", "))")
        }
        guard let checklist = checked.checklist(id) else {
            let problem = checked.diagnostics.first { $0.severity == .error && $0.location?.path == source.displayPath }
            throw LanternError("checklist-errors", "checklist '\(id)' has errors\(problem.map { ": \($0.message)" } ?? "")",
                               at: problem?.location, hint: "run 'lantern check' and fix the checklist first")
        }
        return ChecklistDefinition(checklist, contentHash: try AssessmentFile.sha256(of: source, in: workspace))
    }

    /// A quiz of the workspace and the hash of its file.
    func quiz(_ id: String) throws(LanternError) -> (quiz: Quiz, hash: String) {
        let (root, display) = try location.resolve()
        let quiz = try AssessmentCheck.loadQuiz(id, at: root, displayRoot: display)
        let checked = try assessments()
        guard let source = checked.workspace?.assessment(id) else {
            throw LanternError("unknown-quiz", "there is no quiz '\(id)'")
        }
        return (quiz, try AssessmentFile.sha256(of: source, in: checked.workspace!))
    }
}

/// `--format table|csv|json` for listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Encodes a value as pretty, stable JSON followed by a newline.
func jsonText<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self) + "\n"
}
