import LanternMarkdown

/// The home screen: every module with its status, the selected module's summary, and
/// single-key actions (Enter/o open, t quiz, n next, ? help, q quit), like rustlings' watch mode.
public struct CourseMapScreen: Sendable {
    public enum Outcome: Sendable, Equatable {
        case stay
        case open(String)
        case quiz(String)
        case quit
    }

    public private(set) var map: CourseMap
    public private(set) var selected: Int
    public var size: TerminalSize
    /// Shown on the status line until the next key.
    public var message: String?
    var showingHelp = false
    let color: Bool
    let subtitle: String

    public init(map: CourseMap, size: TerminalSize, color: Bool, subtitle: String = "") {
        self.map = map
        self.size = size
        self.color = color
        self.subtitle = subtitle
        selected = map.nextIndex ?? 0
    }

    /// New progress from the records (after reading or a quiz), keeping the selection.
    public mutating func update(_ map: CourseMap) {
        self.map = map
        selected = min(selected, max(0, map.entries.count - 1))
    }

    public mutating func handle(_ key: Key) -> Outcome {
        message = nil
        if showingHelp {
            showingHelp = false
            if key == .interrupt || key == .endOfInput || key == .terminate { return .quit }
            return .stay
        }
        guard !map.entries.isEmpty else { return key == .character("q") || key == .interrupt || key == .endOfInput || key == .terminate ? .quit : .stay }
        switch key {
        case .down, .character("j"): selected = min(map.entries.count - 1, selected + 1)
        case .up, .character("k"): selected = max(0, selected - 1)
        case .home, .character("g"): selected = 0
        case .end, .character("G"): selected = map.entries.count - 1
        case .character(let digit) where digit.isNumber:
            if let number = digit.wholeNumberValue, number >= 1, number <= map.entries.count { selected = number - 1 }
        case .enter, .right, .character("o"), .character("r"):
            return open(selected)
        case .character("t"):
            return quiz(selected)
        case .character("n"):
            guard let next = map.nextIndex else {
                message = "Every module you can do now is done. Well done."
                return .stay
            }
            selected = next
            let entry = map.entries[next]
            if entry.readToEnd, !entry.quizzes.isEmpty { return quiz(next) }
            return open(next)
        case .character("?"), .character("h"):
            showingHelp = true
        case .character("q"), .character("Q"), .interrupt, .endOfInput, .terminate, .escape:
            return .quit
        default:
            message = "Press ? for the keys."
        }
        return .stay
    }

    private mutating func open(_ index: Int) -> Outcome {
        let entry = map.entries[index]
        if entry.isLocked {
            message = "Locked: finish \(CourseMap.Entry.list(entry.waitingFor)) first."
            return .stay
        }
        return .open(entry.module.id)
    }

    private mutating func quiz(_ index: Int) -> Outcome {
        let entry = map.entries[index]
        if entry.isLocked {
            message = "Locked: finish \(CourseMap.Entry.list(entry.waitingFor)) first."
            return .stay
        }
        guard !entry.quizzes.isEmpty else {
            message = "This module has no quiz."
            return .stay
        }
        return .quiz(entry.module.id)
    }

    public func frame() -> Frame {
        let paint = Painter(color: color)
        let width = size.columns
        var rows: [String] = [paint.bar(TextFit.pad(TextFit.spread(" Lantern · " + map.title, subtitle + " ", width: width), to: width))]
        rows.append(TextFit.clip(" Progress: " + map.progressText + "  " + progressBar(width: 20), to: width))
        if showingHelp {
            rows.append("")
            rows += Self.helpLines.map { TextFit.clip($0, to: width) }
        } else {
            rows.append("")
            let listHeight = max(1, size.rows - 9)
            let start = max(0, min(selected - listHeight / 2, map.entries.count - listHeight))
            let numberWidth = String(map.entries.count).count
            for index in start..<min(map.entries.count, start + listHeight) {
                let entry = map.entries[index]
                let number = String(repeating: " ", count: numberWidth - String(index + 1).count) + "\(index + 1). "
                let marker = entry.isLocked ? "  " : (entry.status.isDone ? "✓ " : (entry.status == .reading ? "… " : "  "))
                let line = TextFit.spread(number + marker + entry.module.title, entry.isLocked ? "locked" : entry.status.label, width: width - 2)
                rows.append(paint.selected(line, index == selected))
            }
            rows.append("")
            if selected < map.entries.count {
                let entry = map.entries[selected]
                let renderer = TerminalRenderer(options: .init(width: max(20, width - 2)))
                let about = entry.isLocked ? "Locked: finish \(CourseMap.Entry.list(entry.waitingFor)) first." : entry.module.summary
                let detail = renderer.wrap(about, first: " ", rest: " ").prefix(2).map(\.plain)
                rows += detail.map { TextFit.clip($0, to: width) }
                var facts = " About \(entry.module.minutes) minutes"
                if !entry.quizzes.isEmpty { facts += " · quiz: t" }
                if !entry.checklists.isEmpty { facts += " · \(entry.checklists.count) observed skill\(entry.checklists.count == 1 ? "" : "s")" }
                rows.append(paint.dim(TextFit.clip(facts, to: width)))
            }
        }
        while rows.count < size.rows - 1 { rows.append("") }
        rows = Array(rows.prefix(max(1, size.rows - 1)))
        let keys = "Enter read  t quiz  n next  ? help  q quit"
        let status = message.map { " " + $0 } ?? " ↑↓ choose"
        rows.append(paint.bar(TextFit.pad(TextFit.spread(status, width >= 60 ? keys + " " : "? help  q quit ", width: width), to: width)))
        return Frame(rows: rows)
    }

    private func progressBar(width: Int) -> String {
        let total = max(1, map.entries.count)
        let filled = map.doneCount * width / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    static let helpLines = [
        "Keys on the course map",
        "",
        "  Up, Down, j, k, 1-9   choose a module",
        "  Enter, o, r           read the module",
        "  t                     take the module's quiz",
        "  n                     the next thing to do (read, then quiz)",
        "  q                     leave Lantern (everything is saved)",
        "",
        "A module is locked until the modules it requires are done. If you are",
        "in crisis, contact your local emergency number or a crisis line now.",
        "",
        "Press any key to go back.",
    ]
}
