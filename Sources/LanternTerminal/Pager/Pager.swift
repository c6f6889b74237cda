import LanternMarkdown

/// A `less`-like reader over a `PagerDocument`: scroll by line and page, top and bottom, next
/// and previous heading, a list of headings, `/` search with `n`/`N`, `?` help, `q` to leave.
/// Pure state: keys in, frames out, so tests drive it without a terminal.
public struct Pager: Sendable {
    /// What the pager wants after a key.
    public enum Outcome: Sendable, Equatable {
        case stay
        /// `q` or Escape: back to where the reader came from.
        case leave
        /// Ctrl-C, Ctrl-D, a closed terminal, SIGTERM: leave the program (everything is saved).
        case quit
    }

    enum Mode: Sendable, Equatable {
        case reading
        case searching(String)
        case headings(selected: Int)
        case help
    }

    public let document: PagerDocument
    public private(set) var lines: [TerminalLine] = []
    private var blockOfLine: [Int] = []
    public private(set) var top = 0
    public private(set) var size = TerminalSize(columns: 80, rows: 24)
    /// Whether the last line has been on screen (kept when a resize re-wraps the text).
    public private(set) var hasReachedEnd = false
    var mode: Mode = .reading
    private var query: String?
    private var message: String?
    let color: Bool
    /// Widest text column, for comfortable reading on wide screens.
    let maximumWidth: Int

    public init(document: PagerDocument, size: TerminalSize, color: Bool, maximumWidth: Int = 100) {
        self.document = document
        self.color = color
        self.maximumWidth = maximumWidth
        layout(size: size)
    }

    /// Rows available for text (a title bar above, a status line below).
    public var pageHeight: Int { max(1, size.rows - 2) }

    /// Headings: line index, level and text.
    public var headings: [(line: Int, level: Int, text: String)] {
        lines.indices.compactMap { index in
            lines[index].headingLevel.map { (index, $0, lines[index].plain) }
        }
    }

    /// Re-wraps for a new size, keeping the block at the top of the screen (and the place
    /// inside it) where it was.
    public mutating func layout(size newSize: TerminalSize) {
        let width = max(20, min(maximumWidth, newSize.columns))
        let sameWidth = !lines.isEmpty && width == max(20, min(maximumWidth, size.columns))
        size = newSize
        if !sameWidth {
            var anchor: (block: Int, fraction: Double)?
            if !lines.isEmpty, top < blockOfLine.count {
                let block = blockOfLine[top]
                let first = blockOfLine.firstIndex(of: block) ?? top
                let count = blockOfLine.lastIndex(of: block).map { $0 - first + 1 } ?? 1
                anchor = (block, Double(top - first) / Double(max(1, count)))
            }
            (lines, blockOfLine) = document.layout(width: width, color: color)
            if let anchor, let first = blockOfLine.firstIndex(where: { $0 >= anchor.block }) {
                let count = (blockOfLine.lastIndex(of: blockOfLine[first]) ?? first) - first + 1
                top = first + Int((anchor.fraction * Double(count)).rounded(.down))
            }
        }
        scroll(to: top)
    }

    private var lastTop: Int { max(0, lines.count - pageHeight) }

    private mutating func scroll(to line: Int) {
        top = min(max(0, line), lastTop)
        if top + pageHeight >= lines.count { hasReachedEnd = true }
    }

    /// Whether a key now is a command (not text typed into the search line).
    public var acceptsCommands: Bool {
        if case .searching = mode { return false }
        return true
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .interrupt, .endOfInput, .terminate: return .quit
        case .resize: return .stay
        default: break
        }
        message = nil
        switch mode {
        case .reading: return read(key)
        case .searching(let text): search(key, text: text)
        case .headings(let selected): chooseHeading(key, selected: selected)
        case .help: mode = .reading
        }
        return .stay
    }

    private mutating func read(_ key: Key) -> Outcome {
        switch key {
        case .down, .enter, .character("j"), .character("e"): scroll(to: top + 1)
        case .up, .character("k"), .character("y"): scroll(to: top - 1)
        case .pageDown, .character(" "), .character("f"): scroll(to: top + pageHeight - 1)
        case .pageUp, .character("b"), .backspace: scroll(to: top - (pageHeight - 1))
        case .character("d"), .control("d"): scroll(to: top + max(1, pageHeight / 2))
        case .character("u"), .control("u"): scroll(to: top - max(1, pageHeight / 2))
        case .control("f"), .control("v"): scroll(to: top + pageHeight - 1)
        case .control("b"): scroll(to: top - (pageHeight - 1))
        case .home, .character("g"), .character("<"): scroll(to: 0)
        case .end, .character("G"), .character(">"): scroll(to: lastTop)
        case .character("]"), .character("}"), .tab: jumpHeading(forward: true)
        case .character("["), .character("{"): jumpHeading(forward: false)
        case .character("t"), .character("h"):
            let list = headings
            if list.isEmpty { message = "This page has no headings." }
            else { mode = .headings(selected: list.lastIndex { $0.line <= top } ?? 0) }
        case .character("/"): mode = .searching("")
        case .character("n"): findNext(forward: true, from: top + 1)
        case .character("N"): findNext(forward: false, from: top - 1)
        case .character("?"): mode = .help
        case .character("q"), .character("Q"), .escape, .left: return .leave
        default: message = "Press ? for the keys, q to go back."
        }
        return .stay
    }

    private mutating func jumpHeading(forward: Bool) {
        let list = headings.map(\.line)
        let target = forward ? list.first { $0 > top } : list.last { $0 < top }
        if let target { scroll(to: target) } else { message = forward ? "No more headings below." : "No headings above." }
    }

    private mutating func search(_ key: Key, text: String) {
        switch key {
        case .enter:
            mode = .reading
            if !text.isEmpty { query = text }
            findNext(forward: true, from: top)
        case .escape:
            mode = .reading
        case .backspace:
            if text.isEmpty { mode = .reading } else { mode = .searching(String(text.dropLast())) }
        case .character(let character):
            mode = .searching(text + String(character))
        default:
            break
        }
    }

    /// Lines whose text contains the query (ignoring case).
    public var matches: [Int] {
        guard let query, !query.isEmpty else { return [] }
        return lines.indices.filter { lines[$0].plain.localizedCaseInsensitiveContains(query) }
    }

    private mutating func findNext(forward: Bool, from start: Int) {
        guard let query else { message = "Press / to search."; return }
        let all = matches
        guard !all.isEmpty else { message = "Not found: \(query)"; return }
        var target = forward ? all.first { $0 >= start } : all.last { $0 <= start }
        var wrapped = false
        if target == nil {
            target = forward ? all.first : all.last
            wrapped = true
        }
        guard let line = target else { return }
        scroll(to: line)
        let number = (all.firstIndex(of: line) ?? 0) + 1
        message = "Match \(number) of \(all.count) for \"\(query)\"" + (wrapped ? (forward ? " (from the top)" : " (from the bottom)") : "")
    }

    private mutating func chooseHeading(_ key: Key, selected: Int) {
        let list = headings
        switch key {
        case .down, .character("j"): mode = .headings(selected: min(list.count - 1, selected + 1))
        case .up, .character("k"): mode = .headings(selected: max(0, selected - 1))
        case .home: mode = .headings(selected: 0)
        case .end: mode = .headings(selected: list.count - 1)
        case .enter, .right:
            mode = .reading
            if selected < list.count { scroll(to: list[selected].line) }
        case .character(let character) where character.isNumber:
            if let number = character.wholeNumberValue, number >= 1, number <= list.count {
                mode = .reading
                scroll(to: list[number - 1].line)
            }
        default:
            mode = .reading
        }
    }

    // MARK: Drawing

    public func frame() -> Frame {
        let paint = Painter(color: color)
        let width = size.columns
        var rows: [String] = [paint.bar(TextFit.pad(" " + document.title, to: width))]
        let height = pageHeight
        switch mode {
        case .help:
            rows += Self.helpLines.prefix(height).map { TextFit.clip($0, to: width) }
        case .headings(let selected):
            let list = headings
            let start = max(0, min(selected - height / 2, list.count - (height - 1)))
            rows.append(paint.bold(TextFit.clip("Contents: ↑↓ choose, Enter go, Esc back", to: width)))
            for index in start..<min(list.count, start + height - 1) {
                let entry = list[index]
                let label = String(repeating: "  ", count: max(0, entry.level - 1)) + "\(index + 1). " + entry.text
                rows.append(paint.selected(TextFit.clip(label, to: width - 2), index == selected))
            }
        default:
            for index in top..<min(lines.count, top + height) {
                rows.append(highlighted(lines[index]))
            }
        }
        while rows.count < height + 1 { rows.append("") }
        rows.append(statusLine(width: width, paint: paint))
        return Frame(rows: rows)
    }

    /// The line with every match of the search in inverse video (which is not colour, so it
    /// shows under NO_COLOR too); a line with a match is drawn without its other styles.
    func highlighted(_ line: TerminalLine) -> String {
        guard let query, !query.isEmpty, line.plain.localizedCaseInsensitiveContains(query) else { return line.text }
        var result = ""
        var rest = line.plain[...]
        while let range = rest.range(of: query, options: [.caseInsensitive]) {
            result += rest[..<range.lowerBound] + ANSI.inverse + rest[range] + ANSI.resetStyle
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    private func statusLine(width: Int, paint: Painter) -> String {
        if case .searching(let text) = mode {
            return TextFit.clip("Search: " + text + "▏ (Enter find, Esc cancel)", to: width)
        }
        let last = min(lines.count, top + pageHeight)
        let percent = lines.count <= pageHeight ? 100 : Int((Double(last) / Double(lines.count) * 100).rounded())
        let position = message ?? "Lines \(top + 1)–\(last) of \(lines.count), \(percent)%"
        let keys = width >= 96 ? "Space page  [ ] headings  / search  ! crisis lines  ? help  q back"
            : width >= 76 ? "Space page  / search  ! crisis  ? help  q back" : "! crisis  ? help  q back"
        return paint.bar(TextFit.pad(TextFit.spread(" " + position, keys + " ", width: width), to: width))
    }

    static let helpLines = [
        "Keys for reading",
        "",
        "  Down, j, Enter     one line down        Up, k            one line up",
        "  Space, PgDn, f     one page down        PgUp, b          one page up",
        "  d, Ctrl-D          half a page down     u, Ctrl-U        half a page up",
        "  Ctrl-F             one page down        Ctrl-B           one page up",
        "  Home, g, <         top                  End, G, >        bottom",
        "  ] or Tab           next heading         [                previous heading",
        "  t                  list of headings (contents)",
        "  /                  search; n next match, N previous match",
        "  q, Esc, Left       back to the course map",
        "  !                  crisis lines: who to contact now",
        "  Ctrl-C             leave Lantern (your progress is saved)",
        "",
        "Press any key to go back to the text.",
    ]
}
