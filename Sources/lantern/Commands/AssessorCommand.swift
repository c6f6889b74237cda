import ArgumentParser
import LanternApplication
import LanternDiagnostics
import LanternRecords

struct AssessorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessor",
        abstract: "Add, list and correct trainers, assessors and supervisors; assign assessors to cohorts.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Assign.self, Unassign.self,
                      InviteCommand<AssessorHolder>.self, KeysOfPersonCommand<AssessorHolder>.self]
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
        static let configuration = CommandConfiguration(abstract: "List assessors, their roles and the cohorts they are assigned to.")

        @Option(help: "table, csv or json.")
        var format: OutputFormat = .table

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let store = try records.open()
            let assessors = try store.assessors()
            let cohorts = try store.assessorCohorts()
            switch format {
            case .json: Console.out(jsonText(assessors.map { AssessorShown($0, cohorts: cohorts[$0.id] ?? []) }))
            case .csv, .table:
                let rows = assessors.map { [$0.id, $0.name, $0.roles.map(\.rawValue).joined(separator: ","),
                                            (cohorts[$0.id] ?? []).joined(separator: ",")] }
                if format == .csv {
                    Console.out(try CSVText.render(header: ["id", "name", "roles", "cohorts"], rows: rows))
                } else {
                    Console.out(TextTable(header: ["ID", "NAME", "ROLES", "COHORTS"], rows: rows).render())
                }
            }
        }
    }

    /// An assessor with the cohorts they are assigned to, as `list` and `show` print it in JSON.
    struct AssessorShown: Encodable {
        var id: String
        var name: String
        var email: String?
        var roles: [Assessor.Role]
        var createdAt: String
        var cohorts: [String]

        init(_ assessor: Assessor, cohorts: [String]) {
            id = assessor.id
            name = assessor.name
            email = assessor.email
            roles = assessor.roles
            createdAt = assessor.createdAt
            self.cohorts = cohorts
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one assessor: roles, the cohorts they are assigned to, their SSH keys.")

        @Argument(help: ArgumentHelp("The assessor's id.", valueName: "id"))
        var id: String

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let store = try records.open(mustExist: true)
            let cohorts = try store.cohorts(ofAssessor: id)
            guard let assessor = try store.assessors().first(where: { $0.id == id }) else { return }
            if json {
                Console.out(jsonText(AssessorShown(assessor, cohorts: cohorts)))
                return
            }
            let keys = try store.keys(of: .assessor(assessor.id))
            Console.out("""
                id: \(assessor.id)
                name: \(assessor.name)
                roles: \(assessor.roles.map(\.rawValue).joined(separator: ", "))
                cohorts: \(cohorts.isEmpty ? "none (assign with 'lantern assessor assign \(assessor.id) --cohort ID')" : cohorts.joined(separator: ", "))
                ssh keys: \(keys.count)
                added: \(assessor.createdAt)

                """)
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign an assessor to a cohort: on 'lantern serve' they see and record for its trainees.",
            discussion: """
            Unless lantern.yml says 'serve: {assessors_see: all}', an assessor signed in to \
            'lantern serve' chooses from, and may record observations for, only the trainees \
            enrolled in the cohorts they are assigned to. Staff with the trainer role, and \
            'lantern checklist record' run at the server, are not limited.
            """)

        @Argument(help: ArgumentHelp("The assessor's id.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("The cohort id (cohorts are made by 'lantern enroll T --cohort ID').", valueName: "id"))
        var cohort: String

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try AssignAssessor(records: try records.open(mustExist: true), actor: records.principal, output: StandardOutput())
                .assign(assessor: id, cohort: cohort)
        }
    }

    struct Unassign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End an assessor's assignment to a cohort.")

        @Argument(help: ArgumentHelp("The assessor's id.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("The cohort id.", valueName: "id"))
        var cohort: String

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try AssignAssessor(records: try records.open(mustExist: true), actor: records.principal, output: StandardOutput())
                .unassign(assessor: id, cohort: cohort)
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

