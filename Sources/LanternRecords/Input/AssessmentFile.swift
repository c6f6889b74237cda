import Crypto
import Foundation
import LanternCurriculum
import LanternDiagnostics

/// The content hash recorded with every attempt and observation: SHA-256 (hex) of the quiz or
/// checklist file's bytes, so a later edit of the file can be told apart.
public enum AssessmentFile {
    public static func sha256(of source: AssessmentSource, in workspace: Workspace) throws(LanternError) -> String {
        let url = workspace.root.appendingPathComponent(source.relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LanternError(.cannotRead, "cannot read '\(source.displayPath)'")
        }
        return AuditLog.hex(SHA256.hash(data: data))
    }
}
