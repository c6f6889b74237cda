import ArgumentParser
import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Print a module, formatted for the terminal (or as HTML)."
    )

    @Argument(help: ArgumentHelp("The module id, for example 'communication'.", valueName: "module"))
    var module: String

    @Option(help: "Wrap at this many columns (default: the terminal's width).")
    var width: Int?

    @Flag(help: "Print the module's HTML instead of terminal text.")
    var html = false

    @Flag(help: "Plain text with no colour or styling.")
    var plain = false

    @OptionGroup var location: WorkspaceOption

    func validate() throws {
        if let width, width < 20 || width > 1000 {
            throw ValidationError("--width must be between 20 and 1000")
        }
    }

    func run() throws {
        let (root, display) = try location.resolve()
        let result = WorkspaceLoader().load(at: root, displayRoot: display)
        guard let workspace = result.workspace, let found = workspace.module(module) else {
            let known = result.workspace?.modules.map(\.id) ?? []
            throw LanternError(.unknownModule, "there is no module '\(module)' in this workspace",
                               hint: Suggestions.didYouMean(module, in: known) ?? (known.isEmpty ? "run 'lantern check' to see what is wrong" : "modules: \(known.joined(separator: ", "))"))
        }
        if html {
            Console.out(HTMLRenderer(options: .init(headingIDs: true)).render(found.parsedBody()))
            return
        }
        let color = !plain && Console.colorEnabled(fileDescriptor: STDOUT_FILENO)
        let renderer = TerminalRenderer(options: .init(width: width ?? min(Console.width(), 100), color: color))
        var header = renderer.wrap(found.title, style: [.bold]) + renderer.wrap(found.summary)
        header += renderer.wrap("\(found.minutes) minutes", style: [.dim])
        if found.isCrisisRelated {
            // Where to get help comes before anything else in the module.
            header.append(.init(text: "", plain: ""))
            for line in CrisisNotice.text(for: workspace).split(separator: "\n") {
                header += renderer.wrap(String(line), style: [.bold])
            }
        }
        if !found.outcomes.isEmpty {
            header += [.init(text: "", plain: "")] + renderer.wrap("By the end of this module you can:")
            for outcome in found.outcomes { header += renderer.wrap(outcome.text, first: "- ", rest: "  ") }
        }
        let text = header.map(\.text).joined(separator: "\n")
        Console.outStyled(text + "\n\n" + renderer.render(found.parsedBody()))
    }
}
