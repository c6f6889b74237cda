import Foundation
import LanternCurriculum
import Testing
@testable import LanternTerminal

@Suite struct CourseMapTests {
    let workspace = ShippedWorkspace.workspace

    @Test func newTraineeSeesProgramOrderAndLocks() throws {
        let map = CourseMap(workspace: workspace, progress: LearnerProgress())
        #expect(map.entries.map(\.module.id) == workspace.program?.moduleIDs)
        #expect(map.entries[0].statusText == "not started")
        #expect(!map.entries[0].isLocked)
        let locked = try #require(map.entries.first { $0.isLocked })
        #expect(locked.statusText.hasPrefix("locked: finish "))
        #expect(map.progressText == "0 of \(map.entries.count) modules done")
        #expect(map.nextIndex == 0)
    }

    @Test func passingQuizzesUnlocksAndCounts() throws {
        let first = try #require(workspace.modules.first)
        let quizzes = workspace.assessments.filter { $0.moduleID == first.id && $0.kind == .quiz }.map(\.id)
        #expect(!quizzes.isEmpty)
        let progress = LearnerProgress(opened: [first.id], completed: [first.id], passedQuizzes: Set(quizzes))
        let map = CourseMap(workspace: workspace, progress: progress)
        #expect(map.entries[0].status == .quizPassed)
        #expect(map.doneCount == 1)
        let dependants = map.entries.filter { $0.module.requires == [first.id] }
        #expect(!dependants.isEmpty && dependants.allSatisfy { !$0.isLocked })
    }

    @Test func mapScreenFitsAndActsOnSingleKeys() throws {
        for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 40, rows: 15)] {
            var screen = CourseMapScreen(map: CourseMap(workspace: workspace, progress: LearnerProgress()), size: size, color: true)
            #expect(fits(screen.frame(), size))
            #expect(screen.handle(.down) == .stay)
            #expect(screen.handle(.character("?")) == .stay)
            #expect(fits(screen.frame(), size))
            _ = screen.handle(.escape)
        }
        var screen = CourseMapScreen(map: CourseMap(workspace: workspace, progress: LearnerProgress()),
                                     size: TerminalSize(columns: 80, rows: 24), color: false)
        let rows = screen.frame().rows
        #expect(rows[3].hasPrefix(">  1. "))
        #expect(rows[3].hasSuffix("not started"))
        #expect(screen.handle(.enter) == .open(workspace.modules[0].id))
        #expect(screen.handle(.character("n")) == .open(workspace.modules[0].id))
        let lockedIndex = try #require(screen.map.entries.firstIndex { $0.isLocked })
        for _ in 0..<lockedIndex { _ = screen.handle(.down) }
        // A locked module opens as a preview; its quiz stays locked.
        #expect(screen.handle(.enter) == .preview(screen.map.entries[lockedIndex].module.id))
        #expect(screen.handle(.character("t")) == .stay)
        #expect(screen.frame().rows.last!.contains("Locked: finish"))
        #expect(screen.handle(.character("q")) == .quit)
    }

    @Test func learnerReadsAModuleAndRecordsIt() throws {
        let terminal = ScriptedTerminal()
        let store = MemoryLearnerStore()
        nonisolated(unsafe) var now = Date(timeIntervalSince1970: 1_000)
        var seen: [String] = []
        terminal.press(.enter, .pageDown, .end)
        terminal.resize(to: TerminalSize(columns: 60, rows: 20))
        terminal.press(.character("q"), .character("q"))
        terminal.onRead = { terminal in
            seen.append(terminal.screen.text)
            now += 30
        }
        try FullScreenLearner(workspace: workspace, store: store, terminal: terminal, color: false, clock: { now }).run()
        let first = workspace.modules[0].id
        #expect(store.state.opened == [first])
        #expect(store.state.completed == [first])
        #expect(store.seconds[first] == 120)
        #expect(seen[0].contains("Progress: 0 of"))
        #expect(seen[1].contains("Module 1 of \(workspace.modules.count): \(workspace.modules[0].title)"))
        #expect(seen[4].split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(seen.last!.contains("… "))
        #expect(!terminal.isFullScreen && terminal.restoreCount == 1)
        #expect(terminal.screen.cursorVisible && !terminal.screen.alternateScreen)
    }
}

@Suite("the final exam on the course map")
struct FinalExamMapTests {
    @Test("a final exam waiting on many modules says how many, not every name; a module still names them")
    func waitingText() throws {
        let module = try #require(ShippedWorkspace.workspace.modules.first)
        var entry = CourseMap.Entry(module: module, status: .notStarted, quizzes: ["final-exam"], checklists: [],
                                    waitingFor: ["A", "B", "C", "D", "E"], readToEnd: true)
        #expect(entry.statusText == "locked: finish A, B, C, D and E first")
        entry.isProgramAssessment = true
        #expect(entry.waitingText == "the 5 modules not yet done")
        entry.waitingFor = ["A", "B"]
        #expect(entry.waitingText == "A and B")
    }
}
