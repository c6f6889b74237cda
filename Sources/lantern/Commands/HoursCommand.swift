import ArgumentParser
import Foundation
import LanternApplication
import LanternDiagnostics
import LanternRecords

struct HoursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours",
        abstract: "Log, list, sign off and void practicum and continuing-education hours.",
        discussion: """
        Rules: one entry is one day's hours, more than 0 and at most 24; its date (--date, default \
        today) cannot be in the future. Practicum hours count towards a certificate once their \
        supervisor signs them off. Entries are never edited or deleted: a wrong one is voided \
        with a reason ('lantern hours void ENTRY --reason …') and the right hours logged again.
        """,
        subcommands: [Log.self, List.self, Sign.self, VoidEntry.self]
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

        // Unconditional, so '--hours -3' reaches the range check instead of reading as an option.
        @Option(parsing: .unconditional, help: "How many hours, more than 0 and at most 24 (for example 2.5).")
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

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a trainee's hours entries with their ids (voided ones marked).")

        @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Option(help: "table or json.")
        var format: OutputFormat = .table

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let entries = try records.open(mustExist: true).hoursEntries(trainee: trainee)
            switch format {
            case .json: Console.out(jsonText(entries))
            case .csv, .table:
                if entries.isEmpty { Console.out("no hours logged\n"); return }
                let rows = entries.map { entry in
                    [entry.id, entry.date, Wording.hours(entry.hours), entry.kind == "ce" ? "CE" : "practicum", entry.detail,
                     entry.voided ? "void: \(entry.voidReason ?? "")" : entry.kind == "ce" ? "counts" : entry.signedOff ? "signed off" : "awaiting sign-off"]
                }
                let header = ["ENTRY", "DATE", "HOURS", "KIND", "SUPERVISOR/CATEGORY", "STATUS"]
                Console.out(format == .csv ? try CSVText.render(header: header, rows: rows) : TextTable(header: header, rows: rows).render())
            }
        }
    }

    struct VoidEntry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract: "Void an hours entry logged in error, with a reason; it stays in the records but no longer counts.",
            discussion: "Log the right hours as a new entry afterwards. Asks for confirmation at a terminal; --yes for scripts.")

        @Argument(help: ArgumentHelp("The hours entry id ('lantern hours list TRAINEE' shows them).", valueName: "entry"))
        var entry: String

        @Option(help: ArgumentHelp("Why the entry is wrong, e.g. \"logged twice\" (no health information).", valueName: "text"))
        var reason: String

        @OptionGroup var confirmation: ConfirmOption

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let store = try records.open(mustExist: true)
            try confirmation.confirm("Voiding hours entry \(entry)", command: "lantern hours void \(entry) --reason …")
            try VoidHours(records: store, actor: records.principal, output: StandardOutput()).run(entry: entry, reason: reason)
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
