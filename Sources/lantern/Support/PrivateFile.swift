import Foundation
import LanternDiagnostics

/// Writes a file that holds personal data (a trainee export): a new temporary file beside the
/// target, created exclusively with mode 0600 and without following symlinks, written whole and
/// synced, then renamed over the target. So the result is always mode 0600 whatever the old
/// file's mode was, a symlink at the target is replaced rather than written through (the data
/// never lands where the link points), and a failure leaves the old file as it was.
enum PrivateFile {
    static func write(_ text: String, to path: String) throws(LanternError) {
        let target = URL(fileURLWithPath: path)
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw LanternError("cannot-write", "'\(path)' is a folder; give the path of a file to write")
        }
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial").path
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw LanternError("cannot-write", "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        var ok = fchmod(descriptor, 0o600) == 0
        let bytes = Array(text.utf8)
        var offset = 0
        while ok, offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { ok = false } else { offset += written }
        }
        if ok { ok = fsync(descriptor) == 0 }
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            let failure = ok ? String(cString: strerror(errno)) : reason
            unlink(temporary)
            throw LanternError("cannot-write", "cannot write '\(path)': \(failure); nothing was changed")
        }
    }
}
