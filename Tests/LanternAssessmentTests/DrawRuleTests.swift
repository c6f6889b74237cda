import Foundation
import LanternAssessment
import LanternDiagnostics
import Testing

@Suite("Draw rules")
struct DrawRuleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("every safety-critical question of every shipped quiz is presented in every seeded attempt")
    func shippedQuizzesAlwaysPresentCriticalQuestions() throws {
        let checked = AssessmentCheck.check(at: Fixture.repositoryRoot)
        #expect(!checked.quizzes.isEmpty)
        for quiz in checked.quizzes {
            let critical = Set(quiz.questions.filter(\.isCritical).map(\.id))
            for seed in UInt64(0)..<500 {
                let attempt = try quiz.startAttempt(seed: seed &* 0x9E37_79B9, at: start)
                let presented = Set(attempt.questions.map(\.questionID))
                #expect(critical.isSubset(of: presented), "quiz \(quiz.id), seed \(seed): missing \(critical.subtracting(presented).sorted())")
                if let draw = quiz.settings.draw { #expect(attempt.questions.count == max(draw.count, critical.count)) }
            }
        }
    }

    static let bank = """
    ## A {#a critical outcome=lo1}

    - [x] yes
    - [ ] no

    ## B {#b outcome=lo1 tags=firearms,means-safety}

    - [x] yes
    - [ ] no

    ## C {#c outcome=lo2}

    - [x] yes
    - [ ] no

    ## D {#d outcome=lo2 tags=means-safety}

    - [x] yes
    - [ ] no

    ## E {#e outcome=lo3}

    - [x] yes
    - [ ] no

    ## F {#f outcome=lo1}

    - [x] yes
    - [ ] no

    ## G {#g outcome=lo1}

    - [x] yes
    - [ ] no

    """

    @Test("the mapping form draws critical questions, then per-outcome and per-tag minimums, then the rest")
    func mappingForm() throws {
        let (parsed, diagnostics) = Fixture.parse(Fixture.quiz(Self.bank, extra: """
        shuffle: true
        draw:
          count: 5
          per_outcome: 1
          per_tag:
            firearms: 1
            means-safety: 2

        """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let quiz = try #require(parsed)
        #expect(quiz.settings.draw == DrawRule(count: 5, perOutcome: 1, perTag: [.init(tag: "firearms", minimum: 1), .init(tag: "means-safety", minimum: 2)]))
        #expect(quiz.question("b")?.tags == ["firearms", "means-safety"])
        var seenSets = Set<[String]>()
        for seed in UInt64(0)..<300 {
            let attempt = try quiz.startAttempt(seed: seed, at: start)
            let ids = attempt.questions.map(\.questionID)
            #expect(ids.count == 5)
            #expect(Set(ids).count == 5)
            #expect(ids.contains("a"))
            let questions = ids.compactMap(quiz.question)
            for outcome in ["lo1", "lo2", "lo3"] { #expect(questions.contains { $0.outcomes.contains(outcome) }, "seed \(seed) lacks \(outcome)") }
            #expect(questions.contains { $0.tags.contains("firearms") })
            #expect(questions.filter { $0.tags.contains("means-safety") }.count >= 2)
            seenSets.insert(ids.sorted())
        }
        // The rest is drawn at random: both f and g are left out of some attempts.
        #expect(seenSets.count > 1)
    }

    @Test("a rule the bank cannot satisfy is an error at the rule's line", arguments: [
        ("draw: 1\n", "## X {#x critical}\n\n- [x] a\n- [ ] b\n\n## Y {#y critical}\n\n- [x] a\n- [ ] b\n\n## Z {#z}\n\n- [x] a\n- [ ] b\n",
         "assessments/q.md:7:7: error: the quiz has 2 safety-critical questions, more than the 1 drawn per attempt; every critical question is always drawn"),
        ("draw:\n  count: 2\n  per_outcome: 2\n", "## X {#x outcome=lo1}\n\n- [x] a\n- [ ] b\n\n## Y {#y outcome=lo2}\n\n- [x] a\n- [ ] b\n\n## Z {#z outcome=lo2}\n\n- [x] a\n- [ ] b\n",
         "assessments/q.md:9:16: error: 'per_outcome: 2' cannot be met: only 1 question tests outcome 'lo1'"),
        ("draw:\n  count: 2\n  per_tag:\n    firearms: 1\n", "## X {#x tags=means}\n\n- [x] a\n- [ ] b\n\n## Y {#y}\n\n- [x] a\n- [ ] b\n\n## Z {#z}\n\n- [x] a\n- [ ] b\n",
         "assessments/q.md:10:5: error: no question has the tag 'firearms'"),
        ("draw:\n  count: 2\n  per_tag:\n    means: 3\n", "## X {#x tags=means}\n\n- [x] a\n- [ ] b\n\n## Y {#y tags=means}\n\n- [x] a\n- [ ] b\n\n## Z {#z}\n\n- [x] a\n- [ ] b\n",
         "assessments/q.md:10:5: error: 'means: 3' cannot be met: only 2 questions have that tag"),
        ("draw:\n  count: 2\n  per_outcome: 1\n", "## X {#x critical outcome=lo1}\n\n- [x] a\n- [ ] b\n\n## Y {#y outcome=lo2}\n\n- [x] a\n- [ ] b\n\n## Z {#z outcome=lo3}\n\n- [x] a\n- [ ] b\n\n## W {#w outcome=lo3}\n\n- [x] a\n- [ ] b\n",
         "assessments/q.md:8:10: error: the critical questions and the minimums can need 3 questions, more than the 2 drawn per attempt"),
        ("draw:\n  count: 9\n", "## X {#x}\n\n- [x] a\n- [ ] b\n",
         "assessments/q.md:8:10: error: 'draw: 9' is more than the 1 question in the quiz"),
    ])
    func unsatisfiable(extra: String, body: String, expected: String) {
        let (_, diagnostics) = Fixture.parse(Fixture.quiz(body, extra: extra))
        #expect(diagnostics.map(\.description).contains { $0.hasPrefix(expected) }, "\(diagnostics.map(\.description))")
        #expect(diagnostics.filter { $0.severity == .error }.count == 1, "\(diagnostics.map(\.description))")
    }

    @Test("tags are checked as names, and a quiz written back keeps its tags and draw rule")
    func tagsRoundTrip() throws {
        let (_, bad) = Fixture.parse(Fixture.quiz("## X {#x tags=ok,Not_OK}\n\n- [x] a\n- [ ] b\n"))
        #expect(bad.contains { $0.location?.column == 18 && $0.severity == .error }, "\(bad.map(\.description))")
        let (parsed, _) = Fixture.parse(Fixture.quiz(Self.bank, extra: "wait: 24h\ndraw:\n  count: 5\n  per_outcome: 1\n  per_tag:\n    firearms: 1\n"))
        let quiz = try #require(parsed)
        #expect(quiz.settings.wait == 24 * 3600)
        let (again, diagnostics) = Fixture.parse(QuizWriter.markdown(quiz))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(again?.settings == quiz.settings)
        #expect(again?.questions.map(\.tags) == quiz.questions.map(\.tags))
    }
}
