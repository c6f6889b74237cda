import Foundation
import LanternDiagnostics
import Mustache

/// The templates a build renders with: the built-in ones, each replaced by the workspace's
/// `templates/<name>.mustache` when that file exists. Any other `.mustache` file in the folder
/// is available as a partial (`{{> name}}`).
struct TemplateSet: Sendable {
    /// Names of the page templates (see docs/templates.md).
    static let pageNames = ["layout", "home", "module", "outline", "crisis", "search", "credential"]

    let library: MustacheLibrary
    let stylesheet: String
    /// Which templates came from the workspace, for the build summary.
    let overridden: [String]

    /// - Parameters:
    ///   - folder: the workspace's templates folder (it may not exist).
    ///   - displayFolder: how to show that folder in messages.
    init(folder: URL, displayFolder: String) throws(LanternError) {
        var library = MustacheLibrary()
        for (name, text) in BuiltinTemplates.all.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw LanternError("template-error", "the built-in template '\(name)' does not parse: \(error)")
            }
        }
        var overridden: [String] = []
        var stylesheet = BuiltinAssets.stylesheet
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for file in names where file.hasSuffix(".mustache") && !file.hasPrefix(".") {
            let name = String(file.dropLast(".mustache".count))
            let display = displayFolder + "/" + file
            let text: String
            do {
                text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            } catch {
                throw LanternError("unreadable-file", "cannot read the template: it must be UTF-8 text", at: SourceLocation(path: display))
            }
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw LanternError("template-error", "the template does not parse: \(error.error)",
                                   at: SourceLocation(path: display, line: error.context.lineNumber, column: error.context.columnNumber),
                                   hint: "check that every {{#section}} is closed by a matching {{/section}}")
            } catch {
                throw LanternError("template-error", "the template does not parse: \(error)", at: SourceLocation(path: display))
            }
            overridden.append(name)
        }
        let css = folder.appendingPathComponent("style.css")
        if FileManager.default.fileExists(atPath: css.path) {
            guard let text = try? String(contentsOf: css, encoding: .utf8) else {
                throw LanternError("unreadable-file", "cannot read the stylesheet: it must be UTF-8 text", at: SourceLocation(path: displayFolder + "/style.css"))
            }
            stylesheet = text
            overridden.append("style.css")
        }
        self.library = library
        self.stylesheet = stylesheet
        self.overridden = overridden
    }

    private let layouts = LayoutCache()
    private let pages = PreparedPageCache()

    /// Renders a page template, then the layout around it. The layout is rendered once per
    /// kind of page (see `PreparedLayout`); `title`, `description` and `content` are filled in.
    ///
    /// With `prepared`, pages of the same shape share one rendering of the page template too
    /// (see `PreparedPage`): for the thousands of certificate pages.
    func page(_ name: String, context: [String: Any], layout: [String: Any], prepared: Bool = false) -> String {
        let content = prepared
            ? pages.render(name, context: context) { library.render($0, withTemplate: name) ?? "" }
            : library.render(context, withTemplate: name) ?? ""
        let title = layout["title"] as? String ?? ""
        let description = layout["description"] as? String
        let key = Self.layoutKey(layout, hasDescription: description != nil)
        let prepared = layouts.layout(for: key) {
            var holes = layout
            holes["title"] = PreparedLayout.sentinel(.title)
            if description != nil { holes["description"] = PreparedLayout.sentinel(.description) }
            holes["content"] = PreparedLayout.sentinel(.content)
            return PreparedLayout(rendered: library.render(holes, withTemplate: "layout") ?? "")
        }
        return prepared.fill(title: title, description: description, content: content)
    }

    /// What tells two layouts apart besides title, description and content. Built field by
    /// field: a dictionary's description lists its keys in a per-instance order, so
    /// `"\(nav)"` differed on every page and defeated the cache.
    static func layoutKey(_ layout: [String: Any], hasDescription: Bool) -> String {
        var key = "\(layout["root"] as? String ?? "")|\(layout["noindex"] as? Bool ?? false)|\(hasDescription)|"
        for item in layout["nav"] as? [[String: Any]] ?? [] {
            key += (item["current"] as? Bool ?? false) ? "1" : "0"
            key += "\(item["label"] as? String ?? "")\u{1}\(item["href"] as? String ?? "")\u{1}"
        }
        key += "|" + (layout["scripts"] as? [String] ?? []).joined(separator: "\u{1}")
        for (name, value) in layout.sorted(by: { $0.key < $1.key })
        where !["root", "noindex", "nav", "scripts", "title", "description", "content"].contains(name) {
            key += "|\(name)=\(value)"
        }
        return key
    }
}
