import LanternTestSupport
import Testing
@testable import LanternTerminal

@Suite struct CrisisModuleTests {
    @Test func crisisModuleShowsLocalLinesFirstInPlainMode() throws {
        let crisis = try #require(ShippedWorkspace.workspace.module("crisis"))
        let lines = ModuleDocument.make(crisis, in: ShippedWorkspace.workspace).layout(width: 80, color: false).lines.map(\.plain)
        #expect(lines.first == "Help now")
        #expect(lines.prefix(6).contains { $0.contains("988") })
    }
}
