import Foundation
import LanternApplication
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// What an assessor sees of a checklist (issue 17: descriptors and n/a must reach the assessor).
@Suite("checklist show")
struct ShowChecklistTests {
    @Test("the form shows descriptors, n/a and who may observe; the ratings template, filled in, is accepted")
    func formAndTemplate() throws {
        let course = ShippedCourse.course
        let form = CapturedOutput()
        try ShowChecklist(course: course, output: form).show(checklistID: "confirming-location")
        #expect(form.text.contains("What the levels mean:\n  not-yet: "))
        #expect(form.text.contains("(critical) Confirms where the person is right now"))
        #expect(form.text.contains("   competent: Asks where the person is right now near the start, before the main talk."))
        #expect(form.text.contains("May be rated n/a when the scenario does not include it."))
        #expect(form.text.contains("never the trainee themself"))

        let template = CapturedOutput()
        try ShowChecklist(course: course, output: template).show(checklistID: "confirming-location", ratingsTemplate: true)
        let definition = try course.checklist("confirming-location")
        // Unfilled: every criterion is reported, each at its line.
        var thrown: LanternError?
        do { _ = try RatingsFile.parse(template.text, path: "r.yml", checklist: definition) } catch { thrown = error }
        #expect(thrown?.diagnostics.count == definition.criteria.count, "\(thrown?.description ?? "")")
        // Filled in: competent everywhere, n/a where the checklist allows it.
        var filled = ""
        var criterion = ""
        for line in template.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":"), !line.hasPrefix("  #") {
                criterion = String(line.dropFirst(2).dropLast())
            }
            if line == "    rating:" {
                let allowsNA = definition.criteria.first { $0.id == criterion }?.allowsNotApplicable ?? false
                filled += "    rating: " + (allowsNA ? "n/a" : "competent") + "\n"
            } else if line == "    evidence:" {
                filled += "    evidence: Seen in the role-play.\n"
            } else {
                filled += line + "\n"
            }
        }
        let file = try RatingsFile.parse(filled, path: "r.yml", checklist: definition)
        #expect(file.ratings.contains { $0.rating == "n/a" })
        #expect(definition.isCompetent(file.ratings))
    }
}

@Suite("checklist record --rating pairs")
struct RatingPairsTests {
    @Test("each problem names the --rating option it came from, and nothing is recorded")
    func pairsNamed() throws {
        let sample = try SampleCourse()
        try sample.records.addAssessor(id: "ann", name: "Ann", email: nil, roles: [.assessor])
        let record = RecordObservation(course: sample.course, records: sample.records, actor: .localOperator("test"), output: CapturedOutput())
        var thrown: LanternError?
        do {
            try record.record(trainee: sample.traineeID, checklistID: "listening-skills", assessor: "ann",
                              ratings: .pairs(["confidentiality=great", "open-questions=n/a"]), method: "role-play")
        } catch { thrown = error }
        let messages = try #require(thrown).diagnostics.map(\.message)
        #expect(messages == ["--rating confidentiality=great: 'great' is not on the scale of checklist 'listening-skills'",
                             "--rating open-questions=n/a: criterion 'open-questions' must be rated: checklist 'listening-skills' does not allow n/a for it"],
                "\(messages)")
        #expect(try sample.records.currentObservations(trainee: sample.traineeID).isEmpty)
    }
}
