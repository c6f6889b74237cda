import LanternDiagnostics
import LanternMarkdown

/// A link or image in a module, kept for the checks between modules after the tree is gone.
public struct ModuleLinkReference: Sendable, Hashable {
    public var destination: String
    public var isImage: Bool
    public var line: Int
    public var column: Int

    public init(destination: String, isImage: Bool, line: Int, column: Int) {
        self.destination = destination
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}

/// What the checks between modules need from one module's body.
struct ModuleBodyFacts: Sendable {
    /// Heading anchors, as the site will generate them.
    var anchors: Set<String> = []
    /// Links and images with an address that is neither empty nor dangerous, in document order.
    var links: [ModuleLinkReference] = []
}

/// Checks on a module's Markdown that need no other file: alt text, raw HTML, unsafe links,
/// heading order. Returns the anchors and links for the checks between modules, in the same walk.
enum ModuleContentChecks {
    static func check(_ body: CmarkDocument, path: String, engine: DiagnosticsEngine) -> ModuleBodyFacts {
        var slugger = HeadingSlugger()
        var facts = ModuleBodyFacts()
        var previousLevel = 0
        var text = PlainTextCollector()
        func location(_ node: CmarkDocument.Node) -> SourceLocation {
            let start = node.start
            return SourceLocation(path: path, line: start.line, column: start.column)
        }

        body.walk { node, entering in
            let kind = node.kind
            switch kind {
            case .heading, .image, .link:
                guard !entering else {
                    text.begin()
                    if kind == .heading {
                        let level = node.headingLevel
                        if previousLevel > 0, level > previousLevel + 1 {
                            engine.warning("heading-skip", "heading level jumps from \(previousLevel) to \(level)", at: location(node),
                                           hint: "use a level-\(previousLevel + 1) heading ('\(String(repeating: "#", count: previousLevel + 1)) …') so screen-reader users can follow the outline")
                        }
                        previousLevel = level
                    }
                    return
                }
                let plain = text.end()
                if kind == .heading {
                    facts.anchors.insert(slugger.slug(for: plain))
                    return
                }
                let destination = node.url
                let start = node.start
                if kind == .image {
                    if plain.allSatisfy(\.isWhitespace) {
                        engine.error("missing-alt-text", "image '\(destination)' has no alt text", at: location(node),
                                     hint: "describe what the picture shows inside the brackets: ![A peer worker listening](\(destination))")
                    }
                    if URLSafety.isDangerous(destination) {
                        engine.error("unsafe-link", "image address '\(destination)' is not allowed", at: location(node),
                                     hint: "use an image file in the curriculum folder or an https:// address")
                    } else if !destination.isEmpty {
                        facts.links.append(ModuleLinkReference(destination: destination, isImage: true, line: start.line, column: start.column))
                    }
                } else if URLSafety.isDangerous(destination) {
                    engine.error("unsafe-link", "link address '\(destination.prefix(60))' is not allowed (it could run code in a reader's browser)",
                                 at: location(node), hint: "link to a module, a heading, or an https:// address")
                } else if destination.isEmpty {
                    engine.error("broken-link", "link '\(plain.prefix(60))' has no address", at: location(node),
                                 hint: "write the target in the parentheses: [text](other-module.md)")
                } else {
                    facts.links.append(ModuleLinkReference(destination: destination, isImage: false, line: start.line, column: start.column))
                }
            case .htmlBlock, .htmlInline:
                engine.warning("raw-html", "raw HTML is not shown: it is dropped from the site and the terminal", at: location(node),
                               hint: "use Markdown instead")
            default:
                if text.isCollecting { text.add(node) }
            }
        }
        return facts
    }
}
