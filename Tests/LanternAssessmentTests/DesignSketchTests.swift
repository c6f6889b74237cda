import Foundation
import LanternAssessment
import LanternDiagnostics
import Testing

/// The quiz sketched in the design notes (`shared/design/formats.md`) is what trainers will copy
/// first: it must parse exactly as written, with the types and flags it implies.
@Suite("The design sketch's quiz")
struct DesignSketchTests {
    static let sketch = """
    ---
    id: communication-quiz
    kind: quiz
    module: communication
    title: Communication — knowledge check
    pass: 80%
    attempts: 3            # 0 = unlimited
    grading: highest       # highest | average | first | last
    shuffle: true          # options shuffled per attempt, with a stored seed
    draw: 5                # optional: draw 5 of the questions per attempt
    time_limit: 30m        # optional
    ---

    ## Sam says: "Nobody at the clinic listens." Which reply is a reflection? {#reflect critical}

    - [ ] "You should ask for a new doctor."
      > That is advice; Sam has not asked for it.
    - [x] "It sounds like you've felt brushed off when you spoke up."
      > Yes: it names what Sam feels without judging.
    - [ ] "I'm sure they are doing their best."
      > Reassurance can tell Sam the feeling is wrong.

    ## Which of these are open questions? {#open type=multi}

    - [x] "What was that week like for you?"
    - [x] "How would you like things to be?"
    - [ ] "Did you take your medication?"

    ## Recovery means that symptoms have gone. {#recovery-tf}

    - [ ] True
    - [x] False

    ## Repeating back, in your own words, the essence of what someone said is called… {#para type=short}

    = paraphrasing
    = paraphras*

    ## How many steps does the safety plan in this module have? {#steps type=number}

    = 6 ± 0

    """

    @Test("parses with no diagnostics and the expected questions")
    func parses() throws {
        let (quiz, diagnostics) = Fixture.parse(Self.sketch, path: "assessments/communication-quiz.md")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(quiz)
        #expect(parsed.questions.map(\.id) == ["reflect", "open", "recovery-tf", "para", "steps"])
        #expect(parsed.questions.first?.isCritical == true)
    }

    @Test("grades the right answers as full marks and a wrong critical answer as a fail")
    func grades() throws {
        let (quiz, _) = Fixture.parse(Self.sketch, path: "assessments/communication-quiz.md")
        let parsed = try #require(quiz)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let right = try AnswersFile.parse("reflect: 2\nopen: [1, 2]\nrecovery-tf: false\npara: Paraphrasing\nsteps: 6\n",
                                          path: "answers.yml", quiz: parsed)
        let perfect = try parsed.take(seed: 7, answers: right, startedAt: start, submittedAt: start.addingTimeInterval(60)).result
        #expect(perfect.passed)
        #expect(perfect.total == Fraction(1))
        var wrong = right
        wrong["reflect"] = try AnswersFile.parse("reflect: 1\n", path: "answers.yml", quiz: parsed)["reflect"]
        let failed = try parsed.take(seed: 7, answers: wrong, startedAt: start, submittedAt: start.addingTimeInterval(60)).result
        #expect(!failed.passed)
        #expect(failed.failedCritical == ["reflect"])
    }
}
