import ArgumentParser
import Foundation
import LanternApplication

struct HoursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours",
        abstract: "Log practicum and continuing-education hours.",
        subcommands: [Log.self, Sign.self]
    )

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log hours; prints nothing but the entry id on success.",
            discussion: """
            Practicum: --supervisor ID (an assessor with the supervisor role), and --signed-off when \
            they sign it off now. Continuing education: --ce CATEGORY (for example ethics).
            """
        )

        @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Option(help: "How many hours (for example 2.5).")
        var hours: Double

        @Option(help: ArgumentHelp("When (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(help: ArgumentHelp("Practicum: the supervisor's id.", valueName: "id"))
        var supervisor: String?

        @Flag(help: "Practicum: the supervisor signs the hours off now.")
        var signedOff = false

        @Option(name: [.customLong("ce"), .customLong("category")], help: ArgumentHelp("Continuing education: its category (for example ethics).", valueName: "category"))
        var ce: String?

        @Option(help: "A short note (no health information).")
        var note: String?

        @OptionGroup var records: RecordsOptions

        func validate() throws {
            if (supervisor == nil) == (ce == nil) {
                throw ValidationError("give --supervisor ID for practicum hours or --ce CATEGORY for continuing education")
            }
            if signedOff && supervisor == nil {
                throw ValidationError("--signed-off goes with --supervisor")
            }
        }

        func run() throws {
            try LogHours(records: records.open(), actor: records.principal, output: StandardOutput())
                .log(trainee: trainee, hours: hours, date: date,
                     kind: supervisor.map { .practicum(supervisorID: $0, signedOffNow: signedOff) } ?? .continuingEducation(category: ce ?? ""),
                     note: note)
        }
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign off practicum hours logged without a sign-off.")

        @Argument(help: ArgumentHelp("The hours entry id.", valueName: "entry"))
        var entry: String

        @Option(help: ArgumentHelp("The supervisor named on the entry.", valueName: "id"))
        var supervisor: String

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try LogHours(records: records.open(mustExist: true), actor: records.principal, output: StandardOutput())
                .signOff(entry: entry, supervisor: supervisor)
        }
    }
}
