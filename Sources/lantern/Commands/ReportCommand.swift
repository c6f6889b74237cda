import ArgumentParser
import LanternApplication
import LanternAssessment
import LanternRecords

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports over the records.",
        subcommands: [Cohort.self]
    )

    struct Cohort: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Progress of every trainee in a cohort (or in every cohort).")

        @Argument(help: ArgumentHelp("The cohort id (default: every cohort).", valueName: "cohort"))
        var cohort: String?

        @Option(help: "table, csv or json.")
        var format: OutputFormat = .table

        @OptionGroup var records: RecordsOptions

        func run() throws {
            // Checklists count as met by the assessment engine's rules when the workspace is at
            // hand; otherwise after one competent observation.
            let checklists = (try? records.course())?.checked.checklists ?? []
            let report = try records.open(mustExist: true).cohortReport(cohort: cohort, checklists: checklists)
            let header = ["cohort", "trainee", "name", "modules_completed", "quiz_attempts", "quizzes_passed",
                          "checklists_competent", "practicum_hours_signed", "ce_hours"]
            let rows = report.lines.map { line in
                [line.cohortID, line.traineeID, line.displayName ?? "(erased)", String(line.modulesCompleted), String(line.quizAttempts),
                 String(line.quizzesPassed), String(line.checklistsCompetent), hours(line.practicumHoursSignedOff), hours(line.ceHours)]
            }
            switch format {
            case .json: Console.out(jsonText(report))
            case .csv: Console.out(try CSVText.render(header: header, rows: rows))
            case .table:
                Console.out(TextTable(header: ["COHORT", "TRAINEE", "NAME", "MODULES", "ATTEMPTS", "QUIZZES PASSED", "CHECKLISTS", "PRACTICUM H", "CE H"],
                                      rows: rows).render())
            }
        }
    }
}
