import Foundation
import LanternTestSupport
import Testing

/// `serve:` in lantern.yml (issue 15): the address invitations print and where `lantern serve`
/// listens by default, each checked at its line.
@Suite("serve: settings in lantern.yml")
struct ServeSettingsCommandTests {
    /// A sample workspace whose lantern.yml ends with `serve` (YAML lines), and one trainee.
    static func workspace(serve: String?) throws -> (TemporaryFolder, String) {
        let folder = try SampleWorkspace.create()
        if let serve { try folder.write("lantern.yml", SampleWorkspace.files["lantern.yml"]! + serve) }
        let added = try LanternProcess.run(["trainee", "add", "--name", "Ada Example"], in: folder.url)
        try #require(added.status == 0, "trainee add: \(added.stderr)")
        return (folder, added.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("Invitations print 'serve: address:' from lantern.yml; --server overrides it")
    func inviteAddress() throws {
        let (folder, trainee) = try Self.workspace(serve: "serve:\n  listen: 0.0.0.0:2200\n  address: training.example.org:2022\n")
        let invited = try LanternProcess.run(["trainee", "invite", trainee], in: folder.url)
        #expect(invited.status == 0, "\(invited.stderr)")
        #expect(invited.stdout.contains("ssh -p 2022 enrol@training.example.org"))
        #expect(invited.stdout.contains("connect with: ssh -p 2022 training.example.org"))
        #expect(!invited.stdout.contains("2222"))

        let overridden = try LanternProcess.run(["trainee", "invite", trainee, "--server", "other.example.org"], in: folder.url)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("ssh enrol@other.example.org"))
        let badOption = try LanternProcess.run(["trainee", "invite", trainee, "--server", "a b:22"], in: folder.url)
        #expect(badOption.status == 2)
    }

    @Test("Without an address, invitations print the port 'lantern serve' listens on from lantern.yml")
    func inviteListenPort() throws {
        let (folder, trainee) = try Self.workspace(serve: "serve:\n  listen: 0.0.0.0:2200\n")
        let invited = try LanternProcess.run(["assessor", "add", "jo", "--name", "Jo", "--role", "assessor"], in: folder.url)
        #expect(invited.status == 0)
        let traineeInvite = try LanternProcess.run(["trainee", "invite", trainee], in: folder.url)
        #expect(traineeInvite.stdout.contains("ssh -p 2200 enrol@HOST"), "\(traineeInvite.stdout)")
        let assessorInvite = try LanternProcess.run(["assessor", "invite", "jo"], in: folder.url)
        #expect(assessorInvite.stdout.contains("ssh -p 2200 enrol@HOST"), "\(assessorInvite.stdout)")

        let (plain, other) = try Self.workspace(serve: nil)
        #expect(try LanternProcess.run(["trainee", "invite", other], in: plain.url).stdout.contains("ssh -p 2222 enrol@HOST"))
    }

    @Test("A bad listen, address or assessors_see is reported at its line and column; invite refuses to print a wrong address")
    func badValues() throws {
        let (folder, trainee) = try Self.workspace(serve: "serve:\n  listen: 2222\n  address: \"a b\"\n  assessors_see: everyone\n  port: 22\n")
        let check = try LanternProcess.run(["check"], in: folder.url)
        #expect(check.status == 1)
        let text = check.stdout + check.stderr
        #expect(text.contains("lantern.yml:8:11"), "\(text)")
        #expect(text.contains("'listen' should be ADDRESS:PORT"))
        #expect(text.contains("lantern.yml:9:12"))
        #expect(text.contains("'address' should be HOST or HOST:PORT"))
        #expect(text.contains("lantern.yml:10:18"))
        #expect(text.contains("'assessors_see' should be 'assigned' or 'all', not 'everyone'"))
        #expect(text.contains("unknown key 'port' in serve"))

        let invited = try LanternProcess.run(["trainee", "invite", trainee], in: folder.url)
        #expect(invited.status == 1)
        #expect(invited.stderr.contains("lantern.yml:8:11"), "\(invited.stderr)")
        #expect(!invited.stdout.contains("enrol@"))
    }
}
