import ArgumentParser
import LanternApplication
import LanternDiagnostics
import LanternRecords

struct AssessorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessor",
        abstract: "Add, list and correct trainers, assessors and supervisors.",
        subcommands: [Add.self, List.self, Edit.self, InviteCommand<AssessorHolder>.self, KeysOfPersonCommand<AssessorHolder>.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an assessor; prints nothing but the id on success.")

        @Argument(help: ArgumentHelp("A short id you choose, for example 'jo-smith'.", valueName: "id"))
        var id: String

        @Option(help: "Their full name.")
        var name: String

        @Option(help: "Their email address.")
        var email: String?

        @Option(name: .customLong("role"), help: "trainer, assessor or supervisor (repeat for several).")
        var roles: [Assessor.Role] = []

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let assessor = try records.open().addAssessor(id: id, name: name, email: email, roles: roles)
            Console.out(assessor.id + "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List assessors and their roles.")

        @Option(help: "table, csv or json.")
        var format: OutputFormat = .table

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let assessors = try records.open().assessors()
            switch format {
            case .json: Console.out(jsonText(assessors))
            case .csv, .table:
                let rows = assessors.map { [$0.id, $0.name, $0.roles.map(\.rawValue).joined(separator: ",")] }
                if format == .csv {
                    Console.out(try CSVText.render(header: ["id", "name", "roles"], rows: rows))
                } else {
                    Console.out(TextTable(header: ["ID", "NAME", "ROLES"], rows: rows).render())
                }
            }
        }
    }
}

extension AssessorCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct an assessor's name or email.",
            discussion: "Audited with the old and new values as hashes, never the values. --email \"\" clears the email.")

        @Argument(help: ArgumentHelp("The assessor's id.", valueName: "id"))
        var id: String

        @Option(help: "Their full name.")
        var name: String?

        @Option(help: "Their email address.")
        var email: String?

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try EditAssessor(records: try records.open(mustExist: true), actor: records.principal, output: StandardOutput())
                .run(assessor: id, name: name, email: email)
        }
    }
}

extension Assessor.Role: ExpressibleByArgument {}

