import Foundation
@testable import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import Testing

/// GIFT read as Moodle's importer reads it (question/format/gift/format.php), one finding each.
@Suite("GIFT as Moodle reads it")
struct GIFTMoodleReadingTests {
    static func read(_ text: String) -> ([Question], [Diagnostic]) {
        let engine = DiagnosticsEngine()
        let quiz = QuizImport.quiz(from: text, format: .gift, path: "bank.gift", id: "bank", moduleID: "m", title: "T", engine: engine)
        return (quiz.questions, engine.diagnostics)
    }

    @Test("a format marker on the question text applies to its answers and feedback, as in Moodle")
    func formatMarkersInherited() throws {
        let (questions, diagnostics) = Self.read("::q::[markdown]Pick **one**{=**bold** answer#Yes, *right*. ~plain#No.####See `notes`.}\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let question = try #require(questions.first)
        #expect(question.choices.map(\.text) == ["**bold** answer", "plain"])
        #expect(question.choices[0].feedback == "Yes, *right*.")
        #expect(question.generalFeedback == "See `notes`.")
        let (html, _) = Self.read("[html]<b>Which?</b>{=<i>this</i>#<b>good</b> ~that}\n")
        #expect(html.first?.choices.first?.text == "*this*")
        #expect(html.first?.choices.first?.feedback == "**good**")
    }

    @Test("<br> and Markdown lists in question text are kept, and no stray backslash shows")
    func breaksAndLists() throws {
        let (questions, _) = Self.read("Listen to this greeting:<br /><br />What language is being spoken?{=French ~English}\n\n[markdown]Pick the safe option:\\n- stay with them\\n- leave them{=stay ~leave}\n")
        #expect(questions.count == 2)
        #expect(questions[0].prompt == "Listen to this greeting:")
        #expect(questions[0].details == "What language is being spoken?")
        #expect(!questions[0].prompt.contains("\\"))
        #expect(questions[1].prompt == "Pick the safe option:")
        #expect(questions[1].details == "- stay with them\n- leave them")
        let url = try #require(Fixture.conformance).appendingPathComponent("moodle/questions_in_category.gift.txt")
        let (category, _) = Self.read(try String(contentsOf: url, encoding: .utf8))
        #expect(category.allSatisfy { !$0.prompt.contains("\\") && !($0.details ?? "").hasSuffix("\\") }, "\(category.map(\.prompt))")
    }

    @Test("lower-case {true} is a short answer, as Moodle compares T, TRUE, F and FALSE exactly")
    func lowerCaseTrue() throws {
        let (questions, _) = Self.read("The sky is blue.{true}\n\nThe sea is dry.{FALSE}\n")
        #expect(questions.map(\.type) == [.short, .truefalse])
        #expect(questions[0].shortAnswers.map(\.pattern) == ["true"])
    }

    @Test("an essay's general feedback stays general feedback through the Lantern file and the export")
    func essayGeneralFeedback() throws {
        let (questions, diagnostics) = Self.read("::E::Describe one limit of the peer role.{\n####A good answer names a limit and why.}\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let essay = try #require(questions.first)
        #expect(essay.generalFeedback == "A good answer names a limit and why.")
        let quiz = Quiz(id: "bank", moduleID: "m", title: "T", settings: QuizSettings(passMark: Fraction(4, 5)), questions: [essay])
        let engine = DiagnosticsEngine()
        let reread = try #require(QuizFile.parse(SourceText(displayPath: "bank.md", text: QuizWriter.markdown(quiz)), engine: engine))
        #expect(reread.questions.first?.details == nil)
        #expect(reread.questions.first?.generalFeedback == essay.generalFeedback)
        let gift = GIFTWriter.gift(reread)
        #expect(!gift.contains("Describe one limit of the peer role.\\n"), "\(gift)")
        #expect(gift.contains("{\n\t####[markdown]A good answer"), "\(gift)")
    }

    @Test("a stray '}' is an error at the brace", arguments: [
        ("Who decides } the goals?{=the person ~the peer}\n", "bank.gift:1:13: error: '}' without an opening '{'"),
        ("Who decides the goals?{=the person ~the peer} }\n", "bank.gift:1:47: error: '}' after the answers are already closed"),
        ("Who decides the goals? }\n", "bank.gift:1:24: error: '}' without an opening '{'"),
    ])
    func strayBrace(text: String, expected: String) {
        let (_, diagnostics) = Self.read(text)
        #expect(diagnostics.map(\.description).contains { $0.hasPrefix(expected) }, "\(diagnostics.map(\.description))")
    }

    @Test("an unclosed '{' is blamed on its own question, and the questions after it are still read")
    func unclosedBrace() {
        let (questions, diagnostics) = Self.read("First?{=a ~b\n\nSecond?{=c ~d}\n\nThird?{=e ~f}\n")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location?.line == 1, "\(errors.map(\.description))")
        #expect(errors.first?.message.contains("not closed") == true)
        #expect(questions.map(\.prompt) == ["Second?", "Third?"])
    }

    @Test("several '=' answers in a multiple-choice question: any of them is right (Moodle), and it exports")
    func severalRightAnswers() throws {
        let (questions, diagnostics) = Self.read("Specify the seasons\\: {= spring = summer = winter = autumn ~ easter}\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let question = try #require(questions.first)
        #expect(question.type == .single)
        #expect(question.choices.filter { $0.credit == .one }.count == 4)
        #expect(RoundTrip.losses(question).isEmpty)
    }
}
