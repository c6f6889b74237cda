@testable import LanternCurriculum
import Testing

@Suite("link targets")
struct LinkTargetTests {
    @Test("the byte-level fast path classifies exactly as the general rules do")
    func fastPathAgrees() {
        let pieces = ["a", "b1", ".", "..", "/", "#", "?", ":", "%20", "md", ".md", "x:", "//", "é", "-", " ", "https", "mailto:", "+", "C", "png", "\r\n"]
        var state: UInt64 = 7
        var checked = 0
        for _ in 0..<20_000 {
            var destination = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<(Int(state >> 60) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                destination += pieces[Int(state >> 33) % pieces.count]
            }
            if LinkTarget.classifyASCII(destination) != nil { checked += 1 }
            #expect(LinkTarget.classify(destination) == LinkTarget.classifyAny(destination), "\(destination.debugDescription)")
        }
        #expect(checked > 5_000)
    }

    @Test("typical destinations", arguments: [
        ("#part", LinkTarget.anchor("part")),
        ("crisis.md#plan", .module(id: "crisis", anchor: "plan")),
        ("./crisis.md#", .module(id: "crisis", anchor: nil)),
        ("images/a.png", .file("images/a.png")),
        ("images/../b.png?x=1", .file("b.png")),
        ("https://988lifeline.org", .external("https://988lifeline.org")),
        ("//cdn.example/x", .external("//cdn.example/x")),
        ("../module-17/", .invalid(reason: "it points outside the curriculum folder")),
        ("/etc/passwd", .invalid(reason: "an absolute path breaks when the site is published elsewhere; use a relative link")),
        ("docs/a.md", .invalid(reason: "links to modules must name a module file in the curriculum folder, such as 'crisis.md'")),
    ])
    func typical(destination: String, expected: LinkTarget) {
        #expect(LinkTarget.classify(destination) == expected)
    }
}
