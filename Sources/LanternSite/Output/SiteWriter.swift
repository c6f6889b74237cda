import Foundation
import LanternDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Publishes a `SiteFiles` into a folder so that a reader never sees half a site, and the
/// folder holds the site and nothing else.
///
/// The new site is made complete in a folder beside the output's state (`SiteBuildState`),
/// then takes the output's place in one step (an atomic exchange of the two folders where the
/// system has it). A killed build leaves the previous site as it was. In that folder, files
/// whose bytes did not change, and pages the build kept without rendering (`SiteFiles.keep`),
/// are hard links to the previous build's files (same inode, same modification time); only new
/// bytes are written.
///
/// With a build cache, the site before the previous one is kept in the state folder
/// (`previous/`, with its `TreeManifest`) and the next build updates that folder in place:
/// only the files and folders that differ are touched, not one link and one folder per page.
/// A folder that is not exactly as its manifest says (an entry added, removed or changed since)
/// is not trusted: it is deleted and the new site made from nothing, file by file.
///
/// A non-empty output folder is replaced only when the state's manifest describes it (its
/// inode), or when it holds the marker file the third release wrote into every site.
struct SiteWriter {
    /// The file that marked a folder as a Lantern site up to the third release (ac5aaf9);
    /// a folder that has it is still replaced, and the new site does not have it.
    static let legacyMarker = ".lantern-site"

    struct Outcome {
        var written = 0
        var unchanged = 0
        var removed = 0
        /// Kept pages whose previous file was missing or changed, so they were rendered after all.
        var renderedKept = 0
    }

    let output: URL
    let state: SiteBuildState

    init(output: URL, state: SiteBuildState) {
        self.output = output
        self.state = state
    }

    /// - Parameters:
    ///   - cache: the build cache to keep in the state folder (`SiteBuildState.cacheFile`).
    ///     With a cache, the previous site is kept for the next build.
    ///   - reusePrevious: whether the site kept by an earlier build may be updated in place
    ///     (false: made from nothing, for `--no-cache`).
    func publish(_ site: SiteFiles, cache: [UInt8]? = nil, reusePrevious: Bool = true) throws(LanternError) -> Outcome {
        let fileManager = FileManager.default
        let outputPath = output.standardizedFileURL.path
        let parent = output.standardizedFileURL.deletingLastPathComponent()
        let name = output.standardizedFileURL.lastPathComponent

        try? fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let nearby = state.prepare()
        // Folders renamed into the output's place must be on its file system.
        let staging = nearby ? state.building : parent.appendingPathComponent(".\(name).building").path
        let retired = state.previous
        let swap = nearby ? state.swap : parent.appendingPathComponent(".\(name).swap").path
        // Builds into the same folder take turns from here on: they share the staging names, and
        // one must not clear away or publish another's half-written folder. The lock is on the
        // parent folder itself (no lock file left behind) and ends with the process, even killed.
        let lock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { _ = flock(lock, LOCK_EX) }
        defer { if lock >= 0 { close(lock) } }
        // A build killed between the fallback renames left the complete old site aside: put it back.
        if !fileManager.fileExists(atPath: outputPath), fileManager.fileExists(atPath: swap) {
            let aside = open(swap, O_RDONLY | O_DIRECTORY)
            if aside >= 0 {
                if TreeManifest.read(atPath: state.siteTree, describing: aside) != nil { _ = rename(swap, outputPath) }
                close(aside)
            }
        }
        Self.finishManifests(of: outputPath, retired: retired, state: state)
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: outputPath, isDirectory: &isDirectory)
        let previousFolder = exists && isDirectory.boolValue ? open(outputPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW) : -1
        defer { if previousFolder >= 0 { close(previousFolder) } }
        // The output's manifest: it says the folder is Lantern's, and what is in it.
        let outputTree = previousFolder >= 0 ? TreeManifest.read(atPath: state.siteTree, describing: previousFolder) : nil
        if exists {
            guard isDirectory.boolValue, previousFolder >= 0 else {
                throw LanternError(.outputNotAFolder, "'\(outputPath)' exists and is not a folder",
                                   hint: "choose another --output")
            }
            let contents = (try? fileManager.contentsOfDirectory(atPath: outputPath)) ?? []
            if !contents.isEmpty, outputTree == nil, !contents.contains(Self.legacyMarker) {
                throw LanternError(.outputNotASite, "'\(outputPath)' is not empty and was not made by lantern build from this workspace; it will not be replaced",
                                   hint: "choose an empty or new folder with --output (or delete this one if it is an old copy of the site)")
            }
        }
        // What the third release kept beside the output (its previous site, which may hold a
        // name erased since): gone with the first build of this one.
        let legacyOld = parent.appendingPathComponent(".\(name).old").path
        if fileManager.fileExists(atPath: legacyOld + "/" + Self.legacyMarker) { _ = Self.removeTree(legacyOld, countingFilesNotIn: []) }
        // Leftovers of a build that was killed.
        if fileManager.fileExists(atPath: staging) { _ = Self.removeTree(staging, countingFilesNotIn: []) }
        if fileManager.fileExists(atPath: swap) { _ = Self.removeTree(swap, countingFilesNotIn: []) }
        unlink(state.buildingTree)
        let keepsPrevious = cache != nil && nearby
        if !keepsPrevious, fileManager.fileExists(atPath: retired) {
            _ = Self.removeTree(retired, countingFilesNotIn: [])
            unlink(state.previousTree)
        }

        let files = site.files
        let kept = site.kept
        let paths = Array(files.keys) + Array(kept.keys)
        let wanted = Set(paths)

        var folders = Set<String>()
        let parentFolder = Self.parentFolder
        for path in paths {
            var folder = parentFolder(path[...])
            while !folder.isEmpty, folders.insert(String(folder)).inserted {
                folder = parentFolder(folder)
            }
        }

        // The previous site, and the folder the new one is made in: the site before it when it
        // is still as its manifest says, or a new folder.
        let previousTree = keepsPrevious ? outputTree : nil
        let target = exists && keepsPrevious ? retired : staging
        var targetFolder = open(target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        var base = TreeManifest.empty
        if targetFolder >= 0, target == retired, reusePrevious, previousTree != nil,
           let verified = TreeManifest.verified(state.previousTree, in: targetFolder, path: target) {
            base = verified
        } else {
            if targetFolder >= 0 {
                close(targetFolder)
                _ = Self.removeTree(target, countingFilesNotIn: [])
            }
            if fileManager.fileExists(atPath: target) { try? fileManager.removeItem(atPath: target) }
            guard mkdir(target, 0o755) == 0 || errno == EEXIST else {
                throw LanternError(.unwritableOutput, "cannot create the build folder '\(target)': \(String(cString: strerror(errno)))")
            }
            targetFolder = open(target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        }
        guard targetFolder >= 0 else {
            throw LanternError(.unwritableOutput, "cannot open the build folder '\(target)': \(String(cString: strerror(errno)))")
        }
        defer { close(targetFolder) }
        // From here the folder is being changed: without its manifest, no build trusts it.
        unlink(state.previousTree)
        var touched = Set<String>()

        // What the new site does not have.
        for path in base.files.keys where !wanted.contains(path) {
            unlinkat(targetFolder, path, 0)
            touched.insert(String(parentFolder(path[...])))
        }
        let unwanted = base.folders.keys.filter { !folders.contains($0) }
            .sorted { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) > $1.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for folder in unwanted {
            if unlinkat(targetFolder, folder, AT_REMOVEDIR) != 0 { _ = Self.removeTree(target + "/" + folder, countingFilesNotIn: []) }
            touched.insert(String(parentFolder(folder[...])))
        }
        // Folders, a parent before its children.
        for folder in folders.sorted() where base.folders[folder] == nil {
            if mkdirat(targetFolder, folder, 0o755) != 0 && errno != EEXIST {
                let reason = String(cString: strerror(errno))
                throw LanternError(.unwritableOutput, "cannot create '\(target)/\(folder)': \(reason)")
            }
            touched.insert(folder)
            touched.insert(String(parentFolder(folder[...])))
        }

        // The files, on every core.
        struct Counts: Sendable {
            var written = 0, unchanged = 0, renderedKept = 0, failure: String?, renderFailure: LanternError?
            var recorded: [(String, TreeManifest.File)] = []
            var touched: [String] = []
        }
        let chunks = max(1, min(paths.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let results = Locked<Counts>(Counts())
        let frozen = files
        let baseFiles = base.files
        let destination = targetFolder
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local = Counts()
            var index = chunk
            while index < paths.count {
                let path = paths[index]
                index += chunks
                let counted = true
                // The previous site's file, when the new one is the same: its inode and times.
                var same: TreeManifest.File?
                var bytes = frozen[path]
                if let content = bytes {
                    if exists { same = Self.sameBytes(in: previousFolder, path, content) }
                } else if let recorded = previousTree?.files[path] {
                    // Kept: the previous build's file, if it is still what that build wrote.
                    same = TreeManifest.file(in: previousFolder, path).flatMap { $0 == recorded ? $0 : nil }
                } else if previousTree == nil, exists {
                    same = TreeManifest.file(in: previousFolder, path)
                }
                if let same {
                    if baseFiles[path]?.inode == same.inode {
                        // Already there: the folder this site is made in has this very file.
                        local.recorded.append((path, same))
                        if counted { local.unchanged += 1 }
                        continue
                    }
                    if baseFiles[path] != nil { unlinkat(destination, path, 0) }
                    if linkat(previousFolder, path, destination, path, 0) == 0 {
                        local.recorded.append((path, same))
                        local.touched.append(String(parentFolder(path[...])))
                        if counted { local.unchanged += 1 }
                        continue
                    }
                }
                if bytes == nil {
                    do throws(LanternError) {
                        bytes = try kept[path]!.render()
                    } catch {
                        local.renderFailure = error
                        index = paths.count
                        break
                    }
                    // Counted against the kept pages: only pages, not the other kept files.
                    if path.hasSuffix(".html") { local.renderedKept += 1 }
                }
                switch Self.writeFile(bytes!, in: destination, path) {
                case .success(let file):
                    local.recorded.append((path, file))
                    local.touched.append(String(parentFolder(path[...])))
                    if counted { local.written += 1 }
                case .failure(let failure):
                    local.failure = "\(path): \(failure.reason)"
                    index = paths.count
                }
            }
            results.withLock {
                $0.written += local.written
                $0.unchanged += local.unchanged
                $0.renderedKept += local.renderedKept
                $0.recorded += local.recorded
                $0.touched += local.touched
                if $0.failure == nil { $0.failure = local.failure }
                if $0.renderFailure == nil { $0.renderFailure = local.renderFailure }
            }
        }
        let counts = results.withLock { $0 }
        if let failure = counts.renderFailure { throw failure }
        if let failure = counts.failure {
            throw LanternError(.unwritableOutput, "cannot write the site: \(failure)")
        }
        touched.formUnion(counts.touched)

        // The manifest is written last: the folder is complete. It goes with the folder: it
        // describes the output once the folder takes its place.
        var manifest = TreeManifest()
        manifest.describe(targetFolder)
        manifest.files = Dictionary(counts.recorded, uniquingKeysWith: { _, last in last })
        for folder in folders {
            if !touched.contains(folder), let stamp = base.folders[folder] {
                manifest.folders[folder] = stamp
            } else if let stamp = TreeManifest.folderStamp(in: targetFolder, folder) {
                manifest.folders[folder] = stamp
            }
        }
        try Self.writeWhole(manifest.encoded(), to: state.buildingTree)
        // The cache of the previous site does not describe the new one: gone before the swap,
        // written again after it (a build killed in between renders every page next time).
        unlink(state.cacheFile.path)

        var outcome = Outcome(written: counts.written, unchanged: counts.unchanged, renderedKept: counts.renderedKept)
        if !exists {
            guard rename(target, outputPath) == 0 else {
                throw LanternError(.unwritableOutput, "cannot move the new site into '\(outputPath)': \(String(cString: strerror(errno)))")
            }
        } else if keepsPrevious {
            // The new site takes the output's place; the previous one becomes the next build's base.
            try Self.exchange(target, outputPath, through: swap)
            if let previousTree {
                outcome.removed = previousTree.files.keys.count { !wanted.contains($0) }
            } else {
                outcome.removed = Self.countFiles(in: target, notIn: wanted)
            }
            _ = rename(state.siteTree, state.previousTree)
        } else {
            guard rename(outputPath, swap) == 0 else {
                throw LanternError(.unwritableOutput, "cannot replace '\(outputPath)': \(String(cString: strerror(errno)))")
            }
            guard rename(target, outputPath) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(swap, outputPath)
                throw LanternError(.unwritableOutput, "cannot move the new site into '\(outputPath)': \(reason)")
            }
            outcome.removed = Self.removeSite(swap, files: paths, folders: folders.sorted())
        }
        _ = rename(state.buildingTree, state.siteTree)
        if let cache { try? Self.writeWhole(cache, to: state.cacheFile.path) }
        return outcome
    }

    /// A build killed after its folder took the output's place but before it renamed the
    /// manifests left the output described by the *building* manifest, and the site manifest
    /// describing the folder now set aside as the previous site. Finish those two renames, so the
    /// next build recognises the output as Lantern's (it is complete: the building manifest is
    /// written only once every file is in place).
    static func finishManifests(of outputPath: String, retired: String, state: SiteBuildState) {
        let output = open(outputPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        guard output >= 0 else { return }
        defer { close(output) }
        guard TreeManifest.read(atPath: state.siteTree, describing: output) == nil,
              TreeManifest.read(atPath: state.buildingTree, describing: output) != nil else { return }
        let previous = open(retired, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        if previous >= 0, TreeManifest.read(atPath: state.siteTree, describing: previous) != nil {
            _ = rename(state.siteTree, state.previousTree)
        } else {
            unlink(state.siteTree)
        }
        if previous >= 0 { close(previous) }
        _ = rename(state.buildingTree, state.siteTree)
    }

    /// Writes a file whole or not at all (a temporary file renamed into place).
    static func writeWhole(_ bytes: [UInt8], to path: String) throws(LanternError) {
        let temporary = path + ".new"
        let slash = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let folder = open(slash, O_RDONLY | O_DIRECTORY)
        guard folder >= 0 else { throw LanternError(.unwritableOutput, "cannot open '\(slash)': \(String(cString: strerror(errno)))") }
        defer { close(folder) }
        let name = String(temporary.dropFirst(slash.count + 1))
        if case .failure(let failure) = writeFile(bytes, in: folder, name) {
            throw LanternError(.unwritableOutput, "cannot write '\(path)': \(failure.reason)")
        }
        guard rename(temporary, path) == 0 else {
            throw LanternError(.unwritableOutput, "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    /// The folder a `/`-separated path is in ("" at the top).
    @Sendable static func parentFolder(_ path: Substring) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return path[..<slash]
    }

    /// Swaps two folders in one step (`renameat2` with `RENAME_EXCHANGE`); where the system or
    /// the file system cannot, by three renames through `swap` (the output is missing between
    /// the first two).
    static func exchange(_ new: String, _ output: String, through swap: String) throws(LanternError) {
        if let exchange = renameExchange, exchange(AT_FDCWD, new, AT_FDCWD, output, 2 /* RENAME_EXCHANGE */) == 0 { return }
        guard rename(output, swap) == 0 else {
            throw LanternError(.unwritableOutput, "cannot replace '\(output)': \(String(cString: strerror(errno)))")
        }
        guard rename(new, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(swap, output)
            throw LanternError(.unwritableOutput, "cannot move the new site into '\(output)': \(reason)")
        }
        _ = rename(swap, new)
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, which Swift's Glibc module does not declare.
    static let renameExchange: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Regular files under `root` whose site-relative paths are not in `kept` (the old
    /// release's marker aside), counted with `readdir` without changing anything.
    static func countFiles(in root: String, notIn kept: Set<String>) -> Int {
        var count = 0
        func walk(_ path: String, relative: String) {
            guard let directory = opendir(path) else { return }
            var folders: [(String, String)] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    folders.append((path + "/" + name, childRelative))
                } else if (info.st_mode & S_IFMT) == S_IFREG, !kept.contains(childRelative), childRelative != legacyMarker {
                    count += 1
                }
            }
            closedir(directory)
            for (child, childRelative) in folders { walk(child, relative: childRelative) }
        }
        walk(root, relative: "")
        return count
    }

    /// Deletes the previous site, which mostly holds the new site's files and folders: those
    /// are unlinked by name (on every core), then the folders removed deepest first; only a
    /// folder that is then not empty is walked. Returns how many files it held that the new
    /// site does not (as `removeTree`).
    static func removeSite(_ root: String, files: [String], folders: [String]) -> Int {
        let folder = open(root, O_RDONLY | O_DIRECTORY)
        guard folder >= 0 else { return removeTree(root, countingFilesNotIn: Set(files)) }
        defer { close(folder) }
        let chunks = max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < files.count {
                unlinkat(folder, files[index], 0)
                index += chunks
            }
        }
        var removed = 0
        var kept: Set<String>?
        let deepestFirst = folders.sorted { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) > $1.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for name in deepestFirst where unlinkat(folder, name, AT_REMOVEDIR) != 0 && errno != ENOENT {
            // Something the new site does not have is left in it.
            if kept == nil { kept = Set(files) }
            removed += removeTree(root + "/" + name, countingFilesNotIn: kept!, relativeTo: name)
        }
        if rmdir(root) != 0 {
            if kept == nil { kept = Set(files) }
            removed += removeTree(root, countingFilesNotIn: kept!)
        }
        return removed
    }

    /// Whether the file at `path` (in the open folder `folder`) holds exactly `bytes`; if so,
    /// the file's inode, size and modification time.
    static func sameBytes(in folder: Int32, _ path: String, _ bytes: [UInt8]) -> TreeManifest.File? {
        let descriptor = openat(folder, path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return nil }
        // In pieces, compared as they come: no copy of a large file is ever held.
        let piece = 1 << 16
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: piece, alignment: 16)
        defer { chunk.deallocate() }
        let same = bytes.withUnsafeBytes { expected in
            var offset = 0
            while offset < expected.count {
                let count = read(descriptor, chunk, min(piece, expected.count - offset))
                if count <= 0 || memcmp(chunk, expected.baseAddress! + offset, count) != 0 { return false }
                offset += count
            }
            return true
        }
        return same ? TreeManifest.File(info) : nil
    }

    /// Writes a new file at `path` in the open folder `folder` (replacing whatever is there:
    /// a new inode, never the old one's bytes, which another site may share); the new file, or
    /// the reason it could not be written.
    static func writeFile(_ bytes: [UInt8], in folder: Int32, _ path: String) -> Result<TreeManifest.File, WriteFailure> {
        var descriptor = openat(folder, path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if descriptor < 0 && errno == EEXIST {
            unlinkat(folder, path, 0)
            descriptor = openat(folder, path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        }
        guard descriptor >= 0 else { return .failure(WriteFailure(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if count < 0 { return .failure(WriteFailure(reason: String(cString: strerror(errno)))) }
            offset += count
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(WriteFailure(reason: String(cString: strerror(errno)))) }
        return .success(TreeManifest.File(info))
    }

    struct WriteFailure: Error {
        var reason: String
    }

    /// Deletes a folder and everything in it (never following symbolic links); returns how many
    /// regular files it held whose site-relative paths are not in `kept`. Plain `readdir` and
    /// `unlink`: Foundation's recursive delete stats every file and took seconds on 20,000 pages.
    static func removeTree(_ root: String, countingFilesNotIn kept: Set<String>, relativeTo base: String = "") -> Int {
        var removed = 0
        func walk(_ path: String, relative: String) {
            guard let directory = opendir(path) else { return }
            var entries: [(name: String, isFolder: Bool, isFile: Bool)] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." { continue }
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    if lstat(path + "/" + name, &info) == 0 {
                        type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK))
                    }
                }
                entries.append((name, type == Int32(DT_DIR), type == Int32(DT_REG)))
            }
            closedir(directory)
            for entry in entries {
                let child = path + "/" + entry.name
                let childRelative = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isFolder {
                    walk(child, relative: childRelative)
                    rmdir(child)
                } else {
                    if entry.isFile, !kept.contains(childRelative), childRelative != legacyMarker { removed += 1 }
                    unlink(child)
                }
            }
        }
        walk(root, relative: base)
        rmdir(root)
        return removed
    }
}
