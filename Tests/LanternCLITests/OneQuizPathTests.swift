import Foundation
import LanternTestSupport
import Testing

/// The hidden run of issue 14, as a user would do it: a quiz taken in `lantern learn --plain`
/// and one taken with `quiz take` both count in `lantern stats` and `lantern progress`.
@Suite("one quiz path for the learner and quiz take")
struct OneQuizPathTests {
    @Test("a quiz taken in the plain learner and one taken with quiz take both count")
    func learnerAndQuizTakeBothCount() throws {
        let workspace = try SampleWorkspace.create()
        let fixture = try RecordsFixture()
        let learned = try fixture.run(["learn", "--plain", "--trainee", fixture.traineeID, "-C", workspace.path],
                                      input: "quiz 1\n1\nsubmit\nquit\n")
        #expect(learned.status == 0, "\(learned.stderr)")
        #expect(learned.stdout.contains("Score"), "\(learned.stdout)")
        let answers = try workspace.write("answers.yml", "goals: 2\n")
        let taken = try fixture.run(["quiz", "take", "intro-quiz", "--trainee", fixture.traineeID, "--answers", answers.path,
                                     "-C", workspace.path])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("attempt 2"))
        let stats = try fixture.run(["stats", "intro-quiz", "-C", workspace.path])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(!stats.stderr.contains("could not be read"), "\(stats.stderr)")
        #expect(stats.stdout.contains("over 2 attempts"), "\(stats.stdout)")
        let progress = try fixture.run(["progress", fixture.traineeID, "--json", "-C", workspace.path])
        #expect(progress.stdout.contains("\"attempts\" : 2"), "\(progress.stdout)")
    }
}
