import ArgumentParser
import Foundation
import LanternCurriculum

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold new course content.",
        subcommands: [NewModule.self, NewQuiz.self, NewChecklist.self]
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

    struct NewQuiz: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quiz",
            abstract: "Write assessments/ID.md from a quiz template and list it in its module (or the program).",
            discussion: "The template's comments explain each field; 'lantern check' accepts it as written. An existing file is never overwritten."
        )

        @Argument(help: ArgumentHelp("The new quiz's id: lower case, a-z, 0-9 and hyphens.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("The module it belongs to.", valueName: "module"))
        var module: String?

        @Flag(help: "A program-level assessment (the final exam), listed in program.yml instead of a module.")
        var program = false

        @Option(help: "Its title (default: made from the id).")
        var title: String?

        @OptionGroup var location: WorkspaceOption

        func validate() throws {
            if (module == nil) == !program {
                throw ValidationError("give --module MODULE, or --program for a program-level quiz (not both)")
            }
        }

        func run() throws {
            try NewCommand.add(.quiz, id: id, owner: module.map { .module($0) } ?? .program, title: title, location: location)
        }
    }

    struct NewChecklist: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checklist",
            abstract: "Write assessments/ID.md from a checklist template and list it in its module.",
            discussion: "The template's comments explain each field; 'lantern check' accepts it as written. An existing file is never overwritten."
        )

        @Argument(help: ArgumentHelp("The new checklist's id: lower case, a-z, 0-9 and hyphens.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("The module it belongs to.", valueName: "module"))
        var module: String

        @Option(help: "Its title (default: made from the id).")
        var title: String?

        @OptionGroup var location: WorkspaceOption

        func run() throws {
            try NewCommand.add(.checklist, id: id, owner: .module(module), title: title, location: location)
        }
    }

    static func add(_ kind: AssessmentScaffold.Kind, id: String, owner: AssessmentScaffold.Owner, title: String?,
                    location: WorkspaceOption) throws {
        let (root, display) = try location.resolve()
        let result = WorkspaceLoader().load(at: root, displayRoot: display)
        let paths = result.workspace?.config.paths ?? .init()
        let written = try AssessmentScaffold.add(kind, id: id, owner: owner, title: title, to: root, displayRoot: display, paths: paths)
        Console.out("created \(written.file) and listed '\(id)' in \(written.listedIn)\n")
    }
}
