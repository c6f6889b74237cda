import Foundation
import GRDB
import LanternTestSupport
import Testing

/// The daily work of trainers and staff (issue 18): every place a new user got stuck, driven
/// through the built `lantern` as they would.
@Suite("daily work: corrections, hours, confirmations, the database")
struct DailyWorkTests {
    @Test("a trainee added with a name only is told how to add an email, and can be given one")
    func addEmailLater() throws {
        let fixture = try RecordsFixture()
        let added = try fixture.run(["trainee", "add", "--name", "Lee Nomail"])
        #expect(added.status == 0)
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!id.contains(" "), "stdout stays the id alone for scripts")
        #expect(added.stderr.contains("lantern trainee edit \(id) --email"))

        let edited = try fixture.run(["trainee", "edit", id, "--email", "lee@example.org", "--preferred-name", "Lee",
                                      "--print-name", "preferred", "--public-name"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("changed preferred name, email, public name consent, print name of trainee \(id)"))
        let shown = try fixture.run(["trainee", "show", id])
        #expect(shown.stdout.contains("email: lee@example.org"))
        #expect(shown.stdout.contains("name printed on certificates: preferred"))
        #expect(shown.stdout.contains("trainee.edit"))

        // The audit log says which fields changed, with hashes: never the values.
        let json = try fixture.run(["trainee", "show", id, "--json"])
        #expect(json.stdout.contains("sha256$"))
        let detail = (json.stdout.components(separatedBy: "\"history\"").last ?? "").components(separatedBy: "\"trainee\" :").first ?? ""
        #expect(!detail.contains("lee@example.org"))
        #expect(!detail.contains("\"Lee\""))
    }

    @Test("edits are checked: nothing to change, a taken email, an erased trainee")
    func editRefusals() throws {
        let fixture = try RecordsFixture()
        #expect(try fixture.run(["trainee", "edit", fixture.traineeID]).status == 1)
        let other = try fixture.run(["trainee", "add", "--name", "Other", "--email", "other@example.org"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let taken = try fixture.run(["trainee", "edit", other, "--email", "PAT@example.org"])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("another trainee already has this email address"))
        #expect(!taken.stderr.contains("pat@example.org"))
        let bad = try fixture.run(["trainee", "edit", other, "--email", "not-an-email"])
        #expect(bad.status == 1)
        #expect(try fixture.run(["trainee", "erase", other, "--yes"]).status == 0)
        let erased = try fixture.run(["trainee", "edit", other, "--name", "Back Again"])
        #expect(erased.status == 1)
        #expect(erased.stderr.contains("was erased"))
    }

    @Test("an assessor's name and email can be corrected, audited without the values")
    func assessorEdit() throws {
        let fixture = try RecordsFixture()
        let edited = try fixture.run(["assessor", "edit", "sup", "--name", "Sam Supervisor-Jones", "--email", "sam@example.org"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("changed name and email of assessor sup"))
        let list = try fixture.run(["assessor", "list"])
        #expect(list.stdout.contains("Sam Supervisor-Jones"))
        let queue = try DatabaseQueue(path: fixture.database)
        let detail = try queue.read { try String.fetchOne($0, sql: "SELECT detail FROM audit_log WHERE action = 'assessor.edit'") }
        #expect(detail?.contains("sha256$") == true)
        #expect(detail?.contains("Jones") == false)
        #expect(try fixture.run(["assessor", "edit", "nobody", "--name", "X"]).status == 1)
    }

    @Test("hours: negative and future are clear errors, the list shows ids, and a wrong entry is voided")
    func hoursRules() throws {
        let fixture = try RecordsFixture()
        let negative = try fixture.run(["hours", "log", fixture.traineeID, "--hours", "-3", "--supervisor", "sup"])
        #expect(negative.status == 1)
        #expect(negative.stderr.contains("more than 0 and at most 24"))
        #expect(!negative.stderr.contains("Missing value"))
        let future = try fixture.run(["hours", "log", fixture.traineeID, "--hours", "3", "--supervisor", "sup", "--date", "2999-01-01"])
        #expect(future.status == 1)
        #expect(future.stderr.contains("in the future"))

        let wrong = try fixture.run(["hours", "log", fixture.traineeID, "--hours", "8", "--supervisor", "sup", "--signed-off",
                                     "--date", "2026-01-05"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let right = try fixture.run(["hours", "log", fixture.traineeID, "--hours", "6", "--supervisor", "sup", "--signed-off",
                                     "--date", "2026-01-05"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let list = try fixture.run(["hours", "list", fixture.traineeID])
        #expect(list.stdout.contains(wrong) && list.stdout.contains(right))

        // Not at a terminal and no --yes: refused, nothing changed.
        let refused = try fixture.run(["hours", "void", wrong, "--reason", "logged the wrong day"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--yes"))
        #expect(try fixture.run(["progress", fixture.traineeID]).stdout.contains("practicum: 14 logged"))

        let voided = try fixture.run(["hours", "void", wrong, "--reason", "logged the wrong day", "--yes"])
        #expect(voided.status == 0, "\(voided.stderr)")
        let progress = try fixture.run(["progress", fixture.traineeID]).stdout
        // The hours line itself: a trainee id can contain "14" too.
        #expect(progress.contains("practicum: 6 logged") && !progress.contains("practicum: 14"), "\(progress)")
        #expect(try fixture.run(["hours", "list", fixture.traineeID]).stdout.contains("void: logged the wrong day"))
        #expect(try fixture.run(["hours", "void", wrong, "--reason", "again", "--yes"]).status == 1)
        #expect(try fixture.run(["hours", "sign", wrong, "--supervisor", "sup"]).status == 1)
        let help = try fixture.run(["hours", "--help"])
        #expect(help.stdout.contains("at most 24"))
    }

    @Test("irreversible commands ask first: refused without --yes when input is not a terminal")
    func confirmation() throws {
        let fixture = try RecordsFixture()
        let refused = try fixture.run(["trainee", "erase", fixture.traineeID])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot be undone"))
        #expect(try fixture.run(["trainee", "show", fixture.traineeID]).stdout.contains("Pat Example"))
        #expect(try fixture.run(["trainee", "erase", fixture.traineeID, "--yes"]).status == 0)
    }

    @Test("cert subcommand mistakes print the subcommand's own usage line")
    func certUsage() throws {
        let fixture = try RecordsFixture()
        let revoke = try fixture.run(["cert", "revoke", "2026-abc", "--reason", "because"])
        #expect(revoke.status == 2)
        #expect(revoke.stderr.contains("Usage: lantern cert revoke <id> --reason <code>"))
        #expect(!revoke.stderr.contains("lantern <subcommand>"))
        let expiring = try fixture.run(["cert", "expiring", "--within", "soon"])
        #expect(expiring.status == 2)
        #expect(expiring.stderr.contains("Usage: lantern cert expiring"))
    }

    @Test("a zero-byte records file is an error, not a new database")
    func zeroByteDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("records.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let result = try LanternProcess.run(["trainee", "add", "--name", "X", "--db", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty file (0 bytes)"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
    }

    @Test("an SQLite file stamped by another program, with no tables yet, is refused and left as it was")
    func foreignEmptyDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("other.sqlite").path
        let raw = try DatabaseQueue(path: path)
        try raw.write { try $0.execute(sql: "PRAGMA application_id = 1234") }
        try raw.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try LanternProcess.run(["trainee", "list", "--db", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a Lantern records database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a database this user may not open is reported as such, not as missing")
    func unreadableDatabase() throws {
        let fixture = try RecordsFixture()
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: fixture.folder.url.path)
        let result: (status: Int32, stderr: String)
        if getuid() == 0 {
            // root may open anything: run as 'nobody' instead.
            result = try Self.runAsNobody(["trainee", "list", "--db", fixture.database])
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: fixture.database)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: fixture.database) }
            let run = try fixture.run(["trainee", "list"])
            result = (run.status, run.stderr)
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("you may not open the records database"), "\(result.stderr)")
        #expect(!result.stderr.contains("no records database"))
    }

    /// Runs the built binary as the unprivileged user `nobody` (through setpriv).
    static func runAsNobody(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", LanternProcess.executable.path] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    @Test("CSV exports neutralise cells a spreadsheet would run as formulas, and import them back as typed")
    func csvFormulaInjection() throws {
        let fixture = try RecordsFixture()
        for name in ["=HYPERLINK(\"http://x\",\"y\")", "+1 Plus", "-Minus", "@Sum"] {
            #expect(try fixture.run(["trainee", "add", "--name=" + name]).status == 0)
        }
        let csv = try fixture.run(["trainee", "list", "--format", "csv"]).stdout
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"") || csv.contains("'=HYPERLINK"))
        for line in csv.split(separator: "\n").dropFirst() {
            for cell in line.split(separator: ",") {
                let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                #expect(!["=", "+", "-", "@"].contains(text.first.map(String.init) ?? ""), "a cell starts a formula: \(line)")
            }
        }
        // Exported and imported into another database, the names come back as typed.
        let file = try fixture.folder.write("export.csv", try fixture.run(["trainee", "export"]).stdout)
        let other = fixture.folder.url.appendingPathComponent("other.sqlite").path
        let imported = try LanternProcess.run(["trainee", "import", file.path, "--db", other])
        #expect(imported.status == 0, "\(imported.stderr)")
        let names = try LanternProcess.run(["trainee", "list", "--format", "json", "--db", other]).stdout
        #expect(names.contains("\"=HYPERLINK(\\\"http:\\/\\/x\\\",\\\"y\\\")\"") || names.contains("=HYPERLINK(\\\"http://x\\\""))
        #expect(names.contains("\"-Minus\""))
    }

    @Test("db check counts in words with plurals")
    func plurals() throws {
        let fixture = try RecordsFixture()
        let check = try fixture.run(["db", "check"])
        #expect(check.stdout.contains("1 trainee, 0 quiz attempts, 0 observations"), "\(check.stdout)")
        #expect(!check.stdout.contains("quiz attempt,"))
    }

    @Test("lantern init writes a .gitignore that keeps the keys, the records and the site out of git")
    func initIgnoresPrivateFiles() throws {
        let folder = try TemporaryFolder()
        let created = try LanternProcess.run(["init", "ws"], in: folder.url)
        #expect(created.status == 0)
        #expect(created.stdout.contains(".gitignore"))
        let ignore = try folder.read("ws/.gitignore")
        for line in [".lantern/", "site/", ".site.old/"] { #expect(ignore.contains(line + "\n")) }
    }

    @Test("lantern build never reports a negative count of kept pages, even when every kept file was changed by hand")
    func buildNeverKeepsMinusOne() throws {
        let folder = try TemporaryFolder()
        #expect(try LanternProcess.run(["init", "ws"], in: folder.url).status == 0)
        let workspace = folder.url.appendingPathComponent("ws")
        #expect(try LanternProcess.run(["build"], in: workspace).status == 0)
        #expect(try LanternProcess.run(["build"], in: workspace).status == 0)
        let site = workspace.appendingPathComponent("site")
        let files = (FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".html") || $0 == "assets/search-index.js" }
        for file in files {
            let handle = try FileHandle(forWritingTo: site.appendingPathComponent(file))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(" ".utf8))
            try handle.close()
        }
        let third = try LanternProcess.run(["build"], in: workspace)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains(" 0 kept from the last build"), "\(third.stdout)")
        #expect(!third.stdout.contains("-1"))
    }

    @Test("NO_COLOR keeps the full-screen learner, without colour", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func noColorKeepsFullScreen() throws {
        let folder = try TemporaryFolder()
        #expect(try LanternProcess.run(["init", "ws"], in: folder.url).status == 0)
        let workspace = folder.url.appendingPathComponent("ws")
        #expect(try LanternProcess.run(["trainee", "add", "--name", "Ann", "--email", "ann@example.org"], in: workspace).status == 0)
        // `script` gives the learner a terminal of its own, as a person at a keyboard has.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(LanternProcess.executable.path)' learn", "/dev/null"]
        process.currentDirectoryURL = workspace
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"
        environment.removeValue(forKey: "LANTERN_DB")
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Press q until the learner has drawn its map and left.
        for _ in 0..<40 where process.isRunning {
            input.fileHandleForWriting.write(Data("q".utf8))
            Thread.sleep(forTimeInterval: 0.25)
        }
        if process.isRunning { process.terminate() }
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("\u{1B}[?1049h"), "the full screen was not used")
        #expect(text.contains("Progress:"))
        for colour in ["\u{1B}[35m", "\u{1B}[36m", "\u{1B}[7m", ";35m", ";36m"] {
            #expect(!text.contains(colour), "colour or inverse video under NO_COLOR")
        }
    }

    @Test("at a terminal an irreversible command asks, and only 'yes' goes on", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func confirmationAtATerminal() throws {
        let fixture = try RecordsFixture()
        func erase(answer: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "'\(LanternProcess.executable.path)' trainee erase \(fixture.traineeID) --db '\(fixture.database)'", "/dev/null"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data((answer + "\n").utf8))
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            try? input.fileHandleForWriting.close()
            return text
        }
        let declined = try erase(answer: "no")
        #expect(declined.contains("Type yes to go on"))
        #expect(declined.contains("nothing was changed"))
        #expect(try fixture.run(["trainee", "show", fixture.traineeID]).stdout.contains("Pat Example"))
        let accepted = try erase(answer: "yes")
        #expect(accepted.contains("erased the personal data"))
        #expect(!(try fixture.run(["trainee", "show", fixture.traineeID]).stdout.contains("Pat Example")))
    }
}
