import ArgumentParser
import LanternDiagnostics
import LanternRecords

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Back up and check the records database.",
        subcommands: [Backup.self, Check.self]
    )

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the records to a file with SQLite's online backup (safe while others write)."
        )

        @Argument(help: ArgumentHelp("The backup file to write (replaced if it exists).", valueName: "path"))
        var path: String

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try records.open(mustExist: true).backup(to: path)
            Console.out("backed up the records to \(path)\n")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check integrity, foreign keys and the audit log's hash chain.",
            discussion: "Exit status: 0 when everything is sound, 1 when a problem was found."
        )

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let store = try records.open(mustExist: true)
            let report = try store.check()
            if json {
                Console.out(jsonText(report))
            } else {
                let problems = report.integrity.map { "integrity: \($0)" } + report.foreignKeys.map { "foreign key: \($0)" } + report.auditChain
                for problem in problems {
                    Console.printError(Diagnostic(.error, "db-check", problem, at: nil))
                }
                let nouns = [("trainee", "trainee"), ("quiz_attempt", "quiz attempt"), ("observation", "observation"),
                             ("practicum_hours", "practicum hours entry"), ("ce_hours", "continuing-education hours entry")]
                let counts = nouns.map { Wording.count(report.counts[$0.0] ?? 0, $0.1, plural: $0.1.hasSuffix("entry") ? String($0.1.dropLast()) + "ies" : nil) }
                    .joined(separator: ", ")
                Console.out("\(store.path): integrity \(report.integrity.isEmpty ? "ok" : "FAILED"), foreign keys \(report.foreignKeys.isEmpty ? "ok" : "FAILED"), audit chain of \(Wording.count(report.auditRows, "row")) \(report.auditChain.isEmpty ? "ok" : "BROKEN")\n\(counts)\n")
            }
            if !report.isHealthy { throw ExitCode(1) }
        }
    }
}
