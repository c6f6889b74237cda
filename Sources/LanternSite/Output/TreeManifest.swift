import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What a built site folder held when its build finished: the folder's own inode, each file's
/// inode, size and modification time, and each folder's modification time. Kept outside the
/// folder (`SiteBuildState`: `site.tree`, `previous.tree`), it says that the folder is
/// Lantern's to replace, and lets a later build update that folder in place instead of
/// building a new one file by file (see `SiteWriter`): a folder whose entries changed since has
/// a new modification time, and a file changed in place a new size or modification time.
///
/// Unlike the build cache, it describes one folder on one machine (inodes, times): it is never
/// compared between builds, only checked against the folder it is in.
struct TreeManifest: Sendable {
    static let magic = Array("LNTNTRE\u{1}".utf8)
    static let formatVersion = 2

    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
    }

    struct File: Equatable, Sendable {
        var inode: UInt64
        var size: Int
        var modified: Stamp

        init(inode: UInt64, size: Int, modified: Stamp) {
            self.inode = inode
            self.size = size
            self.modified = modified
        }

        init(_ info: stat) {
            self.init(inode: UInt64(info.st_ino), size: Int(info.st_size), modified: Stamp(modifiedOf: info))
        }
    }

    /// The folder itself (device and inode): a manifest describes one folder only.
    var device: UInt64 = 0
    var inode: UInt64 = 0
    /// Every file, by path relative to the folder.
    var files: [String: File] = [:]
    /// Every folder but the folder itself, by path relative to it.
    var folders: [String: Stamp] = [:]

    static let empty = TreeManifest()

    // MARK: - Bytes

    func encoded() -> [UInt8] {
        var writer = CacheWriter(capacity: 64 * (files.count + folders.count) + 64)
        writer.raw(Self.magic)
        writer.raw([UInt8](repeating: 0, count: 8))
        writer.unsigned(UInt64(Self.formatVersion))
        writer.unsigned(device)
        writer.unsigned(inode)
        writer.unsigned(UInt64(files.count))
        // In no particular order: the manifest is never compared, only read back.
        for (path, file) in files {
            writer.string(path)
            writer.unsigned(file.inode)
            writer.int(file.size)
            writer.int(file.modified.seconds)
            writer.int(file.modified.nanoseconds)
        }
        writer.unsigned(UInt64(folders.count))
        for (path, stamp) in folders {
            writer.string(path)
            writer.int(stamp.seconds)
            writer.int(stamp.nanoseconds)
        }
        let checksum = writer.bytes.withUnsafeBufferPointer { CacheChecksum.of(UnsafeBufferPointer(rebasing: $0[16...])) }
        writer.patch(checksum, at: 8)
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) -> TreeManifest? {
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else { return nil }
        return try? bytes.withUnsafeBufferPointer { buffer throws(CacheDamage) -> TreeManifest in
            let stored = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[8..<16])).loadUnaligned(as: UInt64.self)
            guard CacheChecksum.of(UnsafeBufferPointer(rebasing: buffer[16...])) == UInt64(littleEndian: stored) else { throw CacheDamage() }
            var reader = CacheReader(buffer, range: 16..<buffer.count)
            guard try reader.unsigned() == UInt64(formatVersion) else { throw CacheDamage() }
            var manifest = TreeManifest()
            manifest.device = try reader.unsigned()
            manifest.inode = try reader.unsigned()
            let fileCount = try reader.count()
            manifest.files.reserveCapacity(fileCount)
            for _ in 0..<fileCount {
                let path = try reader.string()
                manifest.files[path] = File(inode: try reader.unsigned(), size: try reader.int(),
                                            modified: Stamp(seconds: try reader.int(), nanoseconds: try reader.int()))
            }
            let folderCount = try reader.count()
            manifest.folders.reserveCapacity(folderCount)
            for _ in 0..<folderCount {
                let path = try reader.string()
                manifest.folders[path] = Stamp(seconds: try reader.int(), nanoseconds: try reader.int())
            }
            guard reader.isAtEnd else { throw CacheDamage() }
            return manifest
        }
    }

    /// The manifest at `path`, if it is readable and describes the open folder `folder`.
    static func read(atPath path: String, describing folder: Int32) -> TreeManifest? {
        guard let manifest = WholeFile.contents(atPath: path).flatMap(decode), manifest.describes(folder) else { return nil }
        return manifest
    }

    /// Whether this manifest is of the open folder `folder` (the same device and inode).
    func describes(_ folder: Int32) -> Bool {
        var info = stat()
        return fstat(folder, &info) == 0 && UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// Sets the folder this manifest describes.
    mutating func describe(_ folder: Int32) {
        var info = stat()
        guard fstat(folder, &info) == 0 else { return }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    // MARK: - Checking a folder

    /// The manifest of the folder open as `folder`, if the folder is still as it describes:
    /// the same entries at the top, and every folder below with the modification time it had
    /// (so no entry was added, removed or renamed anywhere). Files changed in place are found
    /// file by file (`matches`).
    static func verified(_ manifestPath: String, in folder: Int32, path: String) -> TreeManifest? {
        guard let manifest = read(atPath: manifestPath, describing: folder) else { return nil }
        var expected: Set<String> = []
        for path in manifest.files.keys where !path.utf8.contains(UInt8(ascii: "/")) { expected.insert(path) }
        for path in manifest.folders.keys where !path.utf8.contains(UInt8(ascii: "/")) { expected.insert(path) }
        guard let listed = Self.names(in: path), listed == expected else { return nil }
        // A thousand folders for a thousand modules: on every core.
        let folders = Array(manifest.folders)
        let workers = max(1, min(folders.count, ProcessInfo.processInfo.activeProcessorCount * 2))
        let unchanged = Atomic<Bool>(true)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < folders.count, unchanged.load(ordering: .relaxed) {
                var info = stat()
                if fstatat(folder, folders[index].key, &info, AT_SYMLINK_NOFOLLOW) != 0 || (info.st_mode & S_IFMT) != S_IFDIR
                    || Stamp(modifiedOf: info) != folders[index].value {
                    unchanged.store(false, ordering: .relaxed)
                }
                index += workers
            }
        }
        return unchanged.load(ordering: .relaxed) ? manifest : nil
    }

    /// Names in a folder (without `.` and `..`).
    static func names(in path: String) -> Set<String>? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names = Set<String>()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.insert(name) }
        }
        return names
    }

    /// The file at `path` in the open folder `folder`, if it is a regular file.
    static func file(in folder: Int32, _ path: String) -> File? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return File(info)
    }

    /// The modification time of the folder at `path` in the open folder `folder`.
    static func folderStamp(in folder: Int32, _ path: String) -> Stamp? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return Stamp(modifiedOf: info)
    }
}

extension TreeManifest.Stamp {
    init(modifiedOf info: stat) {
        #if canImport(Glibc)
        self.init(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
        #else
        self.init(seconds: Int(info.st_mtimespec.tv_sec), nanoseconds: Int(info.st_mtimespec.tv_nsec))
        #endif
    }
}
