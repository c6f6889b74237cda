import Foundation
import LanternApplication
import LanternAssessment
import LanternDiagnostics
import LanternRecords
import LanternTerminal

/// What staff see when they connect with no command: choose a trainee, then record a checklist
/// observation (assessors: each criterion rated on the checklist's scale, with an evidence note)
/// or sign off practicum hours logged under them (supervisors). Line by line, so it works the
/// same with or without a PTY and with a screen reader. The records name the assessor and the
/// supervisor from the key, never from anything typed. The trainees listed are those the person
/// may act for (`ListTraineesToAssess`): the cohorts they are assigned to, unless `lantern.yml`
/// says otherwise; the use case refuses a record outside them even if asked directly.
struct StaffScreen {
    let server: ServerContext
    let identity: ServeIdentity
    let assessor: Assessor
    let io: any LineIO

    private var isAssessor: Bool { assessor.roles.contains(.assessor) }
    private var isSupervisor: Bool { assessor.roles.contains(.supervisor) }

    func run() throws(LanternError) {
        let roles = assessor.roles.map(\.rawValue).joined(separator: ", ")
        say("Lantern: signed in as \(assessor.name) (\(assessor.id); \(roles)).")
        if identity.isTrainer {
            say("Trainers can also run commands: ssh -p PORT HOST report cohort COHORT --format csv")
        }
        guard isAssessor || isSupervisor else {
            say("Observations need the assessor role and sign-offs the supervisor role; you have neither.")
            return
        }
        let list = ListTraineesToAssess(course: server.course, records: server.records, actor: identity.principal, output: CapturedOutput())
        while true {
            let entries = try list.run(staff: assessor)
            guard !entries.isEmpty else {
                say(isAssessor && !identity.isTrainer && server.course.workspace?.config.serve.assessorsSee != .all
                    ? "No trainees to show: you are not assigned to a cohort with trainees yet (a trainer assigns you with 'lantern assessor assign \(assessor.id) --cohort COHORT')."
                    : "There are no trainees for you yet.")
                return
            }
            say("")
            say("Trainees:")
            for (index, entry) in entries.enumerated() {
                say("  \(index + 1). \(entry.trainee.id)  \(entry.trainee.displayName ?? "")")
            }
            guard let choice = choose("Choose a trainee by number, or q to leave: ", count: entries.count) else { return }
            if try !traineeMenu(entries[choice]) { return }
        }
    }

    /// The actions for one trainee; false when the person left.
    private func traineeMenu(_ entry: ListTraineesToAssess.Entry) throws(LanternError) -> Bool {
        let trainee = entry.trainee
        let mayObserve = isAssessor && entry.mayObserve
        while true {
            say("")
            say("\(trainee.displayName ?? trainee.id) (\(trainee.id)):")
            if mayObserve { say("  c. record a checklist observation") }
            if isSupervisor { say("  h. sign off practicum hours") }
            say("  b. back to the trainees")
            guard let line = io.readLine(prompt: "Choose: ") else { return false }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "c" where mayObserve: try observe(trainee)
            case "h" where isSupervisor: try signOff(trainee)
            case "b", "": return true
            case "q": return false
            default: say("Type one of the letters shown.")
            }
        }
    }

    private func observe(_ trainee: Trainee) throws(LanternError) {
        let checklists = server.course.checked.checklists
        guard !checklists.isEmpty else { return say("The course has no checklists.") }
        say("Checklists:")
        for (index, checklist) in checklists.enumerated() { say("  \(index + 1). \(checklist.title) (\(checklist.id))") }
        guard let choice = choose("Choose a checklist by number, or q to go back: ", count: checklists.count) else { return }
        let checklist = checklists[choice]
        var method: String?
        if checklist.methods.count > 1 {
            say("How was it observed?")
            for (index, name) in checklist.methods.enumerated() { say("  \(index + 1). \(name)") }
            guard let picked = choose("Method: ", count: checklist.methods.count) else { return }
            method = checklist.methods[picked]
        }
        let scale = checklist.scale.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
        var ratings: [LanternRecords.Observation.Rating] = []
        for criterion in checklist.criteria {
            say("")
            say("\(criterion.id)\(criterion.requirement == .optional ? " (optional)" : criterion.requirement == .critical ? " (critical)" : ""): \(criterion.text)")
            if let guidance = criterion.guidance { say("  Guidance: \(guidance)") }
            let prompt = "Rating (\(scale)\(criterion.requirement == .optional ? ", or Enter to skip" : "")): "
            var level: String?
            while level == nil {
                guard let line = io.readLine(prompt: prompt) else { return }
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty, criterion.requirement == .optional { break }
                if let number = Int(text), (1...checklist.scale.count).contains(number) {
                    level = checklist.scale[number - 1]
                } else if checklist.scale.contains(text) {
                    level = text
                } else {
                    say("Type a number from 1 to \(checklist.scale.count).")
                }
            }
            guard let level else { continue }
            guard let note = io.readLine(prompt: "Evidence note (what you saw; no health information; Enter for none): ") else { return }
            let evidence = note.trimmingCharacters(in: .whitespaces)
            ratings.append(LanternRecords.Observation.Rating(criterion: criterion.id, rating: level, evidence: evidence.isEmpty ? nil : evidence))
        }
        say("")
        say("\(trainee.id), \(checklist.title): " + ratings.map { "\($0.criterion) \($0.rating)" }.joined(separator: ", "))
        guard let confirm = io.readLine(prompt: "Record this observation as \(assessor.id)? (yes/no): "),
              ["yes", "y"].contains(confirm.trimmingCharacters(in: .whitespaces).lowercased()) else {
            return say("Not recorded.")
        }
        let output = CapturedOutput()
        let observation = try RecordObservation(course: server.course, records: server.records, actor: identity.principal, output: output)
            .record(trainee: trainee.id, checklistID: checklist.id, assessor: assessor.id, ratings: .given(ratings), method: method)
        say("Recorded \(observation.id): \(observation.competent ? "competent on this occasion" : "not yet competent on this occasion").")
    }

    private func signOff(_ trainee: Trainee) throws(LanternError) {
        let waiting = try server.records.hoursEntries(trainee: trainee.id)
            .filter { $0.kind == "practicum" && !$0.signedOff && !$0.voided && $0.detail == assessor.id }
        guard !waiting.isEmpty else { return say("No practicum hours of \(trainee.id) wait for your sign-off.") }
        say("Practicum hours waiting for your sign-off:")
        for (index, entry) in waiting.enumerated() { say("  \(index + 1). \(entry.date)  \(Wording.hours(entry.hours)) h  (\(entry.id))") }
        guard let choice = choose("Sign off which (number), or q to go back: ", count: waiting.count) else { return }
        let output = CapturedOutput()
        try LogHours(records: server.records, actor: identity.principal, output: output).signOff(entry: waiting[choice].id, supervisor: assessor.id)
        say("Signed off \(waiting[choice].id).")
    }

    /// A number from 1 to `count` typed by the person, as an index; nil for q or end of input.
    private func choose(_ prompt: String, count: Int) -> Int? {
        while true {
            guard let line = io.readLine(prompt: prompt) else { return nil }
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            if text == "q" || text == "b" { return nil }
            if let number = Int(text), (1...count).contains(number) { return number - 1 }
            say("Type a number from 1 to \(count), or q.")
        }
    }

    private func say(_ text: String) {
        io.write(text + "\n")
    }
}
