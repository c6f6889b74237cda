import LanternCurriculum
import LanternMarkdown
import Testing
@testable import LanternTerminal

@Suite struct PagerTests {
    let workspace = ShippedWorkspace.workspace
    let size = TerminalSize(columns: 80, rows: 24)

    private func pager(_ id: String, size: TerminalSize? = nil, color: Bool = false) throws -> Pager {
        let module = try #require(workspace.module(id))
        return Pager(document: ModuleDocument.make(module, in: workspace), size: size ?? self.size, color: color)
    }

    private func text(_ pager: Pager) -> [String] { pager.frame().rows.map(stripANSI) }

    @Test func crisisModuleOpensWithTheNotice() throws {
        let crisis = try pager("crisis")
        let rows = text(crisis)
        #expect(rows[1] == "Help now")
        #expect(rows[2].contains("immediate danger"))
        #expect(rows.contains { $0.contains("988") })
        let foundations = try pager("foundations")
        #expect(!text(foundations).contains { $0.contains("Help now") })
    }

    @Test func everyFrameFitsAt80x24AndNarrower() throws {
        for id in workspace.modules.map(\.id) {
            for size in [size, TerminalSize(columns: 40, rows: 12), TerminalSize(columns: 132, rows: 50)] {
                var reader = try pager(id, size: size, color: true)
                #expect(fits(reader.frame(), size), "\(id) at \(size)")
                for key in [Key.pageDown, .pageDown, .character("t"), .escape, .character("?")] {
                    _ = reader.handle(key)
                    #expect(fits(reader.frame(), size), "\(id) at \(size) after \(key)")
                }
            }
        }
    }

    @Test func scrollsByLineAndPageAndToTheEnds() throws {
        var reader = try pager("communication")
        #expect(reader.top == 0)
        _ = reader.handle(.down)
        #expect(reader.top == 1)
        _ = reader.handle(.pageDown)
        #expect(reader.top == 1 + reader.pageHeight - 1)
        _ = reader.handle(.pageUp)
        #expect(reader.top == 1)
        #expect(!reader.hasReachedEnd)
        _ = reader.handle(.end)
        #expect(reader.top == reader.lines.count - reader.pageHeight)
        #expect(reader.hasReachedEnd)
        _ = reader.handle(.home)
        #expect(reader.top == 0)
        #expect(text(reader).last!.contains("Lines 1–22 of \(reader.lines.count)"))
    }

    @Test func jumpsBetweenHeadingsAndFromTheContentsList() throws {
        var reader = try pager("communication")
        let headings = reader.headings
        #expect(headings.count >= 3)
        _ = reader.handle(.character("]"))
        #expect(reader.top == headings[0].line)
        _ = reader.handle(.character("]"))
        #expect(reader.top == headings[1].line)
        _ = reader.handle(.character("["))
        #expect(reader.top == headings[0].line)
        _ = reader.handle(.character("t"))
        #expect(text(reader)[1].hasPrefix("Contents"))
        _ = reader.handle(.down)
        _ = reader.handle(.down)
        _ = reader.handle(.enter)
        #expect(reader.top == min(headings[2].line, reader.lines.count - reader.pageHeight))
    }

    @Test func searchFindsMatchesForwardAndBack() throws {
        var reader = try pager("communication")
        for key in [Key.character("/")] + "reflection".map(Key.character) + [.enter] { _ = reader.handle(key) }
        let matches = reader.matches
        #expect(matches.count >= 2)
        #expect(reader.top == matches[0])
        #expect(text(reader).last!.contains("Match 1 of \(matches.count)"))
        _ = reader.handle(.character("n"))
        #expect(reader.top == min(matches[1], reader.lines.count - reader.pageHeight))
        _ = reader.handle(.character("N"))
        #expect(reader.top == matches[0])
        for key in [Key.character("/")] + "zzqx".map(Key.character) + [.enter] { _ = reader.handle(key) }
        #expect(text(reader).last!.contains("Not found: zzqx"))
    }

    @Test func resizeRewrapsAndKeepsThePlace() throws {
        var reader = try pager("ethics")
        _ = reader.handle(.character("]"))
        _ = reader.handle(.character("]"))
        let heading = reader.lines[reader.top].plain
        reader.layout(size: TerminalSize(columns: 50, rows: 20))
        #expect(reader.lines[reader.top].plain == heading)
        #expect(reader.lines.allSatisfy { DisplayWidth.of($0.plain) <= 50 })
        reader.layout(size: TerminalSize(columns: 80, rows: 24))
        #expect(reader.lines[reader.top].plain == heading)
    }

    @Test func leavesOnQAndQuitsOnInterrupt() throws {
        var reader = try pager("foundations")
        #expect(reader.handle(.character("?")) == .stay)
        #expect(text(reader)[1] == "Keys for reading")
        #expect(reader.handle(.character("x")) == .stay)
        #expect(reader.handle(.character("q")) == .leave)
        #expect(reader.handle(.interrupt) == .quit)
        #expect(reader.handle(.terminate) == .quit)
    }
}
