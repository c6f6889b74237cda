import ArgumentParser
import Foundation
import LanternCurriculum

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new workspace with a program, a first module and a quiz to copy from."
    )

    @Argument(help: ArgumentHelp("The folder to create the workspace in (created if needed).", valueName: "folder"))
    var folder: String

    @Option(help: "The organisation that runs the course and issues certificates.")
    var organisation: String = "My Training Organisation"

    func run() throws {
        let url = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        try WorkspaceScaffold.create(at: url, displayPath: folder, organisation: organisation)
        Console.out("created a workspace in \(folder):\n")
        for file in WorkspaceScaffold.files + [".gitignore"] { Console.out("  \(file)\n") }
        Console.out("next: edit lantern.yml, then run 'lantern check \(folder)'\n")
        // Said out loud: a placeholder address signed into a certificate points nowhere for good.
        Console.out("note: lantern.yml's site.base_url and organisation.url are placeholders (example.org); set them to your real "
                    + "addresses before issuing certificates ('lantern check' warns until you do, and 'cert issue' refuses them)\n")
    }
}
