import ArgumentParser
import Foundation
import LanternCurriculum

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold new course content.",
        subcommands: [NewModule.self]
    )

    struct NewModule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "module",
            abstract: "Write curriculum/ID.md from a template and add it to the program."
        )

        @Argument(help: ArgumentHelp("The new module's id: lower case, a-z, 0-9 and hyphens.", valueName: "id"))
        var id: String

        @Option(help: "The module's title (default: made from the id).")
        var title: String?

        @OptionGroup var location: WorkspaceOption

        func run() throws {
            let (root, display) = try location.resolve()
            let result = WorkspaceLoader().load(at: root, displayRoot: display)
            let paths = result.workspace?.config.paths ?? .init()
            try ModuleScaffold.add(id: id, title: title, to: root, displayRoot: display, paths: paths)
            let shown = display.isEmpty ? "" : display + "/"
            Console.out("created \(shown)\(paths.curriculum)/\(id).md and added '\(id)' to \(shown)\(paths.curriculum)/program.yml\n")
        }
    }
}
