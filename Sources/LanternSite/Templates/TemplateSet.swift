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

    /// Renders a page template, then the layout around it. The layout is rendered once per
    /// kind of page (see `PreparedLayout`); `title`, `description` and `content` are filled in.
    func page(_ name: String, context: [String: Any], layout: [String: Any]) -> String {
        let content = library.render(context, withTemplate: name) ?? ""
        let title = layout["title"] as? String ?? ""
        let description = layout["description"] as? String
        let key = ["root", "noindex", "nav", "scripts"].map { "\(layout[$0] ?? "")" }.joined(separator: "|")
            + "|\(description != nil)"
        let prepared = layouts.layout(for: key) {
            var holes = layout
            holes["title"] = PreparedLayout.sentinel(.title)
            if description != nil { holes["description"] = PreparedLayout.sentinel(.description) }
            holes["content"] = PreparedLayout.sentinel(.content)
            return PreparedLayout(rendered: library.render(holes, withTemplate: "layout") ?? "")
        }
        return prepared.fill(title: title, description: description, content: content)
    }
}
