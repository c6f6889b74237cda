import Foundation
import LanternTestSupport
import Testing

/// Crisis lines (issue 19): the date of the source and the date a person checked the service
/// live are two facts. No line is shown as "checked" that no person checked; `lantern check`
/// tells trainers which lines are due a live check.
@Suite("Crisis lines: source date and live check")
struct CrisisResourceDatesTests {
    func workspace(dates: String) throws -> TemporaryFolder {
        let workspace = try SampleWorkspace.create()
        let text = try workspace.read("curriculum/crisis-resources.yml")
        try workspace.write("curriculum/crisis-resources.yml", text.replacingOccurrences(of: "    verified: 2026-10-01\n", with: dates))
        return workspace
    }

    func crisisPage(_ workspace: TemporaryFolder) throws -> String {
        let build = try LanternProcess.run(["build"], in: workspace.url)
        #expect(build.status == 0, "\(build.stderr)")
        return try workspace.read("site/crisis-resources/index.html")
    }

    @Test("source date only: check notes the live check is due, and the site never says 'Last checked'")
    func sourceDateOnly() throws {
        let workspace = try workspace(dates: "    source_date: 2026-10-01\n")
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("curriculum/crisis-resources.yml:2:5: note: 1 crisis line not yet checked live by a person: 988 Suicide & Crisis Lifeline (US)"),
                "\(check.stderr)")
        #expect(check.stdout.contains("0 errors, 2 warnings"))
        let page = try crisisPage(workspace)
        #expect(page.contains("Source dated 2026-10-01; not yet checked live"))
        #expect(!page.contains("Last checked"))
    }

    @Test("a live check (or an older workspace's 'verified') is shown as checked, with no note")
    func liveChecked() throws {
        for dates in ["    source_date: 2026-09-01\n    live_checked: 2026-10-01\n", "    verified: 2026-10-01\n"] {
            let workspace = try workspace(dates: dates)
            let check = try LanternProcess.run(["check"], in: workspace.url)
            #expect(check.status == 0 && !check.stderr.contains("crisis-live-check-due") && !check.stderr.contains("not yet checked live"), "\(check.stderr)")
            let page = try crisisPage(workspace)
            #expect(page.contains("Last checked 2026-10-01"), "\(dates)")
            #expect(!page.contains("not yet checked live"))
        }
    }

    @Test("an entry with no date at all, or a bad one, is an error at its place")
    func missingOrBadDate() throws {
        let missing = try workspace(dates: "")
        let check = try LanternProcess.run(["check"], in: missing.url)
        #expect(check.status == 1)
        #expect(check.stderr.contains("'source_date'"), "\(check.stderr)")
        let bad = try workspace(dates: "    source_date: 2026-10-01\n    live_checked: yesterday\n")
        let badCheck = try LanternProcess.run(["check"], in: bad.url)
        #expect(badCheck.status == 1)
        #expect(badCheck.stderr.contains("curriculum/crisis-resources.yml:10:19: error: 'live_checked' should be a date written YYYY-MM-DD, not 'yesterday'"),
                "\(badCheck.stderr)")
    }

    @Test("the shipped program claims no live check no person made, and check lists every line as due")
    func shippedLines() throws {
        let root = RepositoryPaths.packageRoot()
        let text = try String(contentsOf: root.appendingPathComponent("curriculum/crisis-resources.yml"), encoding: .utf8)
        let entries = text.components(separatedBy: "\n  - country:").count - 1
        #expect(entries > 0)
        #expect(!text.contains("\n    verified:") && !text.contains("\n    live_checked:"), "an entry claims a check no person made")
        #expect(text.components(separatedBy: "\n    source_date: ").count - 1 == entries)
        let check = try LanternProcess.run(["check"], in: root)
        #expect(check.stderr.contains("note: \(entries) crisis lines not yet checked live by a person"), "\(check.stderr)")
    }
}
