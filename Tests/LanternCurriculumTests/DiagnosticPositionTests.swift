import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternTestSupport
import Testing

/// Each case breaks one file of the sample workspace; a marker shows where the problem must be
/// reported, and the diagnostic's code says which problem it is.
@Suite("Diagnostics land at the right place")
struct DiagnosticPositionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var marked: String
        var code: String
        var severity: Diagnostic.Severity = .error
        var messageContains: String? = nil
        var hintContains: String? = nil
        var testDescription: String { name }
    }

    static let intro = "curriculum/intro.md"
    static let frontMatterEnd = "outcomes:\n  - id: lo1\n    text: Say what peer support is.\nassessments: [intro-quiz]\n---\n"

    static func module(_ frontMatter: String, body: String = "\n# What peer support is\n\nText.\n") -> String {
        "---\n" + frontMatter + body
    }

    static let cases: [Case] = [
        Case(name: "unknown key with a suggestion", file: intro,
             marked: module("id: intro\n1️⃣titel: Introduction\nsummary: s\nminutes: 30\n" + frontMatterEnd),
             code: "unknown-key", messageContains: "'titel'", hintContains: "did you mean 'title'?"),
        Case(name: "wrong type for minutes", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 1️⃣thirty\n" + frontMatterEnd),
             code: "wrong-type", messageContains: "whole number"),
        Case(name: "a list where text belongs", file: intro,
             marked: module("id: intro\ntitle: 1️⃣[a, b]\nsummary: s\nminutes: 30\n" + frontMatterEnd),
             code: "wrong-type", messageContains: "'title' should be text"),
        Case(name: "missing required key, reported at the front matter", file: intro,
             marked: module("1️⃣id: intro\ntitle: T\nminutes: 30\n" + frontMatterEnd),
             code: "missing-key", messageContains: "'summary'"),
        Case(name: "id with a path in it", file: intro,
             marked: module("id: 1️⃣../intro\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd),
             code: "invalid-id", messageContains: "must not contain a path"),
        Case(name: "id with upper case", file: intro,
             marked: module("id: 1️⃣Intro\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd),
             code: "invalid-id", messageContains: "lower case", hintContains: "'intro'"),
        Case(name: "id with a space", file: intro,
             marked: module("id: 1️⃣\"my intro\"\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd),
             code: "invalid-id", messageContains: "spaces"),
        Case(name: "id that differs from the file name", file: intro,
             marked: module("id: 1️⃣introduction\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd),
             code: "id-mismatch"),
        Case(name: "duplicate YAML key", file: intro,
             marked: module("id: intro\ntitle: T\n1️⃣title: U\nsummary: s\nminutes: 30\n" + frontMatterEnd),
             code: "duplicate-key", messageContains: "'title' (first at line 3)"),
        Case(name: "duplicate outcome id", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\noutcomes:\n  - id: lo1\n    text: a\n  - id: 1️⃣lo1\n    text: b\nassessments: [intro-quiz]\n---\n# H\n"),
             code: "duplicate-id"),
        Case(name: "link to a module that does not exist", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd, body: "\n# H\n\nRead 1️⃣[this](listenin.md) next.\n"),
             code: "broken-link", messageContains: "'listenin.md'", hintContains: "did you mean 'listening'?"),
        Case(name: "link to a heading that does not exist", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd, body: "\n# H\n\n- item 1️⃣[x](listening.md#closed-questions)\n"),
             code: "broken-link", messageContains: "#closed-questions"),
        Case(name: "image that does not exist", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd, body: "\n# H\n\n> Quote 1️⃣![A bench](images/bench.png)\n"),
             code: "broken-link", messageContains: "images/bench.png"),
        Case(name: "image without alt text", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd, body: "\n# H\n\nSee 1️⃣![](https://example.org/a.png)\n"),
             code: "missing-alt-text"),
        Case(name: "link that escapes the workspace", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd, body: "\n# H\n\n1️⃣[x](../../etc/passwd)\n"),
             code: "broken-link", messageContains: "outside"),
        Case(name: "javascript link", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\n" + frontMatterEnd, body: "\n# H\n\nText 1️⃣[x](javascript:alert(1))\n"),
             code: "unsafe-link"),
        Case(name: "required module that does not exist", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\nrequires: [1️⃣basics]\n" + frontMatterEnd),
             code: "unknown-module"),
        Case(name: "prerequisite cycle", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\nrequires: [1️⃣listening]\n" + frontMatterEnd),
             code: "prerequisite-cycle", messageContains: "intro → listening → intro"),
        Case(name: "assessment that does not exist", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\nminutes: 30\noutcomes: [a]\nassessments: [intro-quiz, 1️⃣intro-checklist]\n---\n# H\n"),
             code: "unknown-assessment"),
        Case(name: "YAML syntax error at its line", file: intro,
             marked: module("id: intro\ntitle: T\nsummary: s\n1️⃣minutes 30\n" + frontMatterEnd),
             code: "yaml-syntax"),
        Case(name: "module listed in the program with no file", file: "curriculum/program.yml",
             marked: "id: test-program\ntitle: Test Program\nmodules: [intro, listening, 1️⃣ghost]\n",
             code: "missing-module", messageContains: "'ghost'"),
        Case(name: "module listed twice", file: "curriculum/program.yml",
             marked: "id: test-program\ntitle: Test Program\nmodules:\n  - intro\n  - listening\n  - 1️⃣intro\n",
             code: "duplicate-id"),
        Case(name: "module file in no program", file: "curriculum/program.yml",
             marked: "id: test-program\ntitle: Test Program\nmodules: [intro]\n",
             code: "unlisted-module", severity: .warning),
        Case(name: "unknown key in lantern.yml", file: "lantern.yml",
             marked: "organisation:\n  name: Org\n  1️⃣urll: https://example.org/\nsite:\n  base_url: https://t.example.org/\n",
             code: "unknown-key", hintContains: "'url'"),
        Case(name: "assessment that belongs to a missing module", file: "assessments/intro-quiz.md",
             marked: "---\nid: intro-quiz\nkind: quiz\nmodule: 1️⃣intr\ntitle: Q\npass: 80%\n---\n",
             code: "unknown-module", hintContains: "'intro'"),
        Case(name: "stale crisis resource", file: "curriculum/crisis-resources.yml",
             marked: "resources:\n  - country: US\n    service: S\n    contact: C\n    source: https://example.org/\n    verified: 1️⃣2020-01-01\n",
             code: "stale-crisis-resource", severity: .warning),
        Case(name: "bad certificate period", file: "curriculum/program.yml",
             marked: "id: test-program\ntitle: T\nmodules: [intro, listening]\ncertificate:\n  valid_for: 1️⃣forever\n",
             code: "invalid-value"),
    ]

    @Test("each problem is reported at its marker", arguments: cases)
    func reportedAtMarker(_ testCase: Case) throws {
        let workspace = try SampleWorkspace.create()
        let marked = MarkedText(testCase.marked)
        try workspace.write(testCase.file, marked.text)
        if testCase.code == "unlisted-module" {
            // The marker-less case: the whole file is the place.
        }
        let result = WorkspaceLoader(today: Self.today).load(at: workspace.url)
        let matching = result.diagnostics.filter { $0.code == testCase.code && $0.severity == testCase.severity }
        let diagnostic = try #require(matching.first, "no \(testCase.code) in \(result.diagnostics.map(\.description))")
        let expected = marked.markers.isEmpty
            ? "curriculum/listening.md:1:1"
            : marked.location("1️⃣", in: testCase.file)
        #expect(diagnostic.location?.description == expected, "\(diagnostic)")
        if let text = testCase.messageContains { #expect(diagnostic.message.contains(text), "\(diagnostic.message)") }
        if let text = testCase.hintContains { #expect(diagnostic.hint?.contains(text) == true, "\(diagnostic.hint ?? "no hint")") }
        // A problem in one place never hides the rest of the workspace.
        #expect(result.workspace != nil || testCase.file == "lantern.yml")
    }

    static let today: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: 22))!
    }()

    @Test("the sample workspace has no diagnostics at all")
    func sampleIsClean() throws {
        let workspace = try SampleWorkspace.create()
        let result = WorkspaceLoader(today: Self.today).load(at: workspace.url)
        // But for the two placeholder addresses (example.org) every sample carries.
        #expect(result.diagnostics.map(\.code) == ["placeholder-address", "placeholder-address"], "\(result.diagnostics)")
        #expect(result.workspace?.modules.map(\.id) == ["intro", "listening"])
        #expect(result.workspace?.assessments.count == 2)
    }

    @Test("several problems are all reported, sorted by place")
    func everyProblemReported() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("curriculum/intro.md", "---\nid: Intro\ntitel: x\nminutes: lots\noutcomes: [a]\n---\n[x](nowhere.md)\n")
        try workspace.write("curriculum/program.yml", "id: p\ntitle: P\nmodules: [intro, listening, ghost]\n")
        let diagnostics = WorkspaceLoader(today: Self.today).load(at: workspace.url).diagnostics
        let codes = Set(diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["invalid-id", "unknown-key", "wrong-type", "missing-key", "broken-link", "missing-module"]))
        #expect(diagnostics == Diagnostic.sorted(diagnostics))
    }
}
