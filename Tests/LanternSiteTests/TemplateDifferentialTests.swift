@testable import LanternSite
import Testing

/// The compiled templates against swift-mustache itself: the same context through both must
/// give the same bytes, for the built-in templates, odd hand-written ones and random ones.
@Suite("compiled templates render what swift-mustache renders")
struct TemplateDifferentialTests {
    // MARK: - Built-in templates

    @Test("every built-in template compiles (none is left to swift-mustache)")
    func builtinsCompile() throws {
        let set = try TemplateSet(templates: BuiltinTemplates.all)
        #expect(set.mustacheOnly.isEmpty, "\(set.mustacheOnly)")
        #expect(Set(set.compiled.keys) == Set(TemplateSet.pageNames))
    }

    @Test("built-in templates, many generated contexts", arguments: TemplateSet.pageNames)
    func builtin(_ name: String) throws {
        let set = try TemplateSet(templates: BuiltinTemplates.all)
        var random = SplitMix(seed: UInt64(name.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
        for round in 0..<300 {
            let context = PageContexts.context(for: name, &random)
            let expected = set.renderWithMustache(name, context: context)
            let actual = set.renderCompiled(name, context: context)
            #expect(actual != nil, "the compiled \(name) gave the page to swift-mustache (round \(round))")
            if let actual, actual != expected {
                Issue.record("\(name), round \(round): \(Self.firstDifference(expected, actual))")
                return
            }
        }
    }

    @Test("a page with its layout is the layout rendered around the page")
    func pageWithLayout() throws {
        let set = try TemplateSet(templates: BuiltinTemplates.all)
        var random = SplitMix(seed: 99)
        for _ in 0..<50 {
            let context = PageContexts.context(for: "credential", &random)
            var layout = PageContexts.context(for: "layout", &random)
            let page = set.page("credential", context: context, layout: layout)
            layout["content"] = .string(set.renderWithMustache("credential", context: context))
            #expect(page == set.renderWithMustache("layout", context: layout))
        }
    }

    // MARK: - Odd templates

    /// Hand-written templates that exercise what the built-in ones do not.
    static let oddTemplates: [(String, [String: String])] = [
        ("standalone lines", ["main": "a\n  {{#s}}  \n  b\n  {{/s}}\t\nc\n{{^flag}}\n{{! comment }}\n  {{! two\nlines }}  \nd{{/flag}}\n"]),
        ("standalone at the very start and end", ["main": "{{#list}}\n{{.}}\n{{/list}}"]),
        ("non-standalone close after standalone open", ["main": "{{#s}}\nx {{/s}}\n{{#t}}\n y\n{{/t}}\n"]),
        ("close on a line after text", ["main": "x{{#s}}\n  {{/s}}\n{{#n}}\n{{n}}\n{{/n}}"]),
        ("CRLF lines", ["main": "{{#list}}\r\n<li>{{.}}</li>\r\n{{/list}}\r\n  {{>p}}\r\n{{^list}}\r\nnone\r\n{{/list}}\r\n", "p": "one\r\ntwo\r\n{{s}}\r\n"]),
        ("other line breaks", ["main": "{{#s}}\u{0B}x\u{2028}{{/s}}\u{85}{{#flag}}\ry\r{{/flag}}\u{0C}z"]),
        ("nested sections and the context stack", ["main": "{{#a}}{{#b}}{{s}}|{{a.s}}|{{.s}}|{{b.s}}|{{#c}}{{s}}{{n}}{{/c}}{{/b}}{{/a}}"]),
        ("dotted names, missing keys", ["main": "{{a.b.s}}|{{a.b.n}}|{{a.x.c}}|{{x.y}}|{{.s}}|{{..s}}|{{a..s}}|{{a.s.}}|{{ a.b.flag }}|{{.a.s}}|{{s.x}}|{{#a.b}}[{{c}}]{{/a.b}}|{{^a.x}}none{{/a.x}}"]),
        ("implicit iterator", ["main": "{{#list}}({{.}}){{/list}}{{#s}}<{{.}}>{{/s}}{{#n}}[{{.}}]{{/n}}{{#flag}}{{.}}{{/flag}}"]),
        ("empty string and zero are pushed", ["main": "{{#empty}}E{{.}}E{{/empty}}{{#zero}}Z{{.}}Z{{/zero}}{{^empty}}not{{/empty}}{{^zero}}not{{/zero}}"]),
        ("inverted empty list pushes it", ["main": "{{^nothing}}[{{.}}|{{s}}]{{/nothing}}"]),
        ("triple and ampersand", ["main": "{{{s}}}|{{&s}}|{{s}}|{{{ s }}}|{{& s }}|{{{n}}}|{{&flag}}"]),
        ("partials with indentation", ["main": "x\n  {{>p}}\n\t{{> q }}\n  y {{>p}}\n{{#list}}\n    {{>p}}\n{{/list}}", "p": "p1\n{{s}}\np2\n{{#flag}}\nin\n{{/flag}}\n", "q": "q\n  {{>p}}\nend"]),
        ("partial inside a partial, with text after", ["main": "  {{>p}}\n", "p": "a\n  {{>q}}\nb", "q": "{{#list}}\n{{.}}\n{{/list}}"]),
        ("missing partial", ["main": "a{{>nowhere}}b\n  {{>nowhere}}\nc"]),
        ("recursive partial over data", ["main": "{{>tree}}", "tree": "<{{s}}>\n{{#.children}}\n  {{>tree}}\n{{/.children}}\n"]),
        ("set delimiters", ["main": "{{=<% %>=}}<% s %>{{s}}<%#list%>(<%.%>)<%/list%>\n<%={{ }}=%>{{s}}\n{{#a}}{{=| |=}}|s||/a|{{s}}"]),
        ("set delimiters, standalone", ["main": "a\n  {{=[ ]=}}  \n[s]\n[={{ }}=]\nb"]),
        ("transforms", ["main": "{{uppercased(s)}}|{{lowercased(s)}}|{{capitalized(s)}}|{{reversed(s)}}|{{empty(s)}}|{{plusone(n)}}|{{minusone(n)}}|{{equalzero(n)}}|{{even(n)}}|{{odd(n)}}|{{count(list)}}|{{empty(list)}}|{{first(list)}}|{{last(list)}}|{{count(a)}}|{{uppercased(reversed(s))}}"]),
        ("sequence transforms", ["main": "{{#list}}{{index()}}{{plusone(index())}}{{#first()}}F{{/first()}}{{^last()}},{{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{#flag}}{{index()}}{{/flag}}{{#s}}{{index()}}{{/s}}{{/list}}{{index()}}"]),
        ("transform sections", ["main": "{{#empty(list)}}none{{/empty(list)}}{{^empty(list)}}some{{/empty(list)}}{{#first(list)}}<{{.}}>{{/first(list)}}{{#uppercased(s)}}{{.}}{{/uppercased(s)}}{{#nope(s)}}x{{/nope(s)}}{{^nope(s)}}y{{/nope(s)}}"]),
        ("unicode in text and names around tags", ["main": "é{{s}}🙂\n  👩‍👩‍👧 {{#list}} \u{301}{{.}}{{/list}}\nе{{^x}}ж{{/x}}\n"]),
        ("brace text", ["main": "{ } {x} }} {{s}} { {{#flag}}{{/flag}}}\n{ "]),
    ]

    @Test("odd templates, many generated contexts", arguments: oddTemplates.map(\.0))
    func odd(_ label: String) throws {
        let texts = Self.oddTemplates.first { $0.0 == label }!.1
        let set = try TemplateSet(templates: texts)
        #expect(set.mustacheOnly.isEmpty, "\(set.mustacheOnly)")
        var random = SplitMix(seed: UInt64(label.utf8.count) &* 7919)
        var compared = 0
        for round in 0..<300 {
            let context = RandomContexts.context(&random)
            guard let actual = set.renderCompiled("main", context: context) else { continue }
            compared += 1
            let expected = set.renderWithMustache("main", context: context)
            if actual != expected {
                Issue.record("\(label), round \(round): \(Self.firstDifference(expected, actual))\ncontext: \(context.any)")
                return
            }
        }
        #expect(compared > 100)
    }

    @Test("what the compiler leaves to swift-mustache")
    func unsupported() throws {
        let set = try TemplateSet(templates: [
            "parent": "<p>{{$title}}Default{{/title}}</p>",
            "child": "{{<parent}}{{$title}}Mine{{/title}}{{/parent}}",
            "dynamic": "{{>*which}}",
            "pragma": "{{%CONTENT_TYPE:TEXT}}{{s}}",
            "uses": "a {{>child}}",
            "plain": "{{s}}",
        ])
        #expect(Set(set.mustacheOnly.keys) == ["parent", "child", "dynamic", "pragma", "uses"])
        let context: TemplateValue = ["s": "<b>", "which": "plain", "list": ["a", "b"]]
        for name in ["parent", "child", "dynamic", "pragma", "uses"] {
            #expect(set.render(name, context: context) == set.renderWithMustache(name, context: context))
        }
        #expect(set.render("pragma", context: context) == "<b>")
        #expect(set.render("child", context: context) == "<p>Mine</p>")
        // A list printed as a value, or a list reversed, goes to swift-mustache page by page.
        let printing = try TemplateSet(templates: ["main": "{{list}}{{#reversed(list)}}{{.}}{{/reversed(list)}}"])
        #expect(printing.mustacheOnly.isEmpty)
        #expect(printing.renderCompiled("main", context: context) == nil)
        #expect(printing.render("main", context: context) == "[&quot;a&quot;, &quot;b&quot;]ba")
    }

    @Test("HTML escaping goes by character, as swift-mustache's")
    func escaping() throws {
        let set = try TemplateSet(templates: ["main": "{{s}}"])
        for text in ["", "plain", "&<>\"'", "a & b", "<\u{338}", "&\u{301}x", "\u{600}<", "é<", "🙂&🙂", "\r\n<", "<\u{200D}",
                     "e\u{301}'s", "日本&", String(repeating: "<&", count: 100) + "é"] {
            let context: TemplateValue = ["s": .string(text)]
            #expect(set.renderCompiled("main", context: context) == set.renderWithMustache("main", context: context), "\(text.unicodeScalars.map(\.value))")
        }
    }

    // MARK: - Random templates

    @Test("random templates and contexts", arguments: 0..<8)
    func randomTemplates(_ batch: Int) throws {
        var random = SplitMix(seed: 0xC0FFEE &+ UInt64(batch))
        var compared = 0
        var cases = 0
        while cases < 400 {
            var partials: [String: String] = [:]
            for index in 0..<random.below(3) {
                var generator = RandomTemplates(random: random, partials: Array(partials.keys))
                partials["p\(index)"] = generator.template()
                random = generator.random
            }
            var generator = RandomTemplates(random: random, partials: Array(partials.keys) + ["missing"])
            let main = generator.template()
            random = generator.random
            var texts = partials
            texts["main"] = main
            guard let set = try? TemplateSet(templates: texts) else { continue }  // swift-mustache does not parse it
            cases += 1
            #expect(set.mustacheOnly.isEmpty, "\(set.mustacheOnly) for \(texts)")
            for _ in 0..<5 {
                let context = RandomContexts.context(&random)
                guard let actual = set.renderCompiled("main", context: context) else { continue }
                compared += 1
                let expected = set.renderWithMustache("main", context: context)
                if actual != expected {
                    Issue.record("templates \(texts.map { "\($0.key): \($0.value.debugDescription)" })\ncontext \(context.any)\n\(Self.firstDifference(expected, actual))")
                    return
                }
            }
        }
        #expect(compared > 1000)
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = Array(expected.utf8), a = Array(actual.utf8)
        var index = 0
        while index < min(e.count, a.count), e[index] == a[index] { index += 1 }
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, index - 40)..<min(bytes.count, index + 40)], as: UTF8.self).debugDescription
        }
        return "byte \(index): expected \(around(e)), got \(around(a)) (lengths \(e.count), \(a.count))"
    }
}

/// A small deterministic generator (SplitMix64), so a failure names a reproducible case.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Strings with everything escaping and line handling can trip on.
enum HostileText {
    static let pieces = ["a", "word", " ", "  ", "\t", "\n", "\r\n", "\r", "&", "<", ">", "\"", "'", "&amp;", "<\u{338}", "&\u{301}",
                         "\u{600}<", "é", "e\u{301}", "日本", "🙂", "👩‍👩‍👧", "{{", "}}", "{", "0", "-", ".", "<script>", "\u{2028}"]

    static func string(_ random: inout SplitMix) -> String {
        if random.chance(15) { return "" }
        return (0..<(1 + random.below(5))).map { _ in random.pick(pieces) }.joined()
    }
}

/// Contexts shaped like the ones `SiteBuilder` builds, with random strings, optional keys and
/// list lengths (including empty lists).
enum PageContexts {
    static func text(_ random: inout SplitMix) -> TemplateValue { .string(HostileText.string(&random)) }

    static func list(_ random: inout SplitMix, max: Int = 4, _ element: (inout SplitMix) -> TemplateValue) -> TemplateValue {
        .list((0..<random.below(max + 1)).map { _ in element(&random) })
    }

    static func program(_ random: inout SplitMix) -> TemplateValue {
        var program: TemplateValue = ["title": text(&random), "moduleCount": .int(random.below(2000)), "minutes": .int(random.below(9000)),
                                      "duration": text(&random)]
        if random.chance(50) { program["summary"] = text(&random) }
        return program
    }

    static func link(_ random: inout SplitMix) -> TemplateValue { ["href": text(&random), "title": text(&random)] }

    static func context(for name: String, _ random: inout SplitMix) -> TemplateValue {
        switch name {
        case "layout":
            var context: TemplateValue = [
                "lang": "en", "title": text(&random), "siteTitle": text(&random), "organisation": text(&random), "root": text(&random),
                "nav": list(&random) { ["label": text(&$0), "href": text(&$0), "current": .bool($0.chance(30))] },
                "noindex": .bool(random.chance(50)), "scripts": list(&random, max: 2) { text(&$0) }, "content": text(&random),
            ]
            if random.chance(50) { context["description"] = text(&random) }
            return context
        case "home":
            var context: TemplateValue = ["root": "./", "program": program(&random), "organisation": text(&random)]
            context["modules"] = list(&random, max: 5) { random in
                let outcomes = list(&random) { ["text": text(&$0)] }
                return ["href": text(&random), "title": text(&random), "summary": text(&random), "duration": text(&random),
                        "isCrisis": .bool(random.chance(20)), "outcomes": outcomes,
                        "hasOutcomes": .bool(random.chance(80) ? outcomes.isNonEmptyList : random.chance(50))]
            }
            if random.chance(80) { context["firstModule"] = link(&random) }
            if random.chance(60) {
                var certification: TemplateValue = ["requirements": list(&random) { text(&$0) }]
                for key in ["validity", "renewal", "statement"] where random.chance(50) { certification[key] = text(&random) }
                if random.chance(50) { certification["practicumHours"] = .int(random.below(200)) }
                context["certification"] = certification
            }
            return context
        case "module":
            var context: TemplateValue = [
                "root": "../../",
                "module": ["id": text(&random), "title": text(&random), "summary": text(&random), "minutes": .int(random.below(500)),
                           "duration": text(&random), "position": .int(random.below(100)), "count": .int(random.below(100)),
                           "isCrisis": .bool(random.chance(30))],
                "body": text(&random),
            ]
            let outcomes = list(&random) { ["id": text(&$0), "text": text(&$0)] }
            context["outcomes"] = outcomes
            context["hasOutcomes"] = .bool(outcomes.isNonEmptyList)
            let toc = list(&random) { random in
                let children = list(&random, max: 3) { ["id": text(&$0), "text": text(&$0)] }
                return ["id": text(&random), "text": text(&random), "children": children, "hasChildren": .bool(children.isNonEmptyList)]
            }
            context["toc"] = toc
            context["hasToc"] = .bool(toc.isNonEmptyList)
            let requires = list(&random, max: 3) { random in link(&random).merging(["last": .bool(random.chance(50))]) { $1 } }
            context["requires"] = requires
            context["hasRequires"] = .bool(requires.isNonEmptyList)
            if random.chance(30) { context["crisisNotice"] = ["lines": list(&random) { text(&$0) }] }
            let assessments = list(&random, max: 3) { ["id": text(&$0), "title": text(&$0), "kindLabel": text(&$0)] }
            context["assessments"] = assessments
            context["hasAssessments"] = .bool(assessments.isNonEmptyList)
            if random.chance(70) { context["previous"] = link(&random) }
            if random.chance(70) { context["next"] = link(&random) }
            return context
        case "outline":
            return ["root": "../", "program": program(&random), "modules": list(&random, max: 5) { random in
                let sections = list(&random) { ["href": text(&$0), "text": text(&$0)] }
                return ["href": text(&random), "title": text(&random), "summary": text(&random), "duration": text(&random),
                        "sections": sections, "hasSections": .bool(sections.isNonEmptyList)]
            }]
        case "crisis":
            return ["root": "../", "groups": list(&random, max: 3) { random in
                ["code": text(&random), "label": text(&random), "resources": list(&random, max: 3) { random in
                    var entry: TemplateValue = ["service": text(&random), "contact": text(&random), "verified": text(&random),
                                                "channels": text(&random), "hasChannels": .bool(random.chance(50))]
                    if random.chance(50) { entry["hours"] = text(&random) }
                    if random.chance(50) { entry["url"] = text(&random) }
                    return entry
                }]
            }]
        case "credential":
            var fields: TemplateValue = ["id": text(&random), "achievementName": text(&random), "issuerName": text(&random),
                                         "issuedOn": text(&random), "status": text(&random), "statusLabel": text(&random)]
            if random.chance(50) { fields["validUntil"] = text(&random) }
            if random.chance(50) { fields["holderName"] = text(&random) }
            return ["credential": fields, "root": "../../", "pageURL": text(&random), "linkedInURL": text(&random)]
        default:
            return ["root": "../"]
        }
    }
}

extension TemplateValue {
    var isNonEmptyList: Bool {
        if case .list(let items) = self { return !items.isEmpty }
        return false
    }
}

/// Random contexts over a small set of keys, so random templates find what they name. Objects
/// with several keys only sit under keys that templates never print (`a`, `b`, `c`,
/// `children`, `list` holds scalars): swift-mustache prints a dictionary in per-instance order.
enum RandomContexts {
    static let scalarKeys = ["s", "n", "flag", "empty", "zero", "x", "first", "index"]

    static func scalar(_ random: inout SplitMix) -> TemplateValue {
        switch random.below(4) {
        case 0, 1: return .string(HostileText.string(&random))
        case 2: return .int(random.below(21) - 10)
        default: return .bool(random.chance(50))
        }
    }

    static func object(_ random: inout SplitMix, depth: Int) -> TemplateValue {
        var value: TemplateValue = [:]
        for key in scalarKeys where random.chance(40) { value[key] = scalar(&random) }
        if random.chance(50) { value["list"] = .list((0..<random.below(4)).map { _ in scalar(&random) }) }
        if random.chance(20) { value["nothing"] = [] }
        if depth < 3 {
            for key in ["a", "b", "c"] where random.chance(35) {
                value[key] = random.chance(70) ? object(&random, depth: depth + 1)
                    : .list((0..<random.below(4)).map { _ in object(&random, depth: depth + 1) })
            }
            if random.chance(25) {
                value["children"] = .list((0..<random.below(3)).map { _ in object(&random, depth: depth + 1) })
            }
        }
        return value
    }

    static func context(_ random: inout SplitMix) -> TemplateValue {
        var context = object(&random, depth: 0)
        context["empty"] = ""
        context["zero"] = 0
        context["nothing"] = []
        return context
    }
}

/// Random templates: text with line breaks, blanks and braces, tags of every kind with random
/// spacing, sections nested a few deep, partials, comments and set delimiters.
struct RandomTemplates {
    var random: SplitMix
    let partials: [String]
    var open = "{{"
    var close = "}}"

    init(random: SplitMix, partials: [String]) {
        self.random = random
        self.partials = partials
    }

    static let texts = ["\n", "\n", "\n", " ", "  ", "\t", "x", "word ", "\r\n", "é", "{", "}", "<p>", "&"]
    static let sectionNames = ["a", "b", "c", "list", "flag", "s", "n", "empty", "zero", "nothing", "x", "a.b", "a.list", "children",
                               "first()", "empty(list)", "first(list)", "even()", "uppercased(s)", "missing"]
    static let variableNames = ["s", "n", "flag", "x", "empty", "zero", "a.s", "a.b.n", ".", ".s", "missing", "b.flag",
                                "index()", "plusone(index())", "uppercased(s)", "count(list)", "reversed(s)", "a.missing", "first(list)"]

    mutating func space() -> String { random.chance(20) ? random.pick([" ", "  ", "\t"]) : "" }

    mutating func template() -> String { sequence(depth: 0) }

    mutating func sequence(depth: Int) -> String {
        var out = ""
        for _ in 0..<random.below(depth == 0 ? 12 : 6) {
            switch random.below(20) {
            case 0...5:
                out += random.pick(Self.texts)
            case 6...8:
                out += open + space() + random.pick(Self.variableNames) + space() + close
            case 9:
                let triple = random.chance(50)
                out += open + (triple ? "{" : "&") + space() + random.pick(Self.variableNames) + space() + close + (triple ? "}" : "")
            case 10...13 where depth < 3:
                let name = random.pick(Self.sectionNames)
                let kind = random.chance(70) ? "#" : "^"
                let (outerOpen, outerClose) = (open, close)
                out += lineBreakMaybe() + open + kind + name + close + lineBreakMaybe()
                out += sequence(depth: depth + 1)
                out += lineBreakMaybe() + open + "/" + name + close + lineBreakMaybe()
                (open, close) = (outerOpen, outerClose)  // delimiters set inside a section end with it
            case 14 where !partials.isEmpty:
                out += lineBreakMaybe() + open + ">" + space() + random.pick(partials) + space() + close + lineBreakMaybe()
            case 15:
                out += lineBreakMaybe() + open + "!" + random.pick([" note ", "", "a\nb", " {{x}} "]) + close + lineBreakMaybe()
            case 16 where random.chance(30):
                let (newOpen, newClose) = random.pick([("<%", "%>"), ("[", "]"), ("{{", "}}"), ("|", "|")])
                out += lineBreakMaybe() + open + "=" + space() + newOpen + " " + newClose + space() + "=" + close + lineBreakMaybe()
                (open, close) = (newOpen, newClose)
            default:
                out += random.pick(["\n", " ", "y"])
            }
        }
        return out
    }

    /// A line break with some blanks around it, half of the time: tags then often stand alone.
    mutating func lineBreakMaybe() -> String {
        guard random.chance(50) else { return "" }
        return random.pick(["\n", "\n  ", " \n", "\r\n", "\n\t"])
    }
}
