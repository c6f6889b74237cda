import Foundation
import LanternTestSupport
import Testing

/// Connections cut at awkward moments (found by `make bench-serve-faults`, a disconnect in every
/// state): what the person had not confirmed is not recorded.
@Suite("lantern serve: connections cut mid-input", .serialized)
struct OpenSSHDisconnectTests {
    @Test("An answer typed but not confirmed with Enter when the connection drops is not saved")
    func halfTypedAnswerIsNotSaved() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let (_, key) = try harness.enrolledTrainee("Grace")

        let first = try harness.connect(key: key)
        try first.expect("lantern> ")
        first.send("quiz 1\r")
        try first.expect("Question 1 of 2")
        first.send("1")   // typed, never confirmed
        try first.expect("Answer: 1")   // the server echoed it: it has the byte
        first.kill()
        first.wait()

        // Still at question 1, with nothing saved for it.
        let second = try harness.connect(key: key)
        try second.expect("lantern> ")
        let resumed = second.output.count
        second.send("quiz 1\r")
        try second.expect("Carrying on at question 1", after: resumed)
        try second.expect("Answer: ", after: resumed)
        #expect(!String(second.output.dropFirst(resumed)).contains("Saved answer"))
        second.send("quit\r")
        second.kill()
        second.wait()
    }

    @Test("A last line without a newline still counts when the client ends its input cleanly")
    func lastLineAtCleanEndOfInput() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let (trainee, key) = try harness.enrolledTrainee("Lin")

        // `ssh -T < file` whose file does not end in a newline: the client sends EOF, not a drop.
        let result = try harness.run(key: key, input: "quiz 1\n1\n1\nsubmit")
        #expect(result.status == 0)
        let progress = try harness.lantern(["progress", trainee, "--json"])
        let transcript = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
        let quizzes = try #require(transcript["quizzes"] as? [[String: Any]])
        #expect(quizzes.first { $0["quizID"] as? String == "intro-quiz" }?["attempts"] as? Int == 1)
    }
}
