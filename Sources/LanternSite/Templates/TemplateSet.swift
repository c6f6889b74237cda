import Foundation
import LanternDiagnostics
import Mustache

/// The templates a build renders with: the built-in ones, each replaced by the workspace's
/// `templates/<name>.mustache` when that file exists. Any other `.mustache` file in the folder
/// is available as a partial (`{{> name}}`).
///
/// Every template is parsed by swift-mustache (its errors are the build's) and compiled once
/// (`CompiledTemplate`); pages render from the compiled form, with swift-mustache's output.
/// A template the compiler does not support, or that names a partial it does not support, is
/// rendered by swift-mustache itself, as is a page that needs what only swift-mustache's types
/// give (see `TemplateRenderer`).
struct TemplateSet: Sendable {
    /// Names of the page templates (see docs/templates.md).
    static let pageNames = ["layout", "home", "module", "outline", "crisis", "search", "credential", "verify"]

    let library: MustacheLibrary
    let stylesheet: String
    /// Which templates came from the workspace, for the build summary.
    let overridden: [String]
    /// The templates rendered from their compiled form, by name.
    let compiled: [String: CompiledTemplate]
    /// The templates left to swift-mustache, with the reason.
    let mustacheOnly: [String: String]

    /// - Parameters:
    ///   - folder: the workspace's templates folder (it may not exist).
    ///   - displayFolder: how to show that folder in messages.
    init(folder: URL, displayFolder: String) throws(LanternError) {
        var library = MustacheLibrary()
        var compiledTexts: [String: Result<CompiledTemplate, any Error>] = [:]
        for (name, text) in BuiltinTemplates.all.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw LanternError("template-error", "the built-in template '\(name)' does not parse: \(error)")
            }
            compiledTexts[name] = Self.compile(text)
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
            compiledTexts[name] = Self.compile(text)
            if case .failure(let crash as CompiledTemplate.WouldCrash) = compiledTexts[name] {
                throw LanternError("template-error", "a section closes right where it opens, with a one-character delimiter: the template engine cannot read that",
                                   at: SourceLocation(path: display, line: crash.line, column: crash.column),
                                   hint: "put something between the two tags, or use delimiters of two characters or more")
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
        (compiled, mustacheOnly) = Self.link(compiledTexts)
    }

    /// Templates from text (the built-in ones are not added): for tests.
    init(templates texts: [String: String]) throws {
        var library = MustacheLibrary()
        var compiledTexts: [String: Result<CompiledTemplate, any Error>] = [:]
        for (name, text) in texts {
            let result = Self.compile(text)
            if case .failure(let crash as CompiledTemplate.WouldCrash) = result { throw crash }
            try library.register(text, named: name)
            compiledTexts[name] = result
        }
        self.library = library
        stylesheet = ""
        overridden = []
        (compiled, mustacheOnly) = Self.link(compiledTexts)
    }

    static func compile(_ text: String) -> Result<CompiledTemplate, any Error> {
        Result { try CompiledTemplate(text) }
    }

    /// The compiled templates whose partials, at any depth, compiled too.
    static func link(_ results: [String: Result<CompiledTemplate, any Error>]) -> (compiled: [String: CompiledTemplate], mustacheOnly: [String: String]) {
        var compiled: [String: CompiledTemplate] = [:]
        var mustacheOnly: [String: String] = [:]
        for (name, result) in results {
            switch result {
            case .success(let template): compiled[name] = template
            case .failure(let error as CompiledTemplate.Unsupported): mustacheOnly[name] = error.reason
            case .failure(let error): mustacheOnly[name] = "\(error)"
            }
        }
        var changed = true
        while changed {
            changed = false
            for (name, template) in compiled {
                if let partial = template.partials.first(where: { results[$0] != nil && compiled[$0] == nil }) {
                    compiled[name] = nil
                    mustacheOnly[name] = "partial '\(partial)'"
                    changed = true
                }
            }
        }
        return (compiled, mustacheOnly)
    }

    /// Renders one template, from its compiled form when it has one.
    func render(_ name: String, context: TemplateValue, capacity: Int = 0) -> String {
        renderCompiled(name, context: context, capacity: capacity) ?? renderWithMustache(name, context: context)
    }

    /// The rendering from the compiled template; nil when the template or this context needs swift-mustache.
    func renderCompiled(_ name: String, context: TemplateValue, capacity: Int = 0) -> String? {
        guard let template = compiled[name] else { return nil }
        var renderer = TemplateRenderer(templates: compiled)
        return renderer.render(template, context: context, capacity: capacity)
    }

    /// swift-mustache's rendering of the same context.
    func renderWithMustache(_ name: String, context: TemplateValue) -> String {
        library.render(context.any, withTemplate: name) ?? ""
    }

    /// Renders a page template, then the layout around it with the page as `content`.
    func page(_ name: String, context: TemplateValue, layout: TemplateValue) -> String {
        let content = render(name, context: context, capacity: 16_384)
        var layout = layout
        layout["content"] = .string(content)
        return render("layout", context: layout, capacity: content.utf8.count + 4096)
    }
}
