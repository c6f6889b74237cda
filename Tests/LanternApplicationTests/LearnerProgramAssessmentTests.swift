import Foundation
import LanternApplication
import LanternRecords
import LanternTerminal
import LanternTestSupport
import Testing

/// The final exam (a program-level assessment) in the learner, and a module with two quizzes in
/// the plain learner (issue 17).
@Suite("the final exam and several quizzes in the learner")
struct LearnerProgramAssessmentTests {
    static let finalExam = """
        ---
        id: final-exam
        kind: quiz
        scope: program
        after: [intro]
        title: Final exam
        pass: 80%
        attempts: 2
        wait: 24h
        time_limit: 20m
        draw: 1
        ---

        ## Who sets the goals in peer support? {#goals critical}

        - [x] The person receiving support.
        - [ ] The peer worker.

        """

    static let secondQuiz = """
        ---
        id: intro-quiz-2
        kind: quiz
        module: intro
        title: Second introduction quiz
        pass: 80%
        ---

        ## Is peer support based on lived experience? {#lived}

        - [x] Yes.
        - [ ] No.

        """

    static func course() throws -> SampleCourse {
        let program = SampleWorkspace.files["curriculum/program.yml"]!
            .replacingOccurrences(of: "modules: [intro, listening]\n", with: "modules: [intro, listening]\nassessments: [final-exam]\n")
        let intro = SampleWorkspace.files["curriculum/intro.md"]!.replacingOccurrences(of: "assessments: [intro-quiz]", with: "assessments: [intro-quiz, intro-quiz-2]")
        let course = try SampleCourse(changing: ["curriculum/program.yml": program, "curriculum/intro.md": intro,
                                                 "assessments/final-exam.md": finalExam, "assessments/intro-quiz-2.md": secondQuiz])
        #expect(course.course.diagnostics.filter { $0.severity == .error }.isEmpty, "\(course.course.diagnostics)")
        return course
    }

    /// Findings: the plain learner offered only a module's first quiz, and the final exam could
    /// not be reached in the learner at all.
    @Test("plain: choose a module's quiz; the final exam is locked until its modules are done, then taken with its rules")
    func plain() throws {
        let sample = try Self.course()
        let io = ScriptedLineIO(lines: ["quiz 3", "quiz 1 2", "1", "submit", "quiz 1", "1", "1", "submit", "list", "quiz 3", "1", "submit", "quit"])
        try LineLearner(workspace: sample.course.workspace!, store: sample.learner(), io: io, seed: { 42 }, quizzes: sample.course.takeableQuizzes).run()
        let transcript = io.transcript
        #expect(transcript.contains("3. Final exam (final assessment): opens when you finish Introduction."), "\(transcript)")
        #expect(transcript.contains("Final exam is locked: finish Introduction first."))
        #expect(transcript.contains("Quiz: Second introduction quiz."))
        #expect(transcript.contains("Module 1 has 2 quizzes:\n  1. Introduction quiz\n  2. Second introduction quiz (passed)"))
        #expect(transcript.contains("3. Final exam (final assessment): ready."))
        #expect(transcript.contains("- Time limit: 20 minutes, counted from when you start."))
        #expect(transcript.contains("- After an attempt, the next one can start 24 hours later."))
        #expect(transcript.contains("- You may take it 2 times in all; you have used 0."))
        #expect(transcript.contains("every safety-critical question is always among them"))
        let quizzes = try sample.records.attempts(trainee: sample.traineeID).map(\.quizID)
        #expect(quizzes.sorted() == ["final-exam", "intro-quiz", "intro-quiz-2"])
    }

    @Test("full screen: the final exam is listed after the modules and t starts it once they are done")
    func fullScreen() throws {
        let sample = try Self.course()
        let terminal = ScriptedTerminal()
        // Locked at first: 3 selects it, t says why.
        terminal.press(.character("3"), .character("t"))
        var screens: [String] = []
        terminal.onRead = { screens.append($0.screen.text) }
        terminal.press(.character("q"))
        try FullScreenLearner(workspace: sample.course.workspace!, store: sample.learner(), terminal: terminal, color: false, seed: { 42 },
                              quizzes: sample.course.takeableQuizzes).run()
        #expect(screens.contains { $0.contains("Final exam") && $0.contains("Locked: finish Introduction first.") }, "\(screens.last ?? "")")
        #expect(screens.contains { $0.contains("0 of 2 modules done") })

        // Both intro quizzes passed: the exam opens with its introduction.
        let take = sample.takeQuiz()
        for quiz in ["intro-quiz", "intro-quiz-2"] {
            let (parsed, _) = try sample.course.quiz(quiz)
            try take.takeWhole(parsed, trainee: sample.traineeID, answers: [parsed.questions[0].id: .choices([0])], seed: 1)
        }
        let second = ScriptedTerminal()
        second.press(.character("3"), .character("t"))
        var introduction = ""
        second.onRead = { if $0.screen.text.contains("Quiz: Final exam") { introduction = $0.screen.text } }
        second.press(.character("q"), .character("q"))
        try FullScreenLearner(workspace: sample.course.workspace!, store: sample.learner(), terminal: second, color: false, seed: { 42 },
                              quizzes: sample.course.takeableQuizzes).run()
        #expect(introduction.contains("Time limit: 20 minutes"), "\(introduction)")
        #expect(introduction.contains("You may take it 2 times in all"))
    }
}

/// The learner's course map uses the engine's one evaluation (issue 17).
@Suite("learner progress by the one evaluation")
struct LearnerProgressEvaluationTests {
    /// Finding: the learner marked a quiz passed when any attempt passed (the records' summary),
    /// whatever `grading:` the quiz sets, and did not count a trainer's grants.
    @Test("a quiz graded by its last attempt, and attempts granted, as progress and the certificate see them")
    func gradingAndGrants() throws {
        let sample = try SampleCourse(changing: ["assessments/intro-quiz.md": SampleCourse.introQuiz(adding: "grading: last\nattempts: 2")])
        let (quiz, _) = try sample.course.quiz("intro-quiz")
        let take = sample.takeQuiz()
        try take.takeWhole(quiz, trainee: sample.traineeID, answers: ["goals": .choices([0])], seed: 1)
        #expect(try sample.learner().progress().passedQuizzes.contains("intro-quiz"))
        try take.takeWhole(quiz, trainee: sample.traineeID, answers: ["goals": .choices([1])], seed: 2)
        let progress = try sample.learner().progress()
        #expect(!progress.passedQuizzes.contains("intro-quiz"), "graded by the last attempt, which failed")

        try GrantAttempts(course: sample.course, records: sample.records, actor: .localOperator("trainer"), output: CapturedOutput())
            .grant(trainee: sample.traineeID, quizID: "intro-quiz", attempts: 1, reason: "A fire alarm interrupted the attempt.")
        let granted = try sample.learner().progress()
        #expect(granted.attemptsAllowed["intro-quiz"] == 3)
        let facts = QuizFlow.facts(quiz, attemptsUsed: granted.attemptsUsed["intro-quiz"] ?? 0, attemptsAllowed: granted.attemptsAllowed["intro-quiz"])
        #expect(facts.contains("You may take it 3 times in all (your trainer allowed 1 more); you have used 2."), "\(facts)")
    }
}
