import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import Testing

/// Checklist descriptors, N/A and assessor roles (issue 17; syntax in docs/decisions.md).
@Suite("Checklist descriptors and N/A")
struct ChecklistDescriptorTests {
    static func parse(_ frontMatter: String, _ body: String) throws -> (Checklist?, [String]) {
        let text = "---\nid: c\nkind: checklist\nmodule: m\ntitle: Asking\nscale: [not-yet, with-prompting, competent]\n\(frontMatter)---\n\n\(body)"
        let engine = DiagnosticsEngine()
        let source = try #require(AssessmentSource.read(SourceText(displayPath: "assessments/c.md", text: text), fileID: "c",
                                                        relativePath: "assessments/c.md", engine: engine))
        let checklist = ChecklistParser.parse(source, engine: engine)
        return (checklist, Diagnostic.sorted(engine.diagnostics).map(\.description))
    }

    @Test("levels, per-criterion descriptors, n/a and assessor roles are read")
    func reads() throws {
        let (checklist, messages) = try Self.parse("""
            levels:
              not-yet: Did not do it.
              with-prompting: Did it after a hint.
              competent: Did it without a hint.
            assessors: [supervisor]

            """, """
            - (critical) Asks directly about suicide. {#asks}
              > Listen for the word.
              - competent: Uses the word "suicide".
              - not-yet: Hints, or asks in a way that expects "no".
            - Offers an interpreter when needed. {#interpreter n/a}

            """)
        #expect(messages.isEmpty, "\(messages)")
        let list = try #require(checklist)
        let asks = try #require(list.criterion("asks"))
        #expect(asks.guidance == "Listen for the word.")
        #expect(asks.text == "Asks directly about suicide.")
        #expect(list.descriptor(of: "competent", for: asks) == "Uses the word \"suicide\".")
        #expect(list.descriptor(of: "with-prompting", for: asks) == "Did it after a hint.", "the checklist's own where the criterion has none")
        #expect(list.criterion("interpreter")?.allowsNotApplicable == true)
        #expect(asks.allowsNotApplicable == false)
        #expect(list.assessorRoles == ["supervisor"])
    }

    @Test("mistakes are reported at their line", arguments: [
        ("levels:\n  competant: Did it.\n", "- Asks. {#asks}\n",
         "assessments/c.md:8:3: error: 'levels' describes 'competant', which is not on the scale"),
        ("", "- Asks. {#asks}\n  - great: Did it.\n",
         "assessments/c.md:10:3: error: 'great' is not on the scale"),
        ("", "- Asks. {#asks}\n  - a sub-point without a level\n",
         "assessments/c.md:10:3: error: a line under a criterion should be 'level: what it means'"),
        ("assessors: [observer]\n", "- Asks. {#asks}\n",
         "assessments/c.md:7:13: error: 'observer' is not an assessor role"),
        ("levels:\n  competent: Did it.\n", "- Asks. {#asks}\n",
         "assessments/c.md:7:1: warning: 'levels' does not say what 'not-yet', 'with-prompting' means"),
        ("", "- Asks. {#asks}\n  - competent: Did it.\n",
         "assessments/c.md:9:1: warning: criterion 'asks' has no descriptor for 'not-yet', 'with-prompting'"),
        ("", "- (critical) Asks. {#asks n/a}\n",
         "assessments/c.md:9:1: warning: critical criterion 'asks' may be rated n/a, but n/a never counts as a pass for it"),
    ])
    func mistakes(frontMatter: String, body: String, expected: String) throws {
        let (_, messages) = try Self.parse(frontMatter, body)
        #expect(messages.contains(expected), "got \(messages)")
    }

    let checklist = Checklist(id: "c", moduleID: "m", title: "C", occasions: 2, scale: ["not-yet", "competent"], passLevel: "competent",
                              criteria: [Criterion(id: "safe", text: "Safe", requirement: .critical, allowsNotApplicable: true),
                                         Criterion(id: "interpreter", text: "Interpreter", allowsNotApplicable: true),
                                         Criterion(id: "open", text: "Open")])

    func observation(_ id: String, day: Int, _ ratings: [String: String]) -> Observation {
        Observation(id: id, checklistID: "c", traineeID: "t", assessorID: "a", date: Date(timeIntervalSince1970: Double(day) * 86_400),
                    method: "role-play", ratings: ratings)
    }

    @Test("n/a on a required criterion that allows it neither passes nor fails: the occasion still counts")
    func notApplicableRequired() {
        let ratings = ["safe": "competent", "interpreter": "n/a", "open": "competent"]
        #expect(checklist.isCompetentOccasion(ratings))
        let outcome = checklist.evaluate([observation("o1", day: 1, ratings), observation("o2", day: 3, ratings)])
        #expect(outcome.status == .competent, "\(outcome.gaps)")
    }

    @Test("n/a never counts as a pass for a critical criterion, on an occasion or in the latest observation")
    func notApplicableCritical() {
        let seen = ["safe": "competent", "interpreter": "competent", "open": "competent"]
        let notSeen = ["safe": "n/a", "interpreter": "competent", "open": "competent"]
        #expect(!checklist.isCompetentOccasion(notSeen))
        let outcome = checklist.evaluate([observation("o1", day: 1, seen), observation("o2", day: 3, seen), observation("o3", day: 5, notSeen)])
        #expect(outcome.status == .notYet)
        #expect(outcome.gaps.map(\.message) == ["critical criterion 'safe' was rated n/a in the latest observation (n/a never counts as a pass for a critical criterion)"])
    }

    @Test("n/a on a criterion the checklist does not mark n/a is not a pass")
    func notApplicableNotAllowed() {
        #expect(!checklist.isCompetentOccasion(["safe": "competent", "interpreter": "competent", "open": "n/a"]))
    }
}
