import Foundation
import LanternDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Reads an input file only if it is inside its folder: a symbolic link that leads out of the
/// folder (to the signing keys in `.lantern/keys/`, to `/etc/passwd`, to another folder of the
/// workspace) is refused with a located error instead of being followed.
///
/// The path is resolved (`realpath`), checked to lie inside the folder's own resolved path and
/// outside any `.lantern` folder, and then opened with `O_NOFOLLOW` on the resolved path, so a
/// link swapped in for the file after the check is refused too. A link that stays inside its
/// folder (`curriculum/a.md → curriculum/shared/a.md`) is followed. Only regular files are
/// read: a FIFO or a device is refused without blocking on it.
public enum ContainedFile {
    /// The bytes of `relative` (a `/`-separated path) inside `folder`.
    ///
    /// - Parameters:
    ///   - folderDisplay: how to show the folder in the error (`templates`, `curriculum`).
    ///   - displayPath: how to show the file in the error.
    public static func read(_ relative: String, in folder: URL, folderDisplay: String,
                            displayPath: String) throws(LanternError) -> Data {
        let resolved = try resolve(relative, in: folder, folderDisplay: folderDisplay, displayPath: displayPath)
        return try bytes(ofResolved: resolved, displayPath: displayPath)
    }

    /// The resolved path of `relative` inside `folder`, or an error when it leads outside it.
    public static func resolve(_ relative: String, in folder: URL, folderDisplay: String,
                               displayPath: String) throws(LanternError) -> String {
        let folderPath = folder.standardizedFileURL.path
        guard let folderReal = realPath(folderPath) else {
            throw LanternError(.unreadableFile, "cannot read the file: its folder \(folderDisplay) does not exist",
                               at: SourceLocation(path: displayPath))
        }
        let joined = folderPath.hasSuffix("/") ? folderPath + relative : folderPath + "/" + relative
        guard let fileReal = realPath(joined) else {
            throw LanternError(.unreadableFile, "cannot read the file: \(String(cString: strerror(errno)).lowercased())",
                               at: SourceLocation(path: displayPath))
        }
        let prefix = folderReal == "/" ? "/" : folderReal + "/"
        guard fileReal.hasPrefix(prefix) else {
            throw LanternError(.outsideFolder, "this path leads outside \(folderDisplay) (to \(fileReal)): it is not read",
                               at: SourceLocation(path: displayPath),
                               hint: "a symbolic link must stay inside its folder; copy the file into \(folderDisplay) instead")
        }
        if fileReal.dropFirst(prefix.count).split(separator: "/").contains(".lantern") {
            throw LanternError(.outsideFolder, "this path leads into a .lantern folder (keys and records): it is not read",
                               at: SourceLocation(path: displayPath),
                               hint: "nothing under .lantern/ is ever published; move the file out of it")
        }
        return fileReal
    }

    /// Whether `folder` (resolved) is inside `root` (resolved) and not inside its `.lantern`
    /// folder; throws a located error otherwise.
    public static func checkFolder(_ folder: URL, isInside root: URL, folderDisplay: String) throws(LanternError) {
        guard let folderReal = realPath(folder.standardizedFileURL.path), let rootReal = realPath(root.standardizedFileURL.path) else { return }
        let prefix = rootReal == "/" ? "/" : rootReal + "/"
        guard folderReal == rootReal || folderReal.hasPrefix(prefix) else {
            throw LanternError(.outsideFolder, "the folder leads outside the workspace (to \(folderReal)): it is not read",
                               at: SourceLocation(path: folderDisplay),
                               hint: "keep the folder inside the workspace, not a symbolic link to somewhere else")
        }
        if folderReal.dropFirst(prefix.count).split(separator: "/").contains(".lantern") {
            throw LanternError(.outsideFolder, "the folder leads into .lantern (keys and records): it is not read",
                               at: SourceLocation(path: folderDisplay))
        }
    }

    /// The regular file at a resolved path, opened without following a link.
    public static func bytes(ofResolved path: String, displayPath: String) throws(LanternError) -> Data {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "it was replaced by a symbolic link while being read" : String(cString: strerror(errno)).lowercased()
            throw LanternError(.unreadableFile, "cannot read the file: \(reason)", at: SourceLocation(path: displayPath))
        }
        defer { close(descriptor) }
        return try bytes(of: descriptor, displayPath: displayPath)
    }

    /// A regular file `name` directly inside the open folder `folder`, not following a link; nil
    /// when `name` is a link (the caller then resolves it with `read`).
    public static func bytes(ofFile name: String, in folder: Int32, displayPath: String) throws(LanternError) -> Data? {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ELOOP { return nil }
            throw LanternError(.unreadableFile, "cannot read the file: \(String(cString: strerror(errno)).lowercased())",
                               at: SourceLocation(path: displayPath))
        }
        defer { close(descriptor) }
        return try bytes(of: descriptor, displayPath: displayPath)
    }

    static func bytes(of descriptor: Int32, displayPath: String) throws(LanternError) -> Data {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw LanternError(.unreadableFile, "cannot read the file: it is not a regular file", at: SourceLocation(path: displayPath))
        }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        data.reserveCapacity(Int(info.st_size))
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LanternError(.unreadableFile, "cannot read the file: \(String(cString: strerror(errno)).lowercased())",
                                   at: SourceLocation(path: displayPath))
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        return data
    }

    /// `realpath(3)`, or nil (errno set) when the path does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
