import ArgumentParser
import Foundation
import LanternApplication
import LanternAssessment
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords
import LanternServe

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

    /// Who is acting: the local operator (`--as`, else the OS login); or, for a command that
    /// `lantern serve` runs for staff, the SSH key's principal it names in
    /// `LANTERN_SSH_PRINCIPAL` (the server sets it; `--as` is refused over SSH).
    var principal: Principal {
        if actor == nil, let key = ProcessInfo.processInfo.environment[StaffCommandRunner.principalVariable], !key.isEmpty {
            return .sshPrincipal(key)
        }
        return .localOperator(actor)
    }

    /// Opens the records, creating them unless `mustExist`.
    func open(mustExist: Bool = false) throws(LanternError) -> RecordsStore {
        let named = actor.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let principal = principal
        let kind: PrincipalRecord.Kind = principal.kind == .sshPrincipal ? .key : named == nil ? .login : .as
        return try RecordsStore(path: try databasePath(), actor: principal.auditName, actorKind: kind,
                                mustExist: mustExist, beforeCommit: CrashTestPause.fromEnvironment())
    }

    /// The workspace's signing keys.
    func keyStore() throws -> KeyStore {
        let (root, display) = try location.resolve()
        return KeyStore(workspaceRoot: root, displayRoot: display)
    }

    /// `serve:` of the workspace's lantern.yml (defaults when the section is absent); an error in
    /// lantern.yml is thrown at its line, so a mistyped address is never printed as if right.
    func serveSettings(course given: Course? = nil) throws(LanternError) -> ServeSettings {
        let course: Course
        if let given { course = given } else { course = try self.course() }
        if let problem = course.diagnostics.first(where: { $0.severity == .error && $0.location?.path.hasSuffix(WorkspaceConfig.fileName) == true }) {
            throw LanternError(problem.code, problem.message, at: problem.location, hint: problem.hint)
        }
        return course.workspace?.config.serve ?? ServeSettings()
    }

    /// The course, loaded and checked once for the command.
    func course() throws(LanternError) -> Course {
        let (root, display) = try location.resolve()
        return Course.load(at: root, displayRoot: display)
    }
}

/// `--format table|csv|json` for listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Encodes a value as pretty, stable JSON followed by a newline.
func jsonText<T: Encodable>(_ value: T) -> String {
    JSONOutput.text(value)
}
