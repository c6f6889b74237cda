import LanternMarkdown

/// A grid of character cells that interprets what the learner writes (text, CR/LF, cursor
/// moves, clears; colours are ignored), so tests can read the screen a person would see.
public struct VirtualScreen: Sendable {
    public private(set) var size: TerminalSize
    private var cells: [[String]]
    private var row = 0
    private var column = 0
    public private(set) var cursorVisible = true
    public private(set) var alternateScreen = false
    private var pendingEscape: [Character] = []

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: Array(repeating: " ", count: size.columns), count: size.rows)
    }

    /// The rows as text, trailing spaces removed.
    public var lines: [String] {
        cells.map { row in
            var line = row.joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The whole screen, one row per line.
    public var text: String { lines.joined(separator: "\n") }

    public mutating func resize(to size: TerminalSize) {
        self.size = size
        cells = Array(repeating: Array(repeating: " ", count: size.columns), count: size.rows)
        row = 0
        column = 0
    }

    public mutating func apply(_ text: String) {
        for character in text {
            if !pendingEscape.isEmpty || character == "\u{1B}" {
                pendingEscape.append(character)
                finishEscapeIfComplete()
                continue
            }
            switch character {
            case "\r": column = 0
            case "\n": lineFeed()
            case "\r\n": column = 0; lineFeed()
            default: put(character)
            }
        }
    }

    private mutating func lineFeed() {
        if row + 1 < size.rows {
            row += 1
        } else {
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: size.columns))
        }
    }

    private mutating func put(_ character: Character) {
        let width = DisplayWidth.of(character)
        guard width > 0 else { return }
        if column + width > size.columns {
            column = 0
            lineFeed()
        }
        cells[row][column] = String(character)
        if width == 2 { cells[row][column + 1] = "" }
        column += width
    }

    private mutating func finishEscapeIfComplete() {
        guard pendingEscape.count >= 2 else { return }
        guard pendingEscape[1] == "[" else { pendingEscape.removeAll(); return }
        guard let last = pendingEscape.last, pendingEscape.count > 2, let ascii = last.asciiValue, (0x40...0x7E).contains(ascii) else {
            if pendingEscape.count > 32 { pendingEscape.removeAll() }
            return
        }
        let body = String(pendingEscape.dropFirst(2).dropLast())
        pendingEscape.removeAll()
        let isPrivate = body.hasPrefix("?")
        let numbers = body.drop(while: { $0 == "?" }).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch last {
        case "H", "f":
            row = min(size.rows - 1, max(0, ((numbers.first ?? nil) ?? 1) - 1))
            column = min(size.columns - 1, max(0, ((numbers.count > 1 ? numbers[1] : nil) ?? 1) - 1))
        case "J":
            let mode = (numbers.first ?? nil) ?? 0
            if mode == 2 {
                for index in cells.indices { clear(row: index, from: 0) }
            } else {
                clear(row: row, from: column)
                for index in (row + 1)..<size.rows { clear(row: index, from: 0) }
            }
        case "K":
            clear(row: row, from: (numbers.first ?? nil) == 2 ? 0 : column)
        case "h" where isPrivate, "l" where isPrivate:
            let on = last == "h"
            if numbers.first == 25 { cursorVisible = on }
            if numbers.first == 1049 {
                alternateScreen = on
                for index in cells.indices { clear(row: index, from: 0) }
            }
        default:
            break // colours and anything else: no effect on the text
        }
    }

    private mutating func clear(row index: Int, from start: Int) {
        guard index < cells.count, start < size.columns else { return }
        for position in start..<size.columns { cells[index][position] = " " }
    }
}
