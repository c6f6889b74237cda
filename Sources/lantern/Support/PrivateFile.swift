import Foundation
import LanternDiagnostics

/// Writes a file that holds personal data (a trainee export): a new temporary file beside the
/// target, created exclusively with mode 0600 and without following symlinks, written whole and
/// synced, then renamed over the target. So the result is always mode 0600 whatever the old
/// file's mode was, a symlink at the target is replaced rather than written through (the data
/// never lands where the link points), and a failure leaves the old file as it was.
enum PrivateFile {
    static func write(_ text: String, to path: String) throws(LanternError) {
        try Platform.replaceWithPrivateFile(path, contents: Array(text.utf8))
    }
}
