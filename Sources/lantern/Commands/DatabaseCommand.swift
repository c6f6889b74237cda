import ArgumentParser
import Foundation
import LanternApplication
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Back up and check the records database; sign a checkpoint of its audit log.",
        subcommands: [Backup.self, Check.self, Checkpoint.self]
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
            abstract: "Check integrity, foreign keys, the audit log's hash chain, the schema, every evidence and certificate row against its audit entry, and derived tables.",
            discussion: """
            With --against, also check that the audit log still holds, unchanged, every row a signed checkpoint \
            (from 'lantern db checkpoint', published with the site) covered.
            Exit status: 0 when everything is sound, 1 when a problem was found.
            """
        )

        @Flag(help: "Print JSON.")
        var json = false

        @Option(help: ArgumentHelp("A checkpoint file (checkpoint.jwt) published earlier: the log must still hold what it covered.", valueName: "file"))
        var against: String?

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let store = try records.open(mustExist: true)
            var report = try store.check()
            if let against {
                let text: String
                do { text = try String(contentsOfFile: against, encoding: .utf8) } catch {
                    throw LanternError(.cannotRead, "cannot read the checkpoint '\(against)'")
                }
                let context = try CertificationContext(records.location)
                let checkpoint = try AuditCheckpoint.verified(text, keys: try context.keys.publishedKeys(), identity: context.identity)
                report.auditChain += try checkpoint.problems(in: store)
            }
            if json {
                Console.out(jsonText(report))
            } else {
                for problem in report.problems {
                    Console.printError(Diagnostic(.error, "db-check", problem, at: nil))
                }
                let nouns = [("trainee", "trainee"), ("quiz_attempt", "quiz attempt"), ("observation", "observation"),
                             ("practicum_hours", "practicum hours entry"), ("ce_hours", "continuing-education hours entry")]
                let counts = nouns.map { Wording.count(report.counts[$0.0] ?? 0, $0.1, plural: $0.1.hasSuffix("entry") ? String($0.1.dropLast()) + "ies" : nil) }
                    .joined(separator: ", ")
                Console.out("\(store.path): integrity \(report.integrity.isEmpty ? "ok" : "FAILED"), foreign keys \(report.foreignKeys.isEmpty ? "ok" : "FAILED"), audit chain of \(Wording.count(report.auditRows, "row")) \(report.auditChain.isEmpty ? "ok" : "BROKEN"), schema \(report.schema.isEmpty ? "ok" : "CHANGED"), records \(report.records.isEmpty ? "match their audit entries" : "TAMPERED"), derived tables \(report.derived.isEmpty ? "ok" : "WRONG")\n\(counts)\n")
            }
            if !report.isHealthy { throw ExitCode(1) }
        }
    }

    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a checkpoint of the audit log's head, to publish with the site (staff; never run by a build).",
            discussion: """
            Writes \(AuditCheckpoint.publishedPath) (or --output): the number of audit rows and the last row's hash, \
            signed with the issuer's active key. Anyone who keeps a published copy can later run \
            'lantern db check --against FILE' to show the history it covered was not rewritten.
            """
        )

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it (default: \(AuditCheckpoint.publishedPath) in the workspace).", valueName: "file"))
        var output: String?

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let context = try CertificationContext(records.location)
            let target = output.map { URL(fileURLWithPath: $0) } ?? context.root.appendingPathComponent(AuditCheckpoint.publishedPath)
            let display = output ?? (context.display.isEmpty ? AuditCheckpoint.publishedPath : context.display + "/" + AuditCheckpoint.publishedPath)
            try MakeAuditCheckpoint(records: try records.open(mustExist: true), keys: context.keys, identity: context.identity,
                                    actor: records.principal, output: StandardOutput()).run(to: target, display: display)
        }
    }
}
