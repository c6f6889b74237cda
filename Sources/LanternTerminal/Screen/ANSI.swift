/// The few escape sequences the full-screen learner writes (and `VirtualScreen` understands).
enum ANSI {
    static let escape = "\u{1B}["
    static let alternateScreenOn = "\u{1B}[?1049h"
    static let alternateScreenOff = "\u{1B}[?1049l"
    static let hideCursor = "\u{1B}[?25l"
    static let showCursor = "\u{1B}[?25h"
    static let clearScreen = "\u{1B}[2J"
    static let home = "\u{1B}[H"
    static let clearToEndOfLine = "\u{1B}[K"
    static let clearToEndOfScreen = "\u{1B}[J"
    static let resetStyle = "\u{1B}[0m"
    static let inverse = "\u{1B}[7m"
    static let bold = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"

    /// Moves the cursor to a 1-based row and column.
    static func moveTo(row: Int, column: Int) -> String { "\u{1B}[\(row);\(column)H" }
}
