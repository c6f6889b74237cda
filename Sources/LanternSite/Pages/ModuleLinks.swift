import LanternCurriculum
import LanternMarkdown

/// Where module links point on the site: modules live at `modules/<id>/`, files from the
/// curriculum folder (images) at `media/<path>`.
enum ModuleLinks {
    /// The rewrite for a link written in a module page (`modules/<id>/index.html`).
    static func rewrite(_ destination: String) -> String {
        rewrite(destination, target: LinkTarget.classify(destination))
    }

    /// The same, for a destination already classified.
    static func rewrite(_ destination: String, target: LinkTarget) -> String {
        switch target {
        case .module(let id, let anchor):
            return "../\(id)/" + (anchor.map { "#" + $0 } ?? "")
        case .file(let path) where !path.isEmpty && !path.hasSuffix(".md"):
            return "../../media/" + path
        default:
            return destination
        }
    }

    /// File extensions copied from the curriculum folder when a module links to them.
    static let publishableExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "pdf", "mp3", "mp4", "webm", "vtt"]

    /// The curriculum file a link or image destination names, when it is one the site publishes.
    /// Takes the destination already classified (and known to be safe).
    static func publishableFile(target: LinkTarget) -> String? {
        guard case .file(let path) = target, !path.isEmpty else { return nil }
        let ext = path.lastIndex(of: ".").map { path[path.index(after: $0)...].lowercased() } ?? path.lowercased()
        return publishableExtensions.contains(ext) ? path : nil
    }
}
