import Foundation
import LanternTestSupport
import Testing

/// Staff over SSH: trainers' allow-listed commands, the assessor screen, and the records naming
/// them by key.
@Suite("lantern serve: staff with OpenSSH's client", .serialized)
struct OpenSSHStaffTests {
    /// An assessor with `roles`, enrolled with a new key; the key's path.
    func enrolledStaff(_ harness: ServeHarness, _ id: String, roles: [String]) throws -> String {
        let added = try harness.lantern(["assessor", "add", id, "--name", "Staff \(id)"] + roles.flatMap { ["--role", $0] })
        guard added.status == 0 else { throw HarnessError("assessor add: \(added.stderr)") }
        let code = try harness.invite(["assessor", "invite", id])
        let key = try harness.makeKey(id, type: "ecdsa", bits: 256)
        let result = try harness.run(key: key, user: "enrol", input: code + "\n")
        guard result.status == 0 else { throw HarnessError("enrol \(id): \(result.output) \(result.errors)") }
        return key
    }

    @Test("A trainer runs allowed commands as their key's principal; refused ones exit 2 and change nothing")
    func trainerCommands() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let trainer = try enrolledStaff(harness, "tess", roles: ["trainer"])
        let (trainee, _) = try harness.enrolledTrainee("Eve")

        let listed = try harness.run(key: trainer, command: ["trainee", "list"])
        #expect(listed.status == 0)
        #expect(listed.output.contains(trainee))

        let edited = try harness.run(key: trainer, command: ["trainee", "edit", trainee, "--preferred-name", "'Evie J'"])
        #expect(edited.status == 0, "\(edited.errors)")
        let shown = try harness.lantern(["trainee", "show", trainee])
        #expect(shown.stdout.contains("preferred name: Evie J"))
        // The history names the key's principal (ssh:SHA256:…), not a login or a typed name.
        #expect(shown.stdout.contains("trainee.edit  by ssh:SHA256:"))

        for refused in [["serve"], ["learn", "--trainee", trainee], ["progress", trainee, "--db", "/tmp/x.sqlite"],
                        ["trainee", "edit", trainee, "--name", "X", "--as", "someone"], ["keys", "list"], ["db", "backup", "/tmp/b"]] {
            let result = try harness.run(key: trainer, command: refused)
            #expect(result.status == 2, "\(refused)")
            #expect(result.errors.contains("cannot"), "\(refused): \(result.errors)")
        }
        #expect(try harness.lantern(["trainee", "show", trainee]).stdout.contains("name: Eve"))
    }

    @Test("An assessor records an observation on the assessor screen, named by their key; they may not run commands")
    func assessorScreen() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let assessor = try enrolledStaff(harness, "ash", roles: ["assessor"])
        let (trainee, _) = try harness.enrolledTrainee("Finn")
        #expect(try harness.lantern(["enroll", trainee, "--cohort", "spring"]).status == 0)
        #expect(try harness.lantern(["assessor", "assign", "ash", "--cohort", "spring"]).status == 0)

        let exec = try harness.run(key: assessor, command: ["trainee", "list"])
        #expect(exec.status == 1)
        #expect(exec.errors.contains("Commands are for staff with the trainer role"))

        // Choose the trainee, the checklist, rate both criteria (3 = competent) with notes, confirm.
        let input = ["1", "c", "1", "3", "Explained confidentiality and its limits first.", "3", "", "yes", "q", "q"].joined(separator: "\n") + "\n"
        let screen = try harness.run(key: assessor, input: input)
        #expect(screen.status == 0, "\(screen.output) \(screen.errors)")
        #expect(screen.output.contains("signed in as Staff ash"))
        #expect(screen.output.contains("Recorded ob-"))

        let progress = try harness.lantern(["progress", trainee, "--json"])
        #expect(progress.stdout.contains("listening-skills"))
        let audit = try harness.lantern(["trainee", "show", trainee])
        #expect(audit.stdout.contains("observation.record  by ssh:SHA256:") || audit.stdout.contains("by ssh:SHA256:"))
    }

    @Test("An assessor sees only the trainees of the cohort they are assigned to, and cannot record for another")
    func assignedCohortOnly() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let assessor = try enrolledStaff(harness, "ash", roles: ["assessor"])
        let (mine, _) = try harness.enrolledTrainee("Finn")
        let (other, _) = try harness.enrolledTrainee("Gwen")
        #expect(try harness.lantern(["enroll", mine, "--cohort", "spring"]).status == 0)
        #expect(try harness.lantern(["enroll", other, "--cohort", "autumn"]).status == 0)

        // Not assigned yet: no one to choose.
        let before = try harness.run(key: assessor, input: "q\n")
        #expect(before.status == 0, "\(before.output) \(before.errors)")
        #expect(before.output.contains("you are not assigned to a cohort"))
        #expect(!before.output.contains(mine) && !before.output.contains(other))

        // A trainer assigns ash over SSH (staff exec), named by the trainer's key in the audit log.
        let trainer = try enrolledStaff(harness, "tess", roles: ["trainer"])
        let assigned = try harness.run(key: trainer, command: ["assessor", "assign", "ash", "--cohort", "spring"])
        #expect(assigned.status == 0, "\(assigned.errors)")
        #expect(try harness.run(key: trainer, command: ["assessor", "show", "ash"]).output.contains("cohorts: spring"))
        // Only Finn is listed; "2" (where Gwen would be) is not a choice; Finn is recorded.
        let input = ["2", "1", "c", "1", "3", "Explained confidentiality first.", "3", "", "yes", "q", "q"].joined(separator: "\n") + "\n"
        let screen = try harness.run(key: assessor, input: input)
        #expect(screen.status == 0, "\(screen.output) \(screen.errors)")
        #expect(screen.output.contains("1. \(mine)"))
        #expect(!screen.output.contains(other))
        #expect(screen.output.contains("Type a number from 1 to 1"))
        #expect(screen.output.contains("Recorded ob-"))
        #expect(try harness.lantern(["progress", mine, "--json"]).stdout.contains("listening-skills"))
        #expect(!(try harness.lantern(["progress", other, "--json"]).stdout.contains("\"competent\"")))
    }
}
