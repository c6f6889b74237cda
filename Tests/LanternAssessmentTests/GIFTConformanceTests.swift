import Foundation
@testable import LanternAssessment
import LanternDiagnostics
import Testing

/// The GIFT importer against third-party suites in `shared/conformance` (read in place, never copied).
@Suite("GIFT and Aiken conformance", .enabled(if: Fixture.conformance != nil, "shared/conformance is not beside the repository; conformance suites skipped"))
struct GIFTConformanceTests {
    static var pegNames: [String] {
        guard let folder = Fixture.conformance?.appendingPathComponent("gift-peg"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".gift") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func read(_ relative: String) throws -> String {
        let url = try #require(Fixture.conformance).appendingPathComponent(relative)
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func parse(_ relative: String) throws -> ([GIFTQuestion], [Diagnostic]) {
        let engine = DiagnosticsEngine()
        let questions = GIFTParser.parse(try read(relative), path: relative, engine: engine)
        return (questions, engine.diagnostics)
    }

    /// Whitespace folded and the missing-word blank's spacing ignored, as the corpus folds it.
    static func fold(_ text: String?) -> String? {
        guard let text else { return nil }
        let folded = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .replacingOccurrences(of: " _____", with: "_____").replacingOccurrences(of: "_____ ", with: "_____")
        return folded.isEmpty ? nil : folded
    }

    static func text(_ value: Any?) -> String? {
        (value as? [String: Any])?["text"] as? String
    }

    @Test("the 51-file gift-peg corpus reads as that parser reads it", arguments: pegNames)
    func giftPeg(name: String) throws {
        #expect(Self.pegNames.count == 51)
        let (questions, diagnostics) = try Self.parse("gift-peg/\(name).gift")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let data = Data(try Self.read("gift-peg/\(name).json").utf8)
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let categories = expected.filter { $0["type"] as? String == "Category" }.compactMap { $0["title"] as? String }
        let items = expected.filter { $0["type"] as? String != "Category" }
        try #require(items.count == questions.count, "\(name): \(questions.count) questions, expected \(items.count)")
        for question in questions where question.category != nil { #expect(categories.contains(question.category!)) }
        let kinds: [String: GIFTQuestion.Kind] = ["MC": .multipleChoice, "TF": .trueFalse, "Short": .shortAnswer, "Numerical": .numerical,
                                                   "Matching": .matching, "Essay": .essay, "Description": .description]
        for (question, item) in zip(questions, items) {
            let context = "\(name) line \(question.line)"
            #expect(kinds[item["type"] as? String ?? ""] == question.kind, "\(context)")
            #expect(question.title == item["title"] as? String, "\(context)")
            #expect(question.id == item["id"] as? String, "\(context)")
            #expect(question.tags == (item["tags"] as? [String] ?? []), "\(context)")
            #expect(Self.fold(question.stem.text) == Self.fold(Self.text(item["stem"])), "\(context)")
            #expect(question.hasEmbeddedAnswers == (item["hasEmbeddedAnswers"] as? Bool ?? false), "\(context)")
            #expect(Self.fold(question.generalFeedback?.text) == Self.fold(Self.text(item["globalFeedback"])), "\(context)")
            switch question.kind {
            case .multipleChoice, .shortAnswer:
                let choices = item["choices"] as? [[String: Any]] ?? []
                try #require(choices.count == question.answers.count, "\(context)")
                for (answer, choice) in zip(question.answers, choices) {
                    #expect(answer.isCorrect == (choice["isCorrect"] as? Bool), "\(context)")
                    // Weights such as 33.33333% are read as exactly 1/3 (documented in docs/interchange.md).
                    let weight = answer.weight.map { $0.doubleValue * 100 }
                    let theirs = choice["weight"] as? Double
                    #expect((weight == nil) == (theirs == nil), "\(context)")
                    if let weight, let theirs { #expect(abs(weight - theirs) < 0.0001, "\(context)") }
                    #expect(Self.fold(answer.text.text) == Self.fold(Self.text(choice["text"])), "\(context)")
                    #expect(Self.fold(answer.feedback?.text) == Self.fold(Self.text(choice["feedback"])), "\(context)")
                }
            case .trueFalse:
                #expect(question.isTrue == item["isTrue"] as? Bool, "\(context)")
                // The corpus files the first '#' feedback of a TRUE question under "true"; Moodle shows
                // it for a wrong answer. Compare the texts, not which answer they hang on.
                let ours = Set([question.wrongFeedback?.text, question.rightFeedback?.text].compactMap { Self.fold($0) })
                let theirs = Set([Self.text(item["trueFeedback"]), Self.text(item["falseFeedback"])].compactMap { Self.fold($0) })
                #expect(ours == theirs, "\(context)")
            case .numerical:
                var targets: [NumericAnswer.Target?] = []
                if let single = item["choices"] as? [String: Any] {
                    targets = [Self.target(single)]
                } else {
                    for choice in item["choices"] as? [[String: Any]] ?? [] {
                        targets.append((choice["text"] as? [String: Any]).flatMap { $0["number"] != nil || $0["numberLow"] != nil ? Self.target($0) : .any })
                    }
                }
                #expect(question.numerical.map(\.target) == targets.map { $0 ?? .any }, "\(context)")
            case .matching:
                let pairs = item["matchPairs"] as? [[String: Any]] ?? []
                #expect(question.pairs.map { Self.fold($0.prompt.text) ?? "" } == pairs.map { Self.fold(Self.text($0["subquestion"])) ?? "" }, "\(context)")
                #expect(question.pairs.map(\.answer) == pairs.map { $0["subanswer"] as? String ?? "" }, "\(context)")
            case .essay, .description:
                break
            }
        }
    }

    static func target(_ value: [String: Any]) -> NumericAnswer.Target? {
        switch value["type"] as? String {
        case "simple": (value["number"] as? Double).map { .value($0, tolerance: 0) }
        case "range": (value["number"] as? Double).map { .value($0, tolerance: value["range"] as? Double ?? 0) }
        case "high-low": (value["numberLow"] as? Double).flatMap { low in (value["numberHigh"] as? Double).map { .range(low, $0) } }
        default: nil
        }
    }

    @Test("Moodle's questions.gift.txt gives its 9 questions")
    func moodleQuestions() throws {
        let (gift, diagnostics) = try Self.parse("moodle/questions.gift.txt")
        #expect(diagnostics.isEmpty)
        let questions = GIFTConverter.questions(gift)
        #expect(questions.map(\.type) == [.essay, .matching, .single, .multi, .numeric, .short, .truefalse, .truefalse, .truefalse])
        #expect(questions[1].pairs.count == 4 && questions[1].distractors == ["Chat"])
        #expect(questions[2].choices.map(\.credit) == [.one, .zero, .zero])
        #expect(questions[2].choices[0].feedback == "right; good!")
        #expect(questions[3].choices.map(\.credit) == [Fraction(1, 2), Fraction(-1), Fraction(1, 2), Fraction(-1)])
        #expect(questions[4].numericAnswers.map(\.target) == [.value(3, tolerance: 2), .any])
        #expect(questions[4].numericAnswers.map(\.credit) == [.one, .zero])
        #expect(questions[5].shortAnswers.map(\.pattern) == ["Frog", "Cat", "*"])
        #expect(questions[5].shortAnswers.map(\.credit) == [.one, Fraction(1, 2), .zero])
        #expect(questions[6].choices.map(\.credit) == [.zero, .one])
        #expect(questions[6].choices[0].feedback == "42 is the Ultimate Answer.")
        #expect(questions[6].choices[1].feedback == "You gave the right answer.")
        #expect(questions[6].generalFeedback == "This is, of course, a Hitchiker's Guide to the Galaxy reference.")
        #expect(questions[7].choices.map(\.credit) == [.one, .zero])
        #expect(questions[8].choices.map(\.credit) == [.one, .zero])
        // The stray '";' after a closing brace stays as trailing text, as in Moodle.
        #expect(gift[4].stem.text.hasSuffix("_____\";"))
    }

    @Test("Moodle's questions_in_category.gift.txt: a category and 4 questions")
    func moodleCategory() throws {
        let (gift, diagnostics) = try Self.parse("moodle/questions_in_category.gift.txt")
        #expect(diagnostics.isEmpty)
        #expect(gift.map(\.kind) == [.matching, .multipleChoice, .shortAnswer, .trueFalse])
        #expect(gift.allSatisfy { $0.category == "$course$/Default for New Features" })
        #expect(gift[1].stem.text.contains("href=\"http://demo.moodle.net/file.php/5/media/bonjour.mp3\">Listen to this greeting:</a>"))
        #expect(gift[2].answers.first?.weight == .one)
        #expect(gift[3].isTrue == true)
    }

    @Test("Moodle's examples.gift.txt reads without errors and covers every type")
    func moodleExamples() throws {
        let (gift, diagnostics) = try Self.parse("moodle/examples.gift.txt")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(Set(gift.map(\.kind)) == [.multipleChoice, .trueFalse, .shortAnswer, .numerical, .matching])
        #expect(gift.contains { $0.hasEmbeddedAnswers })
        #expect(gift.contains { $0.numerical.contains { if case .range = $0.target { true } else { false } } })
    }

    @Test("Aiken: good questions kept, errors at Moodle's lines")
    func aiken() throws {
        let engine = DiagnosticsEngine()
        let good = AikenParser.parse(try Self.read("moodle/questions.aiken.txt"), path: "a.txt", engine: engine)
        #expect(engine.diagnostics.isEmpty)
        #expect(good.count == 2)
        #expect(good.map { $0.choices.firstIndex { $0.credit == .one } } == [1, 0])
        let rendered = good[1].prompt
        #expect(MarkdownPlain.text(rendered) == "Moodle's abilities include handling user input that includes <html class=\"cool\"> & images:")
        let errors = DiagnosticsEngine()
        let some = AikenParser.parse(try Self.read("moodle/aiken_errors.txt"), path: "e.txt", engine: errors)
        #expect(some.map(\.prompt) == ["A good question", "A second good question"])
        #expect(some.map { $0.choices.firstIndex { $0.credit == .one } } == [0, 1])
        #expect(some[1].choices.map(\.text) == ["Incorrect (No space)", "Correct (No space)"])
        #expect(errors.diagnostics.compactMap(\.location?.line) == [3, 5, 7, 18])
    }

    @Test("GIFT → Lantern → GIFT → Lantern gives the same quiz", arguments: ["moodle/questions.gift.txt", "moodle/examples.gift.txt",
                                                                          "moodle/questions_in_category.gift.txt"] + pegNames.map { "gift-peg/\($0).gift" })
    func roundTrip(file: String) throws {
        let engine = DiagnosticsEngine()
        let first = QuizImport.quiz(from: try Self.read(file), format: .gift, path: file, id: "round", moduleID: "m", title: "Round trip", engine: engine)
        let firstMarkdown = QuizWriter.markdown(first)
        let reparsed = try #require(Fixture.parse(firstMarkdown).0)
        let gift = GIFTWriter.gift(reparsed)
        let second = QuizImport.quiz(from: gift, format: .gift, path: "exported.gift", id: "round", moduleID: "m", title: "Round trip", engine: DiagnosticsEngine())
        #expect(QuizWriter.markdown(second) == firstMarkdown)
        #expect(second.questions.map(\.contentHash) == reparsed.questions.map(\.contentHash))
    }
}

/// The plain text a Markdown string shows (for checking that escaping kept text as text).
enum MarkdownPlain {
    static func text(_ markdown: String) -> String {
        LanternMarkdownBridge.plain(markdown)
    }
}
