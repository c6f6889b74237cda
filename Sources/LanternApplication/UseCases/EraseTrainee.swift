import Foundation
import LanternDiagnostics
import LanternRecords
import LanternSite

/// Erasing a trainee on request (issue 20.6): their personal data and the names of the
/// principals that were them leave the records (which wait for readers or fail loudly), and
/// every previous copy of the site that may still name them is removed — the ones a build keeps
/// in `.lantern/build/` (`SiteBuildState.forgetPreviousSites`) and the ones beside the output (`.<name>.old` from earlier releases,
/// `.<name>.swap` / `.<name>.building` left by a killed build across file systems).
public struct EraseTrainee: Sendable {
    let records: RecordsStore
    let output: any OutputSink

    public init(records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    /// Erases `trainee`; `workspaceRoot` and `site` (the built site's folder) say where copies of
    /// the site may be. Returns the trainee's id.
    @discardableResult
    public func run(_ trainee: String, workspaceRoot: URL?, site: URL?) throws(LanternError) -> String {
        let id = try records.eraseTrainee(trainee)
        if let workspaceRoot { SiteBuildState.forgetPreviousSites(workspaceRoot: workspaceRoot) }
        for copy in try site.map(Self.removeCopies(beside:)) ?? [] { output.write("removed the previous copy of the site at \(copy)\n") }
        output.write("erased the personal data of trainee \(id); rebuild and redeploy the site ('lantern build') so no page keeps it\n")
        return id
    }

    static func removeCopies(beside output: URL) throws(LanternError) -> [String] {
        let parent = output.standardizedFileURL.deletingLastPathComponent()
        let name = output.standardizedFileURL.lastPathComponent
        var removed: [String] = []
        for suffix in ["old", "swap", "building"] {
            let copy = parent.appendingPathComponent(".\(name).\(suffix)")
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: copy.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            do { try FileManager.default.removeItem(at: copy) } catch {
                throw LanternError(.erasureIncomplete, "the trainee is erased in the records, but '\(copy.path)' could not be removed: \(error.localizedDescription)",
                                   hint: "remove that folder by hand, then rebuild the site")
            }
            removed.append(copy.path)
        }
        return removed
    }
}
