import Foundation
import LanternTestSupport
import Testing

/// Attempt limits, grading rules, waits, grants, marking and regrading, driven as a trainer would.
@Suite("attempt policy, grants, marking and regrading")
struct AttemptPolicyCommandTests {
    static func quiz(_ settings: String, essay: Bool = false, right: Int = 1) -> String {
        var text = """
        ---
        id: intro-quiz
        kind: quiz
        module: intro
        title: Introduction quiz
        pass: 80%
        \(settings)
        ---

        ## Who sets the goals in peer support? {#goals outcome=lo1}

        - [\(right == 1 ? "x" : " ")] The person receiving support.
        - [\(right == 2 ? "x" : " ")] The peer worker.

        """
        if essay { text += "\n## Describe one limit of the peer role. {#limit type=essay}\n" }
        return text
    }

    func take(_ fixture: RecordsFixture, _ workspace: TemporaryFolder, _ answers: String) throws -> LanternProcess.Result {
        let file = try workspace.write("answers.yml", answers)
        return try fixture.run(["quiz", "take", "intro-quiz", "--trainee", fixture.traineeID, "--answers", file.path, "--json", "-C", workspace.path])
    }

    func attemptID(_ output: String) -> String? {
        output.split(separator: "\"").drop { !$0.hasPrefix("attemptID") }.dropFirst(2).first.map(String.init)
    }

    @Test("the attempts limit holds, the grading rule decides progress, and a trainer's grant allows one more")
    func limitGradingAndGrant() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("assessments/intro-quiz.md", Self.quiz("attempts: 2\ngrading: last"))
        let fixture = try RecordsFixture()
        #expect(try take(fixture, workspace, "goals: 1\n").status == 0)
        #expect(try take(fixture, workspace, "goals: 2\n").status == 0)
        // grading: last — the failed second attempt is the grade, whatever the first was.
        let progress = try fixture.run(["progress", fixture.traineeID, "--json", "-C", workspace.path])
        #expect(progress.stdout.contains("\"passed\" : false"), "\(progress.stdout)")
        #expect(progress.stdout.contains("\"grading\" : \"last\""))
        let refused = try take(fixture, workspace, "goals: 1\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("all 2 attempts allowed at quiz 'intro-quiz' have been used"), "\(refused.stderr)")
        #expect(refused.stderr.contains("lantern quiz grant"))
        let noReason = try fixture.run(["quiz", "grant", fixture.traineeID, "intro-quiz", "--reason", "  ", "-C", workspace.path])
        #expect(noReason.status == 1)
        #expect(noReason.stderr.contains("a grant needs a reason"))
        let grant = try fixture.run(["quiz", "grant", fixture.traineeID, "intro-quiz", "--reason", "missed the session", "--as", "trainer-kim",
                                     "-C", workspace.path])
        #expect(grant.status == 0, "\(grant.stderr)")
        #expect(grant.stdout.contains("(2 of 3 used, 1 left)"), "\(grant.stdout)")
        #expect(try take(fixture, workspace, "goals: 1\n").status == 0)
        let after = try fixture.run(["progress", fixture.traineeID, "--json", "-C", workspace.path])
        #expect(after.stdout.contains("\"passed\" : true"), "\(after.stdout)")
        #expect(try take(fixture, workspace, "goals: 1\n").status == 1)
        let check = try fixture.run(["db", "check", "--json"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("wait: between attempts refuses an early attempt with the time it may start")
    func waitBetweenAttempts() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("assessments/intro-quiz.md", Self.quiz("wait: 24h"))
        let fixture = try RecordsFixture()
        #expect(try take(fixture, workspace, "goals: 2\n").status == 0)
        let early = try take(fixture, workspace, "goals: 1\n")
        #expect(early.status == 1)
        #expect(early.stderr.contains("the next attempt at quiz 'intro-quiz' can start from"), "\(early.stderr)")
    }

    @Test("an essay is marked by a person, audited; a regrade shows old and new grades and records beside the attempt")
    func markAndRegrade() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("assessments/intro-quiz.md", Self.quiz("", essay: true))
        let fixture = try RecordsFixture()
        let taken = try take(fixture, workspace, "goals: 1\nlimit: I cannot diagnose.\n")
        #expect(taken.status == 0, "\(taken.stderr)")
        let attempt = try #require(attemptID(taken.stdout))
        let before = try fixture.run(["progress", fixture.traineeID, "--json", "-C", workspace.path])
        #expect(before.stdout.contains("\"awaitingMarking\" : 1"), "\(before.stdout)")
        let notMarkable = try fixture.run(["quiz", "mark", attempt, "goals", "--score", "0", "-C", workspace.path])
        #expect(notMarkable.status == 1)
        #expect(notMarkable.stderr.contains("graded automatically"))
        let badScore = try fixture.run(["quiz", "mark", attempt, "limit", "--score", "150%", "-C", workspace.path])
        #expect(badScore.status == 1)
        let mark = try fixture.run(["quiz", "mark", attempt, "limit", "--score", "1/2", "--feedback", "Name the limit and why.",
                                    "--as", "trainer-kim", "-C", workspace.path])
        #expect(mark.status == 0, "\(mark.stderr)")
        #expect(mark.stdout.contains("50% by trainer-kim"), "\(mark.stdout)")
        #expect(mark.stdout.contains("attempt now scores 75%"), "\(mark.stdout)")
        let marked = try fixture.run(["progress", fixture.traineeID, "--json", "-C", workspace.path])
        #expect(marked.stdout.contains("\"awaitingMarking\" : 0"))
        #expect(marked.stdout.contains("\"grade\" : 0.75"), "\(marked.stdout)")

        // The author changes the answer key: the regrade shows it, records only when asked.
        try workspace.write("assessments/intro-quiz.md", Self.quiz("", essay: true, right: 2))
        let dry = try fixture.run(["quiz", "regrade", "intro-quiz", "--dry-run", "-C", workspace.path])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("\(attempt) \(fixture.traineeID) attempt 1: 75% not passed -> 25% not passed"), "\(dry.stdout)")
        #expect(dry.stdout.contains("goals: changed since it was graded: 100% -> 0%"))
        #expect(try fixture.run(["progress", fixture.traineeID, "--json", "-C", workspace.path]).stdout.contains("\"grade\" : 0.75"))
        let real = try fixture.run(["quiz", "regrade", "intro-quiz", "-C", workspace.path])
        #expect(real.stdout.contains("1 changed, regrades recorded"), "\(real.stdout)")
        #expect(try fixture.run(["progress", fixture.traineeID, "--json", "-C", workspace.path]).stdout.contains("\"grade\" : 0.25"))
        let again = try fixture.run(["quiz", "regrade", "intro-quiz", "--dry-run", "-C", workspace.path])
        #expect(again.stdout.contains("0 changed"), "\(again.stdout)")
        let check = try fixture.run(["db", "check", "--json"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("\"quiz_attempt\" : 1"))
    }
}
