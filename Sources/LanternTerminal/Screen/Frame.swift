/// One full screen of output: a row of text per terminal row (ANSI styling allowed, each row
/// already fitted to the width). Drawn by addressing every row, so nothing depends on where
/// the cursor was or on how a terminal wraps at the last column.
public struct Frame: Sendable, Hashable {
    public var rows: [String]

    public init(rows: [String]) {
        self.rows = rows
    }

    /// The escape sequences that draw this frame over whatever was on the screen.
    public func rendered(rows height: Int) -> String {
        var out = ANSI.hideCursor
        for index in 0..<height {
            out += ANSI.moveTo(row: index + 1, column: 1) + "\u{1B}[2K"
            if index < rows.count { out += rows[index] + ANSI.resetStyle }
        }
        return out
    }
}
