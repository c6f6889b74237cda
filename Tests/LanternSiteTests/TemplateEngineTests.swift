import Foundation
import LanternDiagnostics
@testable import LanternSite
import LanternTestSupport
import Testing

/// The template engine against the Mustache spec's own cases, and Lantern's limits: nesting,
/// page size, located errors.
@Suite("the template engine")
struct TemplateEngineTests {
    // MARK: - The spec

    /// One case of the spec (specs/*.json).
    struct SpecCase: Decodable, CustomStringConvertible {
        var name: String
        var data: SpecValue
        var template: String
        var partials: [String: String]?
        var expected: String
        var file = ""
        var description: String { "\(file): \(name)" }

        private enum CodingKeys: String, CodingKey { case name, data, template, partials, expected }
    }

    /// A JSON value as a template context: null is no value, numbers print as JSON wrote them.
    enum SpecValue: Decodable {
        case null, bool(Bool), int(Int), number(Double), string(String), list([SpecValue]), object([String: SpecValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Int.self) { self = .int(number) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let list = try? container.decode([SpecValue].self) { self = .list(list) }
            else { self = .object(try container.decode([String: SpecValue].self)) }
        }

        var value: TemplateValue? {
            switch self {
            case .null: nil
            case .bool(let flag): .bool(flag)
            case .int(let number): .int(number)
            case .number(let number): .string(String(number))
            case .string(let text): .string(text)
            case .list(let items): .list(items.compactMap(\.value))
            case .object(let object):
                .object(TemplateObject(object.sorted { $0.key < $1.key }.compactMap { key, value in value.value.map { (key, $0) } }))
            }
        }
    }

    struct SpecFile: Decodable {
        var tests: [SpecCase]
    }

    static let specFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MustacheSpec")
    static let specFiles = ["interpolation", "sections", "inverted", "partials", "delimiters", "comments", "inheritance", "dynamic-names"]

    static func cases(_ file: String) throws -> [SpecCase] {
        let data = try Data(contentsOf: specFolder.appendingPathComponent(file + ".json"))
        return try JSONDecoder().decode(SpecFile.self, from: data).tests.map { test in
            var test = test
            test.file = file
            return test
        }
    }

    /// Where Lantern differs from the spec, and why.
    static let deviations: [String: String] = [
        "inheritance: Intrinsic indentation":
            "an override keeps the indentation of its own lines; it does not take the indentation of the parent's default content (as swift-mustache 2.1.1)",
        "inheritance: Nested block reindentation":
            "the same: a nested override is not re-indented to the block it replaces",
    ]

    @Test("every case of the spec renders as the spec expects", arguments: specFiles)
    func spec(_ file: String) throws {
        let cases = try Self.cases(file)
        #expect(cases.count > 10)
        for test in cases {
            let key = "\(file): \(test.name)"
            var texts = test.partials ?? [:]
            texts["main-template"] = test.template
            let rendered: String
            do {
                let set = try TemplateSet(templates: texts)
                rendered = try set.render("main-template", context: test.data.value ?? .object(TemplateObject()))
            } catch {
                if Self.deviations[key] == nil { Issue.record("\(key): \(error)") }
                continue
            }
            if Self.deviations[key] != nil {
                #expect(rendered != test.expected, "\(key) is listed as a deviation but now renders as the spec says")
            } else {
                #expect(rendered == test.expected, "\(key)\ntemplate: \(test.template.debugDescription)")
            }
        }
    }

    // MARK: - Lantern's limits and additions

    @Test("every built-in template compiles")
    func builtins() throws {
        let set = try TemplateSet(templates: BuiltinTemplates.all)
        #expect(Set(set.compiled.keys) == Set(TemplateSet.pageNames))
    }

    @Test("a template that inherits from itself stops with an error at its tag, not a crash (issue 20)")
    func selfInheritance() throws {
        let set = try TemplateSet(templates: ["frame": "<p>\n  {{<frame}}{{$x}}y{{/x}}{{/frame}}\n</p>"])
        do {
            _ = try set.render("frame", context: ["s": "t"])
            Issue.record("rendered")
        } catch {
            #expect(error.code == "template-error")
            #expect(error.location?.path == "frame.mustache")
            #expect(error.location?.line == 2)
            #expect(error.location?.column == 3)
            #expect(error.message.contains("nest more than 64 levels"), "\(error.message)")
        }
    }

    @Test("a partial that includes itself without end stops with an error; one that recurses over data renders")
    func recursivePartials() throws {
        let endless = try TemplateSet(templates: ["main": "{{>main}}"])
        #expect(throws: LanternError.self) { try endless.render("main", context: [:]) }
        let tree = try TemplateSet(templates: ["tree": "<{{name}}>{{#children}}{{>tree}}{{/children}}"])
        // Every node says it has children, or a leaf would find its parent's (the context stack).
        let context: TemplateValue = ["name": "a", "children": [["name": "b", "children": [["name": "c", "children": []]]], ["name": "d", "children": []]]]
        #expect(try tree.render("tree", context: context) == "<a><b><c><d>")
    }

    @Test("a template that doubles its output at every level stops at the page limit")
    func pageSizeLimit() throws {
        let set = try TemplateSet(templates: ["main": "{{>p0}}", "p0": String(repeating: "x", count: 5 << 20) + "{{>p1}}{{>p1}}",
                                              "p1": "{{>p0}}"])
        do {
            _ = try set.render("main", context: [:])
            Issue.record("rendered")
        } catch {
            #expect(error.message.contains("MiB"), "\(error.message)")
        }
    }

    @Test("a template that does not parse is an error at its line and column", arguments: [
        ("a\n{{#s}}\nb\n", 4, "never closed"),
        ("a {{#s}}b{{/t}}", 1, "closes a section"),
        ("x\ny {{name", 2, "tag"),
        ("{{%PRAGMA:X}}", 1, "unknown pragma"),
        ("{{<p}}{{name}}{{/p}}", 1, "only {{$block}}"),
    ])
    func syntaxErrors(_ text: String, _ line: Int, _ words: String) {
        do {
            _ = try CompiledTemplate(text)
            Issue.record("parsed \(text.debugDescription)")
        } catch {
            #expect(error.line == line, "\(text.debugDescription): \(error)")
            #expect(error.reason.contains(words), "\(error.reason)")
        }
    }

    @Test("deep nesting in one template is an error, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        #expect(throws: TemplateSyntaxError.self) { try CompiledTemplate(text) }
    }

    @Test("a section closed right where it opens with one-character delimiters renders (swift-mustache trapped on it)")
    func oneCharacterDelimiters() throws {
        let set = try TemplateSet(templates: ["main": "{{=| |=}}|#s||/s|ok"])
        #expect(try set.render("main", context: ["s": true]) == "ok")
    }

    @Test("the CONTENT_TYPE pragma turns escaping off in its template only")
    func pragma() throws {
        let set = try TemplateSet(templates: ["main": "{{s}}|{{>p}}|{{%CONTENT_TYPE:TEXT}}{{s}}|{{>p}}", "p": "{{s}}"])
        #expect(try set.render("main", context: ["s": "<b>"]) == "&lt;b&gt;|&lt;b&gt;|<b>|&lt;b&gt;")
    }

    @Test("transforms, and a list printed as a value prints nothing")
    func transforms() throws {
        let set = try TemplateSet(templates: [
            "main": "{{uppercased(s)}}|{{count(list)}}|{{#reversed(list)}}{{.}}{{/reversed(list)}}|{{list}}|{{#list}}{{index()}}{{#first()}}F{{/first()}}{{/list}}|{{plusone(n)}}",
        ])
        #expect(try set.render("main", context: ["s": "ab", "list": ["x", "y"], "n": 41]) == "AB|2|yx||0F1|42")
    }

    @Test("a layout can inherit from a frame and fill its blocks, and a dynamic partial picks its template from the context")
    func inheritanceInPages() throws {
        let set = try TemplateSet(templates: [
            "frame": "<title>{{$title}}Untitled{{/title}}</title>\n<main>\n  {{$main}}{{/main}}\n</main>\n",
            "page": "{{<frame}}{{$title}}{{name}}{{/title}}{{$main}}<p>{{>*which}}</p>{{/main}}{{/frame}}",
            "greeting": "Hi {{name}}",
        ])
        #expect(try set.render("page", context: ["name": "A&B", "which": "greeting"])
                == "<title>A&amp;B</title>\n<main>\n  <p>Hi A&amp;B</p>\n</main>\n")
    }
}
