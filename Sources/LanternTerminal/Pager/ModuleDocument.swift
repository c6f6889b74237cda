import LanternCurriculum
import LanternMarkdown

/// The pager document for a module: the crisis notice first when the module is crisis-related,
/// then title, summary, time, outcomes, and the module's Markdown.
public enum ModuleDocument {
    public static func make(_ module: Module, in workspace: Workspace, position: (index: Int, count: Int)? = nil) -> PagerDocument {
        var blocks: [PagerDocument.Block] = []
        if module.isCrisisRelated {
            blocks += crisisNotice(for: workspace)
        }
        blocks.append(.text(module.title, style: [.bold, .accent]))
        blocks.append(.tight([.text(module.summary), .text("About \(module.minutes) minutes of study.", style: [.dim])]))
        if !module.outcomes.isEmpty {
            blocks.append(.tight([.text("By the end of this module you can:")]
                                 + module.outcomes.map { .text($0.text, first: "- ", rest: "  ") }))
        }
        blocks += module.parsedBody().root.children.map { .markdown($0) }
        var title = module.title
        if let position { title = "Module \(position.index + 1) of \(position.count): " + title }
        return PagerDocument(title: title, blocks: blocks)
    }

    /// "Help now" and the workspace's local crisis lines, as the first blocks of a module.
    public static func crisisNotice(for workspace: Workspace) -> [PagerDocument.Block] {
        var blocks: [PagerDocument.Block] = [.text("Help now", style: [.bold])]
        for line in CrisisNotice.text(for: workspace).split(separator: "\n") {
            blocks.append(.text(String(line), style: [.bold], first: "! ", rest: "  "))
        }
        return [.tight(blocks)]
    }
}
