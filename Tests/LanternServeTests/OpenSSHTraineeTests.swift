import Foundation
import LanternTestSupport
import Testing

/// Trainees over SSH: enrolment by code, the learner as themselves, and what they may not do.
@Suite("lantern serve: trainees with OpenSSH's client", .serialized)
struct OpenSSHTraineeTests {
    @Test("Enrol with a code, take a quiz, drop the connection, resume, and see the attempt in lantern progress")
    func enrolLearnDropResume() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let (trainee, key) = try harness.enrolledTrainee("Ada")

        // First session (a PTY with TERM=dumb: the plain learner, echoed by the server).
        let first = try harness.connect(key: key)
        try first.expect("lantern> ")
        first.send("quiz 1\r")
        try first.expect("Question 1 of 2")
        first.send("1\r")
        try first.expect("Question 2 of 2")
        first.kill()   // the connection drops mid-quiz
        first.wait()

        // Second session: the same attempt, at question 2.
        let second = try harness.connect(key: key)
        try second.expect("lantern> ")
        let mark = second.output.count
        second.send("quiz 1\r")
        try second.expect("Carrying on at question 2", after: mark)
        second.send("1\r")
        try second.expect("hand in", after: mark)
        let beforeSubmit = second.output.count
        second.send("submit\r")
        try second.expect("lantern> ", after: beforeSubmit)
        second.send("quit\r")
        #expect(second.wait() == 0)

        // One attempt, submitted: the one begun before the drop, not a second one.
        let progress = try harness.lantern(["progress", trainee, "--json"])
        #expect(progress.status == 0)
        let transcript = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
        let quizzes = try #require(transcript["quizzes"] as? [[String: Any]])
        let quiz = try #require(quizzes.first { $0["quizID"] as? String == "intro-quiz" })
        #expect(quiz["attempts"] as? Int == 1)
    }

    @Test("A trainee may not run commands, forward ports or open a subsystem; only the learner")
    func traineeRefusals() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let (_, key) = try harness.enrolledTrainee("Ben")
        let (other, _) = try harness.enrolledTrainee("Cleo")

        let exec = try harness.run(key: key, command: ["progress", other])
        #expect(exec.status == 1)
        #expect(exec.errors.contains("Commands are for staff"))
        #expect(!exec.output.contains(other))

        let learnAsOther = try harness.run(key: key, command: ["learn", "--trainee", other])
        #expect(learnAsOther.status == 1)

        let forward = try harness.run(key: key, extra: ["-W", "127.0.0.1:\(harness.port)"])
        #expect(forward.status == 255)

        let sftp = try harness.run(key: key, command: ["sftp"], extra: ["-s"])
        #expect(sftp.status != 0)
        #expect(harness.server!.process.isRunning)
    }

    @Test("A code works once, and an unknown or wrong code enrols nothing")
    func codeOnce() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let id = try harness.lantern(["trainee", "add", "--name", "Dee"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let code = try harness.invite(["trainee", "invite", id])
        #expect(code.count == 24)   // 20 base-32 characters (100 bits, 80 of them secret) in groups of four

        let wrongKey = try harness.makeKey("dee-wrong")
        var wrong = Array(code)
        wrong[wrong.count - 1] = wrong.last == "A" ? "B" : "A"
        let refused = try harness.run(key: wrongKey, user: "enrol", input: String(wrong) + "\n")
        #expect(refused.status == 1)
        #expect(refused.output.contains("not right"))
        #expect(try harness.run(key: wrongKey, command: []).status == 255)

        let key = try harness.makeKey("dee")
        #expect(try harness.run(key: key, user: "enrol", input: code + "\n").status == 0)
        let again = try harness.makeKey("dee-again")
        let reused = try harness.run(key: again, user: "enrol", input: code + "\n")
        #expect(reused.status == 1)
        #expect(reused.output.contains("used already"))

        let listed = try harness.lantern(["trainee", "keys", id])
        #expect(listed.stdout.contains("ssh-ed25519"))
        #expect(listed.stdout.split(separator: "\n").count == 1)
    }
}
