import Crypto
import Foundation
import LanternDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Where a build keeps everything that is not the site, so that the output folder is the site
/// and only the site (two builds of the same input into two folders are `diff -r`-equal, and
/// `rsync site/ host:` publishes nothing else): `<workspace>/.lantern/build/<digest>/`, one
/// folder per output folder (the digest is of the output's absolute path), holding
///
/// - `cache` — the build cache (`BuildCache`);
/// - `site.tree` — the output folder's manifest (`TreeManifest`): its inode, and every file's
///   inode, size and time. It is also what says the output is Lantern's to replace;
/// - `previous/` and `previous.tree` — the site before the last one, which the next build
///   updates in place instead of writing a new folder file by file;
/// - `building/`, `swap/` — transient, during a build.
///
/// When the output is on another file system than the workspace, the folders a build renames
/// into the output's place are made beside the output instead (`.<name>.building`), and no
/// previous site is kept.
public struct SiteBuildState: Sendable {
    /// This output's state folder.
    public let folder: URL
    /// The output folder.
    public let output: URL

    public init(workspaceRoot: URL, output: URL) {
        self.output = output.standardizedFileURL
        let digest = SHA256.hash(data: Data(self.output.path.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        folder = Self.root(workspaceRoot: workspaceRoot).appendingPathComponent(digest)
    }

    /// `<workspace>/.lantern/build`: every output's state.
    public static func root(workspaceRoot: URL) -> URL {
        workspaceRoot.standardizedFileURL.appendingPathComponent(".lantern/build")
    }

    /// Deletes every copy of the site a build keeps besides the output itself — the previous
    /// site, a half-built one, the build cache (which holds headings and search words) — for
    /// every output of the workspace: after a trainee's erasure, no copy Lantern keeps may still
    /// hold their name. What says an output is Lantern's (`site.tree`) is kept, so the next
    /// build (a full one) replaces the output as before.
    public static func forgetPreviousSites(workspaceRoot: URL) {
        let root = root(workspaceRoot: workspaceRoot).path
        guard let states = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
        for name in states {
            let folder = root + "/" + name
            for kept in ["previous", "building", "swap"] where FileManager.default.fileExists(atPath: folder + "/" + kept) {
                _ = SiteWriter.removeTree(folder + "/" + kept, countingFilesNotIn: [])
            }
            for file in ["previous.tree", "building.tree", "cache"] { Platform.removeFile(folder + "/" + file) }
        }
    }

    public var cacheFile: URL { folder.appendingPathComponent("cache") }
    var siteTree: String { folder.appendingPathComponent("site.tree").path }
    var previousTree: String { folder.appendingPathComponent("previous.tree").path }
    var buildingTree: String { folder.appendingPathComponent("building.tree").path }
    var previous: String { folder.appendingPathComponent("previous").path }
    var building: String { folder.appendingPathComponent("building").path }
    var swap: String { folder.appendingPathComponent("swap").path }

    /// Creates the state folder (mode 0700: it may hold names of people) and says whether it
    /// is on the output's file system, so folders can be renamed between the two.
    func prepare() -> Bool {
        let parent = output.deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        guard let state = try? Platform.status(of: folder.path), let outputParent = try? Platform.status(of: parent) else { return false }
        return state.device == outputParent.device
    }

    /// What was last published into the output: the whole site, or the verification files alone.
    public enum Kind: String, Sendable {
        case site, verification
    }

    /// The kind recorded by the last publication into the output, if any.
    public var publishedKind: Kind? {
        (try? String(contentsOf: folder.appendingPathComponent("kind"), encoding: .utf8))
            .flatMap { Kind(rawValue: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func record(_ kind: Kind) {
        try? Data((kind.rawValue + "\n").utf8).write(to: folder.appendingPathComponent("kind"), options: .atomic)
    }
}
