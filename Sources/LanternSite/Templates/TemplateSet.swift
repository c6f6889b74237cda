import Foundation
import LanternCurriculum
import LanternDiagnostics

/// The templates a build renders with: the built-in ones, each replaced by the workspace's
/// `templates/<name>.mustache` when that file exists. Any other `.mustache` file in the folder
/// is available as a partial (`{{> name}}`) or a parent (`{{< name}}`).
///
/// Every template is compiled once (`CompiledTemplate`) when the build starts: a template that
/// does not parse stops the build at its line and column. Files are read only from inside the
/// templates folder (`ContainedFile`): a link that leads out of it stops the build.
struct TemplateSet: Sendable {
    /// Names of the page templates (see docs/templates.md).
    static let pageNames = ["layout", "home", "module", "outline", "crisis", "search", "credential", "achievement", "verify"]

    let stylesheet: String
    /// Which templates came from the workspace, for the build summary.
    let overridden: [String]
    /// Every template, by name.
    let compiled: [String: CompiledTemplate]
    /// How to show each template's file in an error (built-in ones: `(built-in NAME)`).
    let displayPaths: [String: String]

    /// - Parameters:
    ///   - folder: the workspace's templates folder (it may not exist).
    ///   - displayFolder: how to show that folder in messages.
    ///   - workspaceRoot: the folder the templates folder must be inside.
    init(folder: URL, displayFolder: String, workspaceRoot: URL? = nil) throws(LanternError) {
        var compiled: [String: CompiledTemplate] = [:]
        var displayPaths: [String: String] = [:]
        for (name, text) in BuiltinTemplates.all {
            do {
                compiled[name] = try CompiledTemplate(text, name: name)
            } catch {
                throw LanternError(.templateError, "the built-in template '\(name)' does not parse: \(error.reason)")
            }
            displayPaths[name] = "(built-in \(name) template)"
        }
        var overridden: [String] = []
        var stylesheet = BuiltinAssets.stylesheet
        var names: [String] = []
        if let listed = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            if let workspaceRoot { try ContainedFile.checkFolder(folder, isInside: workspaceRoot, folderDisplay: displayFolder) }
            names = listed.sorted()
        }
        for file in names where file.hasSuffix(".mustache") && !file.hasPrefix(".") {
            let name = String(file.dropLast(".mustache".count))
            let display = displayFolder + "/" + file
            let data = try ContainedFile.read(file, in: folder, folderDisplay: displayFolder, displayPath: display)
            guard let text = String(data: data, encoding: .utf8) else {
                throw LanternError(.unreadableFile, "cannot read the template: it must be UTF-8 text", at: SourceLocation(path: display))
            }
            do {
                compiled[name] = try CompiledTemplate(text, name: name)
            } catch {
                throw LanternError(.templateError, "the template does not parse: \(error.reason)",
                                   at: SourceLocation(path: display, line: error.line, column: error.column),
                                   hint: "check that every {{#section}} is closed by a matching {{/section}} (docs/templates.md)")
            }
            displayPaths[name] = display
            overridden.append(name)
        }
        if names.contains("style.css") {
            let display = displayFolder + "/style.css"
            let data = try ContainedFile.read("style.css", in: folder, folderDisplay: displayFolder, displayPath: display)
            guard let text = String(data: data, encoding: .utf8) else {
                throw LanternError(.unreadableFile, "cannot read the stylesheet: it must be UTF-8 text", at: SourceLocation(path: display))
            }
            stylesheet = text
            overridden.append("style.css")
        }
        self.stylesheet = stylesheet
        self.overridden = overridden
        self.compiled = compiled
        self.displayPaths = displayPaths
    }

    /// Templates from text (the built-in ones are not added): for tests.
    init(templates texts: [String: String]) throws(TemplateSyntaxError) {
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in texts { compiled[name] = try CompiledTemplate(text, name: name) }
        stylesheet = ""
        overridden = []
        self.compiled = compiled
        displayPaths = Dictionary(uniqueKeysWithValues: texts.keys.map { ($0, $0 + ".mustache") })
    }

    /// Renders one template; a template that fails (nesting too deep, a page too large) is an
    /// error at the tag where it failed.
    func render(_ name: String, context: TemplateValue, capacity: Int = 0) throws(LanternError) -> String {
        guard let template = compiled[name] else { return "" }
        var renderer = TemplateRenderer(templates: compiled)
        do {
            return try renderer.render(template, context: context, capacity: capacity)
        } catch {
            throw LanternError(.templateError, "the '\(name)' page cannot be rendered: \(error.reason)",
                               at: SourceLocation(path: displayPaths[error.template] ?? error.template, line: error.line, column: error.column))
        }
    }

    /// Renders a page template, then the layout around it with the page as `content`.
    func page(_ name: String, context: TemplateValue, layout: TemplateValue) throws(LanternError) -> String {
        let content = try render(name, context: context, capacity: 16_384)
        var layout = layout
        layout["content"] = .string(content)
        return try render("layout", context: layout, capacity: content.utf8.count + 4096)
    }
}
