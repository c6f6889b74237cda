import LanternMarkdown

/// The home screen: every module with its status, the selected module's summary, and
/// single-key actions (Enter/o open, t quiz, n next, ? help, q quit), like rustlings' watch mode.
public struct CourseMapScreen: Sendable {
    public enum Outcome: Sendable, Equatable {
        case stay
        case open(String)
        /// Read a locked module as a preview: nothing is recorded.
        case preview(String)
        /// Take a module's quiz (its first not yet passed).
        case quiz(String)
        /// Take this quiz of the module (a module with several quizzes).
        case takeQuiz(module: String, quiz: String)
        /// Show the crisis lines.
        case crisis
        case quit
    }

    public private(set) var map: CourseMap
    public private(set) var selected: Int
    public var size: TerminalSize
    /// Shown on the status line until the next key.
    public var message: String?
    var showingHelp = false
    /// Digits typed so far: `1` then `0` selects module 10.
    var typedNumber = ""
    /// The module whose quizzes are offered to choose from (a module with several).
    var choosingQuizOf: Int?
    /// Quiz titles by id, for the chooser.
    public var quizTitles: [String: String] = [:]
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
        if key == .character("!") { typedNumber = ""; choosingQuizOf = nil; return .crisis }
        guard !map.entries.isEmpty else { return key == .character("q") || key == .interrupt || key == .endOfInput || key == .terminate ? .quit : .stay }
        if let index = choosingQuizOf {
            choosingQuizOf = nil
            let quizzes = map.entries[index].quizzes
            if case .character(let digit) = key, let number = digit.wholeNumberValue, number >= 1, number <= quizzes.count {
                return .takeQuiz(module: map.entries[index].module.id, quiz: quizzes[number - 1])
            }
            if key == .interrupt || key == .endOfInput || key == .terminate { return .quit }
            return .stay
        }
        if case .character(let digit) = key, digit.isNumber, let value = digit.wholeNumberValue {
            // Numbers of more than one digit: each digit extends the number while it still names a module.
            let extended = typedNumber + String(value)
            if let number = Int(extended), number >= 1, number <= map.entries.count {
                typedNumber = extended
                selected = number - 1
            } else if value >= 1, value <= map.entries.count {
                typedNumber = String(value)
                selected = value - 1
            } else {
                typedNumber = ""
            }
            if map.entries.count >= 10, typedNumber.count == 1, Int(typedNumber + "0").map({ $0 <= map.entries.count }) == true {
                message = "Module \(typedNumber): type another digit for module \(typedNumber)0 and on."
            }
            return .stay
        }
        typedNumber = ""
        switch key {
        case .down, .character("j"): selected = min(map.entries.count - 1, selected + 1)
        case .up, .character("k"): selected = max(0, selected - 1)
        case .home, .character("g"): selected = 0
        case .end, .character("G"): selected = map.entries.count - 1
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
        if entry.isUnavailable {
            message = "Unavailable: this module has a mistake your trainer needs to fix."
            return .stay
        }
        if entry.isProgramAssessment { return quiz(index) }
        if entry.isLocked { return .preview(entry.module.id) }
        return .open(entry.module.id)
    }

    private mutating func quiz(_ index: Int) -> Outcome {
        let entry = map.entries[index]
        if entry.isUnavailable {
            message = "Unavailable: this module has a mistake your trainer needs to fix."
            return .stay
        }
        if entry.isLocked {
            message = "Locked: finish \(entry.waitingText) first."
            return .stay
        }
        guard !entry.quizzes.isEmpty else {
            message = "This module has no quiz."
            return .stay
        }
        if entry.quizzes.count > 1 {
            choosingQuizOf = index
            message = "Which quiz? " + entry.quizzes.enumerated().map { "\($0.offset + 1) \(quizTitles[$0.element] ?? $0.element)" }
                .joined(separator: " · ")
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
                let marker = entry.isLocked || entry.isUnavailable ? "  " : (entry.status.isDone ? "✓ " : (entry.status == .reading ? "… " : "  "))
                let state = entry.isUnavailable ? "unavailable" : entry.isLocked ? "locked" : entry.status.label
                let line = TextFit.spread(number + marker + entry.module.title, state, width: width - 2)
                rows.append(paint.selected(line, index == selected))
            }
            rows.append("")
            if selected < map.entries.count {
                let entry = map.entries[selected]
                let renderer = TerminalRenderer(options: .init(width: max(20, width - 2)))
                let about = entry.isUnavailable ? CourseMap.unavailableText
                    : entry.isLocked ? "Locked: finish \(entry.waitingText) first." + (entry.isProgramAssessment ? "" : " Enter previews it.")
                    : entry.module.summary
                let detail = renderer.wrap(about, first: " ", rest: " ").prefix(2).map(\.plain)
                rows += detail.map { TextFit.clip($0, to: width) }
                var facts = entry.isUnavailable ? "" : entry.isProgramAssessment ? " Final assessment" : " About \(entry.module.minutes) minutes"
                if entry.quizzes.count == 1 { facts += " · quiz: t" }
                if entry.quizzes.count > 1 { facts += " · \(entry.quizzes.count) quizzes: t" }
                if !entry.checklists.isEmpty { facts += " · \(entry.checklists.count) observed skill\(entry.checklists.count == 1 ? "" : "s")" }
                rows.append(paint.dim(TextFit.clip(facts, to: width)))
            }
        }
        while rows.count < size.rows - 1 { rows.append("") }
        rows = Array(rows.prefix(max(1, size.rows - 1)))
        let keys = "Enter read  t quiz  n next  ! crisis lines  ? help  q quit"
        let status = message.map { " " + $0 } ?? " ↑↓ choose"
        let shortKeys = "! crisis  ? help  q quit "
        let footer = message != nil && width < 100 ? shortKeys : (width >= 76 ? keys + " " : shortKeys)
        rows.append(paint.bar(TextFit.pad(TextFit.spread(status, footer, width: width), to: width)))
        return Frame(rows: rows)
    }

    private func progressBar(width: Int) -> String {
        let total = max(1, map.moduleCount)
        let filled = map.doneCount * width / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    static let helpLines = [
        "Keys on the course map",
        "",
        "  Up, Down, j, k        choose a module",
        "  1-9, then 0-9         choose by number (type 1 then 0 for module 10)",
        "  Enter, o, r           read the module (a locked one opens as a preview)",
        "  t                     take the module's quiz (choose one when it has several)",
        "                        or the final assessment, once its modules are done",
        "  n                     the next thing to do (read, then quiz)",
        "  !                     crisis lines, from every screen",
        "  q                     leave Lantern (everything is saved)",
        "",
        "A module is locked until the modules it requires are done. If you are",
        "in crisis, contact your local emergency number or a crisis line now.",
        "",
        "Press any key to go back.",
    ]
}
