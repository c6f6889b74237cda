import ArgumentParser
import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Print a module, formatted for the terminal (or as HTML).",
        discussion: "With --facilitator, print the module's facilitator guide (curriculum/facilitator/MODULE.md) instead: trainers' material that the learner and the public site never show."
    )

    @Argument(help: ArgumentHelp("The module id, for example 'communication'.", valueName: "module"))
    var module: String

    @Option(help: "Wrap at this many columns (default: the terminal's width).")
    var width: Int?

    @Flag(help: "Print the module's HTML instead of terminal text.")
    var html = false

    @Flag(help: "Plain text with no colour or styling.")
    var plain = false

    @Flag(help: "Print the module's facilitator guide (for trainers) instead of the module.")
    var facilitator = false

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
        if facilitator {
            try printGuide(of: found, in: workspace)
            return
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

    /// The facilitator guide: a header with the module and the sessions' times, then the guide.
    private func printGuide(of module: Module, in workspace: Workspace) throws {
        guard let guide = workspace.facilitatorGuide(module.id) else {
            throw LanternError(.noFacilitatorGuide, "module '\(module.id)' has no facilitator guide",
                               hint: "write \(workspace.config.paths.curriculum)/\(FacilitatorGuide.folderName)/\(module.id).md; 'lantern check' says what it needs")
        }
        if html {
            Console.out(HTMLRenderer(options: .init(headingIDs: true)).render(guide.parsedBody()))
            return
        }
        let color = !plain && Console.colorEnabled(fileDescriptor: STDOUT_FILENO)
        let renderer = TerminalRenderer(options: .init(width: width ?? min(Console.width(), 100), color: color))
        var header = renderer.wrap("Facilitator guide: \(module.title)", style: [.bold])
        header += renderer.wrap("For trainers only. \(Wording.count(guide.sessions.count, "session")), \(guide.totalMinutes) of the module's \(module.minutes) minutes.", style: [.dim])
        for session in guide.sessions {
            header += renderer.wrap("\(session.heading.title): \(session.heading.minutes) min", first: "- ", rest: "  ")
        }
        let text = header.map(\.text).joined(separator: "\n")
        Console.out(text + "\n\n" + renderer.render(guide.parsedBody()))
    }
}
