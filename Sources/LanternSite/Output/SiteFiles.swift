import LanternDiagnostics

/// The whole site in memory, path → bytes, before anything touches the disk.
///
/// A page whose inputs did not change since the previous build into the same folder is not
/// rendered: it is marked as kept (`keep`), and `SiteWriter` links the previous build's file;
/// only if that file is gone is the page rendered (`render`).
struct SiteFiles: Sendable {
    /// A page kept from the previous build, and how to render it should its file be missing.
    struct Kept: Sendable {
        var render: @Sendable () throws(LanternError) -> [UInt8]
    }

    private(set) var files: [String: [UInt8]] = [:]
    private(set) var kept: [String: Kept] = [:]

    /// Adds a file at a `/`-separated path relative to the site root.
    mutating func add(_ path: String, _ text: String) {
        add(path, bytes: Array(text.utf8))
    }

    mutating func add(_ path: String, bytes: [UInt8]) {
        files[path] = bytes
        kept[path] = nil
    }

    /// Keeps the previous build's file at `path`.
    mutating func keep(_ path: String, render: @escaping @Sendable () throws(LanternError) -> [UInt8]) {
        kept[path] = Kept(render: render)
        files[path] = nil
    }

    func contains(_ path: String) -> Bool { files[path] != nil || kept[path] != nil }

    /// Every path, kept or not.
    var allPaths: [String] { Array(files.keys) + Array(kept.keys) }

    /// Paths in a stable order.
    var sortedPaths: [String] { allPaths.sorted() }

    var pageCount: Int { allPaths.lazy.filter { $0.hasSuffix(".html") }.count }

    /// Kept pages that are pages (for the build summary).
    var keptPageCount: Int { kept.keys.lazy.filter { $0.hasSuffix(".html") }.count }

    /// The same site with every kept file's bytes in memory: read from `previous` (the folder
    /// the previous build wrote) or rendered when it is not there. For checks that read pages.
    func materialized(previous: String) throws(LanternError) -> SiteFiles {
        guard !kept.isEmpty else { return self }
        var copy = self
        let paths = kept.keys.sorted()
        let kept = self.kept
        let bytes = SiteBuilder.parallelMap(paths) { path -> Result<[UInt8], LanternError> in
            if let bytes = WholeFile.contents(atPath: previous + "/" + path) { return .success(bytes) }
            return Result { () throws(LanternError) in try kept[path]!.render() }
        }
        for (path, content) in zip(paths, bytes) { copy.add(path, bytes: try content.get()) }
        return copy
    }
}
