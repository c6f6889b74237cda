import Foundation
import LanternTestSupport
import Testing

@Suite("lantern quiz take and lantern stats")
struct QuizCommandTests {
    @Test("an attempt is graded and recorded with seed, questions, responses and results")
    func takeAndRecord() throws {
        let workspace = try SampleWorkspace.create()
        let fixture = try RecordsFixture()
        let right = try workspace.write("right.yml", "goals: 1\n")
        let wrong = try workspace.write("wrong.json", "{\"goals\": 2}")
        let first = try fixture.run(["quiz", "take", "intro-quiz", "--trainee", fixture.traineeID, "--answers", right.path,
                                     "--seed", "7", "--json", "-C", workspace.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"passed\" : true"))
        #expect(first.stdout.contains("\"seed\" : 7"))
        let second = try fixture.run(["quiz", "take", "intro-quiz", "--trainee", fixture.traineeID, "--answers", wrong.path,
                                      "-C", workspace.path])
        #expect(second.status == 0)
        #expect(second.stdout.contains("not passed"))
        #expect(second.stdout.contains("attempt 2"))
        let progress = try fixture.run(["progress", fixture.traineeID, "--json"])
        #expect(progress.stdout.contains("\"attempts\" : 2"))
        #expect(progress.stdout.contains("\"passed\" : true"))
        let stats = try fixture.run(["stats", "intro-quiz", "--json", "-C", workspace.path])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("\"facility\" : 0.5"))
    }

    @Test("bad answers, unknown quiz and unknown trainee are clear errors and record nothing")
    func badInput() throws {
        let workspace = try SampleWorkspace.create()
        let fixture = try RecordsFixture()
        let cases: [(String, [String], String)] = [
            ("goals: 7\n", [], "answers.yml:1:8: error:"),
            ("nope: 1\n", [], "answers.yml:1:1: error: quiz 'intro-quiz' has no question 'nope'"),
            ("goals: [1\n", [], "answers.yml:1:8: error: YAML syntax error"),
            ("goals: 1\n", ["--trainee-override", "t-nobody"], "no trainee 't-nobody'"),
            ("goals: 1\n", ["--quiz-override", "no-such-quiz"], "there is no quiz 'no-such-quiz'"),
        ]
        for (text, special, expected) in cases {
            let answers = try workspace.write("answers.yml", text)
            let quiz = special.first == "--quiz-override" ? special[1] : "intro-quiz"
            let trainee = special.first == "--trainee-override" ? special[1] : fixture.traineeID
            let result = try fixture.run(["quiz", "take", quiz, "--trainee", trainee, "--answers", answers.path, "-C", workspace.path])
            #expect(result.status == 1, "\(text): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(text): \(result.stderr)")
        }
        let check = try fixture.run(["db", "check", "--json"])
        #expect(check.stdout.contains("\"quiz_attempt\" : 0"))
    }
}
