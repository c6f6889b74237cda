import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system calls Lantern makes outside Foundation, in one place: creating private
/// files, renaming into place, the login name, terminals. Callers get Swift values and
/// `LanternError`s, never `errno`.
///
/// (Still elsewhere, for their own reasons: the raw terminal mode in LanternTerminal's
/// `POSIXTerminal`, directory listing with `readdir` in LanternCurriculum's `DirectoryListing`,
/// and the key store's and site writer's file handling in LanternCertification and LanternSite.)
public enum Platform {
    /// The text of the last system error.
    public static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }

    public enum CreateResult { case created, alreadyExists }

    /// Creates `path` readable and writable by its owner only (0600) and writes `contents`;
    /// when `exclusive`, an existing file is left alone (`.alreadyExists`), else truncated.
    /// Never readable by others, even for a moment: the mode is set as the file is created.
    /// The error's message is the system's reason alone (callers say which file and why).
    @discardableResult
    public static func createPrivateFile(_ path: String, contents: Data = Data(), exclusive: Bool) throws(LanternError) -> CreateResult {
        let flags = O_CREAT | O_WRONLY | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else {
            if exclusive, errno == EEXIST { return .alreadyExists }
            throw LanternError("cannot-write", lastErrorText())
        }
        // The umask cannot widen 0600, but make the mode exact anyway.
        fchmod(fd, 0o600)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: contents)
        } catch {
            throw LanternError("cannot-write", error.localizedDescription)
        }
        return .created
    }

    /// Renames `source` to `destination` atomically (same file system), replacing it. The
    /// error's message is the system's reason alone.
    public static func rename(_ source: String, to destination: String) throws(LanternError) {
        if Foundation.rename(source, destination) != 0 {
            throw LanternError("cannot-write", lastErrorText())
        }
    }

    /// Writes `contents` to a new file at `path` (mode 0600, refused if anything is already
    /// there, a link included) and flushes it to the disk before returning, so a copy that is
    /// reported made survives a power cut.
    public static func writeNewPrivateFile(_ path: String, contents: [UInt8]) throws(LanternError) {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LanternError("cannot-write", lastErrorText()) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        try writeAll(fd, contents)
        guard fsync(fd) == 0 else { throw LanternError("cannot-write", lastErrorText()) }
        syncFolder(of: path)
    }

    /// Overwrites the regular file at `path` with zeros, flushes that to the disk, removes the
    /// file and flushes its folder. A link is refused, never followed. (On a copy-on-write or
    /// journalling file system, or an SSD that remaps blocks, old copies of the bytes may
    /// survive the overwrite: the overwrite is a best effort, the removal is what is promised.)
    public static func destroyFile(_ path: String) throws(LanternError) {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw LanternError("cannot-write", lastErrorText()) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw LanternError("cannot-write", "not a regular file")
        }
        do {
            try writeAll(fd, [UInt8](repeating: 0, count: Int(info.st_size)))
        } catch {
            close(fd)
            throw error
        }
        fsync(fd)
        close(fd)
        guard unlink(path) == 0 else { throw LanternError("cannot-write", lastErrorText()) }
        syncFolder(of: path)
    }

    /// The path with every link and `..` resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(LanternError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw LanternError("cannot-write", lastErrorText())
            }
            offset += written
        }
    }

    /// Flushes a folder's entries (a new or removed name) to the disk; best effort.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// The login name of the effective user, else `$USER`, else `uid:N`.
    public static func loginName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return "uid:\(geteuid())"
    }

    /// Whether a file descriptor is a terminal.
    public static func isTerminal(_ fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    /// The columns of the terminal on standard output, if it is one.
    public static func terminalColumns() -> Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
