import Foundation
import LanternDiagnostics

/// The organisation's logo for printed certificates, read from the workspace under the rule
/// every input follows: a relative path that stays inside the workspace, and no symbolic link
/// (in the path or the file) that leads out of it.
public enum CertificateLogo {
    /// The largest logo read (a logo is kilobytes; a mistaken path to a video is not).
    public static let maximumSize = 1024 * 1024

    /// `data:<type>;base64,…` for `path` (relative to `root`).
    public static func dataURI(root: URL, path: String, displayRoot: String = "") throws(LanternError) -> String {
        let shown = displayRoot.isEmpty ? path : displayRoot + "/" + path
        let lower = path.lowercased()
        let type = lower.hasSuffix(".svg") ? "image/svg+xml" : lower.hasSuffix(".png") ? "image/png"
            : lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") ? "image/jpeg" : nil
        guard let type else { throw LanternError(.invalidValue, "the logo \(shown) is not an SVG, PNG or JPEG file") }
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw LanternError(.unsafePath, "the logo \(shown) is not inside the workspace")
        }
        let rootPath = root.resolvingSymlinksInPath().path
        let file = root.appendingPathComponent(path)
        let resolved = file.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(rootPath + "/") else {
            throw LanternError(.unsafePath, "the logo \(shown) is a symbolic link that leads outside the workspace; refusing to read it",
                               hint: "copy the logo into the workspace")
        }
        guard let handle = FileHandle(forReadingAtPath: resolved) else {
            throw LanternError(.unreadable, "cannot read the logo \(shown)", hint: "check organisation.logo in lantern.yml")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: maximumSize + 1) ?? Data() } catch {
            throw LanternError(.unreadable, "cannot read the logo \(shown)")
        }
        guard data.count <= maximumSize else { throw LanternError(.tooLarge, "the logo \(shown) is larger than 1 MB") }
        return "data:\(type);base64," + data.base64EncodedString()
    }
}
