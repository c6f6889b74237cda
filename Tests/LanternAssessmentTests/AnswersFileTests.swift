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
        order: [a, B, c]
        """
        let answers = try AnswersFile.parse(text, path: "answers.yml", quiz: quiz)
        let (_, result) = try quiz.take(seed: 1, answers: answers, startedAt: Date(timeIntervalSince1970: 0), submittedAt: Date(timeIntervalSince1970: 1))
        #expect(result.total == .one, "\(result.questions.map { "\($0.questionID): \($0.score)" })")
    }

    @Test("bad answers are reported at their line and column", arguments: [
        ("single: 7\n", "answers.yml:1:9: error: question 'single' has options 1 to 2, not 7"),
        ("singel: 1\n", "answers.yml:1:1: error: quiz 'q' has no question 'singel'"),
        ("number: six\n", "answers.yml:1:9: error: the answer to question 'number' should be a number, not 'six'"),
        ("word: summaries\norder: [a, a, b]\n", "answers.yml:2:12: error: 'a' is listed twice"),
        ("order: [a, b]\n", "answers.yml:1:8: error: question 'order' has 3 items, but 2 were given"),
        ("match:\n  three: \"1\"\n", "answers.yml:2:3: error: 'three' is not a prompt of question 'match'"),
        ("multi: [a, z]\n", "answers.yml:1:12: error: 'z' is not an option of question 'multi'"),
    ])
    func mistakes(text: String, expected: String) throws {
        let quiz = try #require(Fixture.parse(Fixture.quiz(Self.body)).0)
        let engine = DiagnosticsEngine()
        _ = AnswersFile.parse(text, path: "answers.yml", quiz: quiz, engine: engine)
        #expect(engine.diagnostics.map(\.description).contains(expected), "got \(engine.diagnostics.map(\.description))")
    }

    /// Finding (issue 17): ordering items were also named by their number in the quiz file,
    /// which lists them in the right order, so "1, 2, 3" always scored full marks.
    @Test("ordering items by number are refused: the quiz file's order is the answer")
    func orderingByNumber() throws {
        let quiz = try #require(Fixture.parse(Fixture.quiz(Self.body)).0)
        let engine = DiagnosticsEngine()
        let answers = AnswersFile.parse("order: [1, 2, 3]\n", path: "answers.yml", quiz: quiz, engine: engine)
        #expect(answers["order"] == nil)
        #expect(engine.diagnostics.map(\.description) == [
            "answers.yml:1:9: error: name the items of ordering question 'order' by their text, not by number",
            "answers.yml:1:12: error: name the items of ordering question 'order' by their text, not by number",
            "answers.yml:1:15: error: name the items of ordering question 'order' by their text, not by number",
        ])
        #expect(engine.diagnostics.allSatisfy { $0.code == "item-by-number" })
    }

    /// Finding (issue 17): a file with several mistakes stopped at the first one, although the
    /// docs say each bad answer is reported.
    @Test("every problem of an answers file is reported at its line, and no answer is returned")
    func everyProblem() throws {
        let quiz = try #require(Fixture.parse(Fixture.quiz(Self.body)).0)
        let text = """
        single: 7
        multi: [a, z, y]
        number: six
        order: [a, c, b]
        singel: 1
        """
        var thrown: LanternError?
        do {
            _ = try AnswersFile.parse(text, path: "answers.yml", quiz: quiz)
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.diagnostics.map(\.description) == [
            "answers.yml:1:9: error: question 'single' has options 1 to 2, not 7",
            "answers.yml:2:12: error: 'z' is not an option of question 'multi'",
            "answers.yml:2:15: error: 'y' is not an option of question 'multi'",
            "answers.yml:3:9: error: the answer to question 'number' should be a number, not 'six'",
            "answers.yml:5:1: error: quiz 'q' has no question 'singel'",
        ])
        #expect(error.description.components(separatedBy: "answers.yml:").count == 6, "every problem is in the printed error")
    }

    @Test("the answer sheet lists ordering items A to Z, reads back empty, and filled in grades")
    func sheet() throws {
        let quiz = try #require(Fixture.parse(Fixture.quiz(Self.body.replacingOccurrences(of: "1. a\n2. b\n3. c", with: "1. c\n2. a\n3. b"))).0)
        let sheet = AnswerSheet.text(for: quiz)
        #expect(sheet.contains("The items, A to Z:\n#    - a\n#    - b\n#    - c\norder:"), "\(sheet)")
        #expect(!sheet.contains("summaries") && !sheet.contains("6 ± 0.5"), "no answer of a short or numeric question is shown")
        let engine = DiagnosticsEngine()
        #expect(AnswersFile.parse(sheet, path: "sheet.yml", quiz: quiz, engine: engine).isEmpty)
        #expect(engine.diagnostics.isEmpty, "an untouched sheet is all unanswered: \(engine.diagnostics)")
        let filled = sheet.replacingOccurrences(of: "\norder:\n", with: "\norder: [c, a, b]\n")
            .replacingOccurrences(of: "  \"one\":\n", with: "  \"one\": \"1\"\n")
        let answers = try AnswersFile.parse(filled, path: "sheet.yml", quiz: quiz)
        #expect(answers["order"] == .order([0, 1, 2]))
        #expect(answers["match"] == .matches([0, nil]))
    }
}
