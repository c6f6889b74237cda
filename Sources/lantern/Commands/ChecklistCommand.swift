import ArgumentParser
import LanternApplication
import Foundation

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Show checklists to assessors and record observations.",
        subcommands: [Record.self, Show.self]
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

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a checklist as an assessor uses it, or a ratings file to fill in.",
            discussion: """
            The observation form: instructions, what each level means, each criterion with its own \
            descriptors and notes, which may be rated n/a, and who may observe. With \
            --ratings-template, a YAML ratings file listing every criterion, for \
            'lantern checklist record --ratings'.
            """
        )

        @Argument(help: ArgumentHelp("The checklist id, for example 'active-listening'.", valueName: "checklist"))
        var checklist: String

        @Flag(help: "Print a ratings file to fill in instead of the form.")
        var ratingsTemplate = false

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try ShowChecklist(course: records.course(), output: StandardOutput()).show(checklistID: checklist, ratingsTemplate: ratingsTemplate)
        }
    }
}
