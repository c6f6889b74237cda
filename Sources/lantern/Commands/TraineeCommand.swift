import ArgumentParser
import Foundation
import LanternApplication
import LanternDiagnostics
import LanternRecords

struct TraineeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainee",
        abstract: "Add, list, show, correct, record consent for, invite to the SSH server, import, export and erase trainees.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Consent.self, Import.self, Export.self, Erase.self,
                      InviteCommand<TraineeHolder>.self, KeysOfPersonCommand<TraineeHolder>.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a trainee; prints nothing but the new id on success.")

        @Option(help: "Their full name.")
        var name: String

        @Option(help: "The name they like to be called.")
        var preferredName: String?

        @Option(help: "Their email address.")
        var email: String?

        @Option(help: "Their id in another system (HR, LMS).")
        var externalID: String?

        @Flag(help: "They agree to their name appearing on public certificate verification pages.")
        var publicName = false

        @Flag(help: "They agree to their certificate being published on the site (otherwise they get it to show themselves).")
        var publishCredential = false

        @Option(help: ArgumentHelp("Which name a printed certificate shows: legal (their full name, the default) or preferred.", valueName: "legal|preferred"))
        var printName: PrintName = .legal

        @Option(help: "Choose the id instead of generating one.")
        var id: String?

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let trainee = try records.open().addTrainee(NewTrainee(id: id, name: name, preferredName: preferredName, email: email,
                                                                   externalID: externalID, publicNameConsent: publicName,
                                                                   credentialConsent: publishCredential, printName: printName))
            Console.out(trainee.id + "\n")
            if email == nil {
                // stderr, so scripts that read the id from stdout are not disturbed.
                Console.err("note: \(trainee.id) has no email address yet; a certificate needs one. "
                            + "Add it with 'lantern trainee edit \(trainee.id) --email ADDRESS'\n")
            }
        }
    }

    struct Consent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a trainee's consent, or its withdrawal: their name on verification pages, their certificate on the site.",
            discussion: "Both default to no. Withdrawn consent takes effect at the next 'lantern build'."
        )

        enum Answer: String, ExpressibleByArgument, CaseIterable { case yes, no }

        @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Option(help: "Their name on public verification pages: yes or no.")
        var publicName: Answer?

        @Option(help: "Their certificate published on the site: yes or no.")
        var publishCredential: Answer?

        @OptionGroup var records: RecordsOptions

        func validate() throws {
            if publicName == nil, publishCredential == nil {
                throw ValidationError("say what changes: --public-name yes|no and/or --publish-credential yes|no")
            }
        }

        func run() throws {
            let updated = try records.open(mustExist: true).setConsent(trainee: trainee, publicName: publicName.map { $0 == .yes },
                                                                      credential: publishCredential.map { $0 == .yes })
            Console.out("trainee \(updated.id): name shown publicly \(updated.publicNameConsent ? "yes" : "no"), certificate published on the site \(updated.credentialConsent ? "yes" : "no")\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List trainees.")

        @Option(help: "table, csv or json.")
        var format: OutputFormat = .table

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let trainees = try records.open().trainees()
            switch format {
            case .json: Console.out(jsonText(trainees))
            case .csv: Console.out(try TraineeCSV.export(trainees))
            case .table:
                let rows = trainees.map { [$0.id, $0.erasedAt == nil ? ($0.displayName ?? "") : "(erased)", $0.externalID ?? ""] }
                Console.out(TextTable(header: ["ID", "NAME", "EXTERNAL ID"], rows: rows).render())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one trainee's details and the changes made to them.")

        @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let store = try records.open()
            let found = try store.trainee(trainee)
            let history = try store.auditEntries(subjectID: found.id)
            if json {
                struct Shown: Encodable { var trainee: Trainee; var history: [AuditLog.Entry] }
                Console.out(jsonText(Shown(trainee: found, history: history)))
                return
            }
            var lines = ["id: \(found.id)"]
            if let erased = found.erasedAt {
                lines.append("erased: \(erased) (personal data removed on request)")
            } else {
                lines.append("name: \(found.name ?? "")")
                if let preferred = found.preferredName { lines.append("preferred name: \(preferred)") }
                if let email = found.email { lines.append("email: \(email)") }
                if let external = found.externalID { lines.append("external id: \(external)") }
                lines.append("name shown publicly: \(found.publicNameConsent ? "yes" : "no")")
                lines.append("certificate published on the site: \(found.credentialConsent ? "yes" : "no")")
                lines.append("name printed on certificates: \(found.printName == .preferred ? "preferred" : "legal (full name)")")
            }
            lines.append("added: \(found.createdAt)")
            lines.append("history:")
            let principals = try store.principals()
            lines += history.map { entry in
                let who = principals[entry.actor].map { $0.name ?? "(erased)" } ?? entry.actor
                return "  \(entry.at)  \(entry.action)  by \(who)"
            }
            Console.out(lines.joined(separator: "\n") + "\n")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a trainee's details: name, preferred name, email, external id, public-name consent, printed name.",
            discussion: """
            Give only what changes; an empty value (--email "") clears an optional field. The audit \
            log records which fields changed, with the old and new values as salted hashes (never \
            the values). When a certificate was issued to the old email (its holder is named by a \
            hash of it) or shows the old name, you are told, with the 'lantern cert reissue' line \
            that replaces it.
            """
        )

        @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Option(help: "Their full name.")
        var name: String?

        @Option(help: "The name they like to be called (\"\" clears it).")
        var preferredName: String?

        @Option(help: "Their email address (\"\" clears it).")
        var email: String?

        @Option(help: "Their id in another system (\"\" clears it).")
        var externalID: String?

        @Flag(inversion: .prefixedNo, help: "Whether their name may appear on public certificate verification pages.")
        var publicName: Bool?

        @Option(help: ArgumentHelp("Which name a printed certificate shows: legal (their full name) or preferred.", valueName: "legal|preferred"))
        var printName: PrintName?

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try EditTrainee(records: try records.open(mustExist: true), actor: records.principal, output: StandardOutput())
                .run(trainee: trainee, TraineeChanges(name: name, preferredName: preferredName, email: email, externalID: externalID,
                                                      publicNameConsent: publicName, printName: printName))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import trainees from a CSV file.",
            discussion: """
            The first row names the columns: name (required), preferred_name, email, external_id, \
            public_name (yes/no), id. With any bad row nothing is imported, unless --skip-invalid, \
            which imports every valid row. Bad rows are reported by row and column; the exit status \
            is 1 whenever a row was bad.
            """
        )

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
        var file: String

        @Flag(help: "Import the valid rows even when some rows are bad.")
        var skipInvalid = false

        @Flag(help: "Print the report as JSON.")
        var json = false

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw LanternError(.cannotRead, "cannot read '\(file)'", hint: "check the path")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LanternError(.notUtf8, "'\(file)' is not UTF-8 text", at: SourceLocation(path: file),
                                   hint: "save the spreadsheet as 'CSV UTF-8'")
            }
            let report = try records.open().importTrainees(csv: text, skipInvalid: skipInvalid)
            if json {
                Console.out(jsonText(report))
            } else {
                for problem in report.problems {
                    Console.printError(Diagnostic(.error, "bad-row", problem.description, at: SourceLocation(path: file, line: problem.row, column: problem.column ?? 1)))
                }
                if report.problems.isEmpty || report.partial {
                    Console.out("imported \(report.imported.count) trainee\(report.imported.count == 1 ? "" : "s")\(report.partial ? ", skipped \(Set(report.problems.map(\.row)).count) bad row\(Set(report.problems.map(\.row)).count == 1 ? "" : "s")" : "")\n")
                } else {
                    Console.err("imported nothing: \(Set(report.problems.map(\.row)).count) bad row\(Set(report.problems.map(\.row)).count == 1 ? "" : "s") (fix them, or pass --skip-invalid to import the valid rows)\n")
                }
            }
            if !report.problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export every trainee as CSV (the import columns plus dates).")

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (replaced whole, mode 0600, a symlink there replaced not followed) instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let text = try TraineeCSV.export(try records.open().trainees())
            guard let output else {
                Console.out(text)
                return
            }
            try PrivateFile.write(text, to: output)
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a trainee's personal data on request.",
            discussion: """
            Removes name, preferred name, email, external id and consents, and the names of the \
            logins and --as names that were the trainee (audit rows hold opaque ids, so the chain \
            is untouched). Keeps the id, dates, the salted email hash and every attempt, observation \
            and hours entry, so certificates already issued stay verifiable. No certificate is issued \
            to an erased trainee. Removes the previous copy of the site the build keeps beside it; \
            rebuild and redeploy the site afterwards. Fails (exit 1) if it cannot finish, for example \
            while another program holds an old snapshot of the records. See docs/records.md.
            """
        )

        @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Option(help: ArgumentHelp("The site folder the build writes (default: site in the workspace).", valueName: "folder"))
        var site: String?

        @OptionGroup var confirmation: ConfirmOption

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let store = try records.open(mustExist: true)
            let found = try store.trainee(trainee)
            if found.erasedAt == nil {
                try confirmation.confirm("Erasing the personal data of trainee \(found.id)", command: "lantern trainee erase \(found.id)")
            }
            // Records kept outside a workspace (--db only) have no site to clean unless --site names one.
            let workspaceRoot = (try? records.location.resolve())?.root
            let output = site.map { URL(fileURLWithPath: $0) } ?? workspaceRoot.map { $0.appendingPathComponent("site") }
            try EraseTrainee(records: store, actor: records.principal, output: StandardOutput())
                .run(trainee, workspaceRoot: workspaceRoot, site: output)
        }
    }
}
extension PrintName: ExpressibleByArgument {}
