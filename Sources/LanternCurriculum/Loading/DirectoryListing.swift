import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists a folder with `readdir`, using the entry types it returns: a curriculum of a
/// thousand modules is listed without a thousand `stat` calls through `FileManager`.
enum DirectoryListing {
    /// Names of `*.md` entries (not starting with '.') that are regular files or links to
    /// regular files, unsorted; nil when the folder cannot be read or a name is not UTF-8
    /// (the caller then asks `FileManager`).
    static func markdownFiles(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let decoded: String?? = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String?? in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                let name = UnsafeBufferPointer(rebasing: bytes[0..<length])
                guard length > 3, name[0] != UInt8(ascii: "."), name[length - 3] == UInt8(ascii: "."),
                      name[length - 2] == UInt8(ascii: "m"), name[length - 1] == UInt8(ascii: "d") else { return .some(nil) }
                guard let text = String(validating: name, as: UTF8.self) else { return nil }
                return .some(text)
            }
            guard let candidate = decoded else { return nil }
            guard let name = candidate else { continue }
            let type = Int32(entry.pointee.d_type)
            if type == Int32(DT_REG) {
                names.append(name)
            } else if type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) {
                var info = stat()
                if stat(folder + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { names.append(name) }
            }
        }
        return names
    }
}
