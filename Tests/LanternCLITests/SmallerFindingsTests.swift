import Foundation
import GRDB
import LanternTestSupport
import Testing

/// Issue 20.7: escape sequences in user data, a FIFO given to `cert verify`, and
/// `trainee export -o` over a symlink or an existing file.
@Suite("smaller findings of the attack run (issue 20.7)")
struct SmallerFindingsTests {
    /// An OSC window-title write, a screen clear, a C1 CSI, a bell and a right-to-left override.
    static let hostile = "Pat\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m Evil\u{202E}gnp.exe"

    static func assertClean(_ text: String, _ what: String) {
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E },
                "\(what) printed a control, escape or bidi character")
    }

    @Test("names never carry escape sequences to an admin's terminal")
    func namesAreCleaned() throws {
        let fixture = try RecordsFixture()
        // `trainee add` refuses control characters; someone who can write the database does not ask.
        #expect(try fixture.run(["trainee", "add", "--name", Self.hostile]).status == 1)
        let id = fixture.traineeID
        let queue = try DatabaseQueue(path: fixture.database)
        try queue.write { db in try db.execute(sql: "UPDATE trainee SET name = ?, preferred_name = ? WHERE id = ?", arguments: [Self.hostile, Self.hostile, id]) }
        try queue.close()
        let list = try fixture.run(["trainee", "list"])
        #expect(list.stdout.contains("Pat"), "the rest of the name is still shown")
        Self.assertClean(list.stdout, "trainee list")
        let show = try fixture.run(["trainee", "show", id])
        Self.assertClean(show.stdout, "trainee show")
        // An error that quotes what was typed is cleaned too.
        let unknown = try fixture.run(["progress", "t-\u{1B}[2Jx"])
        #expect(unknown.status != 0)
        Self.assertClean(unknown.stderr, "an error message")
    }

    @Test("module text never carries escape sequences to a trainee's terminal")
    func moduleTextIsCleaned() throws {
        let folder = try SampleWorkspace.create()
        let intro = try String(contentsOf: folder.url.appendingPathComponent("curriculum/intro.md"), encoding: .utf8)
        try intro.replacingOccurrences(of: "Peer support is support", with: "Peer \(Self.hostile) support is support")
            .write(to: folder.url.appendingPathComponent("curriculum/intro.md"), atomically: true, encoding: .utf8)
        for arguments in [["read", "intro", "--plain"], ["read", "intro"]] {
            let read = try LanternProcess.run(arguments, in: folder.url, environment: ["TERM": "xterm-256color"])
            #expect(read.status == 0, "\(read.stderr)")
            #expect(read.stdout.contains("Evil"))
            Self.assertClean(read.stdout, arguments.joined(separator: " "))
        }
    }

    @Test("cert verify refuses a FIFO with no writer at once instead of waiting for ever")
    func fifoIsRefused() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("credential.jwt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let process = Process()
        process.executableURL = LanternProcess.executable
        process.arguments = ["cert", "verify", fifo]
        process.currentDirectoryURL = folder.url
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // A guard against hanging the test run, not a timing: the fixed command returns at once.
        if finished.wait(timeout: .now() + 120) == .timedOut {
            process.terminate()
            Issue.record("cert verify is still blocked on the FIFO")
            return
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(message.contains("not a regular file"), "\(message)")
    }

    @Test("trainee export -o replaces a symlink instead of following it, and always writes mode 0600")
    func exportIsWrittenPrivately() throws {
        let fixture = try RecordsFixture()
        let victim = fixture.folder.url.appendingPathComponent("victim.txt")
        try Data("keep me\n".utf8).write(to: victim)
        let link = fixture.folder.url.appendingPathComponent("export.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        #expect(try fixture.run(["trainee", "export", "-o", link.path]).status == 0)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me\n", "the export was written through the symlink")
        let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOf: link, encoding: .utf8).contains("Pat Example"))

        let existing = fixture.folder.url.appendingPathComponent("open.csv")
        try Data("old\n".utf8).write(to: existing)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: existing.path)
        #expect(try fixture.run(["trainee", "export", "-o", existing.path]).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: existing.path)[.posixPermissions] as? Int == 0o600,
                "an existing file kept its world-readable mode")
    }
}
