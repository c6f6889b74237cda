import ArgumentParser
import LanternApplication
import Foundation
import LanternDiagnostics
import LanternRecords

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Print a trainee's transcript: enrolments, modules, quizzes, checklists and hours."
    )

    @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
    var trainee: String

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let checked = (try? records.course())?.checked
        let transcript = try records.open(mustExist: true).transcript(trainee, checklists: checked?.checklists ?? [],
                                                                       quizzes: checked?.quizzes ?? [])
        if json {
            Console.out(jsonText(transcript))
            return
        }
        var text = "Transcript for \(transcript.traineeID)"
        if transcript.erased { text += " (personal data erased)" } else if let name = transcript.displayName { text += " (\(name))" }
        text += "\n"
        if !transcript.enrolments.isEmpty {
            text += "\nEnrolments\n" + TextTable(header: ["COHORT", "PROGRAM", "ENROLLED"],
                                                rows: transcript.enrolments.map { [$0.cohortID, $0.programID, String($0.enrolledAt.prefix(10))] }).render()
        }
        if !transcript.modules.isEmpty {
            text += "\nModules\n" + TextTable(header: ["MODULE", "OPENED", "MINUTES", "COMPLETED"], rows: transcript.modules.map {
                [$0.moduleID, String($0.openedAt.prefix(10)), String($0.secondsSpent / 60), $0.completedAt.map { String($0.prefix(10)) } ?? "-"]
            }).render()
        }
        text += "\nQuizzes\n"
        text += transcript.quizzes.isEmpty ? "  none attempted\n" : TextTable(header: ["QUIZ", "ATTEMPTS", "GRADE", "BEST", "PASSED"], rows: transcript.quizzes.map {
            let attempts = String($0.attempts) + ($0.attemptsAllowed.map { " of \($0)" } ?? "")
            let grade = $0.grade.map(percent) ?? "-"
            let rule = $0.grading.map { " (\($0))" } ?? ""
            let marking = ($0.awaitingMarking ?? 0) > 0 ? " (\($0.awaitingMarking!) to mark)" : ""
            return [$0.quizID, attempts, grade + rule, percent($0.bestScore), ($0.passed ? "yes" : "no") + marking]
        }).render()
        text += "\nChecklists\n"
        text += transcript.checklists.isEmpty ? "  none observed\n" : TextTable(header: ["CHECKLIST", "OBSERVATIONS", "COMPETENT OCCASIONS", "LAST", "STATUS"], rows: transcript.checklists.map {
            [$0.checklistID, String($0.observations), "\($0.competentOccasions)\($0.occasionsNeeded.map { " of \($0)" } ?? "")",
             $0.lastObservedOn, $0.status ?? "-"]
        }).render()
        text += "\nHours\n"
        text += "  practicum: \(hours(transcript.practicumHours)) logged, \(hours(transcript.practicumHoursSignedOff)) signed off\n"
        for (category, value) in transcript.ceHours.sorted(by: { $0.key < $1.key }) {
            text += "  continuing education (\(category)): \(hours(value))\n"
        }
        Console.out(text)
    }
}

func percent(_ score: Double) -> String { Wording.percent(score) }

func hours(_ value: Double) -> String { Wording.hours(value) }
