import LanternDiagnostics
import LanternMarkdown

/// Checks on a module's Markdown that need no other file: alt text, raw HTML, unsafe links,
/// heading order. Returns the heading anchors for link checks.
enum ModuleContentChecks {
    static func check(_ body: MarkdownDocument, path: String, engine: DiagnosticsEngine) -> Set<String> {
        var slugger = HeadingSlugger()
        var anchors: Set<String> = []
        var previousLevel = 0
        body.root.forEach { node in
            let location = SourceLocation(path: path, line: node.range.start.line, column: node.range.start.column)
            switch node.kind {
            case .heading(let level):
                anchors.insert(slugger.slug(for: node.plainText))
                if previousLevel > 0, level > previousLevel + 1 {
                    engine.warning("heading-skip", "heading level jumps from \(previousLevel) to \(level)", at: location,
                                   hint: "use a level-\(previousLevel + 1) heading ('\(String(repeating: "#", count: previousLevel + 1)) …') so screen-reader users can follow the outline")
                }
                previousLevel = level
            case .image(let destination, _):
                if node.plainText.allSatisfy(\.isWhitespace) {
                    engine.error("missing-alt-text", "image '\(destination)' has no alt text", at: location,
                                 hint: "describe what the picture shows inside the brackets: ![A peer worker listening](\(destination))")
                }
                if URLSafety.isDangerous(destination) {
                    engine.error("unsafe-link", "image address '\(destination)' is not allowed", at: location,
                                 hint: "use an image file in the curriculum folder or an https:// address")
                }
            case .link(let destination, _):
                if URLSafety.isDangerous(destination) {
                    engine.error("unsafe-link", "link address '\(destination.prefix(60))' is not allowed (it could run code in a reader's browser)",
                                 at: location, hint: "link to a module, a heading, or an https:// address")
                } else if destination.isEmpty {
                    engine.error("broken-link", "link '\(node.plainText.prefix(60))' has no address", at: location,
                                 hint: "write the target in the parentheses: [text](other-module.md)")
                }
            case .htmlBlock, .htmlInline:
                engine.warning("raw-html", "raw HTML is not shown: it is dropped from the site and the terminal", at: location,
                               hint: "use Markdown instead")
            default:
                break
            }
        }
        return anchors
    }
}
