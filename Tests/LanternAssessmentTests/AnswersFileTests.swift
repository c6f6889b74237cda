import Foundation
import LanternAssessment
import LanternDiagnostics
import Testing

@Suite("Answers files")
struct AnswersFileTests {
    static let body = """
    ## Which? {#single}

    - [ ] "first"
    - [x] "second"

    ## Which ones? {#multi type=multi}

    - [x] a
    - [x] b
    - [ ] c

    ## Recovery means symptoms are gone. {#tf}

    - [ ] True
    - [x] False

    ## Word? {#word type=short}

    = summaries

    ## Number? {#number type=numeric}

    = 6 ± 0.5

    ## Match {#match type=matching}

    - one -> 1
    - two -> 2

    ## Order {#order type=ordering}

    1. a
    2. b
    3. c
    """

    @Test("every kind of answer is read and grades to full marks")
    func allKinds() throws {
        let quiz = try #require(Fixture.parse(Fixture.quiz(Self.body)).0)
        let text = """
        single: second
        multi: [1, b]
        tf: false
        word: Summaries
        number: "6,2"
        match:
          one: "1"
          two: "2"
        order: [a, 2, 3]
        """
        let answers = try AnswersFile.parse(text, path: "answers.yml", quiz: quiz)
        let (_, result) = try quiz.take(seed: 1, answers: answers, startedAt: Date(timeIntervalSince1970: 0), submittedAt: Date(timeIntervalSince1970: 1))
        #expect(result.total == .one, "\(result.questions.map { "\($0.questionID): \($0.score)" })")
    }

    @Test("bad answers are reported at their line and column", arguments: [
        ("single: 7\n", "answers.yml:1:9: error: question 'single' has options 1 to 2, not 7"),
        ("singel: 1\n", "answers.yml:1:1: error: quiz 'q' has no question 'singel'"),
        ("number: six\n", "answers.yml:1:9: error: the answer to question 'number' should be a number, not 'six'"),
        ("word: summaries\norder: [a, a, b]\n", "answers.yml:2:12: error: item 1 is listed twice"),
        ("match:\n  three: \"1\"\n", "answers.yml:2:3: error: 'three' is not a prompt of question 'match'"),
        ("multi: [a, z]\n", "answers.yml:1:12: error: 'z' is not an option of question 'multi'"),
    ])
    func mistakes(text: String, expected: String) throws {
        let quiz = try #require(Fixture.parse(Fixture.quiz(Self.body)).0)
        let engine = DiagnosticsEngine()
        _ = AnswersFile.parse(text, path: "answers.yml", quiz: quiz, engine: engine)
        #expect(engine.diagnostics.map(\.description).contains(expected), "got \(engine.diagnostics.map(\.description))")
    }
}
