// Figures for the terminal learner (not a test): time to the first screen on the shipped
// curriculum and time to handle one key press and draw the next frame.
// Run: swift run -c release lantern-bench-learn [WORKSPACE]
import Foundation
import LanternCurriculum
import LanternTerminal

func milliseconds(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
}

final class NoStore: LearnerStore {
    func progress() -> LearnerProgress { LearnerProgress() }
    func moduleOpened(_ moduleID: String) {}
    func moduleRead(_ moduleID: String, seconds: Int, reachedEnd: Bool) {}
}

let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? FileManager.default.currentDirectoryPath)
let size = TerminalSize(columns: 80, rows: 24)

// Time to first screen: load and check the workspace, build the map, draw it.
var firstScreen: [Double] = []
var workspace: Workspace?
for _ in 0..<20 {
    let start = DispatchTime.now()
    guard let loaded = WorkspaceLoader().load(at: root).workspace else { fatalError("no workspace at \(root.path)") }
    let screen = CourseMapScreen(map: CourseMap(workspace: loaded, progress: NoStore().progress()), size: size, color: true)
    let terminal = ScriptedTerminal(size: size)
    terminal.write(screen.frame().rendered(rows: size.rows))
    firstScreen.append(milliseconds(start))
    workspace = loaded
}
guard let workspace else { exit(1) }
let quizStart = DispatchTime.now()
let catalog = QuizCatalog(workspace: workspace)
let quizParse = milliseconds(quizStart)

// Per key press in the pager: the longest module, every kind of key, frame drawn each time.
let longest = workspace.modules.max { $0.bodyText.utf8.count < $1.bodyText.utf8.count }!
var pager = Pager(document: ModuleDocument.make(longest, in: workspace), size: size, color: true)
let terminal = ScriptedTerminal(size: size)
let keys: [Key] = [.pageDown, .down, .character("]"), .pageDown, .up, .character("["), .end, .home, .character("n")]
var perKey: [Double] = []
for round in 0..<300 {
    let key = keys[round % keys.count]
    let start = DispatchTime.now()
    _ = pager.handle(key)
    terminal.write(pager.frame().rendered(rows: size.rows))
    perKey.append(milliseconds(start))
}
var resize: [Double] = []
for round in 0..<50 {
    let start = DispatchTime.now()
    pager.layout(size: round % 2 == 0 ? TerminalSize(columns: 60, rows: 20) : size)
    terminal.write(pager.frame().rendered(rows: size.rows))
    resize.append(milliseconds(start))
}
var search: [Double] = []
for _ in 0..<50 {
    let start = DispatchTime.now()
    for key in [Key.character("/")] + "support".map(Key.character) + [.enter] { _ = pager.handle(key) }
    terminal.write(pager.frame().rendered(rows: size.rows))
    search.append(milliseconds(start))
}

func report(_ name: String, _ values: [Double]) {
    let sorted = values.sorted()
    let median = sorted[sorted.count / 2]
    let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
    print(String(format: "%-44@ median %7.3f ms   p95 %7.3f ms   max %7.3f ms", name as NSString, median, p95, sorted.last!))
}
print("Lantern learner figures (\(workspace.modules.count) modules, \(catalog.quizzes.count) quizzes, 80x24)")
report("first screen (load workspace, map, draw)", firstScreen)
print(String(format: "%-44@ %7.3f ms (once, on first quiz)", "parse every quiz" as NSString, quizParse))
report("key press in pager (handle + draw)", perKey)
report("resize 80<->60 (re-wrap + draw)", resize)
report("search '/support' + Enter (+ draw)", search)
