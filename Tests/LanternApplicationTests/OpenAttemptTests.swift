import Foundation
import LanternApplication
import LanternAssessment
import LanternDiagnostics
import LanternRecords
import LanternTerminal
import LanternTestSupport
import Testing

/// Open attempts keep their draw, and attempts the previous release left open resume.
@Suite struct OpenAttemptTests {
    static let threeQuestions = """
        ---
        id: intro-quiz
        kind: quiz
        module: intro
        title: Introduction quiz
        pass: 80%
        draw: 2
        ---

        ## Who sets the goals in peer support? {#goals outcome=lo1}

        - [x] The person receiving support.
        - [ ] The peer worker.

        ## Is peer support a clinical role? {#clinical outcome=lo1}

        - [ ] Yes.
        - [x] No.

        ## Who owns a recovery plan? {#plan outcome=lo1}

        - [x] The person.
        - [ ] The worker.

        """

    /// Finding (issue 14): an open attempt kept only its seed, so a change of the quiz's draw
    /// rules between two sittings changed the questions of the attempt in progress.
    @Test func aResumedAttemptKeepsItsQuestionsWhenTheDrawRulesChange() throws {
        let sample = try SampleCourse(changing: ["assessments/intro-quiz.md": Self.threeQuestions])
        let quiz = try sample.course.quiz("intro-quiz").quiz
        let open = try #require(try sample.learner().begin(quiz, at: Date(), seed: 11))
        #expect(open.attempt.questions.count == 2)
        try sample.folder.write("assessments/intro-quiz.md", Self.threeQuestions.replacingOccurrences(of: "draw: 2", with: "draw: 1"))
        let changed = Course.load(at: sample.folder.url)
        let learner = LearnerRecords(course: changed, records: sample.records, traineeID: sample.traineeID,
                                     actor: .localOperator("test"), output: CapturedOutput())
        let resumed = try #require(try learner.begin(try changed.quiz("intro-quiz").quiz, at: Date(), seed: 99))
        #expect(resumed.resumed)
        #expect(resumed.id == open.id)
        #expect(resumed.attempt.questions == open.attempt.questions)
    }

    /// The third release's database: the attempt its learner left open resumes with its
    /// answer, and is then recorded as attempt 2 in the one shape.
    @Test func anAttemptTheLastReleaseLeftOpenResumesAndIsRecorded() throws {
        let fixture = try ReleaseFixture.database()
        defer { withExtendedLifetime(fixture) {} }
        let path = fixture.path
        let records = try RecordsStore(path: path, actor: "test", mustExist: true)
        let course = ShippedCourse.course
        let learner = LearnerRecords(course: course, records: records, traineeID: "t-1rjksmjvh4c2", actor: .localOperator("test"),
                                     output: CapturedOutput())
        let quiz = try course.quiz("communication-quiz").quiz
        let open = try #require(try learner.begin(quiz, at: Date(), seed: 1))
        #expect(open.resumed)
        #expect(open.id == "qa-m8nxdxjecm6z")
        #expect(open.attempt.number == 2)
        #expect(open.attempt.seed == 3_098_915_853_386_527_966)
        if open.attempt.questions.contains(where: { $0.questionID == "text-tone" }) {
            #expect(open.attempt.responses["text-tone"] == .choices([0]))
        }
        // The draw is kept from now on.
        #expect(try records.openAttempt(trainee: "t-1rjksmjvh4c2", quiz: "communication-quiz")?.drawn?.questions == open.attempt.questions)
        _ = try learner.submit(open, of: quiz, at: Date())
        let attempts = try records.attempts(trainee: "t-1rjksmjvh4c2").filter { $0.quizID == "communication-quiz" }
        #expect(attempts.map(\.number) == [1, 2])
        #expect(try records.openAttempt(trainee: "t-1rjksmjvh4c2", quiz: "communication-quiz") == nil)
        #expect(try records.engineAttempts(quiz: quiz).unreadable == 0)
    }
}
