import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternTestSupport
import Testing

/// Files that are not what they should be must give one clear diagnostic, never a crash.
@Suite("Hostile and unusual files")
struct HostileFileTests {
    func load(_ contents: Data, at relative: String = "curriculum/intro.md") throws -> [Diagnostic] {
        let workspace = try SampleWorkspace.create()
        try workspace.write(relative, contents)
        return WorkspaceLoader().load(at: workspace.url).diagnostics
    }

    @Test("an empty module")
    func empty() throws {
        let diagnostics = try load(Data())
        #expect(diagnostics.contains { $0.code == "empty-file" && $0.location?.description == "curriculum/intro.md:1:1" })
    }

    @Test("a binary file, reported at its first NUL byte")
    func binary() throws {
        let diagnostics = try load(Data([0x2D, 0x2D, 0x2D, 0x0A, 0x61, 0x00, 0xFF, 0x10]))
        #expect(diagnostics.contains { $0.code == "binary-file" && $0.location?.description == "curriculum/intro.md:2:2" })
    }

    @Test("invalid UTF-8, reported at the bad byte")
    func invalidUTF8() throws {
        var bytes = Array("---\nid: intro\ntitle: caf".utf8)
        bytes += [0xC3, 0x28]
        let diagnostics = try load(Data(bytes))
        #expect(diagnostics.contains { $0.code == "invalid-utf8" && $0.location?.description == "curriculum/intro.md:3:11" })
    }

    @Test("a byte-order mark and CRLF line endings are fine, and positions stay right")
    func bomAndCRLF() throws {
        let text = "---\r\nid: intro\r\ntitle: Introduction\r\nsummary: s\r\nminutes: 30\r\noutcomes: [a]\r\nassessments: [intro-quiz]\r\n---\r\n\r\n# H\r\n\r\nSee [x](nowhere.md).\r\n"
        let diagnostics = try load(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(diagnostics.map(\.code).filter { $0 != "placeholder-address" } == ["broken-link"])
        #expect(diagnostics.first { $0.code == "broken-link" }?.location?.description == "curriculum/intro.md:12:5")
    }

    @Test("front matter that never closes")
    func unclosed() throws {
        let diagnostics = try load(Data("---\nid: intro\ntitle: x\n".utf8))
        #expect(diagnostics.contains { $0.code == "unclosed-front-matter" })
    }

    @Test("no front matter at all")
    func missingFrontMatter() throws {
        let diagnostics = try load(Data("# Just a heading\n".utf8))
        #expect(diagnostics.contains { $0.code == "missing-front-matter" && $0.location?.line == 1 })
    }

    @Test("a YAML alias bomb is refused")
    func aliasBomb() throws {
        var yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in ["b", "c", "d", "e", "f", "g"] {
            yaml += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = level
        }
        let diagnostics = try load(Data((yaml + "---\n").utf8))
        #expect(diagnostics.contains { $0.code == "yaml-alias" || $0.code == "yaml-too-large" })
    }

    @Test("front matter that is a list or a scalar")
    func wrongShape() throws {
        for yaml in ["- a\n- b\n", "just text\n"] {
            let diagnostics = try load(Data(("---\n" + yaml + "---\n# H\n").utf8))
            #expect(diagnostics.contains { $0.code == "wrong-type" && $0.location?.line == 2 }, "\(diagnostics)")
        }
    }

    @Test("a large module (5 MB) loads")
    func large() throws {
        var text = "---\nid: intro\ntitle: T\nsummary: s\nminutes: 30\noutcomes: [a]\nassessments: [intro-quiz]\n---\n"
        let paragraph = "Peer support is *mutual* and **voluntary**; see [listening](listening.md).\n\n"
        text += String(repeating: "## A section\n\n" + String(repeating: paragraph, count: 20), count: 3_300)
        let diagnostics = try load(Data(text.utf8))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
