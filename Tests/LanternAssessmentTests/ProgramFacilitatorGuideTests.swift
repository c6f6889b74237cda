import Foundation
import LanternCurriculum
import Testing

/// The shipped program's hours are backed (issue 19): a facilitator guide per module whose timed
/// sessions add up to the module's minutes, so the program's contact hours are the guides' times.
@Suite("Program facilitator guides")
struct ProgramFacilitatorGuideTests {
    @Test("the shipped program: every module has a guide whose sessions add up to its minutes")
    func shippedGuides() throws {
        let loaded = WorkspaceLoader().load(at: Fixture.repositoryRoot)
        let workspace = try #require(loaded.workspace)
        let problems = loaded.diagnostics.filter { $0.code.hasPrefix("facilitator") || $0.severity == .error }
        #expect(problems.isEmpty, "\(problems)")
        var total = 0
        for module in workspace.modules {
            let guide = try #require(workspace.facilitatorGuide(module.id), "module \(module.id) has no facilitator guide")
            #expect(guide.totalMinutes == module.minutes, "\(module.id): \(guide.totalMinutes) of \(module.minutes) minutes")
            total += guide.totalMinutes
        }
        #expect(total == workspace.modules.reduce(0) { $0 + $1.minutes })
    }
}
