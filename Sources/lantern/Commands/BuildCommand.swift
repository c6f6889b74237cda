import ArgumentParser
import LanternApplication
import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static website: the course, search, crisis lines and certificate verification pages.",
        discussion: """
        The site is written into a temporary folder and moved into place only when complete, so a
        failed or interrupted build leaves the previous site as it was. Files whose bytes did not
        change are kept as they were. The output holds the site and nothing else: a build cache
        (.lantern/build/<digest of the output path>/) lets the next build skip parsing unchanged
        modules and rendering pages whose inputs did not change, and keeps the previous site there
        to be updated in place; the site is the same bytes as a full build. --no-cache ignores
        both. Nothing is signed during a build: the status list is the one the cert commands
        signed. Templates, media and every other input are read only from inside their folder. Exit
        status: 0 built, 1 a problem in the workspace or a broken link (with --check-links), 2 a
        usage mistake.
        """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write the site into (default: site/ in the workspace).", valueName: "folder"))
    var output: String?

    @Flag(help: "Check every internal link and anchor in the built pages; publish nothing if one is broken.")
    var checkLinks = false

    @Flag(help: "Build even when 'lantern check' reports errors in the workspace.")
    var allowErrors = false

    @Flag(help: "Ignore the build cache (.lantern/build/): parse every module and render every page.")
    var noCache = false

    @Option(help: ArgumentHelp("A JSON file of certificates to publish (issuer_json, status_list_jwt, credentials); for staging and benchmarks.",
                               valueName: "file", visibility: .hidden))
    var verificationInput: String?

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let (root, display) = try records.location.resolve()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: current).standardizedFileURL }
            ?? root.appendingPathComponent("site")
        let outputDisplay = output ?? (display.isEmpty ? "site" : display + "/site")
        if outputURL.standardizedFileURL.path == root.standardizedFileURL.path
            || root.standardizedFileURL.path.hasPrefix(outputURL.standardizedFileURL.path + "/") {
            throw ValidationError("--output must not be the workspace or a folder that contains it")
        }
        var request = BuildSite.Request(root: root, displayRoot: display, output: outputURL, outputDisplay: outputDisplay)
        request.checkLinks = checkLinks
        request.allowErrors = allowErrors
        request.noCache = noCache
        // Certificates come from the records and signing keys of the workspace, when it has them.
        request.verification = try verificationInput.map { .given(try Self.readVerification($0)) }
            ?? .records(databasePath: records.databasePath(), keys: records.keyStore())
        do {
            let outcome = try BuildSite(actor: records.principal, output: StandardOutput()).build(request)
            KeptUntilExit.keep(outcome.load)
        } catch let notBuilt as BuildSite.NotBuilt {
            Console.err(notBuilt.message + "\n")
            throw ExitCode(1)
        }
    }

    static func readVerification(_ path: String) throws -> VerificationSite {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LanternError(.unreadableFile, "cannot read the verification input", at: SourceLocation(path: path))
        }
        do {
            return try JSONDecoder().decode(VerificationSite.self, from: data)
        } catch {
            throw LanternError(.invalidVerificationInput, "not a verification input: \(error)", at: SourceLocation(path: path),
                               hint: "expected {\"issuer_json\": \"…\", \"status_list_jwt\": \"…\", \"credentials\": [ … ]}")
        }
    }
}
