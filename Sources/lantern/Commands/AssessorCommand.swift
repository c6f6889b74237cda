import ArgumentParser
import LanternDiagnostics
import LanternRecords

struct AssessorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessor",
        abstract: "Add and list trainers, assessors and supervisors.",
        subcommands: [Add.self, List.self]
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

extension Assessor.Role: ExpressibleByArgument {}

