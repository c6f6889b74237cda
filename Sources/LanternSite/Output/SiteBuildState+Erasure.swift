import Foundation

extension SiteBuildState {
    /// Removes every previous and half-built copy of every output's site that the builds of this
    /// workspace keep (`previous/`, `building/`, `swap/` and their manifests), keeping what says
    /// an output is Lantern's and the build cache. Erasing a trainee calls it, so an erased name
    /// does not wait in an old copy for the next build. Returns the folders removed.
    public static func removePreviousCopies(workspaceRoot: URL) -> [String] {
        let root = root(workspaceRoot: workspaceRoot)
        guard let outputs = try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil) else { return [] }
        var removed: [String] = []
        for folder in outputs {
            for name in ["previous", "building", "swap"] {
                let copy = folder.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: copy) else { continue }
                _ = SiteWriter.removeTree(copy, countingFilesNotIn: [])
                try? FileManager.default.removeItem(atPath: copy)
                removed.append(copy)
            }
            for manifest in ["previous.tree", "building.tree"] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(manifest))
            }
        }
        return removed
    }
}
