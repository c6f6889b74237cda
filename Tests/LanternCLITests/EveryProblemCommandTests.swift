import Foundation
import LanternTestSupport
import Testing

/// Answers and ratings files report every problem at its line, then record nothing (issue 17:
/// "an answers or ratings file stops at its first mistake").
@Suite("answers and ratings files: every problem, through the binary")
struct EveryProblemCommandTests {
    @Test("quiz take and checklist record print each problem with path:line:col, exit 1 and record nothing")
    func everyProblem() throws {
        let workspace = try SampleWorkspace.create()
        let fixture = try RecordsFixture()
        let answers = try workspace.write("answers.yml", "goals: 7\nnope: 1\n")
        let take = try fixture.run(["quiz", "take", "intro-quiz", "--trainee", fixture.traineeID, "--answers", answers.path, "-C", workspace.path])
        #expect(take.status == 1)
        #expect(take.stderr.contains("answers.yml:1:8: error: question 'goals' has options 1 to 2, not 7"), "\(take.stderr)")
        #expect(take.stderr.contains("answers.yml:2:1: error: quiz 'intro-quiz' has no question 'nope'"), "\(take.stderr)")

        let ratings = try workspace.write("ratings.yml", "method: roleplay\nratings:\n  confidentiality: great\n  open-questions: n/a\n")
        let record = try fixture.run(["checklist", "record", "listening-skills", "--trainee", fixture.traineeID, "--assessor", "sup",
                                      "--ratings", ratings.path, "-C", workspace.path])
        #expect(record.status == 1)
        for expected in ["ratings.yml:1:9: error: 'roleplay' is not a method of checklist 'listening-skills'",
                         "ratings.yml:3:20: error: 'great' is not on the scale of checklist 'listening-skills'",
                         "ratings.yml:4:19: error: criterion 'open-questions' must be rated: checklist 'listening-skills' does not allow n/a for it"] {
            #expect(record.stderr.contains(expected), "\(record.stderr)")
        }
        let progress = try fixture.run(["progress", fixture.traineeID, "--json", "-C", workspace.path])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(!progress.stdout.contains("\"intro-quiz\"") && !progress.stdout.contains("\"listening-skills\""), "nothing recorded: \(progress.stdout)")
    }
}
