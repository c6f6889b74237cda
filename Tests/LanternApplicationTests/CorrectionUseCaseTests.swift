import Foundation
import LanternApplication
import LanternRecords
import LanternTestSupport
import Testing

/// The correction jobs in-process (issue 18): what they say, and what they record as whom.
@Suite struct CorrectionUseCaseTests {
    @Test func editTraineeSaysWhatChangedAndAuditsTheActor() throws {
        let sample = try SampleCourse()
        let output = CapturedOutput()
        let edit = try EditTrainee(records: sample.records, actor: .sshPrincipal("staff-1"), output: output)
            .run(trainee: sample.traineeID, TraineeChanges(email: "t@example.org"))
        #expect(edit.changedFields == ["email"])
        #expect(output.text == "changed email of trainee \(sample.traineeID)\n")
        let row = try #require(try sample.records.auditEntries(subjectID: sample.traineeID).last)
        #expect(row.action == "trainee.edit")
        // The audit row names an opaque principal id; the name behind it is kept apart (issue 20.6).
        #expect(row.actor.hasPrefix("p-"))
        #expect(try sample.records.principals()[row.actor]?.name == "ssh:staff-1")
        #expect(!row.detail.contains("t@example.org"))
    }

    @Test func voidHoursStopsTheEntryCounting() throws {
        let sample = try SampleCourse()
        _ = try sample.records.addAssessor(id: "sup", name: "Sue", email: nil, roles: [.supervisor])
        let entry = try sample.records.logHours(HoursEntry(traineeID: sample.traineeID, date: "2026-01-05", hours: 7,
                                                           kind: .practicum(supervisorID: "sup", signedOffAt: "2026-01-05T10:00:00.000Z")))
        #expect(try sample.records.transcript(sample.traineeID).practicumHours == 7)
        let output = CapturedOutput()
        try VoidHours(records: sample.records, actor: .localOperator("office"), output: output).run(entry: entry.id, reason: "wrong trainee")
        #expect(output.text.contains("voided \(entry.id) (7 on 2026-01-05)"))
        #expect(try sample.records.transcript(sample.traineeID).practicumHours == 0)
        #expect(try sample.records.hoursEntries(trainee: sample.traineeID).first?.voidReason == "wrong trainee")
    }
}
