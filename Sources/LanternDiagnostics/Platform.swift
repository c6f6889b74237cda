import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system calls Lantern makes outside Foundation, in one place: creating private
/// files (new, replaced, destroyed), reading a file that must be a regular one, file status,
/// links, renaming into place, folder locks, the login name, terminals. Callers get Swift values and
/// `LanternError`s, never `errno`.
///
/// (Still elsewhere, each for its own reason, each in one file: the raw terminal mode in
/// LanternTerminal's `POSIXTerminal` (termios, signals); directory listing with `readdir` in
/// LanternCurriculum's `DirectoryListing` and the `openat` walks that refuse links out of a
/// folder in its `ContainedFile`; and the site writer's descriptor-relative writing and
/// locking (`SiteWriter`, with `TreeManifest` and `BuildCache`) in LanternSite — code that keeps
/// a folder's descriptor open across many calls, which a call-at-a-time wrapper here would
/// only obscure.)
public enum Platform {
    /// Runs `body` holding an exclusive lock on the folder at `path` (`flock` on the folder
    /// itself: no lock file is left behind, and the lock ends with the process, even killed).
    /// Processes that change the folder's contents this way take turns. Never call it again for
    /// the same folder inside `body`: the second lock would wait for the first.
    /// `display` names the folder in the error when it cannot be locked.
    public static func withFolderLock<T>(_ path: String, display: String, _ body: () throws(LanternError) -> T) throws(LanternError) -> T {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw LanternError(.cannotWrite, "cannot lock \(display): \(lastErrorText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw LanternError(.cannotWrite, "cannot lock \(display): \(lastErrorText())") }
        }
        return try body()
    }

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
            throw LanternError(.cannotWrite, lastErrorText())
        }
        // The umask cannot widen 0600, but make the mode exact anyway.
        fchmod(fd, 0o600)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: contents)
        } catch {
            throw LanternError(.cannotWrite, error.localizedDescription)
        }
        return .created
    }

    /// Renames `source` to `destination` atomically (same file system), replacing it. The
    /// error's message is the system's reason alone.
    public static func rename(_ source: String, to destination: String) throws(LanternError) {
        if Foundation.rename(source, destination) != 0 {
            throw LanternError(.cannotWrite, lastErrorText())
        }
    }

    /// Writes `contents` to a new file at `path` (mode 0600, refused if anything is already
    /// there, a link included) and flushes it to the disk before returning, so a copy that is
    /// reported made survives a power cut.
    public static func writeNewPrivateFile(_ path: String, contents: [UInt8]) throws(LanternError) {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LanternError(.cannotWrite, lastErrorText()) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        try writeAll(fd, contents)
        guard fsync(fd) == 0 else { throw LanternError(.cannotWrite, lastErrorText()) }
        syncFolder(of: path)
    }

    /// Overwrites the regular file at `path` with zeros, flushes that to the disk, removes the
    /// file and flushes its folder. A link is refused, never followed. (On a copy-on-write or
    /// journalling file system, or an SSD that remaps blocks, old copies of the bytes may
    /// survive the overwrite: the overwrite is a best effort, the removal is what is promised.)
    public static func destroyFile(_ path: String) throws(LanternError) {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw LanternError(.cannotWrite, lastErrorText()) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw LanternError(.cannotWrite, "not a regular file")
        }
        do {
            try writeAll(fd, [UInt8](repeating: 0, count: Int(info.st_size)))
        } catch {
            close(fd)
            throw error
        }
        fsync(fd)
        close(fd)
        guard unlink(path) == 0 else { throw LanternError(.cannotWrite, lastErrorText()) }
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
                throw LanternError(.cannotWrite, lastErrorText())
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

    /// Replaces `path` with a file of `contents` that only its owner can read (0600): written
    /// whole to a new temporary file beside it (created exclusively, links not followed),
    /// flushed, then renamed over the target. The result is 0600 whatever the old file's mode
    /// was; a link at the target is replaced, never written through; a failure changes nothing.
    /// The error's message says which file and why.
    public static func replaceWithPrivateFile(_ path: String, contents: [UInt8]) throws(LanternError) {
        if let status = try? status(of: path, followingLinks: false), status.kind == .folder {
            throw LanternError(.cannotWrite, "'\(path)' is a folder; give the path of a file to write")
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial").path
        do { try writeNewPrivateFile(temporary, contents: contents) } catch {
            unlink(temporary)
            throw LanternError(.cannotWrite, "cannot write '\(path)': \(error.message); nothing was changed")
        }
        guard Foundation.rename(temporary, path) == 0 else {
            let reason = lastErrorText()
            unlink(temporary)
            throw LanternError(.cannotWrite, "cannot write '\(path)': \(reason); nothing was changed")
        }
    }

    /// What is at a path.
    public struct FileStatus: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case regular, folder, link, other }
        public var kind: Kind
        public var size: Int64
        /// The file system it is on, and its number there.
        public var device: UInt64
        public var inode: UInt64
        /// Last modification, as seconds and nanoseconds since 1970.
        public var modified: (seconds: Int, nanoseconds: Int)

        public static func == (lhs: FileStatus, rhs: FileStatus) -> Bool {
            lhs.kind == rhs.kind && lhs.size == rhs.size && lhs.device == rhs.device && lhs.inode == rhs.inode
                && lhs.modified == rhs.modified
        }
    }

    /// The status of `path` (of the link itself unless `followingLinks`); nil when nothing is
    /// there. Any other failure (no permission on a folder above it) throws with the reason.
    public static func status(of path: String, followingLinks: Bool = true) throws(LanternError) -> FileStatus? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw LanternError(.cannotRead, lastErrorText())
        }
        let kind: FileStatus.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        #if canImport(Glibc)
        let modified = (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #else
        let modified = (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #endif
        return FileStatus(kind: kind, size: Int64(info.st_size), device: UInt64(info.st_dev), inode: UInt64(info.st_ino), modified: modified)
    }

    /// Nil when this user may read and write `path`, else the system's reason.
    public static func readWriteDenied(_ path: String) -> String? {
        access(path, R_OK | W_OK) == 0 ? nil : lastErrorText()
    }

    /// Removes a file if it is there; best effort (nothing to say when it was not).
    public static func removeFile(_ path: String) {
        unlink(path)
    }

    /// Makes `destination` a second name of `source`; false when `destination` already exists
    /// (the way to create a file only if nobody else did first).
    public static func hardLink(_ source: String, to destination: String) throws(LanternError) -> Bool {
        if link(source, destination) == 0 { return true }
        if errno == EEXIST { return false }
        throw LanternError(.cannotWrite, lastErrorText())
    }

    /// The bytes of the regular file at `path`, at most `limit` (one more is read, so a caller
    /// can tell a file that is too large). Opened without blocking and refused unless it is a
    /// regular file, so a FIFO with no writer, a terminal or a device is an error at once rather
    /// than a read that waits for ever. Throws `missing-file` when nothing is there,
    /// `not-a-file`, or `unreadable` with the system's reason.
    public static func readRegularFile(_ path: String, limit: Int) throws(LanternError) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw LanternError(.missingFile, "no file '\(path)'") }
            throw LanternError(.unreadable, lastErrorText())
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw LanternError(.notAFile, "not a regular file (a pipe, device or folder)")
        }
        do { return try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw LanternError(.unreadable, error.localizedDescription)
        }
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
