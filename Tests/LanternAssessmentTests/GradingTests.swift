import LanternAssessment
import Testing

@Suite("Grading rules")
struct GradingTests {
    static let single = """
    ## Q {#q}

    - [ ] wrong
    - [x] right
    - [50%] half
    - [-50%] harmful
    """

    @Test("single choice: the chosen option's credit, never below 0", arguments: [
        ([1], Fraction.one), ([0], .zero), ([2], Fraction(1, 2)), ([3], .zero), ([], .zero), ([1, 2], .zero), ([9], .zero),
    ])
    func singleChoice(selected: [Int], expected: Fraction) throws {
        let question = try Fixture.question(Self.single)
        #expect(Grader.grade(question, response: .choices(selected)).score == expected)
    }

    static let multi = """
    ## Q {#q type=multi}

    - [x] a
    - [x] b
    - [x] c
    - [ ] d
    - [ ] e
    """

    @Test("multiple response: sum of shares, clamped to 0…1", arguments: [
        ([0, 1, 2], Fraction.one), ([0], Fraction(1, 3)), ([0, 1], Fraction(2, 3)), ([0, 1, 2, 3], Fraction(1, 2)),
        ([0, 1, 2, 3, 4], .zero), ([3], .zero), ([0, 3, 4], .zero), ([0, 0, 0], Fraction(1, 3)),
    ])
    func multipleResponse(selected: [Int], expected: Fraction) throws {
        let question = try Fixture.question(Self.multi)
        #expect(Grader.grade(question, response: .choices(selected)).score == expected)
    }

    @Test("multiple response, all-or-nothing (per question and per quiz)", arguments: [
        ([0, 1, 2], Fraction.one), ([0, 1], .zero), ([0, 1, 2, 3], .zero), ([], .zero),
    ])
    func allOrNothing(selected: [Int], expected: Fraction) throws {
        let perQuestion = try Fixture.question(Self.multi.replacingOccurrences(of: "type=multi", with: "type=multi all-or-nothing"))
        let perQuiz = try Fixture.question(Self.multi, extra: "all_or_nothing: true\n")
        #expect(Grader.grade(perQuestion, response: .choices(selected)).score == expected)
        #expect(Grader.grade(perQuiz, response: .choices(selected)).score == expected)
    }

    @Test("true/false: 1 or 0", arguments: [([1], Fraction.one), ([0], .zero), ([], .zero)])
    func trueFalse(selected: [Int], expected: Fraction) throws {
        let question = try Fixture.question("## Recovery means symptoms are gone. {#q}\n\n- [ ] True\n- [x] False\n")
        #expect(question.type == .truefalse)
        #expect(Grader.grade(question, response: .choices(selected)).score == expected)
    }

    static let short = """
    ## Q {#q type=short}

    - [x] paraphrasing
      > exact
    - [50%] paraphras*
      > close
    - [x] 5\\* rating
    - [x] café
    - [ ] *
      > catch-all
    """

    @Test("short answer: trimmed, NFC, case-insensitive, wildcards, first match wins", arguments: [
        ("paraphrasing", Fraction.one, "exact" as String?), ("  PARAPHRASING ", .one, "exact"), ("paraphrase", Fraction(1, 2), "close"),
        ("paraphras", Fraction(1, 2), "close"), ("5* rating", .one, nil), ("5 stars rating", .zero, "catch-all"),
        ("cafe\u{301}", .one, nil), ("CAFÉ", .one, nil), ("listening", .zero, "catch-all"), ("", .zero, nil),
        ("a paraphrasing", .zero, "catch-all"),
    ])
    func shortAnswer(response: String, expected: Fraction, feedback: String?) throws {
        let question = try Fixture.question(Self.short)
        let grade = Grader.grade(question, response: .text(response))
        #expect(grade.score == expected)
        #expect(grade.feedback.first == feedback)
    }

    @Test("short answer: case-sensitive when the question says so", arguments: [("Paris", Fraction.one), ("paris", .zero)])
    func caseSensitive(response: String, expected: Fraction) throws {
        let question = try Fixture.question("## Capital? {#q type=short case}\n\n= Paris\n")
        #expect(Grader.grade(question, response: .text(response)).score == expected)
    }

    static let numeric = """
    ## Q {#q type=numeric}

    - [x] 6 ± 0.5
    - [50%] 4..8
    - [x] 0.3
    - [ ] *
      > any other number
    """

    @Test("numeric: tolerance, ranges, first match, decimal comma, epsilon", arguments: [
        ("6", Fraction.one), ("6.5", .one), ("5,5", .one), ("6.6", Fraction(1, 2)), ("4", Fraction(1, 2)), ("8.0", Fraction(1, 2)),
        ("3.9", .zero), ("0.1+0.2", .zero), ("0.30000000000000004", .one), ("six", .zero), ("", .zero), ("1e1", .zero),
    ])
    func numeric(response: String, expected: Fraction) throws {
        let question = try Fixture.question(Self.numeric)
        #expect(Grader.grade(question, response: .text(response)).score == expected)
    }

    static let matching = """
    ## Q {#q type=matching}

    - one -> 1
    - two -> 2
    - three -> 3
    - -> 4
    """

    @Test("matching: right pairs ÷ pairs, distractors count against", arguments: [
        ([0, 1, 2] as [Int?], Fraction.one), ([0, 1, 3], Fraction(2, 3)), ([3, 3, 3], .zero), ([0, nil, nil], Fraction(1, 3)), ([], .zero),
    ])
    func matching(matches: [Int?], expected: Fraction) throws {
        let question = try Fixture.question(Self.matching)
        #expect(question.matchingAnswers == ["1", "2", "3", "4"])
        #expect(Grader.grade(question, response: .matches(matches)).score == expected)
    }

    @Test("ordering: all-or-nothing, position, longest ordered subsequence", arguments: [
        ("", [0, 1, 2, 3], Fraction.one), ("", [1, 0, 2, 3], .zero),
        ("partial=position", [0, 1, 2, 3], .one), ("partial=position", [1, 0, 2, 3], Fraction(1, 2)), ("partial=position", [3, 0, 1, 2], .zero),
        ("partial=sequence", [3, 0, 1, 2], Fraction(3, 4)), ("partial=sequence", [3, 2, 1, 0], .zero), ("partial=sequence", [1, 0, 3, 2], Fraction(1, 2)),
        ("partial=sequence", [0, 1, 2, 3], .one),
    ])
    func ordering(attribute: String, order: [Int], expected: Fraction) throws {
        let question = try Fixture.question("## Q {#q type=ordering \(attribute)}\n\n1. a\n2. b\n3. c\n4. d\n")
        #expect(Grader.grade(question, response: .order(order)).score == expected)
    }

    @Test("a response of the wrong shape scores 0", arguments: [Response.text("right"), .order([1]), .matches([1])])
    func wrongShape(response: Response) throws {
        let question = try Fixture.question(Self.single)
        #expect(Grader.grade(question, response: response).score == .zero)
    }
}
