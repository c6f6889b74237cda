import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

/// The trainers' section (`trainers/`): every module's facilitator guide and a list of them.
/// Built only when asked (`lantern build --trainers`, into its own folder); never in the learners'
/// public site, never in its sitemap or search index, and marked `noindex` when built.
enum TrainerPages {
    static func add(workspace: Workspace, templates: TemplateSet, layout: PageLayout, into site: inout SiteFiles) throws(LanternError) {
        var listed: [TemplateValue] = []
        for module in workspace.modules {
            guard let guide = workspace.facilitatorGuide(module.id) else { continue }
            let sessions: [TemplateValue] = guide.sessions.map { ["title": .string($0.heading.title), "minutes": .string(String($0.heading.minutes))] }
            let body = HTMLRenderer(options: .init(headingIDs: true)).render(guide.parsedBody())
            let context: TemplateValue = ["root": "../../", "guide": [
                "title": .string(module.title), "module": .string(module.id), "minutes": .string(String(guide.totalMinutes)),
                "sessions": .list(sessions), "body": .string(body),
            ]]
            site.add("trainers/\(module.id)/index.html",
                     try templates.page("trainers", context: context,
                                        layout: layout.context(title: "Facilitator guide: \(module.title)", root: "../../", section: .none, noindex: true)))
            listed.append(["href": .string("\(module.id)/"), "title": .string(module.title), "minutes": .string(String(guide.totalMinutes))])
        }
        site.add("trainers/index.html",
                 try templates.page("trainers", context: ["root": "../", "guides": .list(listed)],
                                    layout: layout.context(title: "Facilitator guides", root: "../", section: .none, noindex: true)))
    }
}
