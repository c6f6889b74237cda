import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import Testing

@Suite("Quiz and checklist syntax")
struct ParserTests {
    @Test("every real assessment in the repository parses with no problem")
    func repositoryAssessments() throws {
        let checked = AssessmentCheck.check(at: Fixture.repositoryRoot)
        // lantern.yml's example addresses are placeholders (a warning, issue 16); nothing else.
        #expect(checked.diagnostics.allSatisfy { $0.code == "placeholder-address" }, "\(checked.diagnostics.map(\.description))")
        let workspace = try #require(checked.workspace)
        #expect(checked.quizzes.count + checked.checklists.count == workspace.assessments.count)
        for quiz in checked.quizzes {
            #expect(quiz.questions.count >= 8, "\(quiz.id)")
            #expect(quiz.questions.allSatisfy { !$0.prompt.isEmpty })
        }
        let communication = try #require(checked.quiz("communication-quiz"))
        let matching = try #require(communication.question("match-roadblocks"))
        #expect(matching.type == .matching)
        #expect(matching.pairs.count == 5)
        #expect(matching.distractors == ["Validating"])
        #expect(matching.generalFeedback?.hasPrefix("Moralising tells") == true)
        let reflect = try #require(communication.question("reflect"))
        // One keyed option among four (where it sits is the author's choice: options are balanced against cues).
        #expect(reflect.choices.count == 4)
        #expect(reflect.choices.filter { $0.credit == .one }.count == 1)
        #expect(reflect.choices.filter { $0.credit == .zero }.count == 3)
        #expect(reflect.choices.first { $0.credit == .one }?.feedback
                == "Yes. This gives back both what happened and how it felt, in your own words, without judging.")
        #expect(reflect.outcomes == ["lo1"])
        #expect(communication.settings.draw == 8)
        #expect(communication.settings.bands.count == 2)
        let listening = try #require(checked.checklist("active-listening"))
        #expect(listening.criteria.count == 8)
        #expect(listening.passLevel == "competent")
        #expect(listening.occasions == 2)
    }

    @Test("question types, flags and credits are read from the heading and the options")
    func features() throws {
        let quiz = try #require(Fixture.parse(Fixture.quiz("""
        Intro text.

        ## Pick the right ones {#pick type=multi points=2 critical outcome=lo1,lo2}

        A longer scenario.

        - [x] one
          > feedback one
        - [x] two
        - [ ] three
        - [-50%] four

        > General feedback.

        ## Spell it {#spell type=short case}

        = Paraphrasing
        = paraphras*

        ## How many? {#count}

        = 6 ± 0.5
        = 5..7

        ## Order {#order type=ordering partial=sequence}

        1. a
        2. b
        3. c

        ## Recovery means symptoms are gone.   {#tf}

        - [ ] True
        - [x] False
        """)).0)
        #expect(quiz.introduction == "Intro text.")
        let pick = try #require(quiz.question("pick"))
        #expect(pick.type == .multi && pick.points == 2 && pick.isCritical && pick.outcomes == ["lo1", "lo2"])
        #expect(pick.details == "A longer scenario.")
        #expect(pick.choices.map(\.credit) == [Fraction(1, 2), Fraction(1, 2), Fraction(-1, 2), Fraction(-1, 2)])
        #expect(pick.choices[0].feedback == "feedback one")
        #expect(pick.generalFeedback == "General feedback.")
        let spell = try #require(quiz.question("spell"))
        #expect(spell.caseSensitive && spell.shortAnswers.map(\.pattern) == ["Paraphrasing", "paraphras*"])
        #expect(quiz.question("count")?.type == .numeric)
        #expect(quiz.question("count")?.numericAnswers.map(\.target) == [.value(6, tolerance: 0.5), .range(5, 7)])
        #expect(quiz.question("order")?.orderingCredit == .sequence)
        #expect(quiz.question("order")?.items.map(\.text) == ["a", "b", "c"])
        #expect(quiz.question("tf")?.type == .truefalse)
    }

    /// Broken files: each mistake must be reported at the exact line and column (the body
    /// starts on line 9: eight front matter lines and a blank line).
    @Test("authoring mistakes are reported where they are", arguments: [
        ("## Q {#a}\n\n- [ ] one\n- [ ] two\n", "assessments/q.md:9:1: error: question 'a' has no correct answer"),
        ("## Q {#a}\n\n- [x] one\n- [x] two\n", "assessments/q.md:12:1: error: single-choice question 'a' has more than one correct answer"),
        ("## Q {#a type=multi}\n\n- [x] one\n- [x] two\n", "assessments/q.md:9:1: error: in multiple-response question 'a', selecting every option scores 100%"),
        ("## Q {#a type=multi}\n\n- [50%] one\n- [50%] two\n- [0%] three\n", "assessments/q.md:9:1: error: in multiple-response question 'a', selecting every option scores 100%"),
        ("## Q {#a type=numeric}\n\n= six\n", "assessments/q.md:11:1: error: numeric answer 'six' is not a number"),
        ("## Q {#a type=numeric}\n\n- [x] 6\n- [50%] about 6\n", "assessments/q.md:12:1: error: numeric answer 'about 6' is not a number"),
        ("## Q {#a}\n\n- [x] one\n- [ ] two\n\n## R {#a}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:14:7: error: question id 'a' is used twice in this quiz (first at line 9)"),
        ("## Q {#a type=choise}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:9:15: error: unknown question type 'choise'"),
        ("## Q {#a critcal}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:9:10: error: unknown question attribute 'critcal'"),
        ("## Q\n\n- [x] one\n- [ ] two\n", "assessments/q.md:9:1: error: the question has no id"),
        ("## Q {#a}\n\n- [x] one\n- two\n", "assessments/q.md:12:1: error: this answer has no [x] or [ ] in front of it"),
        ("## Q {#a}\n\n- [x] one\n- [maybe] two\n", "assessments/q.md:12:1: error: '[maybe]' is not a credit"),
        ("## Q {#a type=truefalse}\n\n- [x] True\n- [x] False\n", "assessments/q.md:9:1: error: true/false question 'a' needs exactly one of True and False marked [x]"),
        ("## Q {#a type=short}\n\n- [ ] nothing\n", "assessments/q.md:9:1: error: question 'a' has no answer that gets full marks"),
        ("## Q {#a type=matching}\n\n- one -> 1\n", "assessments/q.md:9:1: error: matching question 'a' needs at least two pairs"),
        ("## Q {#a type=matching}\n\n- one -> 1\n- two 2\n", "assessments/q.md:12:1: error: expected 'prompt -> answer'"),
        ("## Q {#a type=ordering}\n\n1. only\n", "assessments/q.md:9:1: error: ordering question 'a' needs at least two items"),
        ("## Q {#a}\n\n", "assessments/q.md:9:1: error: question 'a' has no answers"),
        ("## Q {#a}\n\n- [x] one\n- [ ]\n", "assessments/q.md:12:1: error: this option has no text"),
        ("## Q {#a partial=position}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:9:18: error: 'partial=' applies only to ordering questions"),
        ("## Q {#a points=0}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:9:17: error: 'points' should be a whole number from 1 to 1000, not '0'"),
        ("## Q {#Bad_Id}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:9:7: error: question id 'Bad_Id' is not a valid id: it must be lower case"),
        ("## Q {#a}\n\n- [x] one\n- [ ] two\n\nMore text.\n", "assessments/q.md:14:1: error: text after the answers of question 'a'"),
    ])
    func mistakes(body: String, expected: String) {
        let (_, diagnostics) = Fixture.parse(Fixture.quiz(body))
        #expect(diagnostics.map(\.description).contains(expected), "got \(diagnostics.map(\.description))")
    }

    @Test("front matter mistakes", arguments: [
        ("draw: 3\n", "## Q {#a}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:7:7: error: 'draw: 3' is more than the 1 question in the quiz"),
        ("shufle: true\n", "## Q {#a}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:7:1: error: unknown key 'shufle' in quiz front matter"),
        ("grading: best\n", "## Q {#a}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:7:10: error: 'grading' should be highest, average, first or last, not 'best'"),
        ("time_limit: soon\n", "## Q {#a}\n\n- [x] one\n- [ ] two\n", "assessments/q.md:7:13: error: 'time_limit' should be a time such as 30m, 90s or 1h, not 'soon'"),
    ])
    func frontMatter(extra: String, body: String, expected: String) {
        let (_, diagnostics) = Fixture.parse(Fixture.quiz(body, extra: extra))
        #expect(diagnostics.map(\.description).contains(expected), "got \(diagnostics.map(\.description))")
    }

    @Test("checklists: requirements, ids and mistakes")
    func checklist() throws {
        let text = """
        ---
        id: c
        kind: checklist
        module: m
        title: Listening
        occasions: 2
        scale: [not-yet, with-prompting, competent]
        pass_level: competent
        methods: [role-play]
        ---

        Instructions.

        - (critical) Explains confidentiality. {#confidentiality}
        - Uses open questions. {#open}
        - (optional) Adapts pace. {#pace}
          > Look for slower speech.
        - Summarises.
        - Reflects. {#open}
        """
        let engine = DiagnosticsEngine()
        let source = try #require(AssessmentSource.read(SourceText(displayPath: "assessments/c.md", text: text), fileID: "c",
                                                        relativePath: "assessments/c.md", engine: engine))
        let checklist = try #require(ChecklistParser.parse(source, engine: engine))
        #expect(checklist.criteria.map(\.requirement) == [.critical, .required, .optional, .required])
        #expect(checklist.criteria[2].guidance == "Look for slower speech.")
        #expect(checklist.instructions == "Instructions.")
        let messages = engine.diagnostics.map(\.description)
        #expect(messages.contains("assessments/c.md:18:1: error: the criterion has no id"))
        #expect(messages.contains("assessments/c.md:19:1: error: criterion id 'open' is used twice in this checklist (first at line 15)"))
    }
}
