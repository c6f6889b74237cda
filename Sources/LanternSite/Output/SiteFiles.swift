/// The whole site in memory, path → bytes, before anything touches the disk.
struct SiteFiles: Sendable {
    private(set) var files: [String: [UInt8]] = [:]

    /// Adds a file at a `/`-separated path relative to the site root.
    mutating func add(_ path: String, _ text: String) {
        files[path] = Array(text.utf8)
    }

    mutating func add(_ path: String, bytes: [UInt8]) {
        files[path] = bytes
    }

    func contains(_ path: String) -> Bool { files[path] != nil }

    /// Paths in a stable order.
    var sortedPaths: [String] { files.keys.sorted() }

    var pageCount: Int { files.keys.lazy.filter { $0.hasSuffix(".html") }.count }
}
