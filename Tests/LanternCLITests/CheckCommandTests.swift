import Foundation
import LanternTestSupport
import Testing

@Suite("lantern check, end to end")
struct CheckCommandTests {
    @Test("the sample workspace is clean")
    func sampleIsClean() throws {
        let workspace = try SampleWorkspace.create()
        let result = try LanternProcess.run(["check", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 errors, 0 warnings"))
    }
}
