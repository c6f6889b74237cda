import ArgumentParser
import LanternApplication
import Foundation

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Record competency checklist observations.",
        subcommands: [Record.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record one observation; prints nothing but its id on success.",
            discussion: """
            Ratings come from --ratings FILE (YAML or JSON; see docs/records.md) or from \
            --rating CRITERION=LEVEL options. Every criterion that is not optional must be rated. \
            A correction is a new observation with --supersedes ID; observations are never edited.
            """
        )

        @Argument(help: ArgumentHelp("The checklist id, for example 'active-listening'.", valueName: "checklist"))
        var checklist: String

        @Option(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Option(help: ArgumentHelp("The assessor's id.", valueName: "assessor"))
        var assessor: String

        @Option(help: ArgumentHelp("A YAML or JSON file of ratings and evidence notes.", valueName: "file"))
        var ratings: String?

        @Option(name: .customLong("rating"), help: ArgumentHelp("CRITERION=LEVEL (repeat), instead of --ratings.", valueName: "criterion=level"))
        var inlineRatings: [String] = []

        @Option(help: "How it was observed (one of the checklist's methods).")
        var method: String?

        @Option(help: ArgumentHelp("When it was observed (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(help: ArgumentHelp("The observation this one corrects.", valueName: "id"))
        var supersedes: String?

        @OptionGroup var records: RecordsOptions

        func validate() throws {
            if ratings != nil && !inlineRatings.isEmpty {
                throw ValidationError("give --ratings FILE or --rating options, not both")
            }
            if ratings == nil && inlineRatings.isEmpty {
                throw ValidationError("give the ratings with --ratings FILE or --rating CRITERION=LEVEL")
            }
        }

        func run() throws {
            try RecordObservation(course: records.course(), records: records.open(), actor: records.principal, output: StandardOutput())
                .record(trainee: trainee, checklistID: checklist, assessor: assessor,
                        ratings: ratings.map { .file(path: $0) } ?? .pairs(inlineRatings),
                        method: method, date: date, supersedes: supersedes)
        }
    }
}
