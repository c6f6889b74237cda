import ArgumentParser
import LanternApplication
import LanternDiagnostics
import LanternRecords

struct EnrollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Enrol a trainee in a cohort of a program (the cohort is created on first use)."
    )

    @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
    var trainee: String

    @Option(help: ArgumentHelp("The cohort id, for example '2026-spring'.", valueName: "id"))
    var cohort: String

    @Option(help: ArgumentHelp("The program id (default: the workspace's curriculum/program.yml).", valueName: "id"))
    var program: String?

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let programID: String
        if let program {
            programID = program
        } else {
            guard let found = try records.course().loadedWorkspace().program?.id else {
                throw LanternError(.noProgram, "the workspace has no curriculum/program.yml", hint: "pass --program ID")
            }
            programID = found
        }
        let store = try records.open()
        try store.enroll(trainee: trainee, cohort: cohort, program: programID)
        Console.out("enrolled \(try store.trainee(trainee).id) in cohort \(cohort) (\(programID))\n")
    }
}
