import Foundation
import LanternDiagnostics

/// Writes files so a reader never sees half of one: write to a temporary file beside the
/// target, then rename over it.
public enum FileWriter {
    public static func writeAtomically(_ text: String, to url: URL, displayPath: String) throws(LanternError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw LanternError(.writeFailed, "cannot write the file: \(SourceText.reason(error))",
                               at: SourceLocation(path: displayPath))
        }
    }
}
