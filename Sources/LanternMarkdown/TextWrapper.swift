import LanternDiagnostics
/// A piece of inline text with one style.
struct StyledFragment: Hashable {
    var text: String
    var style: TerminalStyle

    /// Every piece of text the terminal renderer prints passes here: it is cleaned of control,
    /// escape and bidi characters (`TerminalSafeText`) before the renderer adds its own styling.
    init(text: String, style: TerminalStyle) {
        self.text = TerminalSafeText.clean(text)
        self.style = style
    }
}

/// Greedy word wrapping of styled inline text to a column width, measured in display columns.
/// Words longer than a line are broken between characters.
struct TextWrapper {
    let width: Int
    let color: Bool

    /// A word: fragments with no whitespace between them ("**bold**," is one word of two fragments).
    private struct Word {
        var fragments: [StyledFragment] = []
        var width = 0
        var isEmpty: Bool { fragments.isEmpty }
    }

    private enum Token {
        case word(Word)
        case hardBreak
    }

    /// Wraps the fragments; `\n` inside a fragment forces a line break.
    func wrap(_ fragments: [StyledFragment]) -> [TerminalLine] {
        var lines: [TerminalLine] = []
        var text = ""
        var plain = ""
        var column = 0
        // The style whose escape is currently open on this line: consecutive fragments and the
        // spaces between them share one escape sequence.
        var openStyle: TerminalStyle = []
        let limit = max(1, width)

        func finishLine() {
            if !openStyle.isEmpty { text += TerminalStyle.reset }
            openStyle = []
            lines.append(TerminalLine(text: text, plain: plain))
            text = ""
            plain = ""
            column = 0
        }

        func switchStyle(to style: TerminalStyle) {
            guard color, style != openStyle else { return }
            if !openStyle.isEmpty { text += TerminalStyle.reset }
            if !style.isEmpty { text += style.escape }
            openStyle = style
        }

        func emit(_ fragment: StyledFragment) {
            switchStyle(to: fragment.style)
            text += fragment.text
            plain += fragment.text
        }

        for token in tokens(fragments) {
            guard case .word(let word) = token else {
                finishLine()
                continue
            }
            if column > 0 {
                if column + 1 + word.width <= limit {
                    // A space stays inside the open style only when the next word continues it.
                    if let next = word.fragments.first?.style, next != openStyle { switchStyle(to: []) }
                    text += " "
                    plain += " "
                    column += 1
                } else {
                    finishLine()
                }
            }
            if word.width <= limit - column {
                for fragment in word.fragments { emit(fragment) }
                column += word.width
                continue
            }
            // A word longer than the line: break it between characters.
            for fragment in word.fragments {
                var piece = ""
                for character in fragment.text {
                    let characterWidth = DisplayWidth.of(character)
                    if column + characterWidth > limit, column > 0 {
                        if !piece.isEmpty { emit(StyledFragment(text: piece, style: fragment.style)) }
                        piece = ""
                        finishLine()
                    }
                    piece.append(character)
                    column += characterWidth
                }
                if !piece.isEmpty { emit(StyledFragment(text: piece, style: fragment.style)) }
            }
        }
        if column > 0 || !text.isEmpty || lines.isEmpty { finishLine() }
        return lines
    }

    /// Splits fragments into words at spaces and hard breaks, keeping each piece's style.
    private func tokens(_ fragments: [StyledFragment]) -> [Token] {
        var tokens: [Token] = []
        var word = Word()

        func endWord() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = Word()
        }

        for fragment in fragments {
            var current = ""
            var currentWidth = 0
            func flush() {
                if !current.isEmpty {
                    word.fragments.append(StyledFragment(text: current, style: fragment.style))
                    word.width += currentWidth
                }
                current = ""
                currentWidth = 0
            }
            for character in fragment.text {
                if character == "\n" || character == "\r\n" {
                    flush(); endWord()
                    tokens.append(.hardBreak)
                } else if character == " " || character == "\t" {
                    flush(); endWord()
                } else {
                    current.append(character)
                    currentWidth += DisplayWidth.of(character)
                }
            }
            flush()
        }
        endWord()
        return tokens
    }
}
