import Crypto
import Foundation
import LanternApplication
import LanternAssessment
import LanternDiagnostics
import LanternRecords
import LanternTerminal
import LanternTestSupport
import Testing

/// Taking a quiz through the one use case, from every front end.
@Suite struct TakeQuizTests {
    /// Finding (issue 14): a quiz taken in `lantern learn` was invisible to `lantern stats`,
    /// because the learner stored `responses` and `results` in another JSON shape.
    @Test func learnerAndQuizTakeStoreOneShapeThatStatsAndProgressRead() throws {
        let sample = try SampleCourse()
        let io = ScriptedLineIO(lines: ["quiz 1", "1", "submit", "quit"])
        try LineLearner(workspace: sample.course.workspace!, store: sample.learner(), io: io, seed: { 3 },
                        quizzes: sample.course.takeableQuizzes).run()
        #expect(io.transcript.contains("Score"), "\(io.transcript)")
        let answers = try sample.folder.write("answers.yml", "goals: 1\n")
        try sample.takeQuiz().takeWhole(quizID: "intro-quiz", trainee: sample.traineeID, answersFile: answers.path)

        let (attempts, unreadable) = try sample.records.engineAttempts(quiz: try sample.course.quiz("intro-quiz").quiz)
        #expect(unreadable == 0)
        #expect(attempts.map(\.result.attemptNumber) == [1, 2])
        #expect(ItemAnalysis.analyse(try sample.course.quiz("intro-quiz").quiz, attempts: attempts).attempts == 2)
        let transcript = try sample.records.transcript(sample.traineeID)
        #expect(transcript.quizzes.first?.attempts == 2)
    }

    /// Finding (issue 14): the learner hashed the quiz file at submit time (and recorded "" if it
    /// could not read it); the hash is now the one of the bytes the attempt was drawn from.
    @Test func theRecordedHashIsOfTheFileAsReadNotAsItIsAtSubmit() throws {
        let sample = try SampleCourse()
        let original = try Data(contentsOf: sample.folder.url.appendingPathComponent("assessments/intro-quiz.md"))
        let learner = sample.learner()
        let quiz = try sample.course.quiz("intro-quiz").quiz
        let open = try #require(try learner.begin(quiz, at: Date(), seed: 1))
        try learner.saveAnswer(.choices([0]), to: "goals", of: open, at: Date())
        try sample.folder.remove("assessments/intro-quiz.md")
        var answered = open
        answered.attempt = try open.attempt.answering("goals", with: .choices([0]), at: Date())
        _ = try learner.submit(answered, of: quiz, at: Date())
        let recorded = try #require(try sample.records.attempts(trainee: sample.traineeID).first)
        #expect(recorded.quizHash == Hex.encode(SHA256.hash(data: original)))
    }

    /// Finding (issue 14): the learner recorded an attempt without checking its number, so an
    /// attempt open in the learner could be submitted after `quiz take` had used the last one,
    /// and `attempts:` was exceeded.
    @Test func anAttemptOpenInTheLearnerKeepsItsNumber() throws {
        let sample = try SampleCourse(changing: ["assessments/intro-quiz.md": SampleCourse.introQuiz(adding: "attempts: 1")])
        let quiz = try sample.course.quiz("intro-quiz").quiz
        #expect(quiz.settings.attempts == 1)
        let learner = sample.learner()
        let open = try #require(try learner.begin(quiz, at: Date(), seed: 1))
        let answers = try sample.folder.write("answers.yml", "goals: 1\n")
        #expect { try sample.takeQuiz().takeWhole(quizID: "intro-quiz", trainee: sample.traineeID, answersFile: answers.path) }
            throws: { ($0 as? LanternError)?.code == "attempt-open" }
        _ = try learner.submit(open, of: quiz, at: Date())
        #expect(try sample.records.attempts(trainee: sample.traineeID).count == 1)
        #expect(try learner.begin(quiz, at: Date(), seed: 2) == nil)
        #expect { try sample.takeQuiz().takeWhole(quizID: "intro-quiz", trainee: sample.traineeID, answersFile: answers.path) }
            throws: { ($0 as? LanternError)?.code == "no-attempts-left" }
        #expect(try sample.records.attempts(trainee: sample.traineeID).count == 1)
    }

    /// Finding (issue 15, one trainee in two SSH sessions): both sessions resume the one open
    /// attempt; an answer changed in the second was saved, but the first session's submit graded
    /// the answer it still held in memory, so the recorded result disagreed with the saved answer.
    @Test func aSubmitGradesTheSavedAnswersEvenWhenAnotherSessionChangedOne() throws {
        let sample = try SampleCourse()
        let quiz = try sample.course.quiz("intro-quiz").quiz
        let first = try #require(try sample.learner().begin(quiz, at: Date(), seed: 1))
        let second = try #require(try sample.learner().begin(quiz, at: Date(), seed: 2))
        #expect(second.id == first.id && second.resumed, "the second session resumes the same attempt")
        try sample.learner().saveAnswer(.choices([0]), to: "goals", of: first, at: Date())
        var held = first
        held.attempt = try first.attempt.answering("goals", with: .choices([0]), at: Date())
        try sample.learner().saveAnswer(.choices([1]), to: "goals", of: second, at: Date())

        let graded = try sample.learner().submit(held, of: quiz, at: Date())
        let saved = quiz.grade(try first.attempt.answering("goals", with: .choices([1]), at: Date()))
        let heldOnly = quiz.grade(held.attempt)
        #expect(saved.total != heldOnly.total, "the two answers score differently, so the test can tell them apart")
        #expect(graded.total == saved.total, "graded the saved answer (b), not the one the first session held (a)")
        // The second session cannot submit the same attempt again.
        #expect { try sample.learner().submit(second, of: quiz, at: Date()) } throws: { _ in true }
        #expect(try sample.records.attempts(trainee: sample.traineeID).count == 1)
    }

    @Test func quizTakeWritesItsReportAndWarningsToTheSinkItIsGiven() throws {
        let sample = try SampleCourse()
        let answers = try sample.folder.write("answers.yml", "goals: 1\n")
        let output = CapturedOutput()
        let taken = try sample.takeQuiz(output).takeWhole(quizID: "intro-quiz", trainee: sample.traineeID, answersFile: answers.path)
        #expect(output.text.contains("attempt \(taken.record.id): \(sample.traineeID), quiz intro-quiz, attempt 1"))
        #expect(output.text.contains("passed"))
        #expect(output.diagnostics.isEmpty)
        let json = CapturedOutput()
        try sample.takeQuiz(json).takeWhole(quizID: "intro-quiz", trainee: sample.traineeID, answersFile: answers.path, json: true)
        #expect(json.text.contains("\"attemptNumber\" : 2"))
    }

    @Test func aMissingAnswersFileIsAClearErrorAndRecordsNothing() throws {
        let sample = try SampleCourse()
        #expect(throws: LanternError.self) {
            try sample.takeQuiz().takeWhole(quizID: "intro-quiz", trainee: sample.traineeID, answersFile: "/nonexistent/answers.yml")
        }
        #expect(try sample.records.attempts(trainee: sample.traineeID).isEmpty)
    }
}
